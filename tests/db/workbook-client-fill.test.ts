import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { planWorkbookImport, type PlanOptions, type WorkbookPlan } from '../../src/io/sheets/workbook-import';
import { exportTemplate, exportWorkbook } from '../../src/io/sheets/workbook-export';
import { freshDatabase } from '../support/db';
import { EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { workbookDataOf } from '../support/workbook';

/** Spreadsheets a client fills in: a blank template over existing answers, new rows that refer to each other, new rows with only a name. */

let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 21, { aiSystems: 3, risks: 4, ownControls: 2, impactAssessments: 0 })).ws.id;
  // An answer with every walkthrough field filled, as a consultant's workspace has.
  await db.assessments.where('[workspaceId+itemId]').equals([wsId, '6.1.3']).modify({ owner: 'Dana', targetDate: '2027-01-15' });
});

const data = () => workbookDataOf(wsId);

async function plan(bytes: Uint8Array, options: PlanOptions = {}, name = 'filled.xlsx'): Promise<WorkbookPlan> {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return planWorkbookImport(r.sheets, await data(), options);
}

const problemsOf = (p: WorkbookPlan) => p.parts.flatMap((x) => x.problems.map((q) => `${q.sheet} ${q.row} ${q.field}: ${q.code}`));

/** Types into cells as a client would in Excel: by sheet, the row whose first cell is `id`, and column header. */
function fill(bytes: Uint8Array, edits: { sheet: string; id: string; column: string; value: string }[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet]!;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    const col = (grid[0] as string[]).indexOf(e.column);
    const row = grid.findIndex((r) => r[0] === e.id);
    if (col < 0 || row < 0) throw new Error(`no cell ${e.id} / ${e.column} in ${e.sheet}`);
    ws[XLSX.utils.encode_cell({ r: row, c: col })] = { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Appends rows (header → value, other cells empty) below a sheet's rows. */
function addRows(bytes: Uint8Array, sheet: string, rows: Record<string, string>[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1, defval: null });
  const header = grid[0] as string[];
  XLSX.utils.sheet_add_aoa(
    wb.Sheets[sheet]!,
    rows.map((r) => header.map((h) => r[h] ?? null)),
    { origin: grid.length },
  );
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('a blank template filled in by a client', () => {
  it('keeps every answer the client did not touch and changes only what was typed', async () => {
    const before = await db.assessments.where('workspaceId').equals(wsId).toArray();
    let bytes = await exportTemplate(await data(), EXPORTED_AT, '0.1.0');
    bytes = fill(bytes, [
      { sheet: 'Clauses 4-10', id: '4.2', column: 'Owner', value: 'Client CISO' },
      { sheet: 'Statement of Applicability', id: 'A.6.2.4', column: 'Justification', value: 'Needed for our models' },
    ]);
    const p = await plan(bytes);
    expect(p.origin).toBe('template');
    expect(problemsOf(p)).toEqual([]);
    expect(p.changes.map((c) => [c.id, c.field, c.to])).toEqual([
      ['4.2', 'owner', 'Client CISO'],
      ['A.6.2.4', 'justification', 'Needed for our models'],
    ]);
    expect(p.changes.filter((c) => c.clear)).toEqual([]);
    await applyWorkbookPlan(wsId, p);
    const after = new Map((await db.assessments.where('workspaceId').equals(wsId).toArray()).map((a) => [a.itemId, a]));
    for (const a of before) {
      const now = after.get(a.itemId)!;
      expect([now.status, now.owner, now.targetDate, now.notes]).toEqual([a.status, a.owner, a.targetDate, a.notes]);
    }
    expect(after.get('6.1.3')).toMatchObject({ status: 'in-progress', owner: 'Dana', targetDate: '2027-01-15' });
    expect(after.get('A.6.2.4')!.justification).toBe('Needed for our models');
  });

  it('clears a value only for "-" in its cell, or with "Blank cells clear values", and marks each clear', async () => {
    const bytes = fill(await exportTemplate(await data(), EXPORTED_AT, '0.1.0'), [{ sheet: 'Clauses 4-10', id: '6.1.3', column: 'Owner', value: '-' }]);
    const marked = await plan(bytes);
    expect(marked.changes.map((c) => [c.id, c.field, c.from, c.to, c.clear])).toEqual([['6.1.3', 'owner', 'Dana', '', true]]);
    const all = await plan(bytes, { blankClears: true });
    const cleared = all.changes.filter((c) => c.clear).map((c) => `${c.id} ${c.field}`);
    expect(cleared).toEqual(expect.arrayContaining(['6.1.3 owner', '6.1.3 targetDate', '6.1.3 notes', '4.1 notes']));
    // A status cannot be empty: an empty cell leaves it as it is, and the row is still imported.
    expect(problemsOf(all)).toEqual([]);
    expect(all.changes.filter((c) => c.field === 'status')).toEqual([]);
  });

  it('a template from elsewhere, without its About sheet, still never clears a value by an empty cell', async () => {
    const wb = XLSX.read(await exportTemplate(await data(), EXPORTED_AT, '0.1.0'), { type: 'array' });
    wb.SheetNames.splice(wb.SheetNames.indexOf('About'), 1);
    const p = await plan(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(p.origin).toBe('other');
    expect(p.changes).toEqual([]);
  });
});

describe('a full export', () => {
  it('round trips exactly; a cell the user emptied clears its value, unless the record changed in the app since the export', async () => {
    const exported = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    expect((await plan(exported)).changes).toEqual([]);
    const wb = XLSX.read(exported, { type: 'array' });
    const ws = wb.Sheets['Clauses 4-10']!;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    const row = grid.findIndex((r) => r[0] === '6.1.3');
    delete ws[XLSX.utils.encode_cell({ r: row, c: (grid[0] as string[]).indexOf('Owner') })];
    const emptied = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = await plan(emptied);
    expect(p.origin).toBe('export');
    expect(p.changes.map((c) => [c.id, c.field, c.to, c.clear])).toEqual([['6.1.3', 'owner', '', true]]);
    // Answered again in the app after the export: the file's empty cell may never have held that value.
    await db.assessments.where('[workspaceId+itemId]').equals([wsId, '6.1.3']).modify({ owner: 'Eve', updatedAt: '2026-12-01T00:00:00.000Z' });
    expect((await plan(emptied)).changes).toEqual([]);
  });
});

describe('new rows', () => {
  it('a risk naming an AI system added on the same file links to it, and the same file again creates nothing twice', async () => {
    let bytes = await exportTemplate(await data(), EXPORTED_AT, '0.1.0');
    bytes = addRows(bytes, 'AI systems', [{ Name: 'Vision QA' }]);
    bytes = addRows(bytes, 'Risks', [{ Title: 'Vision QA misses defects', 'AI systems': 'vision qa' }]);
    const p = await plan(bytes);
    expect(problemsOf(p)).toEqual([]);
    const system = p.writes.find((w) => w.sheet === 'aiSystems')!;
    const risk = p.writes.find((w) => w.sheet === 'risks')!;
    expect(risk.patch.aiSystemIds).toEqual([system.newId]);
    // The preview names the new system, never its id.
    expect(p.names.aiSystems?.[system.newId!]).toBe('Vision QA');
    await applyWorkbookPlan(wsId, p);
    const made = (await db.aiSystems.where('workspaceId').equals(wsId).toArray()).filter((s) => s.name === 'Vision QA');
    expect(made).toHaveLength(1);
    const stored = (await db.risks.where('workspaceId').equals(wsId).toArray()).find((r) => r.title === 'Vision QA misses defects')!;
    expect(stored.aiSystemIds).toEqual([made[0]!.id]);

    const again = await plan(bytes);
    expect(problemsOf(again)).toEqual([]);
    expect(again.matches?.map((m) => [m.sheetKey, m.name, m.exact, m.linked])).toEqual([
      ['aiSystems', 'Vision QA', true, true],
      ['risks', 'Vision QA misses defects', true, true],
    ]);
    expect(again.writes).toEqual([]);
  });

  it('a new row named like an existing record differently is offered as a link, created unless the user links it', async () => {
    const existing = (await data()).aiSystems[0]!;
    const bytes = addRows(await exportTemplate(await data(), EXPORTED_AT, '0.1.0'), 'AI systems', [
      { Name: `  ${existing.name.toUpperCase()} `, Owner: 'New owner' },
    ]);
    const p = await plan(bytes);
    expect(p.matches).toEqual([expect.objectContaining({ id: existing.id, exact: false, linked: false })]);
    expect(p.parts.find((x) => x.key === 'aiSystems')!.create).toBe(1);
    const linked = await plan(bytes, { link: { [p.matches![0]!.key]: true } });
    expect(linked.parts.find((x) => x.key === 'aiSystems')).toMatchObject({ create: 0, update: 1 });
    // Linked, the row updates the record: its name as typed, its owner; empty cells keep the rest.
    expect(linked.changes.map((c) => c.field).sort()).toEqual(['name', 'owner']);
  });

  it('a new risk or AI system needs only its name: every other choice takes the register default, shown as such', async () => {
    let bytes = await exportTemplate(await data(), EXPORTED_AT, '0.1.0');
    bytes = addRows(bytes, 'AI systems', [{ Name: 'Only a name' }]);
    bytes = addRows(bytes, 'Risks', [{ Title: 'Only a title' }]);
    const p = await plan(bytes);
    expect(problemsOf(p)).toEqual([]);
    const defaults = (sheet: string) => Object.fromEntries(p.changes.filter((c) => c.key === sheet && c.byDefault).map((c) => [c.field, c.to]));
    expect(defaults('aiSystems')).toMatchObject({ status: 'planned', inScope: 'undecided', personalData: 'unknown', euAiActCategory: 'not-assessed' });
    expect(defaults('risks')).toMatchObject({ status: 'identified' });
    await applyWorkbookPlan(wsId, p);
    const system = (await db.aiSystems.where('workspaceId').equals(wsId).toArray()).find((s) => s.name === 'Only a name')!;
    expect(system).toMatchObject({ status: 'planned', inScope: 'undecided', personalData: 'unknown', euAiActCategory: 'not-assessed' });
    // A row without its name is still refused.
    const unnamed = await plan(addRows(await exportTemplate(await data(), EXPORTED_AT, '0.1.0'), 'AI systems', [{ Owner: 'Someone' }]));
    expect(problemsOf(unnamed)).toEqual(['AI systems 2 Name: required']);
  });
});
