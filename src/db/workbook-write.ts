import { aiSystemSchema, blankAiSystem } from '../domain/ai-system-schema';
import { assessmentSchema, blankAssessment } from '../domain/assessment-schema';
import { blankCycleRecord, patchCycleRecord } from '../domain/cycle/records';
import { recordLinks, registerOf, type CycleKind, type CycleRecord } from '../domain/cycle/registry';
import type { ImportedRecord } from '../domain/history';
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
import { recordImportHistory } from './history-repo';
import { riskRefs } from './risks-repo';
import { historyUser } from './settings-repo';

/**
 * Writes the rows of a confirmed workbook plan (rows with problems were left out of it) in one
 * transaction: every change lands, or none does, with one 'import' history entry per record it
 * creates or changes. The records the plan touches are read in one request per table and written
 * back in one per table; in between, the writes apply in plan order to those copies, so a record
 * two rows change gets both, as one put after another would.
 *
 * Management-system rows go through the same path as the app's own edits: a new record gets the
 * next free ref of its kind and the kind's starting rows, and every write passes the kind's
 * cross-field rules (patchCycleRecord). Nested lists are never in a patch, so they stay as stored.
 */
export async function applyWorkbookPlan(workspaceId: string, plan: WorkbookPlan): Promise<number> {
  const db = database();
  const user = await historyUser();
  return guardWrite(() =>
    db.transaction('rw', [db.workspaces, db.assessments, db.aiSystems, db.risks, db.ownControls, db.cycleRecords, db.history], async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      const now = new Date().toISOString();
      const base = () => ({ id: newId(), workspaceId, createdAt: now, updatedAt: now });
      const idsOf = (pick: (sheet: RowWrite['sheet']) => boolean) => [...new Set(plan.writes.flatMap((w) => (pick(w.sheet) && w.id ? [w.id] : [])))];
      const itemIds = idsOf((s) => s === 'clauses' || s === 'soa');
      const [answers, systems, controls, risks, cycle] = await Promise.all([
        itemIds.length ? db.assessments.where('[workspaceId+itemId]').anyOf(itemIds.map((id) => [workspaceId, id])).toArray() : [],
        byId(db.aiSystems, idsOf((s) => s === 'aiSystems')),
        byId(db.ownControls, idsOf((s) => s === 'ownControls')),
        byId(db.risks, idsOf((s) => s === 'risks')),
        byId(db.cycleRecords, idsOf(isCycleSheet)),
      ]);
      // The current state of every record touched so far, by item id (answers) or record id.
      const answerOf = new Map(answers.map((a) => [a.itemId, a]));
      const out = { assessments: new Map<string, Assessment>(), aiSystems: new Map<string, AiSystem>(), ownControls: new Map<string, OwnControl>(), risks: new Map<string, Risk>(), cycleRecords: new Map<string, CycleRecord>() };
      // Each touched record as stored before the import (absent: created by it), for the history.
      const before = new Map<string, object>();
      const keepBefore = (record: { id: string } | undefined) => {
        if (record && !before.has(record.id)) before.set(record.id, record);
      };
      // Read only when a row creates a risk (10,000 refs are not free), or a record of a kind.
      let refs: string[] | null = null;
      const kindRecords = new Map<CycleKind, CycleRecord[]>();
      const ofKind = async (kind: CycleKind) => {
        let list = kindRecords.get(kind);
        if (!list) kindRecords.set(kind, (list = await db.cycleRecords.where('[workspaceId+kind]').equals([workspaceId, kind]).toArray()));
        return list;
      };
      let written = 0;
      for (const w of plan.writes) {
        switch (w.sheet) {
          case 'clauses':
          case 'soa': {
            const stored = answerOf.get(w.id!);
            keepBefore(stored);
            const current = stored ?? blankAssessment(workspaceId, w.id!, newId(), now);
            const next = assessmentSchema.parse({ ...current, ...w.patch, updatedAt: now });
            answerOf.set(next.itemId, next);
            out.assessments.set(next.id, next);
            break;
          }
          case 'aiSystems': {
            const current = w.id ? systems.get(w.id) : blankAiSystem(base(), 'New AI system');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`AI system ${w.id} not found`);
            if (w.id) keepBefore(current);
            const next = aiSystemSchema.parse({ ...current, ...w.patch, updatedAt: now });
            systems.set(next.id, next);
            out.aiSystems.set(next.id, next);
            break;
          }
          case 'ownControls': {
            const current = w.id ? controls.get(w.id) : blankOwnControl(base(), 'New control');
            if (!current || current.workspaceId !== workspaceId) throw new Error(`own control ${w.id} not found`);
            if (w.id) keepBefore(current);
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
            } else keepBefore(current);
            if (!current || current.workspaceId !== workspaceId) throw new Error(`risk ${w.id} not found`);
            const next = riskSchema.parse({ ...current, ...w.patch, updatedAt: now });
            risks.set(next.id, next);
            out.risks.set(next.id, next);
            break;
          }
          default: {
            const kind = cycleKindOf(w.sheet);
            let current = w.id ? cycle.get(w.id) : undefined;
            if (!w.id) {
              const list = await ofKind(kind);
              if (registerOf(kind).singleton && list.length > 0) throw new Error(`the workspace already has a ${kind} record (${list[0]!.ref})`);
              const title = typeof w.patch.title === 'string' && w.patch.title.trim() ? w.patch.title : 'New record';
              current = blankCycleRecord(kind, base(), title, list.map((r) => r.ref), newId);
              list.push(current);
            } else keepBefore(current);
            if (!current || current.workspaceId !== workspaceId || current.kind !== kind) throw new Error(`${kind} record ${w.id} not found`);
            await checkLinks(kind, w.patch, async (id) => cycle.get(id) ?? out.cycleRecords.get(id) ?? db.cycleRecords.get(id), workspaceId);
            const next = patchCycleRecord(current, w.patch, now);
            if (!next.ok) throw new Error(`${current.ref}: ${next.code}${next.field ? ` (${next.field})` : ''}`);
            cycle.set(next.value.id, next.value);
            out.cycleRecords.set(next.value.id, next.value);
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
        out.cycleRecords.size ? db.cycleRecords.bulkPut([...out.cycleRecords.values()]) : null,
      ]);
      const history: ImportedRecord[] = [];
      for (const table of ['assessments', 'aiSystems', 'ownControls', 'risks', 'cycleRecords'] as const) {
        for (const after of out[table].values()) history.push({ table, before: (before.get(after.id) as Record<string, unknown> | undefined) ?? null, after: after as unknown as Record<string, unknown> });
      }
      await recordImportHistory(db, workspaceId, history, user, now);
      await db.workspaces.update(workspaceId, { updatedAt: now });
      return written;
    }),
  );
}

/** A link a row sets (a finding's audit, a nonconformity's source) must name a record of this workspace and of an allowed kind. */
async function checkLinks(kind: CycleKind, patch: Record<string, unknown>, find: (id: string) => Promise<CycleRecord | undefined>, workspaceId: string): Promise<void> {
  for (const link of recordLinks[kind] ?? []) {
    const id = patch[link.key];
    if (typeof id !== 'string') continue;
    const target = await find(id);
    if (!target || target.workspaceId !== workspaceId || !link.kinds.includes(target.kind)) throw new Error(`${kind} ${link.key}: record ${id} not found`);
  }
}

const isCycleSheet = (sheet: RowWrite['sheet']) => sheet.startsWith('cycle:');
const cycleKindOf = (sheet: RowWrite['sheet']) => sheet.slice('cycle:'.length) as CycleKind;

/** The rows with these ids, by id (ids with no row are left out). */
async function byId<T extends { id: string }>(table: Table<T, string>, ids: string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await table.bulkGet(ids);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r] as [string, T]] : [])));
}
