import { database } from '../db/database';
import { applyWorkbookPlan } from '../db/workbook-write';
import type { Catalog } from '../domain/catalog-model';
import { cycleKindNames } from '../domain/cycle/kind-names';
import { locale, type MessageKey } from '../i18n/i18n';
import type { PlanOptions, SheetCheck, WorkbookPlan } from '../io/sheets/workbook-import';
import type { SingleRegister } from '../io/sheets/workbook-export';
import { app } from './app.svelte';
import { APP_VERSION } from './bundles';
import { spareWorker } from './spare-worker';
import { workerJob, type Running, type WorkerJob } from './worker-job';
import type { SheetsWorkerReply, SheetsWorkerRequest } from './sheets-jobs';

export type { PlanOptions, SheetCheck, WorkbookPlan, SingleRegister };
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The registers one can export on their own: the assessment and risk ones, then every management-system register. */
export const builtInRegisters: SingleRegister[] = ['clauses', 'soa', 'aiSystems', 'risks', 'ownControls'];
export const cycleSheetRegisters: SingleRegister[] = cycleKindNames.map((k) => `cycle:${k}` as const);

/** `sheets.register.risks`, `sheets.register.cycle.audit` … */
export const registerLabel = (r: SingleRegister) => `sheets.register.${r.replace(':', '.')}` as MessageKey;

/** The register's part of a download's file name: "risks", "nonconformity" (no colon: Windows refuses it). */
export const registerFileName = (r: SingleRegister) => r.replace(/^cycle:/, '');

const newSheetsWorker = () => new Worker(new URL('./sheets.worker.ts', import.meta.url), { type: 'module' });

/** Jobs under way: no spare starts beside one (two cores are common). */
let running = 0;

/** A worker started ahead of the next job, while a page that offers spreadsheets is open. */
const spare = spareWorker(
  newSheetsWorker,
  // It loads SheetJS, every language's strings and its compression worker, and opens the database, while nobody waits.
  (w) => w.postMessage({ type: 'preload', xlsx: true, dbName: database().name } satisfies SheetsWorkerRequest),
  () => running === 0,
);

/**
 * How long after a job the next spare starts. Starting a worker (its modules, SheetJS, every
 * language's strings) takes 300–400 ms of a core: right after a check that is when the page shows
 * the preview and, a click later, writes the import, and the two slowed each other down.
 */
export const SPARE_DELAY_MS = 1500;

/**
 * Keeps one spreadsheet worker started ahead of the next export or check while the caller (a page
 * with the spreadsheet tools) is open, so a job finds SheetJS, the messages and the compression
 * worker loaded: a fresh worker spent 50–100 ms of every job starting. Returns the release; the
 * spare ends when the last holder has released it.
 */
export function keepSpreadsheetWorkerWarm(): () => void {
  const release = spare.hold();
  spare.warm();
  return release;
}

/** The spreadsheet worker for one job (the spare when there is one): messages go in, one reply settles it; cancelling terminates it at once. */
function sheetsWorker<T>(pick: (reply: SheetsWorkerReply) => T | undefined): WorkerJob<T, SheetsWorkerRequest> {
  const job = workerJob<T, SheetsWorkerRequest, SheetsWorkerReply>(spare.take(), 'the spreadsheet worker', pick);
  running += 1;
  // The next spare starts a while after this job is over, not alongside it nor while the page shows its result.
  const over = () => {
    running -= 1;
    setTimeout(() => spare.warm(), SPARE_DELAY_MS);
  };
  job.done.then(over, over);
  return job;
}

/** Builds a workbook or CSV in the worker, which reads the workspace itself; SheetJS never loads in the page. */
export function startWorkbookExport(
  workspaceId: string,
  catalog: Catalog,
  what: 'full' | 'template' | { register: SingleRegister; format: 'xlsx' | 'csv' },
): Running<Uint8Array> {
  const job = sheetsWorker((r) => (r.type === 'workbook' ? r.bytes : undefined));
  job.send({
    type: 'export',
    dbName: database().name,
    workspaceId,
    catalog,
    what,
    exportedAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    locale: locale(),
  });
  return job;
}

/**
 * Reads the file and compares it with the workspace, both in the worker (which reads the workspace
 * while it parses the file); the page receives only the plan. Nothing is written.
 */
export async function checkSpreadsheet(
  workspaceId: string,
  catalog: Catalog,
  file: File,
  csvEncoding?: CsvEncoding,
  options?: PlanOptions,
): Promise<SheetCheck | null> {
  let job: ReturnType<typeof sheetsWorker<SheetCheck>> | null = null;
  try {
    // The worker starts (and loads SheetJS) while the file is read.
    job = sheetsWorker((r) => (r.type === 'checked' ? r.result : undefined));
    job.send({ type: 'preload', xlsx: true, dbName: database().name });
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The bytes move to the worker rather than being copied.
    job.send(
      {
        type: 'check',
        dbName: database().name,
        workspaceId,
        catalog,
        bytes,
        fileName: file.name,
        locale: locale(),
        ...(csvEncoding ? { csvEncoding } : {}),
        ...(options ? { options } : {}),
      },
      [bytes.buffer],
    );
    return await job.done;
  } catch (e) {
    job?.cancel();
    app.report(e);
    return null;
  }
}

export async function applySpreadsheet(workspaceId: string, plan: WorkbookPlan): Promise<number | null> {
  try {
    return await applyWorkbookPlan(workspaceId, plan);
  } catch (e) {
    app.report(e);
    return null;
  }
}
