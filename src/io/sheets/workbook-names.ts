import { recordName, type RecordNames } from '../../domain/record-names';
import { valueField, type RefTarget } from '../../domain/register-values';
import type { WorkbookData } from './workbook-data';
import type { WorkbookPlan } from './workbook-plan';
import { sheetRecords } from './sheet-types';

type Named = { readonly [key: string]: unknown };

/** The records of one register by id, looked up only for the registers a plan names. */
function lookup(target: RefTarget, d: WorkbookData): (id: string) => Named | undefined {
  if (target === 'items') return (id) => d.catalog.byId.get(id) as Named | undefined;
  const list: readonly { id: string }[] = d[target];
  const byId = new Map(list.map((r) => [r.id, r as unknown as Named]));
  return (id) => byId.get(id);
}

/**
 * The names of the records a plan speaks of: each changed and each missing row's record, each record
 * a new row may be linked to, every record the import creates that a row refers to, and every
 * record a changed reference points to, before and after (`domain/record-names`). The page words the
 * plan with them, so no id reaches the screen; a few hundred entries at most for a typical import.
 */
export function planNames(
  plan: Pick<WorkbookPlan, 'changes' | 'parts' | 'matches'>,
  d: WorkbookData,
  created: Partial<Record<RefTarget, ReadonlyMap<string, string>>> = {},
): RecordNames {
  const wanted = new Map<RefTarget, Set<string>>();
  const want = (target: RefTarget, id: unknown) => {
    if (typeof id !== 'string' || !id) return;
    let ids = wanted.get(target);
    if (!ids) wanted.set(target, (ids = new Set()));
    ids.add(id);
  };
  for (const c of plan.changes) {
    const { table, target } = sheetRecords(c.key);
    want(target, c.id);
    const kind = valueField(table, c.field)?.value;
    if (kind?.kind === 'ref') for (const v of [c.from, c.to]) want(kind.target, v);
    else if (kind?.kind === 'refs') for (const v of [c.from, c.to]) if (Array.isArray(v)) for (const id of v) want(kind.target, id);
  }
  for (const p of plan.parts) for (const id of p.missing) want(sheetRecords(p.key).target, id);
  for (const m of plan.matches ?? []) want(sheetRecords(m.sheetKey).target, m.id);
  const names: RecordNames = {};
  for (const [target, ids] of wanted) {
    const find = lookup(target, d);
    const out: Record<string, string> = {};
    for (const id of ids) {
      const record = find(id);
      // A record the import creates is named as its row names it (another row refers to it).
      const made = record ? undefined : created[target]?.get(id);
      if (record) out[id] = recordName(target, record);
      else if (made !== undefined) out[id] = made;
    }
    names[target] = out;
  }
  return names;
}
