import { cisoFileName, toCisoLibrary } from '../domain/ciso-export';
import { matrixFromCiso } from '../domain/ciso-import';
import { issue, MAX_IMPORT_BYTES, type MatrixIssue } from '../domain/ciso-matrix';
import { locale, t } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { downloadBlob } from '../state/download';
import { describeIssue } from './criteria-issues';
import type { CriteriaEditor } from './risk-criteria.svelte';

/**
 * The risk criteria page's exchange with CISO Assistant: a file (YAML library, API JSON, bare
 * matrix) becomes a preview in the editor, with a choice when it holds several matrices; the
 * matrix goes out as a CISO Assistant library (YAML, or JSON as a second choice). The file
 * reader and the YAML library load only here, on use.
 */
/** "English", "中文" for a file's language code, in the UI language; the code itself if the browser has no name for it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code.replace('_', '-')) ?? code;
  } catch {
    return code;
  }
}

export class MatrixExchange {
  readonly #editor: CriteriaEditor;
  /** The last file's data, kept so another of its matrices can be picked without reading it again. */
  #data: unknown = null;
  #issues = $state.raw<MatrixIssue[]>([]);
  /** Worded where read, so a switch of language rewords them. */
  readonly problems = $derived(this.#issues.map((i) => describeIssue(i, 'file')));
  /** Names of the file's matrices when it holds several; empty otherwise. */
  choices = $state.raw<string[]>([]);
  picked = $state(0);

  constructor(editor: CriteriaEditor) {
    this.#editor = editor;
  }

  async readFile(file: File): Promise<void> {
    this.#editor.showImport(null);
    this.#data = null;
    this.choices = [];
    try {
      const io = await import('../io/ciso/ciso-file');
      // The size is checked before a single byte is read or parsed.
      const parsed =
        file.size > MAX_IMPORT_BYTES
          ? { ok: false as const, issues: [issue('file-too-large', '', { size: file.size, max: MAX_IMPORT_BYTES })] }
          : await io.parseMatrixFile(await file.text(), file.size);
      if (!parsed.ok) {
        this.#issues = parsed.issues;
        return;
      }
      this.#data = parsed.data;
      this.pick(0);
    } catch (e) {
      app.report(e);
    }
  }

  /** Previews matrix `index` of the file read last. */
  pick(index: number): void {
    const result = matrixFromCiso(this.#data, { language: locale(), index });
    this.choices = result.choices && result.choices.length > 1 ? result.choices : [];
    this.picked = result.index ?? 0;
    if (!result.ok) {
      this.#editor.showImport(null);
      this.#issues = result.issues;
      return;
    }
    const m = result.matrix;
    const notes: string[] = [];
    if (m.ciso) notes.push(t('criteria.import.origin', { urn: m.ciso.urn }));
    if (result.shown) notes.push(t('criteria.import.language', { language: languageName(result.shown) }));
    const level = m.risk[m.acceptanceThreshold]?.name ?? '';
    notes.push(t(result.thresholdFromWords ? 'criteria.import.thresholdFromWords' : 'criteria.import.thresholdLowest', { level }));
    this.#issues = [];
    this.#editor.showImport({ title: t('criteria.import.previewTitle', { name: m.name }), matrix: m, notes });
  }

  /** Drops the file's choices once its matrix is applied or discarded. */
  close(): void {
    this.#data = null;
    this.choices = [];
  }

  async exportYaml(): Promise<void> {
    try {
      const m = this.#editor.current;
      const { cisoYaml } = await import('../io/ciso/ciso-file');
      const text = await cisoYaml(toCisoLibrary(m, locale()));
      downloadBlob(new Blob([text], { type: 'application/yaml' }), cisoFileName(m, 'yaml'));
    } catch (e) {
      app.report(e);
    }
  }

  exportJson(): void {
    const m = this.#editor.current;
    downloadBlob(new Blob([`${JSON.stringify(toCisoLibrary(m, locale()), null, 2)}\n`], { type: 'application/json' }), cisoFileName(m, 'json'));
  }
}
