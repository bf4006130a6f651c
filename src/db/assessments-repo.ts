import { blankAssessment, type Assessment, type AssessmentPatch } from '../domain/assessment-schema';
import { newId } from '../domain/ids';
import { database } from './database';
import { write } from './write-path';

export async function listAssessments(workspaceId: string): Promise<Assessment[]> {
  return database().assessments.where('workspaceId').equals(workspaceId).toArray();
}

/**
 * Creates the item's record on first edit, merges the patch, validates the whole record, writes
 * its history entry (label: the item id) and bumps the workspace's updatedAt, all in one transaction;
 * an answer for a workspace that is gone is refused (it would be an orphan no screen ever shows).
 */
export async function saveAssessment(workspaceId: string, itemId: string, patch: AssessmentPatch, expected?: Record<string, unknown>): Promise<Assessment> {
  return write(
    (db) => [db.assessments],
    async (w) => {
      const existing = await w.db.assessments.where('[workspaceId+itemId]').equals([workspaceId, itemId]).first();
      // The first edit creates the answer: its history shows the fields it set, from blank.
      const base = existing ?? blankAssessment(workspaceId, itemId, newId(), w.now);
      return w.update('assessments', base, patch, { expected });
    },
  );
}
