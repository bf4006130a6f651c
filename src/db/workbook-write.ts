import { blankAiSystem } from '../domain/ai-system-schema';
import { blankAssessment } from '../domain/assessment-schema';
import { blankCycleRecord } from '../domain/cycle/records';
import { recordLinks, type CycleKind, type CycleRecord } from '../domain/cycle/registry';
import type { ImportedRecord } from '../domain/history';
import { newId } from '../domain/ids';
import { blankOwnControl } from '../domain/own-control-schema';
import { blankRisk, nextRiskRef } from '../domain/risk-schema';
import type { Table as DexieTable } from 'dexie';
import type { RowWrite, WorkbookPlan } from '../io/sheets/workbook-import';
import { riskRefs } from './risks-repo';
import { write } from './write-path';

/**
 * Writes the rows of a confirmed workbook plan (rows with problems were left out of it) in one
 * transaction: every change lands, or none does, with one 'import' history entry per record it
 * creates or changes. The records the plan touches are read in one request per table and written
 * back in one per table; in between, the writes apply in plan order to those copies, so a record
 * two rows change gets both, as one put after another would.
 *
 * Every row goes through the write path (write-path.ts) as the app's own edits do: its register's
 * schema, fixed fields and rules (a management-system kind's cross-field rules, one scope per
 * workspace). A new record gets the next free ref of its kind and the kind's starting rows. Nested
 * lists are never in a patch, so they stay as stored.
 */
export async function applyWorkbookPlan(workspaceId: string, plan: WorkbookPlan): Promise<number> {
  return write(
    (db) => [db.assessments, db.aiSystems, db.risks, db.ownControls, db.cycleRecords],
    async (w) => {
      const db = w.db;
      if (!(await db.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
      // A new record takes the id its plan chose (other rows of the file may refer to it).
      let planned: string | undefined;
      const base = () => ({ id: planned ?? newId(), workspaceId, createdAt: w.now, updatedAt: w.now });
      await refuseTakenIds(db, plan.writes);
      const idsOf = (pick: (sheet: RowWrite['sheet']) => boolean) => [...new Set(plan.writes.flatMap((w) => (pick(w.sheet) && w.id ? [w.id] : [])))];
      const itemIds = idsOf((s) => s === 'clauses' || s === 'soa');
      const [answers, ...stored] = await Promise.all([
        itemIds.length
          ? db.assessments
              .where('[workspaceId+itemId]')
              .anyOf(itemIds.map((id) => [workspaceId, id]))
              .toArray()
          : [],
        byId(
          db.aiSystems,
          idsOf((s) => s === 'aiSystems'),
        ),
        byId(
          db.ownControls,
          idsOf((s) => s === 'ownControls'),
        ),
        byId(
          db.risks,
          idsOf((s) => s === 'risks'),
        ),
        byId(db.cycleRecords, idsOf(isCycleSheet)),
      ]);
      // The current state of every record touched so far, by item id (answers) or record id.
      const answerOf = new Map(answers.map((a) => [a.itemId, a as Row]));
      const current = new Map<Table, Map<string, Row>>(TABLES.slice(1).map((t, i) => [t, stored[i] as Map<string, Row>]));
      const out = new Map<Table, Map<string, Row>>(TABLES.map((t) => [t, new Map()]));
      // Each touched record as stored before the import (absent: created by it), for the history.
      const before = new Map<string, Row>();
      // Read only when a row creates a risk (10,000 refs are not free), or a record of a kind.
      let refs: string[] | null = null;
      const kindRefs = new Map<CycleKind, string[]>();
      for (const row of plan.writes) {
        const table = tableOf(row.sheet);
        planned = row.id ? undefined : row.newId;
        let record: Row | undefined;
        if (table === 'assessments') record = answerOf.get(row.id!) ?? (blankAssessment(workspaceId, row.id!, newId(), w.now) as Row);
        else if (row.id) record = current.get(table)!.get(row.id);
        else if (table === 'risks') {
          refs ??= await riskRefs(workspaceId);
          const ref = nextRiskRef(refs);
          refs.push(ref);
          record = blankRisk({ ...base(), ref }, 'New risk') as Row;
        } else if (table === 'cycleRecords') {
          const kind = cycleKindOf(row.sheet);
          let taken = kindRefs.get(kind);
          if (!taken) kindRefs.set(kind, (taken = (await db.cycleRecords.where('[workspaceId+kind]').equals([workspaceId, kind]).toArray()).map((r) => r.ref)));
          const title = typeof row.patch.title === 'string' && row.patch.title.trim() ? row.patch.title : 'New record';
          const blank = blankCycleRecord(kind, base(), title, taken, newId);
          taken.push(blank.ref);
          record = blank as Row;
        } else record = (table === 'aiSystems' ? blankAiSystem(base(), 'New AI system') : blankOwnControl(base(), 'New control')) as Row;
        if (!record || record.workspaceId !== workspaceId || (table === 'cycleRecords' && record.kind !== cycleKindOf(row.sheet)))
          throw new Error(`${notFound(row.sheet)} ${row.id} not found`);
        if (row.id && !before.has(String(record.id)) && (table !== 'assessments' || answerOf.has(row.id))) before.set(String(record.id), record);
        if (table === 'cycleRecords')
          await checkLinks(
            cycleKindOf(row.sheet),
            row.patch,
            async (id) => (current.get('cycleRecords')!.get(id) ?? (await db.cycleRecords.get(id))) as CycleRecord | undefined,
            workspaceId,
          );
        // The register's schema and rules, as for an edit in the app (a frozen or rule-breaking row stops the import).
        const next = w.check<Row>(table, record, row.patch);
        if (table === 'assessments') answerOf.set(String(next.itemId), next);
        else current.get(table)!.set(String(next.id), next);
        out.get(table)!.set(String(next.id), next);
      }
      const history: ImportedRecord[] = [];
      for (const [table, rows] of out) {
        await w.putAll(table, [...rows.values()]);
        for (const after of rows.values()) history.push({ table, before: before.get(String(after.id)) ?? null, after });
      }
      await w.importHistory(workspaceId, history);
      w.touch(workspaceId);
      return plan.writes.length;
    },
  );
}

type Row = Record<string, unknown>;
const TABLES = ['assessments', 'aiSystems', 'ownControls', 'risks', 'cycleRecords'] as const;
type Table = (typeof TABLES)[number];
const notFound = (sheet: RowWrite['sheet']) =>
  isCycleSheet(sheet)
    ? `${cycleKindOf(sheet)} record`
    : (({ aiSystems: 'AI system', ownControls: 'own control', risks: 'risk' } as Record<string, string>)[sheet] ?? sheet);
const tableOf = (sheet: RowWrite['sheet']): Table =>
  sheet === 'clauses' || sheet === 'soa' ? 'assessments' : isCycleSheet(sheet) ? 'cycleRecords' : (sheet as Table);

/** A link a row sets (a finding's audit, a nonconformity's source) must name a record of this workspace and of an allowed kind. */
async function checkLinks(
  kind: CycleKind,
  patch: Record<string, unknown>,
  find: (id: string) => Promise<CycleRecord | undefined>,
  workspaceId: string,
): Promise<void> {
  for (const link of recordLinks[kind] ?? []) {
    const id = patch[link.key];
    if (typeof id !== 'string') continue;
    const target = await find(id);
    if (!target || target.workspaceId !== workspaceId || !link.kinds.includes(target.kind)) throw new Error(`${kind} ${link.key}: record ${id} not found`);
  }
}

const isCycleSheet = (sheet: RowWrite['sheet']) => sheet.startsWith('cycle:');
const cycleKindOf = (sheet: RowWrite['sheet']) => sheet.slice('cycle:'.length) as CycleKind;

/** A plan whose new ids are taken already (it was written once) is not written again. */
async function refuseTakenIds(db: Parameters<Parameters<typeof write>[1]>[0]['db'], writes: readonly RowWrite[]): Promise<void> {
  for (const table of TABLES.slice(1)) {
    const ids = writes.flatMap((r) => (!r.id && r.newId && tableOf(r.sheet) === table ? [r.newId] : []));
    if (ids.length && (await db[table].bulkGet(ids)).some(Boolean)) throw new Error(`this import was written already (${table})`);
  }
}

/** The rows with these ids, by id (ids with no row are left out). */
async function byId<T extends { id: string }>(table: DexieTable<T, string>, ids: string[]): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await table.bulkGet(ids);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r] as [string, T]] : [])));
}
