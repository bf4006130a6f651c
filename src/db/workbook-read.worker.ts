/// <reference lib="webworker" />
import { serveWorkbookReads } from './workbook-read-remote';

/** Reads a workspace for a spreadsheet check on a thread of its own: see workbook-read-remote.ts. */
serveWorkbookReads(self as unknown as DedicatedWorkerGlobalScope);
