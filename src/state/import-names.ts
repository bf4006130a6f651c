import type { Catalog } from '../domain/catalog-model';
import type { HistoryTable } from '../domain/history';
import type { RiskMatrix } from '../domain/risk-matrix';
import { recordNames, type NamedRecords } from '../i18n/value-context';
import type { ValueContext } from '../i18n/value-text';

type Row = Record<string, unknown>;

/** Records by register: a workspace's as they are, a bundle's as they would be written. */
export type RecordSource = ReadonlyMap<string, readonly Row[]>;

export interface NamingContext extends ValueContext {
  /** Any record as a person knows it ("R-002 Title", a system's name, "4.1 Title", an impact assessment by system and version); never its id. */
  recordName(table: HistoryTable, row: Row): string;
}

const NAMED = ['risks', 'aiSystems', 'ownControls', 'cycleRecords', 'impactAssessments'] as const;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The import preview's ValueContext (the shared `recordNames` over records of several sources, the
 * first source that has an id winning), which also names records of every register the preview lists.
 */
export function namingContext(sources: readonly RecordSource[], catalog: Pick<Catalog, 'byId'> | undefined, matrix?: RiskMatrix): NamingContext {
  const named: Partial<Record<(typeof NAMED)[number], Row[]>> = {};
  for (const table of NAMED) {
    const seen = new Set<string>();
    named[table] = sources.flatMap((s) => s.get(table) ?? []).filter((r) => !seen.has(str(r.id)) && Boolean(seen.add(str(r.id))));
  }
  const ctx = recordNames({ ...(named as unknown as NamedRecords), ...(matrix ? { matrix } : {}), ...(catalog ? { items: catalog.byId } : {}) });
  return {
    ...ctx,
    recordName(table: HistoryTable, row: Row) {
      switch (table) {
        case 'assessments':
          return ctx.nameOf('items', str(row.itemId)) ?? str(row.itemId);
        case 'evidence':
        case 'workspaces':
          return str(row.title) || str(row.name);
        default: {
          // The row as given (a renumbered risk reads with its new number); an assessment by its system's name.
          const one = { [table]: [row], ...(table === 'impactAssessments' ? { aiSystems: named.aiSystems } : {}) } as unknown as NamedRecords;
          return recordNames(one).nameOf(table, str(row.id)) ?? '';
        }
      }
    },
  };
}
