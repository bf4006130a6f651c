import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { cycleSheetNames } from '../../src/io/sheets/sheet-registers';
import { exportRegisterCsv, exportWorkbook } from '../../src/io/sheets/workbook-export';
import { aiObjectiveIds } from '../../src/domain/annex-c';
import { TEXT_MAX } from '../../src/domain/fields';
import { freshDatabase } from '../support/db';
import { seedWorkspace } from '../support/bundles';
import { workbookDataOf } from '../support/workbook';
import { problemText } from '../../src/i18n/problem-text';

let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 21, { aiSystems: 4, risks: 15, ownControls: 3, impactAssessments: 2 })).ws.id;
});

const data = () => workbookDataOf(wsId);

async function sheetsOf(bytes: Uint8Array, name = 'workbook.xlsx') {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

/** Edits cells the way a person would in Excel: by sheet, row (1-based) and column header. */
function edit(bytes: Uint8Array, edits: { sheet: string; row: number; column: string; value: string | number }[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet]!;
    const header = (XLSX.utils.sheet_to_json(ws, { header: 1 })[0] as string[]) ?? [];
    const col = header.indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column}`);
    ws[XLSX.utils.encode_cell({ r: e.row - 1, c: col })] = typeof e.value === 'number' ? { t: 'n', v: e.value } : { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('workbook round trip', () => {
  it('export → import unchanged finds no differences in any register', async () => {
    const d = await data();
    const plan = planWorkbookImport(await sheetsOf(await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0')), d);
    expect(plan.parts.map((p) => p.problems)).toEqual(plan.parts.map(() => []));
    expect(plan.writes).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.parts.map((p) => p.name).sort()).toEqual(
      ['AI systems', 'Clauses 4-10', 'Own controls', 'Risks', 'Statement of Applicability', ...Object.values(cycleSheetNames)].sort(),
    );
    expect(plan.ignoredSheets.sort()).toEqual(['About', 'Impact assessments', 'Impacts']);
    expect(plan.parts.find((p) => p.key === 'risks')?.unchanged).toBe(15);
  });

  it('text stored with CRLF line breaks (from a CSV or a bundle) reads back unchanged, though the file gives LF', async () => {
    const risk = (await db.risks.where('workspaceId').equals(wsId).first())!;
    await db.risks.put({ ...risk, description: 'First line\r\nsecond line\rthird' });
    const d = await data();
    const sheets = await sheetsOf(await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0'));
    const riskRows = sheets.find((s) => s.name === 'Risks')!.rows;
    // SheetJS gives CRLF back as LF (a lone CR stays).
    const shown = riskRows.flat().find((c) => typeof c === 'string' && c.startsWith('First line'));
    expect(shown).toBe('First line\nsecond line\rthird');
    const plan = planWorkbookImport(sheets, d);
    expect(plan.changes).toEqual([]);
    expect(plan.parts.find((p) => p.key === 'risks')?.unchanged).toBe(15);
    // A real edit of that text still counts.
    const edited = sheets.map((s) => (s.name === 'Risks' ? { ...s, rows: s.rows.map((r) => r.map((c) => (c === shown ? 'First line\nchanged' : c))) } : s));
    expect(planWorkbookImport(edited, d).changes).toEqual([expect.objectContaining({ column: 'Description', to: 'First line\nchanged' })]);
  });

  it('export → edit three cells → import gives exactly those three changes', async () => {
    const d = await data();
    const bytes = await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0');
    const edited = edit(bytes, [
      { sheet: 'Risks', row: 3, column: 'Title', value: 'Renamed in Excel' },
      { sheet: 'Statement of Applicability', row: 2, column: 'Justification', value: 'Needed for our AI policy' },
      { sheet: 'Clauses 4-10', row: 5, column: 'Owner', value: '风险负责人' },
    ]);
    const plan = planWorkbookImport(await sheetsOf(edited), d);
    expect(plan.changes.map((c) => `${c.sheet}|${c.row}|${c.column}|${c.to}`).sort()).toEqual(
      ['Clauses 4-10|5|Owner|风险负责人', 'Risks|3|Title|Renamed in Excel', 'Statement of Applicability|2|Justification|Needed for our AI policy'].sort(),
    );
    expect(plan.writes).toHaveLength(3);
    await applyWorkbookPlan(wsId, plan);
    const after = await data();
    const risk = [...after.risks].sort((a, b) => a.ref.localeCompare(b.ref))[1]!;
    expect(risk.title).toBe('Renamed in Excel');
    expect(after.assessments.find((a) => a.itemId === 'A.2.2')?.justification).toBe('Needed for our AI policy');
    expect(after.assessments.find((a) => a.itemId === '4.4')?.owner).toBe('风险负责人');
    // And a second import of the same file changes nothing more.
    expect(planWorkbookImport(await sheetsOf(edited), after).writes).toEqual([]);
  });

  it('reports an unknown enum value with sheet, row and column, and lists the allowed values', async () => {
    const d = await data();
    const edited = edit(await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0'), [
      { sheet: 'Risks', row: 14, column: 'Inherent likelihood', value: 'Very high' },
    ]);
    const plan = planWorkbookImport(await sheetsOf(edited), d);
    const p = plan.parts.find((x) => x.key === 'risks')!.problems[0]!;
    expect(p).toMatchObject({ sheet: 'Risks', row: 14, field: 'Inherent likelihood' });
    expect(problemText(p)).toBe('"Very high" is not one of: Rare, Unlikely, Possible, Likely, Almost certain');
    expect(plan.rowsWithErrors).toBe(1);
  });

  it('creates rows with an empty id, reports rows missing from the sheet, never deletes', async () => {
    const d = await data();
    const wb = XLSX.read(await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0'), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['Own controls']!, { header: 1 }) as unknown[][];
    const header = rows[0] as string[];
    const newRow = header.map((h) => (h === 'Name' ? 'Vendor due diligence' : h === 'Status' ? 'Planned' : h === 'Annex A controls' ? 'A.10.3' : ''));
    wb.Sheets['Own controls'] = XLSX.utils.aoa_to_sheet([header, ...rows.slice(2), newRow]);
    const plan = planWorkbookImport(await sheetsOf(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)), d);
    const part = plan.parts.find((p) => p.key === 'ownControls')!;
    expect(part.create).toBe(1);
    expect(part.missing).toHaveLength(1);
    await applyWorkbookPlan(wsId, plan);
    const controls = await db.ownControls.where('workspaceId').equals(wsId).toArray();
    expect(controls).toHaveLength(4);
    expect(controls.find((c) => c.name === 'Vendor due diligence')?.annexAControls).toEqual(['A.10.3']);
  });

  it('accepts reordered columns and warns about unknown ones', async () => {
    const d = await data();
    const wb = XLSX.read(await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0'), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['AI systems']!, { header: 1, defval: '' }) as unknown[][];
    const reordered = rows.map((r) => [...r].reverse().concat(['extra']));
    reordered[0]![reordered[0]!.length - 1] = 'My own notes';
    wb.Sheets['AI systems'] = XLSX.utils.aoa_to_sheet(reordered);
    const plan = planWorkbookImport(await sheetsOf(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)), d);
    const part = plan.parts.find((p) => p.key === 'aiSystems')!;
    expect(part.problems).toEqual([]);
    expect(part.unchanged).toBe(4);
    expect(part.warnings.map((w) => problemText(w))).toEqual(['column "My own notes" is not known and is ignored']);
  });

  it('a register CSV round-trips, formula-like text included', async () => {
    const d = await data();
    const risk = [...d.risks].sort((a, b) => a.ref.localeCompare(b.ref))[0]!;
    await db.risks.put({ ...risk, title: '=HYPERLINK("http://evil","click")', treatmentPlan: '-5% error budget; +44 20 7946 0000' });
    const d2 = await data();
    const csv = exportRegisterCsv(d2, 'risks');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    const plan = planWorkbookImport(await sheetsOf(new TextEncoder().encode(csv), 'risks.csv'), d2);
    expect(plan.parts.map((p) => p.key)).toEqual(['risks']);
    expect(plan.parts[0]!.problems).toEqual([]);
    expect(plan.writes).toEqual([]);
  });
});

describe('applyWorkbookPlan', () => {
  it('applies writes to the same record in plan order, as one put after another would', async () => {
    const d = await data();
    const risk = d.risks[0]!;
    const plan = {
      parts: [],
      changes: [],
      rowsWithErrors: 0,
      ignoredSheets: [],
      names: {},
      writes: [
        { sheet: 'risks' as const, row: 2, id: risk.id, patch: { title: 'First title' } },
        { sheet: 'clauses' as const, row: 3, id: '5.2', patch: { owner: 'Ada' } },
        { sheet: 'risks' as const, row: 9, id: risk.id, patch: { title: 'Second title', owner: 'Grace' } },
        { sheet: 'clauses' as const, row: 4, id: '5.2', patch: { notes: 'Both kept' } },
        { sheet: 'risks' as const, row: 10, id: null, patch: { title: 'Brand new' } },
      ],
    };
    expect(await applyWorkbookPlan(wsId, plan)).toBe(5);
    const after = await db.risks.get(risk.id);
    expect([after?.title, after?.owner]).toEqual(['Second title', 'Grace']);
    const answers = await db.assessments.where('[workspaceId+itemId]').equals([wsId, '5.2']).toArray();
    expect(answers.map((a) => [a.owner, a.notes])).toEqual([['Ada', 'Both kept']]);
    const created = await db.risks
      .where('workspaceId')
      .equals(wsId)
      .filter((r) => r.title === 'Brand new')
      .toArray();
    expect(created.map((r) => r.ref)).toEqual(['R-016']);
  });

  it('writes nothing when one row names a record of another workspace', async () => {
    const d = await data();
    const other = { ...d.risks[1]!, id: crypto.randomUUID(), workspaceId: 'elsewhere' };
    await db.risks.put(other);
    const plan = {
      parts: [],
      changes: [],
      rowsWithErrors: 0,
      ignoredSheets: [],
      names: {},
      writes: [
        { sheet: 'risks' as const, row: 2, id: d.risks[0]!.id, patch: { title: 'Changed' } },
        { sheet: 'risks' as const, row: 3, id: other.id, patch: { title: 'Not mine' } },
      ],
    };
    await expect(applyWorkbookPlan(wsId, plan)).rejects.toThrow(`risk ${other.id} not found`);
    expect((await db.risks.get(d.risks[0]!.id))?.title).toBe(d.risks[0]!.title);
  });
});

describe('unchanged rows are settled without a patch, with the same verdicts as the full comparison', () => {
  it('a list stored out of the options order, a name two systems share, and text over its limit still count as changes or problems', async () => {
    const d = await data();
    const [a, b, c] = d.risks;
    a!.objectives = [...aiObjectiveIds].slice(0, 2).reverse() as never;
    // Two systems named alike: a name reads back as the last of them, so the first one's risk changes.
    d.aiSystems[1]!.name = d.aiSystems[0]!.name;
    b!.aiSystemIds = [d.aiSystems[0]!.id];
    c!.owner = 'x'.repeat(TEXT_MAX + 1);
    const bytes = await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0');
    const plan = planWorkbookImport(await sheetsOf(bytes), d);
    const risks = plan.parts.find((p) => p.key === 'risks')!;
    const sharing = d.risks.filter((r) => r.id !== c!.id && r.aiSystemIds.includes(d.aiSystems[0]!.id)).map((r) => `${r.id} AI systems`);
    expect(sharing.length).toBeGreaterThan(0);
    const changed = plan.changes.filter((ch) => ch.sheet === 'Risks').map((ch) => `${ch.id} ${ch.column}`);
    expect(changed.sort()).toEqual([`${a!.id} Affected objectives`, ...sharing].sort());
    expect(risks.problems.map((p) => p.field)).toEqual(['Owner']);
    expect([risks.update, risks.unchanged]).toEqual([
      new Set(changed.map((x) => x.split(' ')[0])).size,
      14 - new Set(changed.map((x) => x.split(' ')[0])).size,
    ]);
  });
});
