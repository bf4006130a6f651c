import { setLastBackup } from '../db/backup-repo';
import { applyImport, MergeMixError, planImport, StalePlanError, type ConflictChoice, type ImportMode, type ImportPlan } from '../db/bundle-write';
import { RecordRefusedError } from '../db/write-path';
export type { Conflict, ConflictChoice, ImportMode, ImportPlan, RecordLists } from '../db/bundle-write';
export type { SnapshotTable } from '../db/snapshot';
import type { SnapshotTable } from '../db/snapshot';
import { database } from '../db/database';
import type { Catalog } from '../domain/catalog-model';
import { listWorkspaces } from '../db/workspaces-repo';
import { localToday } from '../domain/dates';
import { proposeImportName } from '../domain/import-name';
import { hasMessage, locale, t, type MessageKey } from '../i18n/i18n';
import { fieldLabelOf } from '../i18n/value-text';
import type { HistoryTable } from '../domain/history';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { PreparedDashboard } from '../db/dashboard-cache';
import type { DashboardView } from '../domain/dashboard-view';
import type { Workspace } from '../domain/workspace-schema';
import type { MixProblem } from '../db/bundle-write';
import { namingContext, type NamingContext } from './import-names';
import type { BundleTable } from '../io/bundle/bundle-format';
import type { ParseResult } from '../io/bundle/bundle-import';
import type { WorkerReply, WorkerRequest } from './bundle.worker';
import { app } from './app.svelte';
import { spareWorker } from './spare-worker';
import { workerJob, type Running } from './worker-job';

export const APP_VERSION = '0.1.0';

/** The registers a bundle must carry (with its files) to count as a backup of the workspace. */
export const BACKUP_TABLES: readonly SnapshotTable[] = ['assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'];

export type { Running };

const newBundleWorker = () => new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });

/** A worker started ahead of the next check while the import form is open (its modules and strings loaded). */
const spare = spareWorker(newBundleWorker, (w) => w.postMessage({ type: 'preload', locale: locale() } satisfies WorkerRequest));

/**
 * Starts a spare bundle worker, when a holder (the import form) is open and none waits: the form
 * asks once a file is chosen, so the worker loads while the person gets to "Check the file" (a
 * fresh one spent 0.2–0.5 s of a 97 MiB bundle's check loading its modules and strings). Never
 * after a job on its own: the preview and the write follow a check, and a worker starting beside
 * them would slow both on two cores.
 */
export function warmBundleWorker(): void {
  spare.warm();
}

/** Lets `warmBundleWorker` keep a spare while the caller is open. Returns the release; the spare ends with the last holder. */
export function holdBundleWorker(): () => void {
  return spare.hold();
}

/** Starts the bundle worker for one job (the spare when there is one); cancelling terminates it at once. */
export function runWorker<T>(
  request: WorkerRequest,
  onProgress: (f: number) => void,
  pick: (reply: WorkerReply) => T | undefined,
  transfer: Transferable[] = [],
): Running<T> {
  const worker = spare.take();
  const job = workerJob<T, WorkerRequest, WorkerReply>(worker, 'the bundle worker', pick, onProgress);
  job.send(request, transfer);
  return job;
}

export interface ExportChoice {
  tables: SnapshotTable[];
  attachments: boolean;
  passphrase?: string;
}

export function startExport(
  workspaceId: string,
  catalog: Catalog,
  choice: ExportChoice,
  onProgress: (f: number) => void,
): Running<{ blob: Blob; fileName: string }> {
  // The worker reads the workspace itself (db/snapshot-direct): the page neither reads nor clones the records.
  // README.txt and report.html are written in the language the UI shows now (the data files are language-neutral).
  const request: WorkerRequest = {
    type: 'export',
    dbName: database().name,
    workspaceId,
    tables: [...choice.tables],
    withFiles: choice.attachments && choice.tables.includes('evidence'),
    catalog,
    exportedAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    locale: locale(),
    ...(choice.passphrase ? { passphrase: choice.passphrase } : {}),
  };
  const inner = runWorker(request, onProgress, (r) => (r.type === 'exported' ? { blob: r.blob, fileName: r.fileName } : undefined));
  const done = (async () => {
    const result = await inner.done;
    // A full bundle (every register, files included) counts as a backup for the reminder.
    if (choice.attachments && BACKUP_TABLES.every((t) => choice.tables.includes(t))) await setLastBackup(workspaceId, request.exportedAt);
    return result;
  })();
  return { done, cancel: () => inner.cancel() };
}

/** A check's result; a bundle that passed also brings its dashboard's figures, when the worker could work them out. */
export type CheckedBundle = ParseResult & { figures?: PreparedDashboard<DashboardView> };

export function startParse(file: File, catalog: Catalog, passphrase: string | undefined, onProgress: (f: number) => void): Running<CheckedBundle> {
  let inner: Running<CheckedBundle> | null = null;
  const done = (async () => {
    // The File goes to the worker as a handle: the worker reads its bytes, the page never holds them.
    inner = runWorker(
      { type: 'parse', file, fileName: file.name, catalog, locale: locale(), today: localToday(), ...(passphrase ? { passphrase } : {}) },
      onProgress,
      parsedFromParts(),
    );
    return inner.done;
  })();
  return { done, cancel: () => inner?.cancel() };
}

/** Picks the parse reply, with the records (and figures) that came ahead of it in `part` replies put back, in order. */
export function parsedFromParts(): (reply: WorkerReply) => CheckedBundle | undefined {
  const parts = new Map<BundleTable, Record<string, unknown>[]>();
  let figures: PreparedDashboard<DashboardView> | undefined;
  return (reply) => {
    if (reply.type === 'part' && 'figures' in reply) {
      figures = reply.figures;
      return undefined;
    }
    if (reply.type === 'part') {
      const rows = parts.get(reply.table) ?? [];
      // A loop, not push(...rows): a part may hold more rows than a call takes arguments.
      for (const row of reply.rows) rows.push(row);
      parts.set(reply.table, rows);
      return undefined;
    }
    if (reply.type !== 'parsed') return undefined;
    if (!reply.result.ok) return reply.result;
    for (const [table, rows] of parts) reply.result.bundle.records[table] = rows;
    return figures ? { ...reply.result, figures } : reply.result;
  };
}

export async function previewImport(result: Extract<ParseResult, { ok: true }>, mode: ImportMode): Promise<ImportPlan | null> {
  try {
    return await planImport(result.bundle, mode);
  } catch (e) {
    app.report(e);
    return null;
  }
}

/** The name an import as a new workspace is proposed: the bundle's, or "… (imported <today>)" beside a workspace of that name. */
export async function proposeName(plan: ImportPlan): Promise<string> {
  const names = (await listWorkspaces()).map((w) => w.name);
  return proposeImportName(plan.workspaceName, names, (name) => t('import.importedName', { name, date: localToday() }));
}

/** The plan with the new workspace named `name` (a valid name: the caller checks it). */
export function renamePlan(plan: ImportPlan, name: string): ImportPlan {
  const [row, ...rest] = plan.writes.get('workspaces') ?? [];
  if (!row || plan.mode.kind !== 'new') return plan;
  return { ...plan, workspaceName: name, writes: new Map(plan.writes).set('workspaces', [{ ...row, name }, ...rest]) };
}

/**
 * Writes the import. A mix of conflict fields that makes no valid record, or a conflicting record
 * changed here since the preview, is refused with nothing written and said in `refused` (each as how
 * to word it, worded where shown so a language switch rewords it); `replan` when the preview is out of date.
 */
export async function confirmImport(
  plan: ImportPlan,
  choices: ReadonlyMap<string, ConflictChoice>,
  catalog: Catalog,
  /** The check's dashboard figures, kept with the records when the workspace holds exactly them. */
  figures?: PreparedDashboard<DashboardView>,
): Promise<{ ws: Workspace } | { refused: (() => string)[]; replan?: true } | null> {
  try {
    return { ws: await applyImport(plan, choices, figures) };
  } catch (e) {
    if (e instanceof MergeMixError) return { refused: e.problems.map((p) => () => mixProblemText(p, previewContexts(plan, catalog).mine)) };
    // Records changed here since the preview: said by name (the first few), and the page plans again.
    if (e instanceof StalePlanError) return { refused: [() => staleText(e, plan, catalog)], replan: true };
    // A record its register refuses (an approved version changed, a second scope): said by its name.
    if (e instanceof RecordRefusedError && e.record) {
      const { table, row } = e.record;
      const key: MessageKey =
        e.code === 'frozen' ? 'merge.refused.frozen' : e.code === 'singleton-exists' ? 'merge.refused.singleton-exists' : 'merge.refused.other';
      return { refused: [() => t(key, { record: previewContexts(plan, catalog).mine.recordName(table, row) })] };
    }
    app.report(e);
    return null;
  }
}

/** How the preview names records and words values: mine (and the base) with this workspace's records and matrix first, theirs with the bundle's. */
export function previewContexts(plan: ImportPlan, catalog: Catalog): { mine: NamingContext; theirs: NamingContext } {
  const { local, incoming } = plan.sources;
  const matrix = (rows: readonly Record<string, unknown>[] | undefined) => rows?.[0]?.riskMatrix as RiskMatrix | undefined;
  return {
    mine: namingContext([local, incoming], catalog, matrix(local.get('workspaces')) ?? matrix(incoming.get('workspaces'))),
    theirs: namingContext([incoming, local], catalog, matrix(incoming.get('workspaces'))),
  };
}

function staleText(e: StalePlanError, plan: ImportPlan, catalog: Catalog): string {
  const ctx = previewContexts(plan, catalog).mine;
  const names = e.records.slice(0, 5).map((r) => ctx.recordName(r.table as HistoryTable, r.row));
  if (e.records.length > 5) names.push(t('merge.staleMore', { count: e.records.length - 5 }));
  return t('merge.stale', { records: names.join(', ') });
}

function mixProblemText(p: MixProblem, ctx: NamingContext): string {
  const c = p.conflict;
  const table = c.table as HistoryTable;
  // The register's field the problem is in: a nested row's is its list's, a profile's is one level down.
  const path = p.field.split('.');
  const field = path[0] === 'profile' || path[0] === 'soaMeta' ? path.slice(0, 2).join('.') : (path[0] ?? '');
  const rule = `cycle.rule.${p.code.replace(/^rule-/, '')}`;
  const problem = p.code.startsWith('rule-') && hasMessage(rule) ? t(rule as MessageKey) : t('validation.invalid', { field: fieldLabelOf(table, field) });
  return t('merge.mixInvalid', { record: ctx.recordName(table, c.mine), problem });
}
