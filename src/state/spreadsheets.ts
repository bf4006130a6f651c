import { database } from '../db/database';
import { applyWorkbookPlan } from '../db/workbook-write';
import type { Catalog } from '../domain/catalog-model';
import { cycleKindNames } from '../domain/cycle/kind-names';
import { locale, type MessageKey } from '../i18n/i18n';
import type { SheetCheck, WorkbookPlan } from '../io/workbook-import';
import type { SingleRegister } from '../io/workbook-export';
import { app } from './app.svelte';
import { APP_VERSION } from './bundles';
import { workerJob, type Running, type WorkerJob } from './worker-job';
import type { SheetsWorkerReply, SheetsWorkerRequest } from './sheets-jobs';

export type { SheetCheck, WorkbookPlan, SingleRegister };
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The registers one can export on their own: the assessment and risk ones, then every management-system register. */
export const builtInRegisters: SingleRegister[] = ['clauses', 'soa', 'aiSystems', 'risks', 'ownControls'];
export const cycleSheetRegisters: SingleRegister[] = cycleKindNames.map((k) => `cycle:${k}` as const);

/** `sheets.register.risks`, `sheets.register.cycle.audit` … */
export const registerLabel = (r: SingleRegister) => `sheets.register.${r.replace(':', '.')}` as MessageKey;

/** The register's part of a download's file name: "risks", "nonconformity" (no colon: Windows refuses it). */
export const registerFileName = (r: SingleRegister) => r.replace(/^cycle:/, '');

/** The spreadsheet worker for one job: messages go in, one reply settles it; cancelling terminates it at once. */
function sheetsWorker<T>(pick: (reply: SheetsWorkerReply) => T | undefined): WorkerJob<T, SheetsWorkerRequest> {
  return workerJob<T, SheetsWorkerRequest, SheetsWorkerReply>(new Worker(new URL('./sheets.worker.ts', import.meta.url), { type: 'module' }), 'the spreadsheet worker', pick);
}

/** Builds a workbook or CSV in the worker, which reads the workspace itself; SheetJS never loads in the page. */
export function startWorkbookExport(workspaceId: string, catalog: Catalog, what: 'full' | 'template' | { register: SingleRegister; format: 'xlsx' | 'csv' }): Running<Uint8Array> {
  const job = sheetsWorker((r) => (r.type === 'workbook' ? r.bytes : undefined));
  job.send({ type: 'export', dbName: database().name, workspaceId, catalog, what, exportedAt: new Date().toISOString(), appVersion: APP_VERSION, locale: locale() });
  return job;
}

/**
 * Reads the file and compares it with the workspace, both in the worker (which reads the workspace
 * while it parses the file); the page receives only the plan. Nothing is written.
 */
export async function checkSpreadsheet(workspaceId: string, catalog: Catalog, file: File, csvEncoding?: CsvEncoding): Promise<SheetCheck | null> {
  let job: ReturnType<typeof sheetsWorker<SheetCheck>> | null = null;
  try {
    // The worker starts (and loads SheetJS) while the file is read.
    job = sheetsWorker((r) => (r.type === 'checked' ? r.result : undefined));
    job.send({ type: 'preload', xlsx: true });
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The bytes move to the worker rather than being copied.
    job.send({ type: 'check', dbName: database().name, workspaceId, catalog, bytes, fileName: file.name, locale: locale(), ...(csvEncoding ? { csvEncoding } : {}) }, [bytes.buffer]);
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
