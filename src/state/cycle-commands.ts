import { addFinding, createCycleRecord, deleteCycleRecord, raiseNonconformity, saveCycleRecord } from '../db/cycle-repo';
import type { CyclePatch } from '../domain/cycle/records';
import type { CycleKind } from '../domain/cycle/registry';
import type { Result } from '../domain/result';
import { guarded, report } from './commands';
import { checkedSave, type EditMeta } from './edit-sessions';

/**
 * Commands of the management-system pages. Field edits autosave through keyed queues; a save a
 * cross-field rule refuses (closing a nonconformity before its effectiveness check) reaches the
 * page as a code through `onRefused`, and nothing is written.
 */
export function saveCycleField(id: string, patch: CyclePatch, onResult?: (r: Result<unknown>) => void, edit?: EditMeta): void {
  checkedSave(
    `cycle|${id}|${Object.keys(patch).sort().join(',')}`,
    patch,
    edit,
    (p, expected) => saveCycleRecord(id, p, expected),
    report,
    onResult as ((r: unknown) => void) | undefined,
    { op: 'cycle', target: [id] },
  );
}

export const newCycleRecord = (ws: string, kind: CycleKind, title: string, extra?: CyclePatch) => guarded(() => createCycleRecord(ws, kind, title, extra));
/** True once the record is in the trash; undefined when the delete failed (reported). */
export const removeCycleRecord = (id: string) => guarded(async () => (await deleteCycleRecord(id), true));
export const newFinding = (auditId: string, title: string) => guarded(() => addFinding(auditId, title));
export const newNonconformityFrom = (sourceId: string) => guarded(() => raiseNonconformity(sourceId));
