import { blankCycleRecord, ncSourceOf, type CyclePatch } from '../domain/cycle/records';
import { recordLinks, type CycleKind, type CycleRecord } from '../domain/cycle/registry';
import { newId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { database } from './database';
import { tryWrite, write } from './write-path';

/** The management-system registers: one table, one write path, the kind's schema on every write. */

export async function listCycleRecords(workspaceId: string, kind?: CycleKind): Promise<CycleRecord[]> {
  const table = database().cycleRecords;
  return kind ? table.where('[workspaceId+kind]').equals([workspaceId, kind]).toArray() : table.where('workspaceId').equals(workspaceId).toArray();
}

export async function getCycleRecord(id: string): Promise<CycleRecord | undefined> {
  return database().cycleRecords.get(id);
}

export type CreateCode = 'name-required' | 'singleton-exists';

export async function createCycleRecord(workspaceId: string, kind: CycleKind, title: string, extra: CyclePatch = {}): Promise<Result<CycleRecord, CreateCode>> {
  if (!title.trim()) return fail('name-required', 'title');
  return tryWrite<Result<CycleRecord, CreateCode>, CreateCode>(() =>
    write(
      (db) => [db.cycleRecords],
      async (w) => {
        const existing = await w.db.cycleRecords.where('[workspaceId+kind]').equals([workspaceId, kind]).toArray();
        const record = blankCycleRecord(
          kind,
          { id: newId(), workspaceId, createdAt: w.now, updatedAt: w.now },
          title.trim(),
          existing.map((r) => r.ref),
          newId,
          extra,
        );
        return ok(await w.create('cycleRecords', record));
      },
    ),
  );
}

/** Saves a patch; a cross-field rule that fails (closing a nonconformity unchecked) is a code, and nothing is written. */
export async function saveCycleRecord(id: string, patch: CyclePatch, expected?: Record<string, unknown>): Promise<Result<CycleRecord>> {
  return tryWrite(() =>
    write(
      (db) => [db.cycleRecords],
      async (w) => {
        const current = await w.db.cycleRecords.get(id);
        if (!current) throw new Error(`record ${id} not found`);
        return ok(await w.update('cycleRecords', current, patch, { expected }));
      },
    ),
  );
}

/**
 * Moves a record to the trash with the files and links attached to it, and clears the links other
 * records hold to it (a finding's audit, a nonconformity's source); restoring puts them back.
 */
export async function deleteCycleRecord(id: string): Promise<void> {
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  await write(trashScope, async (w) => {
    const db = w.db;
    const record = await db.cycleRecords.get(id);
    if (!record) return;
    const t = new TrashBuilder(w);
    t.remove('cycleRecords', record);
    const attached = await db.evidence
      .where('workspaceId')
      .equals(record.workspaceId)
      .filter((e) => e.recordId === id)
      .toArray();
    const files = await db.evidenceFiles.bulkGet(attached.map((e) => e.id));
    attached.forEach((e, i) => {
      t.remove('evidence', e);
      const file = files[i];
      if (file) t.remove('evidenceFiles', file);
    });
    for (const [kind, links] of Object.entries(recordLinks)) {
      for (const link of links) {
        if (!link.kinds.includes(record.kind)) continue;
        const linking = await db.cycleRecords
          .where('[workspaceId+kind]')
          .equals([record.workspaceId, kind])
          .filter((r) => (r as Record<string, unknown>)[link.key] === id)
          .toArray();
        await t.unlink('cycleRecords', linking, link.key, id, { bump: true });
      }
    }
    await t.commit();
  });
}

/** A finding of an audit: linked to it, evidencing the audited items it is about. */
export async function addFinding(auditId: string, title: string): Promise<Result<CycleRecord, CreateCode>> {
  const audit = await getCycleRecord(auditId);
  if (!audit || audit.kind !== 'audit') throw new Error(`audit ${auditId} not found`);
  return createCycleRecord(audit.workspaceId, 'finding', title, { auditId });
}

/** Raises a nonconformity from a finding, incident or review; it links back to its source and inherits its catalog links. */
export async function raiseNonconformity(sourceId: string): Promise<Result<CycleRecord, CreateCode>> {
  const source = await getCycleRecord(sourceId);
  if (!source) throw new Error(`record ${sourceId} not found`);
  const description = 'description' in source && typeof source.description === 'string' ? source.description : '';
  const itemIds = [...new Set([...source.itemIds.filter((i) => i !== '9.2.2' && i !== '9.2.1'), '10.2'])];
  return createCycleRecord(source.workspaceId, 'nonconformity', `${source.ref} ${source.title}`.slice(0, 300), {
    source: ncSourceOf(source.kind),
    sourceId,
    description,
    owner: source.owner,
    itemIds,
  });
}
