/// <reference lib="webworker" />
import { serveDeflate } from './deflate-remote';

/** Compresses zip entries for another worker, so the two run at once: see deflate-remote.ts. */
serveDeflate(self as unknown as DedicatedWorkerGlobalScope);
