/// <reference lib="webworker" />
import type { Catalog } from '../domain/catalog-model';
import type { BundleTable } from '../io/bundle/bundle-format';
import type { SnapshotTable } from '../io/bundle/bundle-snapshot';
import { readWorkspaceSnapshotDirect } from '../db/snapshot-direct';
import { loadMessages, setLocale, type Locale } from '../i18n/i18n';
import { report as en } from '../i18n/en/report';
import { report as zhCN } from '../i18n/zh-CN/report';
import { riskFlagText } from '../i18n/risk-flag-text';
import { recordNames } from '../i18n/value-context';
import { valueText } from '../i18n/value-text';
import { applyZodLocale } from '../i18n/zod-locale';
import { buildBundle } from '../io/bundle/bundle-export';
import { parseBundle, type BundleRecords } from '../io/bundle/bundle-import';
import { readWorkbook } from '../io/sheets/sheet-read';
import { remoteDeflater } from '../io/zip/deflate-remote';
import { localDeflater, type Deflater } from '../io/zip/zip-write';
import { installIoWords } from './io-words';
import { coarseProgress } from './worker-job';
import type { PreparedDashboard } from '../db/dashboard-cache';
import type { DashboardView } from '../domain/dashboard-view';
import { packedBuffers } from '../domain/risk-digest-codec';
import { dashboardCode } from './dashboard-keys';
import { importFigures } from './import-figures';

/** Figures that could not be worked out are not kept: the dashboard works them out after the import, as before. */
function figuresFailed(e: unknown): null {
  console.error(e);
  return null;
}

// io words README.txt and report.html with these; both tables live only in this worker's chunk.
installIoWords({ tables: { en, 'zh-CN': zhCN }, valueText, recordNames, riskFlagText });

/**
 * Zip, hashing, encryption and validation run here so the page never freezes. (Workbook export and
 * the check of a workbook against a workspace run in src/state/sheets.worker.ts, which reads the
 * workspace itself.)
 */
export type WorkerRequest =
  | {
      type: 'export';
      /** The workspace is read here (db/snapshot-direct), in one read transaction: the page reads nothing. */
      dbName: string;
      workspaceId: string;
      tables: SnapshotTable[];
      withFiles: boolean;
      catalog: Catalog;
      exportedAt: string;
      appVersion: string;
      locale: Locale;
      passphrase?: string;
    }
  | {
      type: 'parse';
      file: Blob;
      fileName: string;
      catalog: Catalog;
      locale?: Locale;
      passphrase?: string;
      /** The user's local date (YYYY-MM-DD): given, the worker also works out the workspace's dashboard figures (import-figures.ts). */
      today?: string;
    }
  /** A spare worker started ahead of the next job (src/state/bundles.ts) loads the strings meanwhile; no reply. */
  | { type: 'preload'; locale: Locale }
  | { type: 'read-sheets'; bytes: Uint8Array; fileName: string; locale?: Locale; csvEncoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'exported'; blob: Blob; fileName: string }
  | { type: 'part'; table: BundleTable; rows: Record<string, unknown>[] }
  /** The dashboard's figures for the checked records, ahead of the parse reply. */
  | { type: 'part'; figures: PreparedDashboard<DashboardView> }
  | { type: 'parsed'; result: Awaited<ReturnType<typeof parseBundle>> }
  | { type: 'sheets'; result: Awaited<ReturnType<typeof readWorkbook>> }
  | { type: 'failed'; message: string };

/**
 * Records per `part` message of a parsed bundle. The page takes each in one task: parts of 1,000
 * risks held it for 40–170 ms on a loaded machine (with the collection of their garbage).
 */
const PART_ROWS = 250;

/**
 * An export's deflating runs in a worker of its own, started by the first export and kept: on two
 * cores the files compress there while this worker writes the tables and renders report.html.
 * Where no worker can start here, in this thread.
 */
let deflater: Deflater | undefined;
function exportDeflater(): Deflater {
  if (!deflater) {
    try {
      deflater = remoteDeflater(new Worker(new URL('../io/zip/deflate.worker.ts', import.meta.url), { type: 'module', name: 'deflate' }));
    } catch {
      deflater = localDeflater;
    }
  }
  return deflater;
}

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  // An export's read goes out at once, while the messages load.
  const snapshot = req.type === 'export' ? readWorkspaceSnapshotDirect(req.dbName, req.workspaceId, req.tables, req.withFiles) : null;
  snapshot?.catch(() => undefined); // awaited below
  // So does a check's read of the file (97 MiB took about as long as the strings to load, one after the other).
  const reading = req.type === 'parse' ? req.file.arrayBuffer() : null;
  reading?.catch(() => undefined); // awaited below
  try {
    // A worker starts in English with the first screen's strings only. The README and report follow
    // the UI language chosen when exporting, the wording of a read's problems the page's language,
    // and the report's labels need the whole catalogue.
    await Promise.all([setLocale(req.locale ?? 'en', { remember: false }), applyZodLocale(req.locale ?? 'en')]);
    await loadMessages();
    if (req.type === 'preload') return;
    if (req.type === 'export') {
      const built = await buildBundle(await snapshot!, {
        exportedAt: req.exportedAt,
        appVersion: req.appVersion,
        catalog: req.catalog,
        locale: req.locale,
        ...(req.passphrase ? { passphrase: req.passphrase } : {}),
        onProgress: coarseProgress((fraction) => post({ type: 'progress', fraction })),
        deflater: exportDeflater(),
      });
      // The Blob is made here, of the archive's parts: the page gets a handle, not 100 MB to copy.
      post({ type: 'exported', blob: built.blob, fileName: built.fileName });
    } else if (req.type === 'parse') {
      // The file is read here, not on the page; its stored attachments stay slices of it.
      const bytes = new Uint8Array(await reading!);
      // The records go ahead in parts: the page clones each message in one task, and 10,000 risks in
      // one took it 150–250 ms (src/state/bundles.ts puts them back). They go as soon as they are
      // checked, so the page takes them in while the attachments are checked here, not after.
      let sent = false;
      let figures: Promise<PreparedDashboard<DashboardView> | null> | null = null;
      const sendRecords = (records: BundleRecords) => {
        sent = true;
        for (const [table, rows] of Object.entries(records) as [BundleTable, Record<string, unknown>[]][])
          for (let i = 0; i < rows.length; i += PART_ROWS) post({ type: 'part', table, rows: rows.slice(i, i + PART_ROWS) });
        // Worked out a step at a time while the attachments are inflated and hashed (off this thread).
        if (req.today) figures = importFigures(records, req.catalog, req.today, dashboardCode).catch(figuresFailed);
      };
      const result = await parseBundle(bytes, req.fileName, req.catalog, {
        file: req.file,
        onRecords: sendRecords,
        ...(req.passphrase ? { passphrase: req.passphrase } : {}),
      });
      // A refused bundle's records, if sent, are dropped by the page (it keeps parts only for a parsed one).
      if (result.ok) {
        if (!sent) sendRecords(result.bundle.records);
        for (const table of Object.keys(result.bundle.records) as BundleTable[]) result.bundle.records[table] = [];
        // (Set in sendRecords, which TypeScript does not see run.)
        const ready = await (figures as Promise<PreparedDashboard<DashboardView> | null> | null);
        if (ready) post({ type: 'part', figures: ready }, packedBuffers(ready.digests.packed));
      }
      post({ type: 'parsed', result });
    } else {
      const result = await readWorkbook(req.bytes, req.fileName, undefined, req.csvEncoding ? { csvEncoding: req.csvEncoding } : undefined);
      post({ type: 'sheets', result });
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
