import type { HistoryEntry, HistoryTable } from '../domain/history';
import { conflictFields } from '../domain/merge-fields';
import { valueFields } from '../domain/register-values';
import type { BundleTable } from '../io/bundle/bundle-format';
import { canonicalJson } from '../io/bundle/canonical-json';
import type { Conflict, RecordLists, Row, TableSummary } from './bundle-plan';
import { database } from './database';

/**
 * Same content, whatever the timestamps say: a workspace's updatedAt moves with every edit of
 * its records, so it alone never makes a change or a conflict.
 */
export function sameContent(a: Row, b: Row): boolean {
  const strip = (r: Row) => {
    const { updatedAt: _u, ...rest } = r;
    return canonicalJson(rest);
  };
  return strip(a) === strip(b);
}

/** A readable name for a record in the history (the preview names records through the value context). */
function labelOf(table: BundleTable, r: Row): string {
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  switch (table) {
    case 'workspaces':
      return s('name');
    case 'assessments':
      return s('itemId');
    case 'risks':
    case 'cycleRecords':
      return `${s('ref')} ${s('title')}`;
    case 'impactAssessments':
      return `v${String(r.version)}`;
    default:
      return s('name') || s('title') || r.id;
  }
}

export interface MergeInput {
  table: BundleTable;
  /** The bundle's rows of the table, ids already mapped. */
  rows: readonly Row[];
  /** The target workspace's rows of the table. */
  local: readonly Row[];
  basedOn: string | null;
  /** The bundle's history entries by record id. */
  theirHistory: ReadonlyMap<string, readonly Row[]>;
}

/**
 * One table of a merge: a record only the bundle has is added; one changed on one side since the
 * common export takes the newer version; one changed on both is a conflict, with its differing
 * fields and, where both histories agree on it, what each field was at that export.
 * Returns the rows to write before conflicts are resolved.
 */
export async function mergeTable(
  i: MergeInput,
  out: { summary: TableSummary; list: RecordLists; conflicts: Conflict[]; previous: Map<string, Row> },
): Promise<Row[]> {
  const { table, basedOn } = i;
  const s = out.summary;
  const writes: Row[] = [];
  // Answers are unique per catalog item: match them by item, whatever their ids.
  const key = (r: Row) => (table === 'assessments' ? String(r.itemId) : r.id);
  const byKey = new Map(i.local.map((r) => [key(r), r]));
  for (const theirs of i.rows) {
    const mine = byKey.get(key(theirs));
    if (!mine) {
      s.created += 1;
      writes.push(theirs);
      out.list.added.push(theirs);
      continue;
    }
    const aligned = { ...theirs, id: mine.id } as Row;
    if (sameContent(mine, aligned)) {
      s.unchanged += 1;
      continue;
    }
    const mineAt = mine.updatedAt ?? '';
    const theirsAt = aligned.updatedAt ?? '';
    if (basedOn && mineAt > basedOn && theirsAt > basedOn) {
      s.conflicts += 1;
      const history = {
        basedOn,
        mine: (await database().history.where('recordId').equals(mine.id).toArray()) as HistoryEntry[],
        theirs: (i.theirHistory.get(theirs.id) ?? []) as unknown as HistoryEntry[],
      };
      const fields = conflictFields(
        table,
        mine,
        aligned,
        history,
        valueFields(table as HistoryTable).map((f) => f.key),
      );
      out.conflicts.push({ key: `${table}:${mine.id}`, table, id: mine.id, label: labelOf(table, mine), mine, theirs: aligned, fields });
    } else if (theirsAt > mineAt) {
      s.updated += 1;
      writes.push(aligned);
      out.list.updated.push(aligned);
    } else s.keptNewer += 1;
    out.previous.set(`${table}:${mine.id}`, mine);
  }
  return writes;
}
