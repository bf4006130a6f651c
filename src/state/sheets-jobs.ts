import { openWorkbookDatabaseEarly, readWorkbookDataDirect } from '../db/workbook-read-direct';
import { remoteWorkbookReads, type RemoteReads } from '../db/workbook-read-remote';
import type { Catalog } from '../domain/catalog-model';
import { loadMessages, setLocale, type Locale } from '../i18n/i18n';
import { loadLocaleTables } from '../i18n/locale-tables';
import { applyZodLocale } from '../i18n/zod-locale';
import type { TextEncodingName } from '../io/text-decode';
import { exportRegisterCsv, exportRegisterXlsx, exportTemplate, exportWorkbook, type SingleRegister } from '../io/sheets/workbook-export';
import { checkWorkbookFile, type PlanOptions, type SheetCheck } from '../io/sheets/workbook-import';
import { remoteDeflater } from '../io/zip/deflate-remote';
import { localDeflater, type Deflater } from '../io/zip/zip-write';
import { installIoWords } from './io-words';

// io writes headers and choice labels, and reads them back, with the catalogue's words in the worker's language.
installIoWords();

/**
 * The spreadsheet jobs, run in src/state/sheets.worker.ts, off the page. The worker reads the
 * workspace from IndexedDB itself, so no record is cloned between threads and the page does no
 * work at all. Export: it builds the workbook (our own writer, no SheetJS) or CSV and returns the
 * bytes; the zip is compressed by a worker of its own while the XML is made. Check: the read goes out as soon as the database has opened, while the file's zip is
 * checked, and the browser carries it out while the worker parses the file; then the import is
 * planned and only the plan returns (no grid of cells crosses threads). SheetJS loads only here.
 *
 * A worker starts in English: each request carries the page's language. An export writes its sheet
 * names, headers, choice labels and About sheet in it; a check words its problems in it and, with
 * every language's strings loaded, recognises a workbook exported in any of them.
 */
export type SheetsWorkerRequest =
  /** `dbName`: the app's database, opened while the worker waits, so a job's read goes out at once. */
  | { type: 'preload'; xlsx: boolean; dbName?: string }
  | {
      type: 'export';
      dbName: string;
      workspaceId: string;
      catalog: Catalog;
      what: 'full' | 'template' | { register: SingleRegister; format: 'xlsx' | 'csv' };
      exportedAt: string;
      appVersion: string;
      locale?: Locale;
    }
  | {
      type: 'check';
      dbName: string;
      workspaceId: string;
      catalog: Catalog;
      bytes: Uint8Array;
      fileName: string;
      csvEncoding?: TextEncodingName;
      locale?: Locale;
      /** The preview's choices (blank cells clear values, new rows linked to existing records). */
      options?: PlanOptions;
    };

export type SheetsWorkerReply = { type: 'workbook'; bytes: Uint8Array } | { type: 'checked'; result: SheetCheck } | { type: 'failed'; message: string };

/**
 * The compression of an export runs in a worker of its own, started by the first request (the
 * preload when the Exchange page opens), so it is warm when an export comes; where no worker can
 * start here, in this thread.
 */
let deflater: Deflater | undefined;
function exportDeflater(): Deflater {
  if (!deflater) {
    try {
      deflater =
        typeof Worker === 'undefined'
          ? localDeflater
          : remoteDeflater(new Worker(new URL('../io/zip/deflate.worker.ts', import.meta.url), { type: 'module', name: 'deflate' }));
    } catch {
      deflater = localDeflater;
    }
  }
  return deflater;
}

/**
 * A check reads the workspace in a worker of its own (workbook-read-remote.ts), started by the
 * preload, which opens the database there; where no worker can start here, undefined: the read
 * runs in this thread.
 */
let reads: RemoteReads | undefined;
let readsTried = false;
function checkReads(): RemoteReads | undefined {
  if (!readsTried) {
    readsTried = true;
    try {
      if (typeof Worker !== 'undefined')
        reads = remoteWorkbookReads(new Worker(new URL('../db/workbook-read.worker.ts', import.meta.url), { type: 'module', name: 'workbook-read' }));
    } catch {
      reads = undefined;
    }
  }
  return reads;
}

/** One request's reply (null for 'preload', which has none) and the buffers to transfer with it. */
export async function runSheetsJob(req: SheetsWorkerRequest): Promise<{ reply: SheetsWorkerReply; transfer: Transferable[] } | null> {
  try {
    if (req.type === 'preload') {
      if (req.xlsx) import('xlsx').catch(() => undefined);
      if (req.dbName) {
        openWorkbookDatabaseEarly(req.dbName);
        if (req.xlsx) checkReads()?.open(req.dbName);
      }
      exportDeflater();
      // A check follows: it reads files in any language.
      loadMessages().catch(() => undefined);
      loadLocaleTables().catch(() => undefined);
      return null;
    }
    // A worker starts with the first screen's English strings only: the page's language, enum labels
    // ("In progress"), headers and the messages of problems load meanwhile (a check loads every
    // language, to read a file exported in any of them).
    const messages = Promise.all([
      setLocale(req.locale ?? 'en', { remember: false }).then(loadMessages),
      applyZodLocale(req.locale ?? 'en'),
      req.type === 'check' ? loadLocaleTables() : undefined,
    ]);
    const remote = req.type === 'check' ? checkReads() : undefined;
    const read = remote ? remote.read(req.dbName, req.workspaceId, req.catalog) : readWorkbookDataDirect(req.dbName, req.workspaceId, req.catalog);
    if (req.type === 'export') {
      const what = req.what;
      // A worker that was not preloaded starts its compression worker while the workspace is read.
      if (!(typeof what === 'object' && what.format === 'csv')) exportDeflater();
      const [data] = await Promise.all([read.data, messages]);
      const bytes =
        what === 'full'
          ? await exportWorkbook(data, req.exportedAt, req.appVersion, exportDeflater())
          : what === 'template'
            ? await exportTemplate(data, req.exportedAt, req.appVersion, exportDeflater())
            : what.format === 'xlsx'
              ? await exportRegisterXlsx(data, what.register, exportDeflater())
              : new TextEncoder().encode(exportRegisterCsv(data, what.register));
      return { reply: { type: 'workbook', bytes }, transfer: [bytes.buffer] };
    }
    // The plan needs the records and the messages; the parse waits only for the read to be under way.
    const ready = Promise.all([read.data, messages]).then(([data]) => data);
    const opts = { beforeParse: read.requested, ...(req.csvEncoding ? { csvEncoding: req.csvEncoding } : {}) };
    const result = await checkWorkbookFile(req.bytes, req.fileName, ready, opts, req.options);
    return { reply: { type: 'checked', result }, transfer: [] };
  } catch (e) {
    return { reply: { type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }, transfer: [] };
  }
}
