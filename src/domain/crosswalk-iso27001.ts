import { CrosswalkError, type CoverageCounts, type CoverageEntry, type CoverageLink, type CoverageState, type CrosswalkProblem } from './crosswalk';
import type { CrosswalkStrength } from './crosswalk-schema';
import type { Iso27001Clause, Iso27001Control, Iso27001Data, Iso27001Mapping, Iso27001Row, Iso27001Theme } from './crosswalk-iso27001-schema';

/**
 * Our crosswalk from ISO/IEC 42001 items to ISO/IEC 27001:2022 clauses and Annex A controls (numbers and
 * titles only), for organizations that already run an ISMS: where its records can serve the AI management
 * system as evidence. Own judgement, never a conformity claim.
 */
export interface Iso27001Crosswalk {
  data: Iso27001Data;
  mapping: Iso27001Mapping;
  /** Clauses and controls by id ("9.2.2", "A.5.1"). */
  byId: ReadonlyMap<string, Iso27001Clause | Iso27001Control>;
  rowsByItem: ReadonlyMap<string, readonly Iso27001Row[]>;
  rowsByTarget: ReadonlyMap<string, readonly Iso27001Row[]>;
}

export const isIso27001Control = (t: Iso27001Clause | Iso27001Control): t is Iso27001Control => 'theme' in t;

/** Joins the two files and checks every reference; throws with every problem at once, like `buildCrosswalk`. */
export function buildIso27001Crosswalk(data: Iso27001Data, mapping: Iso27001Mapping, assessableItems?: ReadonlySet<string>): Iso27001Crosswalk {
  const problems: CrosswalkProblem[] = [];
  const byId = new Map<string, Iso27001Clause | Iso27001Control>();
  for (const x of [...data.clauses, ...data.controls]) {
    if (byId.has(x.id)) problems.push({ code: 'duplicate-id', record: x.id });
    byId.set(x.id, x);
  }
  for (const c of data.clauses) {
    if (c.parent !== null && (!byId.has(c.parent) || !c.id.startsWith(`${c.parent}.`)))
      problems.push({ code: 'unknown-parent', record: c.id, params: { detail: c.parent } });
  }
  const themes = new Set(data.themes.map((t) => t.id));
  for (const c of data.controls) {
    if (!themes.has(c.theme) || !c.id.startsWith(`A.${c.theme}.`)) problems.push({ code: 'unknown-theme', record: c.id, params: { detail: c.theme } });
  }
  const rowsByItem = new Map<string, Iso27001Row[]>();
  const rowsByTarget = new Map<string, Iso27001Row[]>();
  const seen = new Set<string>();
  for (const row of mapping.rows) {
    const key = `${row.item}|${row.targetId}`;
    if (seen.has(key)) problems.push({ code: 'duplicate-row', record: row.item, params: { detail: row.targetId } });
    seen.add(key);
    if (assessableItems && !assessableItems.has(row.item)) problems.push({ code: 'unknown-item', record: row.item });
    if (!byId.has(row.targetId)) problems.push({ code: 'unknown-27001-id', record: row.item, params: { detail: row.targetId } });
    push(rowsByItem, row.item, row);
    push(rowsByTarget, row.targetId, row);
  }
  if (problems.length) throw new CrosswalkError(problems);
  return { data, mapping, byId, rowsByItem, rowsByTarget };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const STRENGTH_ORDER: Record<CrosswalkStrength, number> = { strong: 0, partial: 1 };

export interface RelatedIso27001 {
  target: Iso27001Clause | Iso27001Control;
  strength: CrosswalkStrength;
  basis: string;
  basisZh: string;
}

/** The 27001 clauses and controls one 42001 item relates to: strong first, then clauses before controls in the standard's order. */
export function relatedIso27001(cw: Iso27001Crosswalk, itemId: string): RelatedIso27001[] {
  const order = new Map([...cw.data.clauses, ...cw.data.controls].map((x, i) => [x.id, i]));
  return (cw.rowsByItem.get(itemId) ?? [])
    .map((r) => ({ target: cw.byId.get(r.targetId)!, strength: r.strength, basis: r.basis, basisZh: r.basisZh }))
    .sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || order.get(a.target.id)! - order.get(b.target.id)!);
}

/**
 * Where existing ISMS records may serve as evidence for one item: the ids of the 27001 clauses and
 * controls it relates to (strong or partial), in the standard's order. Empty when it relates to none.
 */
export function ismsEvidenceRefs(cw: Iso27001Crosswalk, itemId: string): string[] {
  const order = new Map([...cw.data.clauses, ...cw.data.controls].map((x, i) => [x.id, i]));
  return [...new Set((cw.rowsByItem.get(itemId) ?? []).map((r) => r.targetId))].sort((a, b) => order.get(a)! - order.get(b)!);
}

export interface Iso27001Coverage extends CoverageCounts {
  /** 27001 clauses 4–10 the mapping names, in clause order. */
  clauses: CoverageEntry<Iso27001Clause>[];
  /** Annex A themes with the controls the mapping names; controls it never names are left out. */
  themes: (CoverageCounts & { theme: Iso27001Theme; entries: CoverageEntry<Iso27001Control>[] })[];
  untouchedList: (Iso27001Clause | Iso27001Control)[];
  /** How many Annex A controls no row names (physical security, networks …): not an AI management system concern. */
  controlsNotMapped: number;
}

function counts(states: readonly CoverageState[]): CoverageCounts {
  const touched = states.filter((s) => s === 'touched').length;
  const inProgress = states.filter((s) => s === 'in-progress').length;
  return { total: states.length, touched, inProgress, untouched: states.length - touched - inProgress };
}

/** Which mapped 27001 clauses and controls the workspace's implemented (or in-progress) 42001 items touch, as `coverage` does for the others. */
export function iso27001Coverage(cw: Iso27001Crosswalk, implementedItemIds: Iterable<string>, inProgressItemIds: Iterable<string> = []): Iso27001Coverage {
  const implemented = new Set(implementedItemIds);
  const inProgress = new Set([...inProgressItemIds].filter((id) => !implemented.has(id)));
  const entry = <T extends { id: string }>(t: T): CoverageEntry<T> => {
    const by: CoverageLink[] = [];
    for (const row of cw.rowsByTarget.get(t.id) ?? []) {
      if (implemented.has(row.item)) by.push({ item: row.item, strength: row.strength, status: 'implemented' });
      else if (inProgress.has(row.item)) by.push({ item: row.item, strength: row.strength, status: 'in-progress' });
    }
    by.sort((a, b) => (a.status === b.status ? 0 : a.status === 'implemented' ? -1 : 1) || STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength]);
    const state: CoverageState = by.some((b) => b.status === 'implemented') ? 'touched' : by.length > 0 ? 'in-progress' : 'untouched';
    return { target: t, state, by };
  };
  const clauses = cw.data.clauses.filter((c) => cw.rowsByTarget.has(c.id)).map(entry);
  const controls = cw.data.controls.filter((c) => cw.rowsByTarget.has(c.id)).map(entry);
  const themes = cw.data.themes
    .map((theme) => {
      const entries = controls.filter((e) => e.target.theme === theme.id);
      return { theme, entries, ...counts(entries.map((e) => e.state)) };
    })
    .filter((t) => t.entries.length > 0);
  const all = [...clauses, ...controls];
  return {
    ...counts(all.map((e) => e.state)),
    clauses,
    themes,
    untouchedList: all.filter((e) => e.state === 'untouched').map((e) => e.target),
    controlsNotMapped: cw.data.controls.length - controls.length,
  };
}
