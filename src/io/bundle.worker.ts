/// <reference lib="webworker" />
import type { Catalog } from '../domain/catalog-model';
import type { WorkspaceSnapshot } from '../db/snapshot';
import { buildBundle } from './bundle-export';
import { parseBundle } from './bundle-import';

/**
 * Zip, hashing, encryption and validation run here so the page never freezes. JSZip is
 * loaded on demand inside the worker only.
 */
export type WorkerRequest =
  | { type: 'export'; snapshot: WorkspaceSnapshot; catalog: Catalog; exportedAt: string; appVersion: string; passphrase?: string }
  | { type: 'parse'; bytes: Uint8Array; fileName: string; catalog: Catalog; passphrase?: string };

export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'exported'; bytes: Uint8Array; fileName: string }
  | { type: 'parsed'; result: Awaited<ReturnType<typeof parseBundle>> }
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
    } else {
      const result = await parseBundle(req.bytes, req.fileName, req.catalog, req.passphrase ? { passphrase: req.passphrase } : {});
      post({ type: 'parsed', result });
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
