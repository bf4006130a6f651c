import { cycleKinds, registerOf, type CycleKind } from './cycle/registry';
import type { HistoryEntry, HistoryTable } from './history';

/**
 * Which entries of a workspace's history a person asked to see: a register (a management-system
 * kind counts as one), a person, a period. Pure: the page turns its local dates into instants.
 */

let byPrefix: Map<string, CycleKind> | null = null;

/**
 * The management-system kind an entry's record belongs to. Entries name their record
 * ("OBJ-001 Model cards") and every kind numbers its records with its own prefix, so the kind
 * reads off the entry even after the record is gone.
 */
export function entryKind(entry: Pick<HistoryEntry, 'table' | 'label'>): CycleKind | undefined {
  if (entry.table !== 'cycleRecords') return undefined;
  byPrefix ??= new Map(cycleKinds.map((k) => [registerOf(k).refPrefix, k]));
  const prefix = /^([A-Z]{1,4})-\d/.exec(entry.label)?.[1];
  return prefix ? byPrefix.get(prefix) : undefined;
}

export interface HistoryFilter {
  table?: HistoryTable | null;
  /** With table 'cycleRecords': one kind of management-system record. */
  kind?: CycleKind | null;
  /** A person's name ('' the changes made with no name set); null or absent: everybody. */
  user?: string | null;
  /** From this instant (inclusive) … */
  fromAt?: string | null;
  /** … to this one (exclusive), both ISO timestamps. */
  toAt?: string | null;
  recordId?: string | null;
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1);

/** Entries matching a filter, newest first. */
export function filterHistory(entries: readonly HistoryEntry[], f: HistoryFilter): HistoryEntry[] {
  const from = f.fromAt ? Date.parse(f.fromAt) : null;
  const to = f.toAt ? Date.parse(f.toAt) : null;
  return entries
    .filter((e) => {
      if (f.table && e.table !== f.table) return false;
      if (f.kind && entryKind(e) !== f.kind) return false;
      if (f.user !== null && f.user !== undefined && e.user !== f.user) return false;
      if (f.recordId && e.recordId !== f.recordId) return false;
      const at = Date.parse(e.at);
      return (from === null || at >= from) && (to === null || at < to);
    })
    .sort(newestFirst);
}

/** A local calendar day's first instant, as an ISO timestamp ('' for no date). */
export function dayStart(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return '';
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The instant the local calendar day after `isoDate` starts (a period "to" that day includes all of it). */
export function dayEnd(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return '';
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}
