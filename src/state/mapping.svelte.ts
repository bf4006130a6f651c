import type { Catalog } from '../domain/catalog-model';
import { t } from '../i18n/i18n';
import {
  applyMapping,
  headerTexts,
  initialMapping,
  mappingIssues,
  mappingPlan,
  valueMappedColumns,
  type MappingResult,
  type TargetRegister,
} from '../io/mapping/mapping';
import { fromSaved } from '../io/mapping/mapping-saved';
import { mappingTargets, type MappingTarget } from '../io/mapping/mapping-targets';
import type { IoProblem } from '../io/problems';
import type { ReadSheet } from '../io/sheets/sheet-read';
import { app } from './app.svelte';
import { MappingColumnsState } from './mapping-columns.svelte';
import { readForMapping, type EncodingChoice } from './mapping-read';
import { SavedMappingList } from './mapping-saved.svelte';
import { applySpreadsheet } from './spreadsheets';

export type WizardStep = 'file' | 'sheet' | 'columns' | 'values' | 'preview' | 'done';
export type { EncodingChoice } from './mapping-read';
export { LEAVE_EMPTY, UNMAPPED } from '../io/mapping/mapping-values';
const STEP_ORDER: readonly WizardStep[] = ['file', 'sheet', 'columns', 'values', 'preview'];
const HEADER_CHOICES = 30; // rows the header-row select offers

/**
 * The wizard that imports a register kept in someone else's spreadsheet: file → sheet and header
 * row → columns → values → preview → one transaction. Reading runs in the worker; everything after
 * is pure mapping logic (src/io/mapping/mapping.ts) on the rows held here. Reading the file is in
 * mapping-read.ts, the saved mappings in mapping-saved.svelte.ts.
 */
export class MappingWizardState extends MappingColumnsState {
  readonly #workspaceId: () => string;
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
  readonly #saved = new SavedMappingList();
  #imported = $state(0);
  /** Worded where read, so it follows a language switch. */
  #status = $state<(() => string) | null>(null);

  readonly rows = $derived(this.#sheets[this.#sheetIndex]?.rows ?? []);
  readonly headers = $derived(this.sheetMapping ? headerTexts(this.rows, this.sheetMapping.headerRow) : []);
  readonly issues = $derived(this.sheetMapping ? mappingIssues(this.sheetMapping, this.headers) : []);
  readonly valueColumns = $derived(this.sheetMapping ? valueMappedColumns(this.sheetMapping) : []);
  /** Recomputed only when read: the preview step reads it. */
  readonly result = $derived<MappingResult | null>(
    this.sheetMapping && this.mappingContext ? applyMapping(this.rows, this.sheetMapping, { ...this.mappingContext, sheet: this.sheetName }) : null,
  );
  readonly offers = $derived(this.#saved.offers(this.#register, this.headers));

  constructor(workspaceId: () => string, catalog: () => Catalog) {
    super(catalog);
    this.#workspaceId = workspaceId;
  }

  protected readRows() {
    return this.rows;
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
  get savedInvalid() {
    return this.#saved.invalid;
  }
  get usedSaved() {
    return this.#saved.used;
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
    if (this.sheetMapping) this.setMapping(initialMapping(this.rows, register, this.sheetMapping.headerRow));
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
      const read = await readForMapping(file, this.#encoding, this.#workspaceId(), this.catalog());
      if (!read.ok) {
        this.#readProblems = read.problems;
        return;
      }
      this.mappingContext = read.context;
      this.#saved.loaded(read.saved.mappings, read.saved.invalid.length);
      this.#warnings = read.warnings;
      this.#sheets = read.sheets;
      const first = read.sheets.findIndex((s) => s.rows.length > 0);
      this.chooseSheet(Math.max(0, first));
      this.#askEncoding = read.encodingGuessed;
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
    this.#saved.used = null;
    this.setMapping(initialMapping(this.rows, this.#register));
  }

  setHeaderRow(row: number): void {
    this.#saved.used = null;
    this.setMapping(initialMapping(this.rows, this.#register, row));
  }

  /** Lays a saved mapping onto this sheet; values it does not know get suggestions. */
  useSaved(id: string): void {
    const saved = this.#saved.find(id);
    if (!saved || !this.sheetMapping || !this.mappingContext) return;
    this.#register = saved.register;
    const fallback = initialMapping(this.rows, saved.register, this.sheetMapping.headerRow).columns;
    this.#saved.used = saved;
    this.setMapping(fromSaved(saved, this.headers, this.sheetMapping.headerRow, fallback, this.mappingContext));
    this.#status = () => t('mapping.saved.used', { name: saved.name });
  }

  deleteSaved(id: string): Promise<void> {
    return this.#saved.delete(id);
  }

  /** Targets the column selects offer, for the current register. */
  get targets(): MappingTarget[] {
    return mappingTargets(this.#register);
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
    const m = this.sheetMapping;
    const trimmed = name.trim();
    if (!m || !trimmed) return false;
    const saved = await this.#saved.save(m, this.headers, trimmed);
    if (!saved) return false;
    this.#status = () => t('mapping.saved.done', { name: saved.name });
    return true;
  }

  /** Back to the start for another file; the register and saved mappings stay. */
  restart(): void {
    this.#sheets = [];
    this.sheetMapping = null;
    this.#file = null;
    this.#warnings = [];
    this.#saved.used = null;
    this.#askEncoding = false;
    this.#go('file');
  }
}
