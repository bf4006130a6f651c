import { evidenceSchema, evidenceUrlSchema, MAX_EVIDENCE_FILE_BYTES, safeFileName, withItem, withoutItem, type Evidence } from '../domain/evidence-schema';
import { TEXT_MAX } from '../domain/fields';
import { newId } from '../domain/ids';
import { failAll, ok, type Failure, type Problem, type Result } from '../domain/result';
import { database } from './database';
import { write } from './write-path';

export type EvidenceCode = 'title-required' | 'title-too-long' | 'url-invalid' | 'file-too-large' | 'file-required';

/** Names the field a rejected entry got wrong, so the form can point at it. */
function checkTitle(title: string): Problem<EvidenceCode> | null {
  const trimmed = title.trim();
  if (!trimmed) return { code: 'title-required', field: 'title' };
  if (trimmed.length > TEXT_MAX) return { code: 'title-too-long', field: 'title' };
  return null;
}

/** Every problem of an entry at once (a missing title and a bad address both show), in the form's order. */
function refuse(...found: (Problem<EvidenceCode> | null)[]): Failure<EvidenceCode> | null {
  const problems = found.filter((p): p is Problem<EvidenceCode> => p !== null);
  return problems.length > 0 ? failAll(problems as [Problem<EvidenceCode>, ...Problem<EvidenceCode>[]]) : null;
}

export async function listEvidence(workspaceId: string): Promise<Evidence[]> {
  const rows = await database().evidence.where('workspaceId').equals(workspaceId).toArray();
  return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

export async function addLinkEvidence(
  workspaceId: string,
  itemId: string,
  title: string,
  url: string,
  recordId?: string,
): Promise<Result<Evidence, EvidenceCode>> {
  const refused = refuse(checkTitle(title), evidenceUrlSchema.safeParse(url).success ? null : { code: 'url-invalid', field: 'url' });
  if (refused) return refused;
  const row = evidenceSchema.parse({
    id: newId(),
    workspaceId,
    itemId,
    title,
    kind: 'link',
    url,
    addedAt: new Date().toISOString(),
    ...(recordId ? { recordId } : {}),
  });
  await write(
    (db) => [db.evidence],
    (w) => w.create('evidence', row),
  );
  return ok(row);
}

export interface EvidenceFileInput {
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

/** The record and its bytes are written together or not at all. */
export async function addFileEvidence(
  workspaceId: string,
  itemId: string,
  title: string,
  file: EvidenceFileInput | null,
  recordId?: string,
): Promise<Result<Evidence, EvidenceCode>> {
  const fileProblem: Problem<EvidenceCode> | null = !file
    ? { code: 'file-required', field: 'file' }
    : file.size > MAX_EVIDENCE_FILE_BYTES
      ? { code: 'file-too-large', field: 'file', params: { size: file.size, max: MAX_EVIDENCE_FILE_BYTES } }
      : null;
  // The title may stay empty (the file's name stands in), but not be too long.
  const refused = refuse(fileProblem, title.trim() ? checkTitle(title) : null);
  if (refused) return refused;
  if (!file) throw new Error('unreachable: a missing file is refused above');
  const fileName = safeFileName(file.name);
  const row = evidenceSchema.parse({
    id: newId(),
    workspaceId,
    itemId,
    title: title.trim() || fileName,
    kind: 'file',
    fileName,
    mediaType: file.type || 'application/octet-stream',
    size: file.size,
    addedAt: new Date().toISOString(),
    ...(recordId ? { recordId } : {}),
  });
  await write(
    (db) => [db.evidence, db.evidenceFiles],
    async (w) => {
      await w.create('evidence', row);
      await w.addFile({ id: row.id, workspaceId, blob: file.blob });
    },
    { neededBytes: file.size },
  );
  return ok(row);
}

export async function getEvidenceFile(id: string): Promise<Blob | null> {
  return (await database().evidenceFiles.get(id))?.blob ?? null;
}

/** Moves the evidence record and its file's bytes to the trash, together. */
export async function deleteEvidence(id: string): Promise<void> {
  // The trash loads with the first delete: the first screen reads these repositories, but never deletes.
  const { TrashBuilder, trashScope } = await import('./write-trash');
  await write(trashScope, async (w) => {
    const row = await w.db.evidence.get(id);
    const file = await w.db.evidenceFiles.get(id);
    if (!row) {
      // Bytes without their record are nobody's: nothing to restore them to.
      if (file) await w.remove('evidenceFiles', file);
      return;
    }
    const t = new TrashBuilder(w);
    t.remove('evidence', row);
    if (file) t.remove('evidenceFiles', file);
    await t.commit();
  });
}

/**
 * Links evidence already in the workspace (a file or a link, wherever it was attached) to one more
 * item, without copying it or its file: the item then lists it too. False when it is gone.
 */
export async function linkEvidence(id: string, itemId: string): Promise<boolean> {
  return write(
    (db) => [db.evidence],
    async (w) => {
      const row = await w.db.evidence.get(id);
      if (!row) return false;
      const next = withItem(row, itemId);
      if (next !== row) await w.update('evidence', row, { linkedItemIds: next.linkedItemIds });
      return true;
    },
  );
}

/**
 * Takes evidence away from one item. While another item still uses it, only the link goes (its
 * record and file stay for the others); from its last item it goes to the trash with its file.
 * One transaction: a link made meanwhile in another tab is never lost with the file.
 */
export async function removeEvidenceFromItem(id: string, itemId: string): Promise<void> {
  const { TrashBuilder, trashScope } = await import('./write-trash');
  await write(trashScope, async (w) => {
    const row = await w.db.evidence.get(id);
    if (!row) return;
    const next = withoutItem(row, itemId);
    if (next) {
      await w.update('evidence', row, { itemId: next.itemId, linkedItemIds: next.linkedItemIds });
      return;
    }
    const file = await w.db.evidenceFiles.get(id);
    const t = new TrashBuilder(w);
    t.remove('evidence', row);
    if (file) t.remove('evidenceFiles', file);
    await t.commit();
  });
}
