import type { Catalog } from '../../domain/catalog-model';
import type { CycleKind } from '../../domain/cycle/registry';
import type { HistoryTable } from '../../domain/history';
import type { RefTarget } from '../../domain/register-values';
import type { RiskMatrix } from '../../domain/risk-matrix';
import type { TreatmentLink } from '../../domain/soa-links';
import type { SheetColumn } from './sheet-columns';

/** What every register sheet is: its key, its columns, and the workspace context its cells read. */

export interface SheetContext {
  catalog: Catalog;
  matrix: RiskMatrix;
  systems: { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> };
  ownControls: { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> };
  links: ReadonlyMap<string, readonly TreatmentLink[]>;
  /** The controls `links` has an entry for (a risk that is not closed relies on them): what an import needs, far cheaper than the links themselves. */
  treated: ReadonlySet<string>;
  /** The workspace's management-system records, by id and by upper-case ref (each kind has its own prefix; a ref two records share is left out). */
  cycle: { byId: ReadonlyMap<string, { ref: string; kind: CycleKind }>; byRef: ReadonlyMap<string, { id: string; kind: CycleKind }> };
}

/** A management-system register's sheet: `cycle:<kind>`. */
export type CycleSheetKey = `cycle:${CycleKind}`;
export type SheetKey = 'clauses' | 'soa' | 'aiSystems' | 'risks' | 'ownControls' | CycleSheetKey;

export const isCycleSheet = (key: SheetKey): key is CycleSheetKey => key.startsWith('cycle:');
export const cycleKindOf = (key: CycleSheetKey): CycleKind => key.slice('cycle:'.length) as CycleKind;

/**
 * Where a sheet's rows live: the register whose field declarations word its values
 * (`domain/register-values`), and what its id column names (records; catalog items on the
 * walkthrough and SoA sheets, whose rows are the answers to them).
 */
export function sheetRecords(key: SheetKey): { table: HistoryTable; target: RefTarget } {
  if (key === 'clauses' || key === 'soa') return { table: 'assessments', target: 'items' };
  if (isCycleSheet(key)) return { table: 'cycleRecords', target: 'cycleRecords' };
  return { table: key, target: key };
}

/**
 * A register as a sheet. `key` is the stable id column: catalog ids for the walkthrough and
 * SoA sheets, record ids (uuids) for the registers; an empty id on import creates a record.
 */
export interface RegisterSheet<R> {
  key: SheetKey;
  name: string;
  idHeader: string;
  idOf(record: R): string;
  columns: SheetColumn<R, SheetContext>[];
  /** At most one record may exist (the scope): a second row that creates one is a problem. */
  singleton?: boolean;
}
