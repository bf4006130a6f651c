import { assessmentSchema, blankAssessment, type Assessment, type AssessmentPatch } from '../domain/assessment-schema';
import { newId } from '../domain/ids';
import { database } from './database';
import { guardWrite, assertNoConflict } from './errors';
import { historyWriter } from './history-repo';

export async function listAssessments(workspaceId: string): Promise<Assessment[]> {
  return database().assessments.where('workspaceId').equals(workspaceId).toArray();
}

/**
 * Creates the item's record on first edit, merges the patch, validates the whole record, writes
 * its history entry (label: the item id) and bumps the workspace's updatedAt, all in one transaction.
 */
export async function saveAssessment(workspaceId: string, itemId: string, patch: AssessmentPatch, expected?: Record<string, unknown>): Promise<Assessment> {
  const db = database();
  const history = await historyWriter();
  return guardWrite(() =>
    db.transaction('rw', db.assessments, db.workspaces, db.history, async () => {
      const now = new Date().toISOString();
      // An answer without its workspace would be an orphan no screen ever shows.
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const existing = await db.assessments.where('[workspaceId+itemId]').equals([workspaceId, itemId]).first();
      const base = existing ?? blankAssessment(workspaceId, itemId, newId(), now);
      assertNoConflict(base, patch, expected, base.id, itemId);
      const next = assessmentSchema.parse({ ...base, ...patch, id: base.id, workspaceId, itemId, updatedAt: now });
      await db.assessments.put(next);
      // The first edit creates the answer: its history shows the fields it set, from blank.
      await history.updated('assessments', base, next, { at: now });
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return next;
    }),
  );
}
