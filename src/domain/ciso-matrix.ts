import { readTranslations } from './ciso-translations';
import { MAX_SCALE, MIN_SCALE, riskMatrixSchema, scaleLevelSchema, type RiskLevel, type RiskMatrix, type ScaleLevel } from './risk-matrix';

/**
 * Reading risk criteria (6.1.2) from CISO Assistant's `risk_matrix` objects, and checking the
 * editor's draft in the same words: probability and impact ascending, grid[probability][impact] =
 * index into `risk`. Fields we do not know are ignored, as CISO Assistant's own library loader
 * ignores them; the shapes a matrix comes in are found by ciso-import, the library written back by
 * ciso-export (see docs/ciso-assistant.md).
 */

/** A matrix file larger than this is refused before it is read. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Enough to fix a file by; a grid full of wrong values would otherwise list 49 lines. */
export const MAX_ISSUES = 20;

export type Scale = 'probability' | 'impact' | 'risk';
export type MatrixIssueCode =
  | 'file-too-large'
  | 'not-json'
  | 'not-yaml'
  | 'too-deep'
  | 'yaml-aliases'
  | 'yaml-tag'
  | 'no-matrix'
  | 'list-empty'
  | 'text-missing'
  | 'text-type'
  | 'text-too-long'
  | 'scale-not-list'
  | 'scale-size'
  | 'level-not-object'
  | 'level-text-missing'
  | 'level-text-type'
  | 'level-text-too-long'
  | 'hexcolor'
  | 'risk-ids'
  | 'grid-not-list'
  | 'grid-rows'
  | 'grid-row-cells'
  | 'grid-cell'
  | 'grid-cell-too-large'
  | 'threshold'
  | 'invalid';

/** A problem a user can cause; `field` is the path it concerns in the file (e.g. `risk[1].hexcolor`). */
export interface MatrixIssue {
  code: MatrixIssueCode;
  field: string;
  params: Record<string, string | number>;
}

export const issue = (code: MatrixIssueCode, field: string, params: Record<string, string | number> = {}): MatrixIssue => ({ code, field, params });
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: nothing inherited (a polluted prototype, `constructor`) is ever read. */
export const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

const HEX = /^#[0-9a-fA-F]{6}$/;

/** `trim`: the stored schema trims this field, so its length counts without outer spaces; `numeric`: a number is read as text (YAML's unquoted `abbreviation: 1`). */
interface TextRule {
  max: number;
  required: boolean;
  trim: boolean;
  numeric?: boolean;
}
/** Limits read from the stored schemas, so the two can never disagree. */
const RULE = {
  name: { max: riskMatrixSchema.shape.name.maxLength ?? 120, required: true, trim: true },
  description: { max: riskMatrixSchema.shape.description.unwrap().maxLength ?? 2000, required: false, trim: false },
  abbreviation: { max: scaleLevelSchema.shape.abbreviation.unwrap().maxLength ?? 12, required: false, trim: true, numeric: true },
  levelName: { max: scaleLevelSchema.shape.name.maxLength ?? 80, required: true, trim: true },
  levelDescription: { max: scaleLevelSchema.shape.description.unwrap().maxLength ?? 1000, required: false, trim: false },
} satisfies Record<string, TextRule>;

function text(value: unknown, field: string, rule: TextRule, issues: MatrixIssue[], level?: { scale: Scale; n: number; key: string }): string {
  const report = (suffix: 'missing' | 'type' | 'too-long', params: Record<string, string | number> = {}) =>
    issues.push(
      level
        ? issue(`level-text-${suffix}`, field, { scale: level.scale, n: level.n, field: level.key, ...params })
        : issue(`text-${suffix}`, field, { field, ...params }),
    );
  if (value === undefined || value === null) {
    if (rule.required) report('missing');
    return '';
  }
  if (rule.numeric && typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') {
    report('type');
    return '';
  }
  const kept = rule.trim ? value.trim() : value;
  if (rule.required && kept === '') report('missing');
  else if (kept.length > rule.max) report('too-long', { max: rule.max });
  return kept;
}

type AnyLevel = ScaleLevel & { hexcolor?: string };

function levels(raw: unknown, scale: Scale, issues: MatrixIssue[]): AnyLevel[] | null {
  if (!Array.isArray(raw)) {
    issues.push(issue('scale-not-list', scale, { scale }));
    return null;
  }
  const [min, max] = scale === 'risk' ? [2, MAX_SCALE] : [MIN_SCALE, MAX_SCALE];
  if (raw.length < min || raw.length > max) issues.push(issue('scale-size', scale, { scale, min, max, count: raw.length }));
  return raw.slice(0, MAX_SCALE + 1).map((item: unknown, i) => {
    const n = i + 1;
    const field = `${scale}[${i}]`;
    if (!isRecord(item)) {
      issues.push(issue('level-not-object', field, { scale, n }));
      return { abbreviation: '', name: '', description: '' };
    }
    const pick = (key: string, rule: TextRule) => text(own(item, key), `${field}.${key}`, rule, issues, { scale, n, key });
    const level: AnyLevel = {
      abbreviation: pick('abbreviation', RULE.abbreviation),
      name: pick('name', RULE.levelName),
      description: pick('description', RULE.levelDescription),
    };
    const translations = readTranslations(own(item, 'translations'));
    if (translations) level.translations = translations;
    const hexcolor = own(item, 'hexcolor');
    // Risk levels need their colour; a likelihood or impact colour is kept when there is one.
    if (hexcolor === undefined && scale !== 'risk') return level;
    if (typeof hexcolor !== 'string' || !HEX.test(hexcolor)) issues.push(issue('hexcolor', `${field}.hexcolor`, { scale, n }));
    return { ...level, hexcolor: typeof hexcolor === 'string' ? hexcolor : '' };
  });
}

/** CISO Assistant grids name risk levels by `id` when every level has one, else by position. */
function riskIndexOf(rawRisk: unknown, issues: MatrixIssue[]): (value: unknown) => number | undefined {
  const byPosition = (v: unknown) => (Number.isInteger(v) ? (v as number) : undefined);
  if (!Array.isArray(rawRisk) || rawRisk.length === 0) return byPosition;
  const ids = rawRisk.map((r: unknown) => (isRecord(r) ? own(r, 'id') : undefined));
  if (ids.every((id) => id === undefined)) return byPosition;
  if (!ids.every((id) => Number.isInteger(id)) || new Set(ids).size !== ids.length) {
    issues.push(issue('risk-ids', 'risk[].id'));
    return byPosition;
  }
  const index = new Map(ids.map((id, i) => [id as number, i]));
  return (v) => (Number.isInteger(v) ? index.get(v as number) : undefined);
}

function grid(raw: unknown, rows: number, cols: number, riskCount: number, indexOf: (v: unknown) => number | undefined, issues: MatrixIssue[]): number[][] {
  if (!Array.isArray(raw)) {
    issues.push(issue('grid-not-list', 'grid'));
    return [];
  }
  if (raw.length !== rows) issues.push(issue('grid-rows', 'grid', { rows: raw.length, levels: rows }));
  return raw.slice(0, MAX_SCALE + 1).map((row: unknown, p) => {
    if (!Array.isArray(row) || row.length !== cols) {
      issues.push(issue('grid-row-cells', `grid[${p}]`, { row: p + 1, cells: Array.isArray(row) ? row.length : 0, levels: cols }));
      return [];
    }
    return row.map((value: unknown, i) => {
      const index = indexOf(value);
      if (index === undefined || index < 0 || index >= riskCount) {
        const where = { row: p + 1, cell: i + 1, count: riskCount };
        // 1e400 reads as Infinity, which JSON would print as "null": say what it is instead.
        if (typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value)) issues.push(issue('grid-cell-too-large', `grid[${p}][${i}]`, where));
        else issues.push(issue('grid-cell', `grid[${p}][${i}]`, { ...where, value: cellText(value) }));
        return 0;
      }
      return index;
    });
  });
}

/** A grid cell's value as the file writes it: YAML's `.nan` for NaN (JSON has none), else as JSON. */
function cellText(value: unknown): string {
  return typeof value === 'number' && Number.isNaN(value) ? '.nan' : (JSON.stringify(value) ?? 'undefined');
}

/** Reads the matrix fields we know from any object, with the levels' colours and translations; the rest (urn, ids…) is the caller's. */
export function readMatrix(raw: Record<string, unknown>, risksById: boolean): { fields: Omit<RiskMatrix, 'acceptanceThreshold'>; issues: MatrixIssue[] } {
  const issues: MatrixIssue[] = [];
  const name = text(own(raw, 'name'), 'name', RULE.name, issues);
  const description = text(own(raw, 'description'), 'description', RULE.description, issues);
  const probability = levels(own(raw, 'probability'), 'probability', issues);
  const impact = levels(own(raw, 'impact'), 'impact', issues);
  const risk = levels(own(raw, 'risk'), 'risk', issues) as RiskLevel[] | null;
  const indexOf = risksById ? riskIndexOf(own(raw, 'risk'), issues) : (v: unknown) => (Number.isInteger(v) ? (v as number) : undefined);
  // Without its scales the grid cannot be judged: saying "row 1 has 5 cells; the impact scale has 0" would mislead.
  const cells = probability && impact && risk ? grid(own(raw, 'grid'), probability.length, impact.length, risk.length, indexOf, issues) : [];
  return { fields: { name, description, probability: probability ?? [], impact: impact ?? [], risk: risk ?? [], grid: cells }, issues };
}

/** The last guard: whatever the checks above missed, the stored schema refuses. */
export function finalParse(candidate: RiskMatrix): { matrix: RiskMatrix | null; issues: MatrixIssue[] } {
  const parsed = riskMatrixSchema.safeParse(candidate);
  if (parsed.success) return { matrix: parsed.data, issues: [] };
  return {
    matrix: null,
    issues: parsed.error.issues.map((i) => issue('invalid', i.path.join('.'), { field: i.path.join('.') || 'matrix', detail: i.message })),
  };
}

/**
 * A matrix being edited, checked in the same words as an import: the matrix to save (names
 * trimmed, as stored) or the problems that keep it from being saved.
 */
export function checkMatrix(draft: RiskMatrix): { matrix: RiskMatrix | null; issues: MatrixIssue[] } {
  const { fields, issues } = readMatrix(draft as unknown as Record<string, unknown>, false);
  if (!Number.isInteger(draft.acceptanceThreshold) || draft.acceptanceThreshold < 0 || draft.acceptanceThreshold >= draft.risk.length) {
    issues.push(issue('threshold', 'acceptanceThreshold', { n: draft.acceptanceThreshold + 1, count: draft.risk.length }));
  }
  const kept = draft.ciso ? { ciso: draft.ciso } : {};
  return issues.length > 0
    ? { matrix: null, issues: issues.slice(0, MAX_ISSUES) }
    : finalParse({ ...fields, acceptanceThreshold: draft.acceptanceThreshold, ...kept });
}

const ACCEPTING = /\b(acceptable|accepted|accept|retain|retained)\b/i;
const REFUSING = /\b(not|never|cannot|no longer)\s+(be\s+)?(acceptable|accepted|accept|retain|retained)\b|\b(un|in)acceptable\b/i;

/** 6.1.2 d): CISO Assistant has no threshold; take the highest level whose words say it may be accepted or retained, else the lowest. */
export function guessAcceptanceThreshold(risk: readonly Pick<RiskLevel, 'name' | 'description'>[]): { index: number; guessed: boolean } {
  let index = -1;
  risk.forEach((level, i) => {
    const words = `${level.name} ${level.description}`;
    if (ACCEPTING.test(words) && !REFUSING.test(words)) index = i;
  });
  return index >= 0 ? { index, guessed: true } : { index: 0, guessed: false };
}
