import { untrack } from 'svelte';
import { checkMatrix, type Scale } from '../domain/ciso-matrix';
import { describeIssue } from './criteria-issues';
import { MAX_SCALE, MIN_SCALE, reshapeGrid, type RiskMatrix } from '../domain/risk-matrix';
import type { PresetName } from '../domain/risk-matrix-presets';
import { matrixChange, type MatrixChange } from '../domain/risk-matrix-diff';
import type { Workspace } from '../domain/workspace-schema';
import { t, type MessageKey } from '../i18n/i18n';
import { localPreset } from '../i18n/preset-wordings';
import { app } from '../state/app.svelte';
import { saveMatrix } from '../state/workspace-commands';

export type LevelKey = 'abbreviation' | 'name' | 'description' | 'hexcolor';
export const SCALE_SIZE: Record<Scale, { min: number; max: number }> = {
  probability: { min: MIN_SCALE, max: MAX_SCALE },
  impact: { min: MIN_SCALE, max: MAX_SCALE },
  risk: { min: 2, max: MAX_SCALE },
};
const NEW_RISK_COLOUR = '#7a7a7a';

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  run: () => void;
}
/** A matrix that would replace the current one, and everything that replacing it changes. */
export interface MatrixPreview {
  title: string;
  matrix: RiskMatrix;
  change: MatrixChange;
  notes: string[];
}
export type Candidate = Omit<MatrixPreview, 'change'>;

/**
 * The risk criteria page keeps a local draft: every edit lands there, and only a draft that
 * passes the stored schema is autosaved, so a half-typed matrix never reaches the database.
 * Scales grow and shrink at the top only: a stored rating is an index, and removing a lower level
 * would silently move every rating above it (ratings are never remapped, see evaluateRisk).
 */
export class CriteriaEditor {
  readonly #ws: () => Workspace;
  #wsId: string;
  #stored: RiskMatrix;
  #storedJson: string;
  /** What was handed to autosave and not yet seen back from the database, oldest first. */
  #sent: string[] = [];
  draft = $state() as RiskMatrix;
  readonly check = $derived(checkMatrix($state.snapshot(this.draft) as RiskMatrix));
  readonly problems = $derived(this.check.issues.map((i) => describeIssue(i, 'editor')));
  /** The imported file or the preset on preview. The change is worked out against the matrix as it stands now, so an edit made meanwhile shows too. */
  #imported = $state.raw<Candidate | null>(null);
  #preset = $state.raw<(Candidate & { name: PresetName }) | null>(null);
  readonly preview = $derived(this.#against(this.#imported));
  readonly presetPreview = $derived(this.#against(this.#preset));
  status = $state('');

  constructor(ws: () => Workspace) {
    this.#ws = ws;
    const { id, riskMatrix } = ws();
    this.#wsId = id;
    this.#stored = riskMatrix;
    this.#storedJson = JSON.stringify(riskMatrix);
    this.draft = structuredClone(riskMatrix);
  }

  /** Call from an effect: adopts a matrix changed elsewhere (another tab); our own saves coming back change nothing. */
  sync(): void {
    const { id, riskMatrix } = this.#ws();
    untrack(() => {
      const json = JSON.stringify(riskMatrix);
      this.#stored = riskMatrix;
      if (id !== this.#wsId) {
        this.#wsId = id;
        this.#sent = [];
        this.#imported = null;
        this.#preset = null;
      } else if (json === this.#storedJson) return;
      this.#storedJson = json;
      const mine = this.#sent.indexOf(json);
      if (mine >= 0) this.#sent.splice(0, mine + 1);
      else if (this.#sent.length === 0) this.draft = structuredClone(riskMatrix);
    });
  }

  #commit(): void {
    const matrix = this.check.matrix;
    if (!matrix) return;
    const json = JSON.stringify(matrix);
    if (json === (this.#sent.at(-1) ?? this.#storedJson)) return;
    this.#sent.push(json);
    void saveMatrix(this.#wsId, matrix);
  }

  #edit(change: (m: RiskMatrix) => void): void {
    change(this.draft);
    this.status = '';
    this.#commit();
  }

  setText(key: 'name' | 'description', value: string): void {
    this.#edit((m) => void (m[key] = value));
  }

  setLevel(scale: Scale, index: number, key: LevelKey, value: string): void {
    this.#edit((m) => {
      const level = m[scale][index] as Record<LevelKey, string> | undefined;
      if (level && (key !== 'hexcolor' || scale === 'risk')) level[key] = value;
    });
  }

  setCell(likelihood: number, impact: number, level: number): void {
    this.#edit((m) => {
      const row = m.grid[likelihood];
      if (row && impact < row.length) row[impact] = level;
    });
  }

  setThreshold(index: number): void {
    this.#edit((m) => void (m.acceptanceThreshold = index));
  }

  addLevel(scale: Scale): void {
    if (this.draft[scale].length >= SCALE_SIZE[scale].max) return;
    this.#edit((m) => {
      const n = m[scale].length + 1;
      const level = { abbreviation: String(n), name: t('criteria.level.newName', { n }), description: '' };
      if (scale === 'risk') m.risk.push({ ...level, hexcolor: NEW_RISK_COLOUR });
      else m[scale].push(level);
      m.grid = reshapeGrid(m);
    });
  }

  removeTopLevel(scale: Scale): void {
    if (this.draft[scale].length <= SCALE_SIZE[scale].min) return;
    this.#edit((m) => {
      m[scale].pop();
      m.grid = reshapeGrid(m);
      m.acceptanceThreshold = Math.min(m.acceptanceThreshold, m.risk.length - 1);
    });
  }

  replace(matrix: RiskMatrix): void {
    this.draft = structuredClone(matrix);
    this.#commit();
  }

  /** The matrix as it stands: the valid draft, else what is stored. */
  get current(): RiskMatrix {
    return this.check.matrix ?? this.#stored;
  }

  removal(scale: Scale): Confirmation {
    const levels = this.draft[scale];
    const params = { n: levels.length, name: levels.at(-1)?.name ?? '' };
    const keys = REMOVAL[scale];
    return {
      title: t(keys.title, params),
      body: t(keys.body, params),
      confirmLabel: t('criteria.remove.confirm', params),
      run: () => this.removeTopLevel(scale),
    };
  }

  #against(candidate: Candidate | null): MatrixPreview | null {
    return candidate ? { ...candidate, change: matrixChange(this.current, candidate.matrix) } : null;
  }

  /** Shows what the preset would change; nothing is replaced until applyPreset. One preview at a time. */
  previewPreset(name: PresetName): void {
    // Worded in the language shown; the words then stay as applied (a later switch of language offers to change them).
    const matrix = localPreset(name);
    this.#imported = null;
    this.status = '';
    this.#preset = { name, title: t('criteria.preset.previewTitle', { name: matrix.name }), matrix, notes: [] };
  }

  applyPreset(): void {
    const preset = this.#preset;
    if (!preset) return;
    this.#preset = null;
    this.replace(preset.matrix);
    // The preview closes and the grid shows the preset; the page's live region says so too.
    app.announce(t('criteria.preset.applied', { name: preset.matrix.name }));
  }

  discardPreset(): void {
    this.#preset = null;
  }

  /** Shows an imported matrix for preview (null: none); one preview at a time. */
  showImport(candidate: Candidate | null): void {
    this.#imported = candidate;
    this.status = '';
    if (candidate) this.#preset = null;
  }

  applyImport(): void {
    const preview = this.#imported;
    if (!preview) return;
    this.#imported = null;
    this.replace(preview.matrix);
    this.status = t('criteria.import.applied', { name: preview.matrix.name });
  }

  discardImport(): void {
    this.#imported = null;
  }
}

const REMOVAL: Record<Scale, { title: MessageKey; body: MessageKey }> = {
  probability: { title: 'criteria.remove.probability.title', body: 'criteria.remove.probability.body' },
  impact: { title: 'criteria.remove.impact.title', body: 'criteria.remove.impact.body' },
  risk: { title: 'criteria.remove.risk.title', body: 'criteria.remove.risk.body' },
};

export { describeIssue };
