import type { Catalog } from '../domain/catalog-model';
import type { AiSystem } from '../domain/ai-system-schema';
import type { Assessment } from '../domain/assessment-schema';
import type { Evidence } from '../domain/evidence-schema';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import type { OwnControl } from '../domain/own-control-schema';
import type { Risk } from '../domain/risk-schema';
import { recordLinks, type CycleRecord } from '../domain/cycle/registry';
import { bundleTables, type BundleTable } from './bundle-format';
import { problem, type IoProblem } from './problems';

type Records = { [T in BundleTable]: Record<string, unknown>[] };

/**
 * Every link between records must land. A link into a table the bundle carries must find its
 * record (an error otherwise); a link into a table the bundle left out is reported as a warning,
 * since the target may already exist where the bundle is merged.
 */
export function checkReferences(records: Records, included: ReadonlySet<BundleTable>, catalog: Catalog): { errors: IoProblem[]; warnings: IoProblem[] } {
  const errors: IoProblem[] = [];
  const warnings: IoProblem[] = [];
  const ids = (t: BundleTable) => new Set(records[t].map((r) => String(r.id)));
  const sets = { aiSystems: ids('aiSystems'), risks: ids('risks'), ownControls: ids('ownControls'), impactAssessments: ids('impactAssessments'), cycleRecords: ids('cycleRecords') };

  const check = (from: BundleTable, record: string, field: string, target: keyof typeof sets, id: string) => {
    if (sets[target].has(id)) return;
    const where = { file: bundleTables[from].file, record, field, detail: id };
    if (included.has(target)) errors.push(problem('dangling-reference', where));
    else warnings.push(problem('reference-outside-bundle', where));
  };
  const catalogItem = (from: BundleTable, record: string, itemId: string, control: boolean, field = control ? 'annexAControls' : 'itemId') => {
    const item = catalog.byId.get(itemId);
    if (!item || !item.assessable || (control && !item.isControl)) errors.push(problem('unknown-catalog-item', { file: bundleTables[from].file, record, field, detail: itemId }));
  };

  const unique = (table: BundleTable, field: string, values: [string, string][]) => {
    const seen = new Set<string>();
    for (const [id, v] of values) {
      if (seen.has(v)) errors.push(problem('duplicate-value', { file: bundleTables[table].file, record: id, field, detail: v }));
      seen.add(v);
    }
  };
  // The database keeps one answer per catalog item and one risk per R-number.
  unique('assessments', 'itemId', (records.assessments as Assessment[]).map((a) => [a.id, a.itemId]));
  unique('risks', 'ref', (records.risks as Risk[]).map((r) => [r.id, r.ref]));
  for (const a of records.assessments as Assessment[]) catalogItem('assessments', a.id, a.itemId, false);
  for (const e of records.evidence as Evidence[]) {
    catalogItem('evidence', e.id, e.itemId, false);
    if (e.recordId) check('evidence', e.id, 'recordId', 'cycleRecords', e.recordId);
  }
  for (const r of records.risks as Risk[]) {
    r.aiSystemIds.forEach((s, i) => check('risks', r.id, `aiSystemIds.${i}`, 'aiSystems', s));
    r.ownControlIds.forEach((c, i) => check('risks', r.id, `ownControlIds.${i}`, 'ownControls', c));
    for (const c of r.annexAControls) catalogItem('risks', r.id, c, true);
    if (r.sourceImpact) check('risks', r.id, 'sourceImpact.assessmentId', 'impactAssessments', r.sourceImpact.assessmentId);
  }
  for (const c of records.ownControls as OwnControl[]) for (const a of c.annexAControls) catalogItem('ownControls', c.id, a, true);
  for (const a of records.impactAssessments as ImpactAssessment[]) {
    check('impactAssessments', a.id, 'aiSystemId', 'aiSystems', a.aiSystemId);
    a.impacts.forEach((impact, i) => {
      if (impact.riskId) check('impactAssessments', a.id, `impacts.${i}.riskId`, 'risks', impact.riskId);
    });
  }
  const cycleKindOf = new Map((records.cycleRecords as CycleRecord[]).map((r) => [r.id, r.kind]));
  for (const r of records.cycleRecords as CycleRecord[]) {
    const row = r as unknown as Record<string, unknown>;
    r.itemIds.forEach((itemId, i) => catalogItem('cycleRecords', r.id, itemId, false, `itemIds.${i}`));
    if (Array.isArray(row.aiSystemIds)) (row.aiSystemIds as string[]).forEach((s, i) => check('cycleRecords', r.id, `aiSystemIds.${i}`, 'aiSystems', s));
    if (Array.isArray(row.checklist)) (row.checklist as { itemId: string }[]).forEach((c, i) => catalogItem('cycleRecords', r.id, c.itemId, false, `checklist.${i}.itemId`));
    for (const link of recordLinks[r.kind] ?? []) {
      const target = row[link.key];
      if (typeof target !== 'string') continue;
      check('cycleRecords', r.id, link.key, 'cycleRecords', target);
      const kind = cycleKindOf.get(target);
      if (kind && !link.kinds.includes(kind)) errors.push(problem('dangling-reference', { file: bundleTables.cycleRecords.file, record: r.id, field: link.key, detail: target }));
    }
  }
  unique('cycleRecords', 'ref', (records.cycleRecords as CycleRecord[]).map((r) => [r.id, r.ref]));
  // Unused but typed, so a new reference field gets a compile-time nudge here.
  void (records.aiSystems as AiSystem[]);
  return { errors, warnings };
}
