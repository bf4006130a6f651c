import { newId } from '../domain/ids';
import type { ConflictField } from '../domain/merge-fields';
import { problemOf, type Problem } from '../domain/problem';
import { nextRiskRef } from '../domain/risk-schema';
import type { BundleTable } from '../io/bundle/bundle-format';
import type { ParsedBundle } from '../io/bundle/bundle-import';
import { database } from './database';
import { mergeTable, sameContent } from './bundle-merge';
import { remapIds } from './remap-ids';
import { markValidated } from './write-path';
import type { WorkspaceTable } from './schema-versions';

export type ImportMode = { kind: 'new' } | { kind: 'replace'; targetId: string } | { kind: 'merge'; targetId: string };
export type Row = Record<string, unknown> & { id: string; updatedAt?: string };

export interface Conflict {
  key: string;
  table: BundleTable;
  id: string;
  label: string;
  mine: Row;
  theirs: Row;
  /** The fields that differ, each with its base (when known) and the side it takes unless chosen. */
  fields: ConflictField[];
}

export interface TableSummary {
  table: BundleTable;
  created: number;
  updated: number;
  unchanged: number;
  /** Local records kept because they are newer than the incoming ones. */
  keptNewer: number;
  conflicts: number;
  /** Records a replace removes. */
  removed: number;
}

/** One register's records the import adds, updates (as they will be) and removes (as they are), for the preview to name. */
export interface RecordLists {
  table: BundleTable;
  added: Row[];
  updated: Row[];
  removed: Row[];
}

export interface ImportPlan {
  mode: ImportMode;
  workspaceId: string;
  workspaceName: string;
  summary: TableSummary[];
  lists: RecordLists[];
  conflicts: Conflict[];
  /** The target's records as they are, and the bundle's as they would be written: what references in the preview are named by. */
  sources: { local: ReadonlyMap<BundleTable, readonly Row[]>; incoming: ReadonlyMap<BundleTable, readonly Row[]> };
  attachments: number;
  /** What the import does that a person should know (ids given anew, risks renumbered): codes, worded by the page. */
  notes: Problem<'ids-remapped' | 'risk-renumbered'>[];
  /** Rows to write per table once conflicts are resolved (conflicting ones are added then). */
  writes: Map<BundleTable, Row[]>;
  /** The local record each update or conflict replaces (`table:id`), for the history's old values. */
  previous: Map<string, Row>;
  remove: boolean;
  /**
   * The workspace will hold exactly the bundle's records as it read them (a new workspace, or one
   * the bundle replaces, and no record given a new id; the workspace's own id may differ): figures
   * worked out from the bundle's records hold for it.
   */
  asRead: boolean;
  exportedAt: string;
  files: Map<string, Blob>;
  bytes: number;
}

export const DATA_TABLES: Exclude<BundleTable, 'workspaces'>[] = [
  'assessments',
  'evidence',
  'aiSystems',
  'risks',
  'ownControls',
  'impactAssessments',
  'cycleRecords',
];

/**
 * Rows per IndexedDB call. Each call clones its rows on the page's main thread in one go; 1,000 risks
 * take a few tens of milliseconds, so the page keeps answering between calls (10,000 at once blocked
 * it for about 400 ms). Slices of one transaction still land all together or not at all.
 */
const SLICE = 1_000;

export function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE) out.push(rows.slice(i, i + SLICE));
  return out;
}

/** Rows marked validated per task: 50,000 risks at once held the page for 40 ms (profiled, at 50,000 risks). */
const MARK_STEP = 10_000;

async function markInSteps(rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += MARK_STEP) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    markValidated(rows.slice(i, i + MARK_STEP));
  }
}

const emptySummary = (table: BundleTable): TableSummary => ({ table, created: 0, updated: 0, unchanged: 0, keptNewer: 0, conflicts: 0, removed: 0 });

/**
 * Works out, without writing, what an import would do: per table which records are new, updated,
 * unchanged, removed or in conflict, and which ids must change because they already belong to
 * another workspace in this browser. Merge matches by id (answers by catalog item); when both
 * sides changed a record since the common export (the manifest's basedOn), it is a conflict.
 */
export async function planImport(bundle: ParsedBundle, mode: ImportMode): Promise<ImportPlan> {
  const db = database();
  const incomingWs = bundle.records.workspaces[0] as Row;
  const target = mode.kind === 'new' ? null : ((await db.workspaces.get(mode.targetId)) as unknown as Row | undefined);
  if (mode.kind !== 'new' && !target) throw new Error(`workspace ${mode.targetId} not found`);
  const wsId = mode.kind === 'new' ? ((await db.workspaces.get(incomingWs.id)) ? newId() : incomingWs.id) : target!.id;

  // Ids that already exist under another workspace get fresh ones, references follow. A table
  // with no rows of other workspaces (always so in a new browser) cannot clash: two counts, no lookups.
  const ids = new Map<string, string>([[incomingWs.id, wsId]]);
  const othersIn = async (table: WorkspaceTable) => {
    const [all, mine] = await Promise.all([db.table(table).count(), db.table(table).where('workspaceId').equals(wsId).count()]);
    return all - mine;
  };
  const clashes = async (table: WorkspaceTable, keys: string[]) => {
    if (keys.length === 0 || (await othersIn(table)) === 0) return;
    for (const slice of slices(keys)) {
      const existing = (await db.table(table).bulkGet(slice)) as ({ workspaceId: string } | undefined)[];
      existing.forEach((e, i) => {
        if (e && e.workspaceId !== wsId) ids.set(slice[i]!, newId());
      });
    }
  };
  // The registers and the history at once (each only adds fresh ids for its own rows): two counts per table, sent together.
  await Promise.all([
    ...DATA_TABLES.map((table) =>
      clashes(
        table,
        (bundle.records[table] as Row[]).map((r) => r.id),
      ),
    ),
    clashes(
      'history',
      (bundle.records.history as Row[]).map((r) => r.id),
    ),
  ]);
  // The files after the evidence: an attachment keeps the fresh id its evidence record got.
  await clashes(
    'evidenceFiles',
    [...bundle.attachments.keys()].filter((id) => !ids.has(id)),
  );

  const notes: ImportPlan['notes'] = [];
  const remapped = [...ids.keys()].filter((k) => k !== incomingWs.id).length;
  if (remapped > 0) notes.push(problemOf('ids-remapped', { detail: String(remapped) }));
  // Nothing below changes an incoming row in place, so when no id changes the rows need no copy.
  const identity = [...ids].every(([from, to]) => from === to);
  // The reader parsed every row with its register's schema: written as read, they are not parsed again.
  for (const table of DATA_TABLES) await markInSteps(bundle.records[table]);
  const incoming = (table: BundleTable) => (identity ? (bundle.records[table] as Row[]) : (bundle.records[table] as Row[]).map((r) => remapIds(r, ids)));

  const summary: TableSummary[] = [];
  const lists: RecordLists[] = [];
  const conflicts: Conflict[] = [];
  const writes = new Map<BundleTable, Row[]>();
  const previous = new Map<string, Row>();
  const local = new Map<BundleTable, Row[]>();
  const incomingRows = new Map<BundleTable, Row[]>();
  const theirHistory = bundle.included.has('history') ? incoming('history') : [];
  const historyByRecord = new Map<string, Row[]>();
  if (mode.kind === 'merge')
    for (const h of theirHistory) {
      const k = String(h.recordId);
      const rows = historyByRecord.get(k);
      if (rows) rows.push(h);
      else historyByRecord.set(k, [h]);
    }

  const wsRow = { ...incoming('workspaces')[0]!, id: wsId } as Row;
  // A replace removes every register, carried or not: each is listed.
  const tables: BundleTable[] = ['workspaces', ...DATA_TABLES.filter((t) => mode.kind === 'replace' || bundle.included.has(t))];
  for (const table of tables) {
    const rows = table === 'workspaces' ? [wsRow] : bundle.included.has(table) ? incoming(table) : [];
    incomingRows.set(table, rows);
    const s = emptySummary(table);
    const list: RecordLists = { table, added: [], updated: [], removed: [] };
    let out: Row[];
    const mine = mode.kind === 'new' ? [] : table === 'workspaces' ? [target!] : ((await db.table(table).where('workspaceId').equals(wsId).toArray()) as Row[]);
    local.set(table, mine);
    if (mode.kind === 'new') {
      s.created = rows.length;
      list.added = rows;
      out = rows;
    } else if (mode.kind === 'replace') {
      // Everything is written anew; the records it overwrites are kept for the history's old values.
      const byId = new Map(mine.map((r) => [r.id, r]));
      for (const r of rows) {
        const was = byId.get(r.id);
        byId.delete(r.id);
        if (!was) {
          s.created += 1;
          list.added.push(r);
        } else if (sameContent(was, r)) s.unchanged += 1;
        else {
          s.updated += 1;
          list.updated.push(r);
        }
        if (was && table !== 'workspaces') previous.set(`${table}:${r.id}`, was);
      }
      list.removed = [...byId.values()];
      s.removed = list.removed.length;
      out = rows;
    } else {
      out = await mergeTable(
        { table, rows, local: mine, basedOn: bundle.manifest.basedOn, theirHistory: historyByRecord },
        { summary: s, list, conflicts, previous },
      );
    }
    summary.push(s);
    lists.push(list);
    writes.set(table, out);
  }

  // The history only grows: entries this browser has already are skipped, never changed.
  if (bundle.included.has('history')) {
    const known = new Set<string>();
    for (const slice of slices(theirHistory.map((r) => r.id))) (await db.history.bulkGet(slice)).forEach((h, i) => h && known.add(slice[i]!));
    const fresh = theirHistory.filter((r) => !known.has(r.id));
    summary.push({ ...emptySummary('history'), created: fresh.length, unchanged: theirHistory.length - fresh.length });
    writes.set('history', fresh);
  }

  // Risk numbers are unique per workspace: an incoming R-005 that is another local risk gets the next free number.
  if (mode.kind === 'merge') {
    const refs = new Map((local.get('risks') ?? []).map((r) => [String(r.ref), r.id]));
    const risks = writes.get('risks') ?? [];
    const list = lists.find((l) => l.table === 'risks');
    risks.forEach((r, i) => {
      const owner = refs.get(String(r.ref));
      let row = r;
      if (owner && owner !== r.id) {
        const fresh = nextRiskRef(refs.keys());
        notes.push(problemOf('risk-renumbered', { detail: `${String(r.ref)} → ${fresh}` }));
        // A copy: the parsed bundle stays as read, so planning again (another mode) starts from it.
        row = risks[i] = { ...r, ref: fresh };
        if (list) for (const kind of ['added', 'updated'] as const) list[kind] = list[kind].map((x) => (x === r ? row : x));
      }
      refs.set(String(row.ref), row.id);
    });
  }

  const files = new Map<string, Blob>();
  const writtenEvidence = new Set((writes.get('evidence') ?? []).map((e) => e.id));
  for (const [id, blob] of bundle.attachments) {
    const mapped = ids.get(id) ?? id;
    if (mode.kind !== 'merge' || writtenEvidence.has(mapped)) files.set(mapped, blob);
  }
  let bytes = 0;
  for (const f of files.values()) bytes += f.size;
  // The records weigh their share of their data file (encoding 12,000 of them again took the page 100 ms).
  for (const [table, rows] of writes) {
    const size = bundle.sizes[table];
    const carried = bundle.records[table].length;
    bytes += size !== undefined && carried > 0 ? Math.ceil((size * rows.length) / carried) : JSON.stringify(rows).length;
  }

  return {
    mode,
    workspaceId: wsId,
    workspaceName: String(mode.kind === 'merge' ? target!.name : wsRow.name),
    summary,
    lists,
    conflicts,
    sources: { local, incoming: incomingRows },
    attachments: files.size,
    notes,
    writes,
    previous,
    remove: mode.kind === 'replace',
    asRead: mode.kind !== 'merge' && remapped === 0,
    exportedAt: bundle.manifest.exportedAt,
    files,
    bytes,
  };
}
