import { inRefOrder } from './ref-order';
import { evaluateRisk, type RiskFlag } from './risk-evaluation';
import { heatCounts, riskSearchText, type FilterEvaluation } from './risk-filter';
import type { RiskMatrix } from './risk-matrix';
import type { Risk } from './risk-schema';

/** The stored fields the risk list shows, filters by or rates with (its columns come from riskRegister.list). */
export const RISK_ROW_FIELDS = [
  'id',
  'ref',
  'title',
  'aiSystemIds',
  'inherentLikelihood',
  'inherentImpact',
  'residualLikelihood',
  'residualImpact',
  'treatment',
  'owner',
  'status',
  'nextReview',
  'acceptedBy',
  'acceptedOn',
] as const satisfies readonly (keyof Risk)[];

/** A risk's flags as bits (a number costs the page less to take in than an array per row). */
const FLAG_BITS: readonly RiskFlag[] = ['inherent-out-of-scale', 'residual-out-of-scale', 'acceptance-missing'];

/**
 * One risk as the list needs it: those fields, what its evaluation against the matrix gives the
 * filters (each rating's level, by its place on the matrix, and the flags) and the text the search
 * looks in. Made off the page (state/risk-list.worker.ts), so the page never reads or evaluates
 * 50,000 whole records; it evaluates only the rows it draws.
 */
export type RiskRow = Pick<Risk, (typeof RISK_ROW_FIELDS)[number]> & {
  inherentIndex: number | null;
  residualIndex: number | null;
  flagBits: number;
  search: string;
};

/** What the list shows beside its rows: the heat map's counts for either rating and the owners to filter by. */
export interface RiskListSummary {
  total: number;
  heat: { inherent: number[][]; residual: number[][] };
  owners: string[];
}

export function riskRow(risk: Risk, matrix: RiskMatrix): RiskRow {
  const row = {} as Record<string, unknown>;
  for (const f of RISK_ROW_FIELDS) row[f] = risk[f];
  const ev = evaluateRisk(risk, matrix);
  const flagBits = ev.flags.reduce((bits, f) => bits | (1 << FLAG_BITS.indexOf(f)), 0);
  return {
    ...(row as Pick<Risk, (typeof RISK_ROW_FIELDS)[number]>),
    inherentIndex: ev.inherent?.index ?? null,
    residualIndex: ev.residual?.index ?? null,
    flagBits,
    search: riskSearchText(risk),
  };
}

/** What the filters need of a row's evaluation (risk-filter.ts), from the row alone. */
export function rowEvaluation(r: RiskRow): FilterEvaluation {
  const inherent = r.inherentIndex === null ? null : { index: r.inherentIndex };
  const residual = r.residualIndex === null ? null : { index: r.residualIndex };
  return { inherent, residual, current: residual ?? inherent, flags: FLAG_BITS.filter((_, k) => r.flagBits & (1 << k)) };
}

/** The rows in register order (R-001, R-002 …) and their summary. */
export function buildRiskList(risks: readonly Risk[], matrix: RiskMatrix, locale?: string): { rows: RiskRow[]; summary: RiskListSummary } {
  const rows = inRefOrder(risks.map((r) => riskRow(r, matrix)));
  const [l, i] = [matrix.probability.length, matrix.impact.length];
  const owners = [...new Set(risks.map((r) => r.owner.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, locale));
  return {
    rows,
    summary: { total: rows.length, heat: { inherent: heatCounts(risks, 'inherent', l, i), residual: heatCounts(risks, 'residual', l, i) }, owners },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, k) => x === b[k]);
}

/** Whether two rows of the same matrix show the same (the evaluation follows from the fields). */
export function sameRow(a: RiskRow, b: RiskRow): boolean {
  return RISK_ROW_FIELDS.every((f) => sameValue(a[f], b[f]));
}

/**
 * How to get from the rows the page has (`before`) to `after`: `from[k]` is the index in `before` of
 * the row at `k`, or -1 where the row is new or changed; `fresh` holds those rows in order. With
 * `before` null (nothing shown yet) every row is fresh.
 */
export function rowDelta(before: readonly RiskRow[] | null, after: readonly RiskRow[]): { from: Int32Array; fresh: RiskRow[] } {
  const from = new Int32Array(after.length).fill(-1);
  const fresh: RiskRow[] = [];
  const at = new Map<string, number>();
  before?.forEach((r, k) => at.set(r.id, k));
  after.forEach((r, k) => {
    const j = at.get(r.id);
    if (j !== undefined && sameRow(before![j]!, r)) from[k] = j;
    else fresh.push(r);
  });
  return { from, fresh };
}

/** The page's side of rowDelta: the new rows, reusing the ones it has. */
export function applyRowDelta(before: readonly RiskRow[], from: Int32Array, fresh: readonly RiskRow[]): RiskRow[] {
  const out = new Array<RiskRow>(from.length);
  let n = 0;
  for (let k = 0; k < from.length; k++) {
    const j = from[k]!;
    const row = j >= 0 ? before[j] : fresh[n++];
    if (!row) throw new Error(`the risk list's update does not fit the rows it was made for (row ${k + 1})`);
    out[k] = row;
  }
  if (n !== fresh.length) throw new Error(`the risk list's update has ${fresh.length - n} rows too many`);
  return out;
}
