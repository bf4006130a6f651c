import { aiSystemSchema, blankAiSystem } from '../domain/ai-system-schema';
import { assessmentSchema, blankAssessment } from '../domain/assessment-schema';
import { newId } from '../domain/ids';
import { blankOwnControl, ownControlSchema } from '../domain/own-control-schema';
import { blankRisk, nextRiskRef, riskSchema } from '../domain/risk-schema';
import type { Table } from 'dexie';
import type { AiSystem } from '../domain/ai-system-schema';
import type { Assessment } from '../domain/assessment-schema';
import type { OwnControl } from '../domain/own-control-schema';
import type { Risk } from '../domain/risk-schema';
import type { RowWrite, WorkbookPlan } from '../io/workbook-import';
import { database } from './database';
import { guardWrite } from './errors';
import { riskRefs } from './risks-repo';

/**
 * Writes the rows of a confirmed workbook plan (rows with problems were left out of it) in one
 * transaction: every change lands, or none does. The records the plan touches are read in one
 * request per table and written back in one per table; in between, the writes apply in plan order
 * to those copies, so a record two rows change gets both, as one put after another would.
 */
export async function applyWorkbookPlan(workspaceId: string, plan: WorkbookPlan): Promise<number> {
  const db = database();
  return guardWrite(() =>
    db.transaction('rw', [db.workspaces, db.assessments, db.aiSystems, db.risks, db.ownControls], async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const now = new Date().toISOString();
      const base = () => ({ id: newId(), workspaceId, createdAt: now, updatedAt: now });
      const idsOf = (...sheets: RowWrite['sheet'][]) => [...new Set(plan.writes.flatMap((w) => (sheets.includes(w.sheet) && w.id ? [w.id] : [])))];
      const itemIds = idsOf('clauses', 'soa');
      const [answers, systems, controls, risks] = await Promise.all([
        itemIds.length ? db.assessments.where('[workspaceId+itemId]').anyOf(itemIds.map((id) => [workspaceId, id])).toArray() : [],
        byId(db.aiSystems, idsOf('aiSystems')),
        byId(db.ownControls, idsOf('ownControls')),
        byId(db.risks, idsOf('risks')),
      ]);
      // The current state of every record touched so far, by item id (answers) or record id.
      const answerOf = new Map(answers.map((a) => [a.itemId, a]));
      const out = { assessments: new Map<string, Assessment>(), aiSystems: new Map<string, AiSystem>(), ownControls: new Map<string, OwnControl>(), risks: new Map<string, Risk>() };
      // Read only when a row creates a risk (10,000 refs are not free).
      let refs: string[] | null = null;
      let written = 0;
      for (const w of plan.writes) {
        switch (w.sheet) {
          case 'clauses':
          case 'soa': {
            const current = answerOf.get(w.id!) ?? blankAssessment(workspaceId, w.id!, newId(), now);
            const next = assessmentSchema.parse({ ...current, ...w.patch, updatedAt: now });
            answerOf.set(next.itemId, next);
            out.assessments.set(next.id, next);
            break;
          }
          case 'aiSystems': {
            const current = w.id ? systems.get(w.id) : blankAiSystem(base(), 'New AI system');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`AI system ${w.id} not found`);
            const next = aiSystemSchema.parse({ ...current, ...w.patch, updatedAt: now });
            systems.set(next.id, next);
            out.aiSystems.set(next.id, next);
            break;
          }
          case 'ownControls': {
            const current = w.id ? controls.get(w.id) : blankOwnControl(base(), 'New control');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`own control ${w.id} not found`);
            const next = ownControlSchema.parse({ ...current, ...w.patch, updatedAt: now });
            controls.set(next.id, next);
            out.ownControls.set(next.id, next);
            break;
          }
          case 'risks': {
            let current = w.id ? risks.get(w.id) : undefined;
            if (!w.id) {
              refs ??= await riskRefs(workspaceId);
              const ref = nextRiskRef(refs);
              refs.push(ref);
              current = blankRisk({ ...base(), ref }, 'New risk');
            }
            if (!current || current.workspaceId !== workspaceId) throw new Error(`risk ${w.id} not found`);
            const next = riskSchema.parse({ ...current, ...w.patch, updatedAt: now });
            risks.set(next.id, next);
            out.risks.set(next.id, next);
            break;
          }
        }
        written += 1;
      }
      await Promise.all([
        out.assessments.size ? db.assessments.bulkPut([...out.assessments.values()]) : null,
        out.aiSystems.size ? db.aiSystems.bulkPut([...out.aiSystems.values()]) : null,
        out.ownControls.size ? db.ownControls.bulkPut([...out.ownControls.values()]) : null,
        out.risks.size ? db.risks.bulkPut([...out.risks.values()]) : null,
      ]);
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return written;
    }),
  );
}

/** The rows with these ids, by id (ids with no row are left out). */
async function byId<T extends { id: string }>(table: Table<T, string>, ids: string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await table.bulkGet(ids);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r] as [string, T]] : [])));
}
