import { readWorkspaceSnapshot } from '../db/snapshot';
import { applyWorkbookPlan } from '../db/workbook-write';
import type { Catalog } from '../domain/catalog-model';
import type { ReadSheet } from '../io/sheet-read';
import { planWorkbookImport, type WorkbookPlan } from '../io/workbook-import';
import type { WorkbookData } from '../io/workbook-data';
import type { SingleRegister } from '../io/workbook-export';
import type { IoProblem } from '../io/problems';
import { app } from './app.svelte';
import { APP_VERSION, runWorker, type Running } from './bundles';

export type { WorkbookPlan, SingleRegister };
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

async function workbookData(workspaceId: string, catalog: Catalog): Promise<WorkbookData> {
  const s = await readWorkspaceSnapshot(workspaceId, ['assessments', 'aiSystems', 'risks', 'ownControls', 'impactAssessments'], false);
  const t = s.tables as unknown as Omit<WorkbookData, 'catalog' | 'workspace'>;
  return { catalog, workspace: s.workspace, assessments: t.assessments ?? [], aiSystems: t.aiSystems ?? [], risks: t.risks ?? [], ownControls: t.ownControls ?? [], impactAssessments: t.impactAssessments ?? [] };
}

/** Builds a workbook or CSV in the worker; SheetJS never loads in the page. */
export function startWorkbookExport(workspaceId: string, catalog: Catalog, what: 'full' | 'template' | { register: SingleRegister; format: 'xlsx' | 'csv' }): Running<Uint8Array> {
  let inner: Running<Uint8Array> | null = null;
  const done = (async () => {
    const data = await workbookData(workspaceId, catalog);
    inner = runWorker({ type: 'workbook', data, what, exportedAt: new Date().toISOString(), appVersion: APP_VERSION }, () => {}, (r) => (r.type === 'workbook' ? r.bytes : undefined));
    return inner.done;
  })();
  return { done, cancel: () => inner?.cancel() };
}

export type SheetCheck = { ok: true; plan: WorkbookPlan; warnings: IoProblem[] } | { ok: false; problems: IoProblem[] };

/** Reads the file in the worker, then compares it with the workspace; nothing is written. */
export async function checkSpreadsheet(workspaceId: string, catalog: Catalog, file: File, csvEncoding?: CsvEncoding): Promise<SheetCheck | null> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The worker reads the file while the page reads the workspace; the bytes move, not copy.
    const [read, data] = await Promise.all([
      runWorker({ type: 'read-sheets', bytes, fileName: file.name, ...(csvEncoding ? { csvEncoding } : {}) }, () => {}, (r) => (r.type === 'sheets' ? r.result : undefined), [bytes.buffer]).done,
      workbookData(workspaceId, catalog),
    ]);
    if (!read.ok) return { ok: false, problems: read.problems };
    // A CSV has one unnamed sheet: it stands for the register its columns match.
    const sheets: ReadSheet[] = read.sheets;
    return { ok: true, plan: planWorkbookImport(sheets, data), warnings: read.warnings };
  } catch (e) {
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
