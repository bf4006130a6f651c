import type { Catalog } from '../../domain/catalog-model';
import { cycleKinds, recordLinks, type CycleKind } from '../../domain/cycle/registry';
import type { HistoryTable } from '../../domain/history';
import { kindValueFields, valueFields, type ValueField, type ValueKind } from '../../domain/register-values';
import { bundleTables, type BundleTable } from './bundle-format';
import { problem, type IoProblem } from '../problems';

type Records = { [T in BundleTable]: Record<string, unknown>[] };
type Target = 'aiSystems' | 'risks' | 'ownControls' | 'impactAssessments' | 'cycleRecords';

/** The registers whose records a bundle's links may name, walked with their declared fields. */
const LINKED: readonly (BundleTable & HistoryTable)[] = ['assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'];

/**
 * Every link between records must land. The links are found from the registers' declarations
 * (`domain/register-values`: references, lists of references, nested rows, catalog items), so a new
 * reference field is checked without code here. A link into a table the bundle carries must find
 * its record (an error otherwise); a link into a table the bundle left out is reported as a
 * warning, since the target may already exist where the bundle is merged.
 */
export function checkReferences(records: Records, included: ReadonlySet<BundleTable>, catalog: Catalog): { errors: IoProblem[]; warnings: IoProblem[] } {
  const errors: IoProblem[] = [];
  const warnings: IoProblem[] = [];
  const ids = (t: Target) => new Set(records[t].map((r) => String(r.id)));
  const sets: Record<Target, Set<string>> = {
    aiSystems: ids('aiSystems'),
    risks: ids('risks'),
    ownControls: ids('ownControls'),
    impactAssessments: ids('impactAssessments'),
    cycleRecords: ids('cycleRecords'),
  };

  const visit = (from: BundleTable, record: string, kind: ValueKind, path: string, value: unknown): void => {
    const file = bundleTables[from].file;
    const link = (target: Target, id: unknown, field: string) => {
      if (typeof id !== 'string' || sets[target].has(id)) return;
      const where = { file, record, field, detail: id };
      if (included.has(target)) errors.push(problem('dangling-reference', where));
      else warnings.push(problem('reference-outside-bundle', where));
    };
    const item = (id: unknown, field: string, control: boolean) => {
      const found = typeof id === 'string' ? catalog.byId.get(id) : undefined;
      if (!found || !found.assessable || (control && !found.isControl))
        errors.push(problem('unknown-catalog-item', { file, record, field, detail: String(id) }));
    };
    switch (kind.kind) {
      case 'ref':
        if (value === null || value === undefined) return;
        if (kind.target === 'items') item(value, path, false);
        else link(kind.target, value, path);
        return;
      case 'refs':
        if (!Array.isArray(value)) return;
        value.forEach((id, i) =>
          kind.target === 'items' ? item(id, `${path}.${i}`, kind.controls === true) : link(kind.target as Target, id, `${path}.${i}`),
        );
        return;
      case 'source-impact':
        if (value && typeof value === 'object') link('impactAssessments', (value as { assessmentId?: unknown }).assessmentId, `${path}.assessmentId`);
        return;
      case 'rows':
        if (!Array.isArray(value)) return;
        value.forEach((row, i) => {
          if (row && typeof row === 'object')
            for (const f of kind.fields) visit(from, record, f.value, `${path}.${i}.${f.key}`, (row as Record<string, unknown>)[f.key]);
        });
        return;
      default:
        return;
    }
  };
  const fieldsOf = (table: HistoryTable, row: Record<string, unknown>): readonly ValueField[] =>
    table === 'cycleRecords' && cycleKinds.includes(row.kind as CycleKind)
      ? [...kindValueFields(row.kind as CycleKind), ...valueFields(table)]
      : valueFields(table);
  for (const table of LINKED) {
    for (const row of records[table]) {
      const seen = new Set<string>();
      for (const f of fieldsOf(table, row)) {
        if (seen.has(f.key) || !(f.key in row)) continue;
        seen.add(f.key);
        visit(table, String(row.id), f.value, f.key, row[f.key]);
      }
    }
  }

  // A link between management-system records must also name a record of a kind it allows (an audit, not an objective).
  const kindOf = new Map(records.cycleRecords.map((r) => [String(r.id), r.kind as CycleKind]));
  for (const r of records.cycleRecords) {
    for (const link of recordLinks[r.kind as CycleKind] ?? []) {
      const kind = typeof r[link.key] === 'string' ? kindOf.get(r[link.key] as string) : undefined;
      if (kind && !link.kinds.includes(kind))
        errors.push(
          problem('dangling-reference', { file: bundleTables.cycleRecords.file, record: String(r.id), field: link.key, detail: String(r[link.key]) }),
        );
    }
  }

  // The database keeps one answer per catalog item, one risk per R-number and one record per management-system ref.
  const unique = (table: BundleTable, field: string) => {
    const seen = new Set<unknown>();
    for (const r of records[table]) {
      if (seen.has(r[field]))
        errors.push(problem('duplicate-value', { file: bundleTables[table].file, record: String(r.id), field, detail: String(r[field]) }));
      seen.add(r[field]);
    }
  };
  unique('assessments', 'itemId');
  unique('risks', 'ref');
  unique('cycleRecords', 'ref');
  return { errors, warnings };
}
