import { aiSystemSchema, blankAiSystem } from '../domain/ai-system-schema';
import { assessmentSchema, blankAssessment } from '../domain/assessment-schema';
import { newId } from '../domain/ids';
import { blankOwnControl, ownControlSchema } from '../domain/own-control-schema';
import { blankRisk, nextRiskRef, riskSchema } from '../domain/risk-schema';
import type { WorkbookPlan } from '../io/workbook-import';
import { database } from './database';
import { guardWrite } from './errors';
import { riskRefs } from './risks-repo';

/**
 * Writes the rows of a confirmed workbook plan (rows with problems were left out of it) in one
 * transaction: every change lands, or none does.
 */
export async function applyWorkbookPlan(workspaceId: string, plan: WorkbookPlan): Promise<number> {
  const db = database();
  return guardWrite(() =>
    db.transaction('rw', [db.workspaces, db.assessments, db.aiSystems, db.risks, db.ownControls], async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const now = new Date().toISOString();
      const base = () => ({ id: newId(), workspaceId, createdAt: now, updatedAt: now });
      // Read only when a row creates a risk (10,000 refs are not free).
      let refs: string[] | null = null;
      let written = 0;
      for (const w of plan.writes) {
        switch (w.sheet) {
          case 'clauses':
          case 'soa': {
            const current = (await db.assessments.where('[workspaceId+itemId]').equals([workspaceId, w.id!]).first()) ?? blankAssessment(workspaceId, w.id!, newId(), now);
            await db.assessments.put(assessmentSchema.parse({ ...current, ...w.patch, updatedAt: now }));
            break;
          }
          case 'aiSystems': {
            const current = w.id ? await db.aiSystems.get(w.id) : blankAiSystem(base(), 'New AI system');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`AI system ${w.id} not found`);
            await db.aiSystems.put(aiSystemSchema.parse({ ...current, ...w.patch, updatedAt: now }));
            break;
          }
          case 'ownControls': {
            const current = w.id ? await db.ownControls.get(w.id) : blankOwnControl(base(), 'New control');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`own control ${w.id} not found`);
            await db.ownControls.put(ownControlSchema.parse({ ...current, ...w.patch, updatedAt: now }));
            break;
          }
          case 'risks': {
            let current = w.id ? await db.risks.get(w.id) : undefined;
            if (!w.id) {
              refs ??= await riskRefs(workspaceId);
              const ref = nextRiskRef(refs);
              refs.push(ref);
              current = blankRisk({ ...base(), ref }, 'New risk');
            }
            if (!current || current.workspaceId !== workspaceId) throw new Error(`risk ${w.id} not found`);
            await db.risks.put(riskSchema.parse({ ...current, ...w.patch, updatedAt: now }));
            break;
          }
        }
        written += 1;
      }
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return written;
    }),
  );
}
