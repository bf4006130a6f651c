import { deleteMapping, listMappings, saveMapping } from '../db/mappings-repo';
import type { Catalog } from '../domain/catalog-model';
import { newId } from '../domain/ids';
import { mappingTargets, requiredTarget, type MappingTarget } from '../io/mapping/mapping-targets';
import {
  applyMapping,
  distinctValues,
  fillSuggestions,
  hasValue,
  headerTexts,
  initialMapping,
  mappedColumns,
  mappingIssues,
  mappingPlan,
  targetOf,
  targetOptions,
  valueMappedColumns,
  withValue,
  type DistinctValue,
  type MappingContext,
  type MappingResult,
  type SheetMapping,
  type TargetRegister,
} from '../io/mapping/mapping';
import { choiceOf, valueOfChoice } from '../io/mapping/mapping-values';
import { mappingRefusals } from '../io/mapping/mapping-read';
import { fromSaved, SAVED_MATCH_THRESHOLD, savedMatch, toSaved, type SavedMapping } from '../io/mapping/mapping-saved';
import { locale, t } from '../i18n/i18n';
import type { IoProblem } from '../io/problems';
import type { ReadSheet } from '../io/sheets/sheet-read';
import type { TextEncodingName } from '../io/text-decode';
import { app } from './app.svelte';
import { runWorker } from './bundles';
import { applySpreadsheet } from './spreadsheets';
import { loadMappingContext } from './mapping-context';
import type { ValueContext } from '../i18n/value-text';
import { namesOf, valueContextOf } from './value-context';

export type WizardStep = 'file' | 'sheet' | 'columns' | 'values' | 'preview' | 'done';
export type EncodingChoice = 'detect' | TextEncodingName;
export { LEAVE_EMPTY, UNMAPPED } from '../io/mapping/mapping-values';
const GUESSED = 'csv-encoding-guessed';
const STEP_ORDER: readonly WizardStep[] = ['file', 'sheet', 'columns', 'values', 'preview'];
const HEADER_CHOICES = 30; // rows the header-row select offers

/**
 * The wizard that imports a register kept in someone else's spreadsheet: file → sheet and header
 * row → columns → values → preview → one transaction. Reading runs in the worker; everything after
 * is pure mapping logic (src/io/mapping/mapping.ts) on the rows held here.
 */
export class MappingWizardState {
  readonly #workspaceId: () => string;
  readonly #catalog: () => Catalog;
  #step = $state<WizardStep>('file');
  #register = $state<TargetRegister>('risks');
  #encoding = $state<EncodingChoice>('detect');
  #file = $state.raw<File | null>(null);
  #busy = $state(false);
  #readProblems = $state.raw<IoProblem[]>([]);
  #warnings = $state.raw<IoProblem[]>([]);
  #askEncoding = $state(false);
  #sheets = $state.raw<ReadSheet[]>([]);
  #sheetIndex = $state(0);
  #mapping = $state.raw<SheetMapping | null>(null);
  #context = $state.raw<Omit<MappingContext, 'sheet'> | null>(null);
  #saved = $state.raw<SavedMapping[]>([]);
  #savedInvalid = $state(0);
  #usedSaved = $state.raw<SavedMapping | null>(null);
  #imported = $state(0);
  /** Worded where read, so it follows a language switch. */
  #status = $state<(() => string) | null>(null);
  #distinct = new Map<string, DistinctValue[]>();
  #distinctRows: unknown = null;

  readonly rows = $derived(this.#sheets[this.#sheetIndex]?.rows ?? []);
  readonly headers = $derived(this.#mapping ? headerTexts(this.rows, this.#mapping.headerRow) : []);
  readonly issues = $derived(this.#mapping ? mappingIssues(this.#mapping, this.headers) : []);
  readonly valueColumns = $derived(this.#mapping ? valueMappedColumns(this.#mapping) : []);
  /** Recomputed only when read: the preview step reads it. */
  readonly result = $derived<MappingResult | null>(
    this.#mapping && this.#context ? applyMapping(this.rows, this.#mapping, { ...this.#context, sheet: this.sheetName }) : null,
  );
  readonly offers = $derived(
    this.#saved
      .map((m) => ({ mapping: m, score: savedMatch(m, this.#register, this.headers) }))
      .filter((o) => o.score >= SAVED_MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score),
  );

  constructor(workspaceId: () => string, catalog: () => Catalog) {
    this.#workspaceId = workspaceId;
    this.#catalog = catalog;
  }

  get step() {
    return this.#step;
  }
  get register() {
    return this.#register;
  }
  get encoding() {
    return this.#encoding;
  }
  get file() {
    return this.#file;
  }
  get busy() {
    return this.#busy;
  }
  get readProblems() {
    return this.#readProblems;
  }
  get warnings() {
    return this.#warnings;
  }
  get askEncoding() {
    return this.#askEncoding;
  }
  get sheets() {
    return this.#sheets;
  }
  get sheetIndex() {
    return this.#sheetIndex;
  }
  get mapping() {
    return this.#mapping;
  }
  get savedInvalid() {
    return this.#savedInvalid;
  }
  get usedSaved() {
    return this.#usedSaved;
  }
  get imported() {
    return this.#imported;
  }
  get status() {
    return this.#status?.() ?? '';
  }
  get sheetName() {
    return this.#sheets[this.#sheetIndex]?.name ?? '';
  }
  get clipped() {
    return this.#sheets[this.#sheetIndex]?.clipped ?? false;
  }
  /** The first rows, to pick the header row from. */
  get headerChoices() {
    return this.rows.slice(0, HEADER_CHOICES);
  }

  setRegister(register: TargetRegister): void {
    this.#register = register;
    if (this.#mapping) this.#setMapping(initialMapping(this.rows, register, this.#mapping.headerRow));
  }

  setEncoding(encoding: EncodingChoice): void {
    this.#encoding = encoding;
  }

  setFile(file: File | null): void {
    this.#file = file;
    this.#readProblems = [];
    this.#askEncoding = false;
  }

  /** Reads the file in the worker; a CSV whose encoding is only a guess stops here and asks. */
  async read(): Promise<void> {
    const file = this.#file;
    if (!file || this.#busy) return;
    this.#busy = true;
    this.#readProblems = [];
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const csvEncoding = this.#encoding === 'detect' ? undefined : this.#encoding;
      const job = runWorker(
        { type: 'read-sheets', bytes, fileName: file.name, locale: locale(), ...(csvEncoding ? { csvEncoding } : {}) },
        () => {},
        (r) => (r.type === 'sheets' ? r.result : undefined),
      );
      const [read, context, saved] = await Promise.all([job.done, loadMappingContext(this.#workspaceId(), this.#catalog()), listMappings()]);
      const refusals = read.ok ? mappingRefusals(read.warnings) : read.problems;
      if (!read.ok || refusals.length > 0) {
        this.#readProblems = refusals;
        return;
      }
      this.#context = context;
      this.#saved = saved.mappings;
      this.#savedInvalid = saved.invalid.length;
      this.#warnings = read.warnings.filter((w) => w.code !== GUESSED);
      this.#sheets = read.sheets;
      const first = read.sheets.findIndex((s) => s.rows.length > 0);
      this.chooseSheet(Math.max(0, first));
      this.#askEncoding = read.warnings.some((w) => w.code === GUESSED);
      if (!this.#askEncoding) this.#go('sheet');
    } catch (e) {
      app.report(e);
    } finally {
      this.#busy = false;
    }
  }

  /** After the encoding question: the text as read is right. */
  keepEncoding(): void {
    this.#askEncoding = false;
    this.#go('sheet');
  }

  chooseSheet(index: number): void {
    this.#sheetIndex = index;
    this.#usedSaved = null;
    this.#setMapping(initialMapping(this.rows, this.#register));
  }

  setHeaderRow(row: number): void {
    this.#usedSaved = null;
    this.#setMapping(initialMapping(this.rows, this.#register, row));
  }

  /** Lays a saved mapping onto this sheet; values it does not know get suggestions. */
  useSaved(id: string): void {
    const saved = this.#saved.find((m) => m.id === id);
    if (!saved || !this.#mapping || !this.#context) return;
    this.#register = saved.register;
    const fallback = initialMapping(this.rows, saved.register, this.#mapping.headerRow).columns;
    this.#usedSaved = saved;
    this.#setMapping(fromSaved(saved, this.headers, this.#mapping.headerRow, fallback, this.#context));
    this.#status = () => t('mapping.saved.used', { name: saved.name });
  }

  async deleteSaved(id: string): Promise<void> {
    try {
      await deleteMapping(id);
      this.#saved = this.#saved.filter((m) => m.id !== id);
      if (this.#usedSaved?.id === id) this.#usedSaved = null;
    } catch (e) {
      app.report(e);
    }
  }

  setColumn(col: number, key: string | null): void {
    const m = this.#mapping;
    if (!m) return;
    const columns = m.columns.map((k, i) => (i === col ? key : k));
    const values = m.values.map((v, i) => (i === col ? {} : v));
    this.#setMapping({ ...m, columns, values });
  }

  #setMapping(m: SheetMapping): void {
    this.#mapping = this.#context ? fillSuggestions(this.rows, m, this.#context) : m;
  }

  /** Targets the column selects offer, for the current register. */
  get targets(): MappingTarget[] {
    return mappingTargets(this.#register);
  }

  target(col: number): MappingTarget | undefined {
    return this.#mapping ? targetOf(this.#mapping.register, this.#mapping.columns[col]) : undefined;
  }

  /** A few texts from the column's data rows, to recognise it by. */
  samples(col: number): string[] {
    return this.#mapping ? distinctValues(this.rows, this.#mapping, col, 3).map((d) => d.text) : [];
  }

  get mappedColumns(): { col: number; target: MappingTarget }[] {
    return this.#mapping ? mappedColumns(this.#mapping) : [];
  }

  /** What the preview words mapped values with (ui/value-text): the matrix's levels, the systems' and controls' names. Build it once per view. */
  valueContext(): ValueContext {
    return valueContextOf(
      { aiSystems: namesOf('aiSystems', this.#context?.systems ?? []), items: namesOf('items', this.#catalog().controls) },
      this.#context?.matrix,
    );
  }

  /** Cached per sheet, header row, title column and target: a value choice does not rescan the sheet. */
  distinct(col: number): DistinctValue[] {
    const m = this.#mapping;
    if (!m) return [];
    if (this.#distinctRows !== this.rows) this.#distinct.clear();
    this.#distinctRows = this.rows;
    const key = `${m.register}|${m.headerRow}|${m.columns.indexOf(requiredTarget(m.register).key)}|${col}|${m.columns[col]}`;
    let hit = this.#distinct.get(key);
    if (!hit) this.#distinct.set(key, (hit = distinctValues(this.rows, m, col)));
    return hit;
  }

  options(col: number) {
    const target = this.target(col);
    return target && this.#context ? targetOptions(target, this.#context) : [];
  }

  /** The select value for one source text: UNMAPPED, LEAVE_EMPTY or an option's index. */
  valueChoice(col: number, key: string): string {
    return choiceOf(this.#mapping?.values[col] ?? {}, key, this.options(col));
  }

  chooseValue(col: number, key: string, choice: string): void {
    const m = this.#mapping;
    if (!m) return;
    const map = withValue(m.values[col] ?? {}, key, valueOfChoice(choice, this.options(col)));
    this.#mapping = { ...m, values: m.values.map((v, i) => (i === col ? map : v)) };
  }

  /** Unmapped texts of one column: each would be a row problem. */
  unmappedCount(col: number): number {
    const map = this.#mapping?.values[col] ?? {};
    return this.distinct(col).filter((d) => !hasValue(map, d.key)).length;
  }

  next(): void {
    this.#move(1);
  }
  back(): void {
    this.#move(-1);
  }

  /** One step on or back; the values step is passed over when no column maps values. */
  #move(by: 1 | -1): void {
    let i = STEP_ORDER.indexOf(this.#step) + by;
    if (STEP_ORDER[i] === 'values' && this.valueColumns.length === 0) i += by;
    const step = STEP_ORDER[i];
    if (step) this.#go(step);
  }

  #go(step: WizardStep): void {
    [this.#step, this.#status] = [step, null];
  }

  /** Writes the rows without problems in one transaction. */
  async importRows(): Promise<void> {
    const result = this.result;
    if (!result || result.writes.length === 0 || this.#busy) return;
    this.#busy = true;
    const n = await applySpreadsheet(this.#workspaceId(), mappingPlan(result, this.#register, this.sheetName));
    this.#busy = false;
    if (n === null) return;
    this.#imported = n;
    this.#go('done');
    app.announce(t(this.#register === 'risks' ? 'mapping.done.risks' : 'mapping.done.aiSystems', { count: n }));
  }

  /** Saves the mapping under a name; the same name for the same register replaces the older one. */
  async saveAs(name: string): Promise<boolean> {
    const m = this.#mapping;
    const trimmed = name.trim();
    if (!m || !trimmed) return false;
    const same = this.#saved.find((s) => s.register === m.register && s.name.toLowerCase() === trimmed.toLowerCase());
    try {
      const saved = await saveMapping(
        toSaved(m, this.headers, { id: same?.id ?? newId(), name: trimmed, now: new Date().toISOString(), ...(same ? { createdAt: same.createdAt } : {}) }),
      );
      this.#saved = [...this.#saved.filter((s) => s.id !== saved.id), saved];
      this.#usedSaved = saved;
      this.#status = () => t('mapping.saved.done', { name: saved.name });
      return true;
    } catch (e) {
      app.report(e);
      return false;
    }
  }

  /** Back to the start for another file; the register and saved mappings stay. */
  restart(): void {
    this.#sheets = [];
    this.#mapping = null;
    this.#file = null;
    this.#warnings = [];
    this.#usedSaved = null;
    this.#askEncoding = false;
    this.#go('file');
  }
}
