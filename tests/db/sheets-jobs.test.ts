import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { readWorkbookData } from '../../src/db/workbook-read';
import { serveWorkbookReads } from '../../src/db/workbook-read-remote';
import { openWorkbookDatabaseEarly, readWorkbookDataDirect } from '../../src/db/workbook-read-direct';
import { tOption } from '../../src/i18n/i18n';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import type { SheetCheck } from '../../src/io/sheets/workbook-import';
import { freshDatabase } from '../support/db';
import { catalog, EXPORTED_AT, seedWorkspace } from '../support/bundles';

/**
 * The jobs of the spreadsheet worker. A worker starts with fresh modules, so with the first
 * screen's strings only (tests/setup.ts loads the whole catalogue for everything else): each test
 * imports the jobs anew, as the worker does. The jobs read the test's database by its name.
 */
let db: AimsDatabase;
let wsId: string;
let data: WorkbookData;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 21, { aiSystems: 4, risks: 15, ownControls: 3, impactAssessments: 2 })).ws.id;
  data = await readWorkbookData(wsId, catalog);
});

async function freshJobs() {
  vi.resetModules();
  return import('../../src/state/sheets-jobs');
}

function column(bytes: Uint8Array, sheet: string, header: string): unknown[] {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets[sheet]!, { header: 1 });
  const col = (rows[0] as string[]).indexOf(header);
  return rows.slice(1).map((r) => r[col]);
}

describe('spreadsheet worker jobs', () => {
  it('export writes choice labels ("Identified"), not stored values, although a worker starts without them', async () => {
    const { runSheetsJob } = await freshJobs();
    const out = await runSheetsJob({ type: 'export', dbName: db.name, workspaceId: wsId, catalog, what: 'full', exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
    expect(out?.reply.type).toBe('workbook');
    const bytes = (out!.reply as { bytes: Uint8Array }).bytes;
    const byId = new Map(data.risks.map((r) => [r.id, r]));
    const ids = column(bytes, 'Risks', 'Id') as string[];
    expect(column(bytes, 'Risks', 'Status')).toEqual(ids.map((id) => tOption('risk.statusValue', byId.get(id)!.status)));
    expect(new Set(column(bytes, 'Risks', 'Status'))).not.toContain(data.risks[0]!.status);
  });

  it('check reads the workspace itself and finds a labelled workbook unchanged, although a worker starts without the labels', async () => {
    const bytes = await exportWorkbook(data, EXPORTED_AT, '0.1.0');
    const { runSheetsJob } = await freshJobs();
    const out = await runSheetsJob({ type: 'check', dbName: db.name, workspaceId: wsId, catalog, bytes, fileName: 'book.xlsx' });
    expect(out?.reply.type).toBe('checked');
    const result = (out!.reply as { result: SheetCheck }).result;
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.parts.flatMap((p) => p.problems)).toEqual([]);
    expect(result.plan.writes).toEqual([]);
    expect(result.plan.parts.find((p) => p.key === 'risks')?.unchanged).toBe(15);
  });

  it('export follows the language of the request, although a worker starts in English; check reads it back in the other language', async () => {
    const { runSheetsJob } = await freshJobs();
    const out = await runSheetsJob({
      type: 'export',
      dbName: db.name,
      workspaceId: wsId,
      catalog,
      what: 'full',
      exportedAt: EXPORTED_AT,
      appVersion: '0.1.0',
      locale: 'zh-CN',
    });
    const bytes = (out!.reply as { bytes: Uint8Array }).bytes;
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames.slice(0, 5)).toEqual(['说明', '条款4-10', '适用性声明', 'AI系统', '风险']);
    const zhStatus: Record<string, string> = { identified: '已识别', assessed: '已评估', treating: '处置中', monitoring: '监视中', closed: '已关闭' };
    const byId = new Map(data.risks.map((r) => [r.id, r]));
    expect(column(bytes, '风险', '状态')).toEqual((column(bytes, '风险', 'ID') as string[]).map((id) => zhStatus[byId.get(id)!.status]));
    // A fresh worker, the UI now in English: the Chinese workbook matches the workspace.
    const fresh = await freshJobs();
    const checked = await fresh.runSheetsJob({
      type: 'check',
      dbName: db.name,
      workspaceId: wsId,
      catalog,
      bytes: bytes.slice(),
      fileName: 'book.xlsx',
      locale: 'en',
    });
    const result = (checked!.reply as { result: SheetCheck }).result;
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.parts.flatMap((p) => [...p.problems, ...p.warnings])).toEqual([]);
    expect(result.plan.writes).toEqual([]);
    expect(result.plan.parts.find((p) => p.key === 'risks')?.unchanged).toBe(15);
  });

  it('a single register as CSV follows the language of the request', async () => {
    const { runSheetsJob } = await freshJobs();
    const out = await runSheetsJob({
      type: 'export',
      dbName: db.name,
      workspaceId: wsId,
      catalog,
      what: { register: 'soa', format: 'csv' },
      exportedAt: EXPORTED_AT,
      appVersion: '0.1.0',
      locale: 'zh-CN',
    });
    const text = new TextDecoder().decode((out!.reply as { bytes: Uint8Array }).bytes);
    expect(text.split('\r\n')[0]!.split(',').slice(0, 3)).toEqual(['控制', '标题', '适用']);
  });

  it('reports an unreadable file, a workspace that does not exist, and a database that does not exist (without creating it)', async () => {
    const { runSheetsJob } = await freshJobs();
    const unreadable = await runSheetsJob({
      type: 'check',
      dbName: db.name,
      workspaceId: wsId,
      catalog,
      bytes: new TextEncoder().encode('not a workbook'),
      fileName: 'book.xlsx',
    });
    const result = (unreadable!.reply as { result: SheetCheck }).result;
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['sheet-unreadable']);
    const bytes = await exportWorkbook(data, EXPORTED_AT, '0.1.0');
    expect((await runSheetsJob({ type: 'check', dbName: db.name, workspaceId: 'nope', catalog, bytes, fileName: 'book.xlsx' }))?.reply).toEqual({
      type: 'failed',
      message: 'Error: workspace nope not found',
    });
    const missing = `missing-${crypto.randomUUID()}`;
    expect(
      (await runSheetsJob({ type: 'export', dbName: missing, workspaceId: wsId, catalog, what: 'full', exportedAt: EXPORTED_AT, appVersion: '0.1.0' }))?.reply
        .type,
    ).toBe('failed');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(missing);
  });

  it('a check reads the workspace in the worker its preload started, plans what a read in its own thread plans, and reads itself when that worker fails', async () => {
    const bytes = await exportWorkbook(data, EXPORTED_AT, '0.1.0');
    const req = { type: 'check', dbName: db.name, workspaceId: wsId, catalog, fileName: 'book.xlsx' } as const;
    const here = await (await freshJobs()).runSheetsJob({ ...req, bytes: bytes.slice() });
    expect((here!.reply as { result: SheetCheck }).result.ok).toBe(true);
    // Workers as the spreadsheet worker starts them: the reader answers (unless told to fail), the compression worker is idle.
    const asked: string[] = [];
    let fail = false;
    class FakeWorker {
      onmessage: ((ev: MessageEvent) => void) | null = null;
      onerror: ((ev: ErrorEvent) => void) | null = null;
      readonly #scope = { onmessage: null as ((ev: MessageEvent) => void) | null, postMessage: (m: unknown) => this.#answer(m) };
      readonly #reader: boolean;
      constructor(url: URL) {
        this.#reader = String(url).includes('workbook-read');
        if (this.#reader) serveWorkbookReads(this.#scope);
      }
      #answer(m: unknown) {
        const copy = structuredClone(m);
        setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent));
      }
      postMessage(m: { type: string }) {
        if (!this.#reader) return;
        asked.push(m.type);
        const copy = structuredClone(m);
        setTimeout(() =>
          fail ? this.onerror?.({ preventDefault() {}, message: 'gone' } as ErrorEvent) : this.#scope.onmessage?.({ data: copy } as MessageEvent),
        );
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    try {
      const { runSheetsJob } = await freshJobs();
      expect(await runSheetsJob({ type: 'preload', xlsx: true, dbName: db.name })).toBeNull();
      expect(await runSheetsJob({ ...req, bytes: bytes.slice() })).toEqual(here);
      expect(asked).toEqual(['open', 'read']);
      // A workspace that does not exist fails as it does when read here.
      expect((await runSheetsJob({ ...req, workspaceId: 'nope', bytes: bytes.slice() }))?.reply).toEqual({
        type: 'failed',
        message: 'Error: workspace nope not found',
      });
      fail = true;
      expect(await runSheetsJob({ ...req, bytes: bytes.slice() })).toEqual(here);
      expect(asked).toEqual(['open', 'read', 'read', 'read']);
    } finally {
      vi.unstubAllGlobals();
    }
    // Four checks: slow on a busy machine.
  }, 60_000);

  it('reads with IndexedDB itself exactly the records Dexie reads', async () => {
    expect(await readWorkbookDataDirect(db.name, wsId, catalog).data).toEqual(data);
  });

  it('reads through a connection a spare opened early the records as they are at the read, not at the open', async () => {
    openWorkbookDatabaseEarly(db.name);
    // Changed after the early open: the read still sees it (the connection only saves the open).
    const risk = data.risks[0]!;
    await db.risks.update(risk.id, { title: 'Changed after the open' });
    const got = await readWorkbookDataDirect(db.name, wsId, catalog).data;
    expect(got.risks.find((r) => r.id === risk.id)?.title).toBe('Changed after the open');
    expect(got.aiSystems).toEqual(data.aiSystems);
  });

  it('opens its own connection when the early one was closed since (another tab upgraded the database), and never creates a database', async () => {
    openWorkbookDatabaseEarly(db.name);
    // Another tab asks for a newer version: the early connection closes, so the upgrade is not blocked.
    const name = db.name;
    db.close();
    await new Promise<void>((resolve, reject) => {
      const up = indexedDB.open(name, Math.round(db.verno * 10) + 1);
      up.onsuccess = () => {
        up.result.close();
        resolve();
      };
      up.onerror = () => reject(up.error);
      up.onblocked = () => reject(new Error('the upgrade was blocked by the early connection'));
    });
    const got = await readWorkbookDataDirect(name, wsId, catalog).data;
    expect(got.risks).toHaveLength(data.risks.length);
    const missing = `missing-${crypto.randomUUID()}`;
    openWorkbookDatabaseEarly(missing);
    await expect(readWorkbookDataDirect(missing, wsId, catalog).data).rejects.toThrow();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(missing);
  });
});
