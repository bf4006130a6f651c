import { addFinding, createCycleRecord, deleteCycleRecord, raiseNonconformity, saveCycleRecord } from '../db/cycle-repo';
import type { CyclePatch } from '../domain/cycle/records';
import type { CycleKind } from '../domain/cycle/registry';
import type { Result } from '../domain/result';
import { app } from './app.svelte';
import { queueSave } from './autosave';

/**
 * Commands of the management-system pages. Field edits autosave through keyed queues; a save a
 * cross-field rule refuses (closing a nonconformity before its effectiveness check) reaches the
 * page as a code through `onRefused`, and nothing is written.
 */
const report = (e: unknown) => app.report(e);

async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    report(e);
    return undefined;
  }
}

export function saveCycleField(id: string, patch: CyclePatch, onResult?: (r: Result<unknown>) => void): void {
  void queueSave(
    `cycle|${id}|${Object.keys(patch).sort().join(',')}`,
    async (p: CyclePatch) => {
      const r = await saveCycleRecord(id, p);
      onResult?.(r);
    },
    patch,
    report,
  );
}

export const newCycleRecord = (ws: string, kind: CycleKind, title: string, extra?: CyclePatch) => guarded(() => createCycleRecord(ws, kind, title, extra));
export const removeCycleRecord = (id: string) => guarded(() => deleteCycleRecord(id));
export const newFinding = (auditId: string, title: string) => guarded(() => addFinding(auditId, title));
export const newNonconformityFrom = (sourceId: string) => guarded(() => raiseNonconformity(sourceId));
