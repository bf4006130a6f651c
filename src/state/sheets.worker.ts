/// <reference lib="webworker" />
import { runSheetsJob, type SheetsWorkerRequest } from './sheets-jobs';

/** The spreadsheet worker: see sheets-jobs.ts. */
self.onmessage = async (ev: MessageEvent<SheetsWorkerRequest>) => {
  const out = await runSheetsJob(ev.data);
  if (out) (self as unknown as DedicatedWorkerGlobalScope).postMessage(out.reply, out.transfer);
};
