import { newId } from '../domain/ids';
import { nextRiskRef } from '../domain/risk-schema';
import { workspaceSchema, type Workspace } from '../domain/workspace-schema';
import type { BundleTable } from '../io/bundle-format';
import type { ParsedBundle } from '../io/bundle-import';
import { database } from './database';
import { guardWrite } from './errors';
import { remapIds } from './remap-ids';
import { canonicalJson } from '../io/canonical-json';
import type { WorkspaceTable } from './schema-versions';
import { exchangeKey } from './snapshot';
import { addHistoryEntries, bundleImportHistory } from './history-repo';
import { historyUser } from './settings-repo';

export type ImportMode = { kind: 'new' } | { kind: 'replace'; targetId: string } | { kind: 'merge'; targetId: string };
type Row = Record<string, unknown> & { id: string; updatedAt?: string };

export interface Conflict {
  key: string;
  table: BundleTable;
  id: string;
  label: string;
  mine: Row;
  theirs: Row;
  /** What happens unless the user chooses: the newer record wins. */
  defaultChoice: 'mine' | 'theirs';
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

export interface ImportPlan {
  mode: ImportMode;
  workspaceId: string;
  workspaceName: string;
  summary: TableSummary[];
  conflicts: Conflict[];
  attachments: number;
  notes: { code: string; detail: string }[];
  /** Rows to write per table once conflicts are resolved (conflicting ones are added then). */
  writes: Map<BundleTable, Row[]>;
  /** The local record each update or conflict replaces (`table:id`), for the history's old values. */
  previous: Map<string, Row>;
  remove: boolean;
  exportedAt: string;
  files: Map<string, Blob>;
  bytes: number;
}

const DATA_TABLES: Exclude<BundleTable, 'workspaces'>[] = ['assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'];

/**
 * Rows per IndexedDB call. Each call clones its rows on the page's main thread in one go; 1,000 risks
 * take a few tens of milliseconds, so the page keeps answering between calls (10,000 at once blocked
 * it for about 400 ms). Slices of one transaction still land all together or not at all.
 */
const SLICE = 1_000;

function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE) out.push(rows.slice(i, i + SLICE));
  return out;
}

/** A readable name for a record in the conflict list. */
function labelOf(table: BundleTable, r: Row): string {
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  switch (table) {
    case 'workspaces':
      return s('name');
    case 'assessments':
      return s('itemId');
    case 'risks':
      return `${s('ref')} ${s('title')}`;
    case 'impactAssessments':
      return `v${String(r.version)}`;
    case 'cycleRecords':
      return `${s('ref')} ${s('title')}`;
    default:
      return s('name') || s('title') || r.id;
  }
}

/**
 * Same content, whatever the timestamps say: a workspace's updatedAt moves with every edit of
 * its records, so it alone never makes a change or a conflict.
 */
function same(a: Row, b: Row): boolean {
  const strip = (r: Row) => {
    const { updatedAt: _u, ...rest } = r;
    return canonicalJson(rest);
  };
  return strip(a) === strip(b);
}

/**
 * Works out, without writing, what an import would do: per table how many records are new,
 * updated, unchanged or in conflict, and which ids must change because they already belong to
 * another workspace in this browser. Merge matches by id (answers by catalog item); when both
 * sides changed a record since the common export (the manifest's basedOn), it is a conflict.
 */
export async function planImport(bundle: ParsedBundle, mode: ImportMode): Promise<ImportPlan> {
  const db = database();
  const incomingWs = bundle.records.workspaces[0] as Row;
  const target = mode.kind === 'new' ? null : await db.workspaces.get(mode.targetId);
  if (mode.kind !== 'new' && !target) throw new Error(`workspace ${mode.targetId} not found`);
  const wsId = mode.kind === 'new' ? ((await db.workspaces.get(incomingWs.id)) ? newId() : incomingWs.id) : target!.id;

  // Ids that already exist under another workspace get fresh ones, references follow. A table
  // with no rows of other workspaces (always so in a new browser) cannot clash: two counts, no lookups.
  const ids = new Map<string, string>([[incomingWs.id, wsId]]);
  const othersIn = async (table: WorkspaceTable) => (await db.table(table).count()) - (await db.table(table).where('workspaceId').equals(wsId).count());
  const clashes = async (table: WorkspaceTable, keys: string[]) => {
    if (keys.length === 0 || (await othersIn(table)) === 0) return;
    for (const slice of slices(keys)) {
      const existing = (await db.table(table).bulkGet(slice)) as ({ workspaceId: string } | undefined)[];
      existing.forEach((e, i) => {
        if (e && e.workspaceId !== wsId) ids.set(slice[i]!, newId());
      });
    }
  };
  for (const table of DATA_TABLES) await clashes(table, (bundle.records[table] as Row[]).map((r) => r.id));
  await clashes('history', (bundle.records.history as Row[]).map((r) => r.id));
  await clashes('evidenceFiles', [...bundle.attachments.keys()].filter((id) => !ids.has(id)));

  const notes: ImportPlan['notes'] = [];
  const remapped = [...ids.keys()].filter((k) => k !== incomingWs.id).length;
  if (remapped > 0) notes.push({ code: 'ids-remapped', detail: String(remapped) });
  // Nothing below changes an incoming row in place, so when no id changes the rows need no copy.
  const identity = [...ids].every(([from, to]) => from === to);
  const incoming = (table: BundleTable) => (identity ? (bundle.records[table] as Row[]) : (bundle.records[table] as Row[]).map((r) => remapIds(r, ids)));

  const base = bundle.manifest.basedOn;
  const summary: TableSummary[] = [];
  const conflicts: Conflict[] = [];
  const writes = new Map<BundleTable, Row[]>();
  const previous = new Map<string, Row>();

  const wsRow = { ...incoming('workspaces')[0]!, id: wsId } as Row;
  const tables: BundleTable[] = ['workspaces', ...DATA_TABLES.filter((t) => bundle.included.has(t))];
  for (const table of tables) {
    const rows = table === 'workspaces' ? [wsRow] : incoming(table);
    const s: TableSummary = { table, created: 0, updated: 0, unchanged: 0, keptNewer: 0, conflicts: 0, removed: 0 };
    const out: Row[] = [];
    if (mode.kind !== 'merge') {
      s.created = rows.length;
      if (mode.kind === 'replace' && table !== 'workspaces') {
        // The records the replace overwrites, for the history's old values (see applyImport; the
        // workspace's own entry always says that the import happened).
        const local = (await db.table(table).where('workspaceId').equals(wsId).toArray()) as Row[];
        s.removed = local.length;
        const byId = new Map(local.map((r) => [r.id, r]));
        for (const r of rows) {
          const mine = byId.get(r.id);
          if (mine) previous.set(`${table}:${r.id}`, mine);
        }
      }
      out.push(...rows);
    } else {
      const local = (table === 'workspaces' ? [target as unknown as Row] : ((await db.table(table).where('workspaceId').equals(wsId).toArray()) as Row[]));
      // Answers are unique per catalog item: match them by item, whatever their ids.
      const key = (r: Row) => (table === 'assessments' ? String(r.itemId) : r.id);
      const byKey = new Map(local.map((r) => [key(r), r]));
      for (const theirs of rows) {
        const mine = byKey.get(key(theirs));
        if (!mine) {
          s.created += 1;
          out.push(theirs);
          continue;
        }
        const aligned = { ...theirs, id: mine.id } as Row;
        if (same(mine, aligned)) {
          s.unchanged += 1;
          continue;
        }
        const mineAt = mine.updatedAt ?? '';
        const theirsAt = aligned.updatedAt ?? '';
        if (base && mineAt > base && theirsAt > base) {
          s.conflicts += 1;
          conflicts.push({ key: `${table}:${mine.id}`, table, id: mine.id, label: labelOf(table, mine), mine, theirs: aligned, defaultChoice: theirsAt > mineAt ? 'theirs' : 'mine' });
        } else if (theirsAt > mineAt) {
          s.updated += 1;
          out.push(aligned);
        } else s.keptNewer += 1;
        previous.set(`${table}:${mine.id}`, mine);
      }
    }
    summary.push(s);
    writes.set(table, out);
  }

  // The history only grows: entries this browser has already are skipped, never changed.
  if (bundle.included.has('history')) {
    const rows = incoming('history');
    const known = new Set<string>();
    for (const slice of slices(rows.map((r) => r.id))) (await db.history.bulkGet(slice)).forEach((h, i) => h && known.add(slice[i]!));
    const fresh = rows.filter((r) => !known.has(r.id));
    summary.push({ table: 'history', created: fresh.length, updated: 0, unchanged: rows.length - fresh.length, keptNewer: 0, conflicts: 0, removed: 0 });
    writes.set('history', fresh);
  }

  // Risk numbers are unique per workspace: an incoming R-005 that is another local risk gets the next free number.
  if (mode.kind === 'merge') {
    const localRisks = (await db.risks.where('workspaceId').equals(wsId).toArray()) as unknown as Row[];
    const refs = new Map(localRisks.map((r) => [String(r.ref), r.id]));
    const risks = writes.get('risks') ?? [];
    risks.forEach((r, i) => {
      const owner = refs.get(String(r.ref));
      let row = r;
      if (owner && owner !== r.id) {
        const fresh = nextRiskRef(refs.keys());
        notes.push({ code: 'risk-renumbered', detail: `${String(r.ref)} → ${fresh}` });
        // A copy: the parsed bundle stays as read, so planning again (another mode) starts from it.
        row = risks[i] = { ...r, ref: fresh };
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
  for (const rows of writes.values()) bytes += JSON.stringify(rows).length;

  return {
    mode,
    workspaceId: wsId,
    workspaceName: String(mode.kind === 'merge' ? target!.name : wsRow.name),
    summary,
    conflicts,
    attachments: files.size,
    notes,
    writes,
    previous,
    remove: mode.kind === 'replace',
    exportedAt: bundle.manifest.exportedAt,
    files,
    bytes,
  };
}

/**
 * Writes the plan in one transaction: either everything lands or nothing does. `choices` maps
 * conflict keys to the side to keep; unlisted conflicts take their default.
 */
export async function applyImport(plan: ImportPlan, choices: ReadonlyMap<string, 'mine' | 'theirs'> = new Map()): Promise<Workspace> {
  const db = database();
  const writes = new Map([...plan.writes].map(([t, rows]) => [t, [...rows]]));
  for (const c of plan.conflicts) if ((choices.get(c.key) ?? c.defaultChoice) === 'theirs') writes.get(c.table)?.push(c.theirs);
  // The Blobs come ready from the bundle: nothing but IndexedDB work happens inside the transaction.
  const fileRows = [...plan.files].map(([id, blob]) => ({ id, workspaceId: plan.workspaceId, blob }));
  // The history entries, built before the transaction opens.
  const user = await historyUser();
  const now = new Date().toISOString();
  const entries = bundleImportHistory({ merge: plan.mode.kind === 'merge', workspaceId: plan.workspaceId, previous: plan.previous, writes }, user, now);
  const tables = [db.workspaces, db.settings, db.evidenceFiles, db.history, ...DATA_TABLES.map((t) => db.table(t))];
  return guardWrite(
    () =>
      db.transaction('rw', tables, async () => {
        if (plan.remove) {
          for (const t of DATA_TABLES) await db.table(t).where('workspaceId').equals(plan.workspaceId).delete();
          await db.evidenceFiles.where('workspaceId').equals(plan.workspaceId).delete();
        }
        for (const [table, rows] of writes) {
          if (rows.length === 0) continue;
          if (table === 'workspaces') {
            const existing = await db.workspaces.get(plan.workspaceId);
            const ws = workspaceSchema.parse({ ...rows[0], id: plan.workspaceId, createdAt: existing?.createdAt ?? rows[0]!.createdAt });
            await db.workspaces.put(ws);
          } else for (const slice of slices(rows)) await db.table(table).bulkPut(slice);
        }
        for (const slice of slices(fileRows)) await db.evidenceFiles.bulkPut(slice);
        await addHistoryEntries(db, entries);
        await db.settings.put({ key: exchangeKey(plan.workspaceId), value: plan.exportedAt });
        const ws = await db.workspaces.get(plan.workspaceId);
        if (!ws) throw new Error('import wrote no workspace');
        return ws;
      }),
    plan.bytes,
  );
}
