/// <reference lib="webworker" />
import type { Catalog } from '../domain/catalog-model';
import type { WorkspaceSnapshot } from '../db/snapshot';
import { buildBundle } from './bundle-export';
import { parseBundle } from './bundle-import';
import { readWorkbook } from './sheet-read';
import { exportRegisterCsv, exportRegisterXlsx, exportTemplate, exportWorkbook, type SingleRegister } from './workbook-export';
import type { WorkbookData } from './workbook-data';

/**
 * Zip, hashing, encryption and validation run here so the page never freezes. JSZip is
 * loaded on demand inside the worker only.
 */
export type WorkerRequest =
  | { type: 'export'; snapshot: WorkspaceSnapshot; catalog: Catalog; exportedAt: string; appVersion: string; passphrase?: string }
  | { type: 'parse'; bytes: Uint8Array; fileName: string; catalog: Catalog; passphrase?: string }
  | { type: 'workbook'; data: WorkbookData; what: 'full' | 'template' | { register: SingleRegister; format: 'xlsx' | 'csv' }; exportedAt: string; appVersion: string }
  | { type: 'read-sheets'; bytes: Uint8Array; fileName: string; csvEncoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'exported'; bytes: Uint8Array; fileName: string }
  | { type: 'parsed'; result: Awaited<ReturnType<typeof parseBundle>> }
  | { type: 'workbook'; bytes: Uint8Array }
  | { type: 'sheets'; result: Awaited<ReturnType<typeof readWorkbook>> }
  | { type: 'failed'; message: string };

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  try {
    if (req.type === 'export') {
      const built = await buildBundle(req.snapshot, {
        exportedAt: req.exportedAt,
        appVersion: req.appVersion,
        catalog: req.catalog,
        ...(req.passphrase ? { passphrase: req.passphrase } : {}),
        onProgress: (fraction) => post({ type: 'progress', fraction }),
      });
      post({ type: 'exported', bytes: built.bytes, fileName: built.fileName }, [built.bytes.buffer]);
    } else if (req.type === 'parse') {
      const result = await parseBundle(req.bytes, req.fileName, req.catalog, req.passphrase ? { passphrase: req.passphrase } : {});
      post({ type: 'parsed', result });
    } else if (req.type === 'workbook') {
      const bytes =
        req.what === 'full'
          ? await exportWorkbook(req.data, req.exportedAt, req.appVersion)
          : req.what === 'template'
            ? await exportTemplate(req.data, req.exportedAt, req.appVersion)
            : req.what.format === 'xlsx'
              ? await exportRegisterXlsx(req.data, req.what.register)
              : new TextEncoder().encode(exportRegisterCsv(req.data, req.what.register));
      post({ type: 'workbook', bytes }, [bytes.buffer]);
    } else {
      const result = await readWorkbook(req.bytes, req.fileName, undefined, req.csvEncoding ? { csvEncoding: req.csvEncoding } : undefined);
      post({ type: 'sheets', result });
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
