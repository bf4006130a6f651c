import type { Catalog } from '../domain/catalog-model';
import type { ValueContext } from '../i18n/value-text';
import {
  distinctValues,
  fillSuggestions,
  hasValue,
  mappedColumns,
  targetOf,
  targetOptions,
  withValue,
  type DistinctValue,
  type MappingContext,
  type SheetMapping,
} from '../io/mapping/mapping';
import type { MappingTarget } from '../io/mapping/mapping-targets';
import { choiceOf, valueOfChoice } from '../io/mapping/mapping-values';
import type { CellValue } from '../io/sheets/sheet-cells';
import { DistinctValueCache } from './mapping-distinct';
import { namesOf, valueContextOf } from './value-context';

/**
 * The mapping wizard's columns and values steps: the sheet's mapping (which column feeds which
 * field, which text means which value) and what the steps show of it (samples, distinct texts,
 * the options a value select offers). The wizard (mapping.svelte.ts) reads the file and moves
 * between steps; it sets the rows, the mapping and the workspace's context.
 */
export abstract class MappingColumnsState {
  protected readonly catalog: () => Catalog;
  protected sheetMapping = $state.raw<SheetMapping | null>(null);
  protected mappingContext = $state.raw<Omit<MappingContext, 'sheet'> | null>(null);
  readonly #distinct = new DistinctValueCache();

  constructor(catalog: () => Catalog) {
    this.catalog = catalog;
  }

  /** The current sheet's rows. */
  protected abstract readRows(): readonly (readonly CellValue[])[];

  get mapping() {
    return this.sheetMapping;
  }

  setColumn(col: number, key: string | null): void {
    const m = this.sheetMapping;
    if (!m) return;
    const columns = m.columns.map((k, i) => (i === col ? key : k));
    const values = m.values.map((v, i) => (i === col ? {} : v));
    this.setMapping({ ...m, columns, values });
  }

  /** A new mapping, with suggested values for the texts of its value columns. */
  protected setMapping(m: SheetMapping): void {
    this.sheetMapping = this.mappingContext ? fillSuggestions(this.readRows(), m, this.mappingContext) : m;
  }

  target(col: number): MappingTarget | undefined {
    return this.sheetMapping ? targetOf(this.sheetMapping.register, this.sheetMapping.columns[col]) : undefined;
  }

  /** A few texts from the column's data rows, to recognise it by. */
  samples(col: number): string[] {
    return this.sheetMapping ? distinctValues(this.readRows(), this.sheetMapping, col, 3).map((d) => d.text) : [];
  }

  get mappedColumns(): { col: number; target: MappingTarget }[] {
    return this.sheetMapping ? mappedColumns(this.sheetMapping) : [];
  }

  /** What the preview words mapped values with (ui/value-text): the matrix's levels, the systems' and controls' names. Build it once per view. */
  valueContext(): ValueContext {
    return valueContextOf(
      { aiSystems: namesOf('aiSystems', this.mappingContext?.systems ?? []), items: namesOf('items', this.catalog().controls) },
      this.mappingContext?.matrix,
    );
  }

  /** Cached per sheet, header row, title column and target: a value choice does not rescan the sheet. */
  distinct(col: number): DistinctValue[] {
    return this.sheetMapping ? this.#distinct.get(this.readRows(), this.sheetMapping, col) : [];
  }

  options(col: number) {
    const target = this.target(col);
    return target && this.mappingContext ? targetOptions(target, this.mappingContext) : [];
  }

  /** The select value for one source text: UNMAPPED, LEAVE_EMPTY or an option's index. */
  valueChoice(col: number, key: string): string {
    return choiceOf(this.sheetMapping?.values[col] ?? {}, key, this.options(col));
  }

  chooseValue(col: number, key: string, choice: string): void {
    const m = this.sheetMapping;
    if (!m) return;
    const map = withValue(m.values[col] ?? {}, key, valueOfChoice(choice, this.options(col)));
    this.sheetMapping = { ...m, values: m.values.map((v, i) => (i === col ? map : v)) };
  }

  /** Unmapped texts of one column: each would be a row problem. */
  unmappedCount(col: number): number {
    const map = this.sheetMapping?.values[col] ?? {};
    return this.distinct(col).filter((d) => !hasValue(map, d.key)).length;
  }
}
