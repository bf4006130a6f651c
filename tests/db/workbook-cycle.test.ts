import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { readWorkbookData } from '../../src/db/workbook-read';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { cycleKinds, registerOf, type CycleKind, type CycleRecord } from '../../src/domain/cycle/registry';
import { hasMessage, t } from '../../src/i18n/i18n';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { sanitizeSheetName } from '../../src/io/sheets/sheet-names';
import { cycleSheetNames, cycleSheets, registerSheets } from '../../src/io/sheets/sheet-registers';
import { exportRegisterCsv, exportRegisterXlsx, exportTemplate, exportWorkbook } from '../../src/io/sheets/workbook-export';
import { planWorkbookImport, type WorkbookPlan } from '../../src/io/sheets/workbook-import';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import { builtInRegisters, cycleSheetRegisters, registerLabel } from '../../src/state/spreadsheets';
import { freshDatabase } from '../support/db';
import { catalog, EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { buildCycleRecord, cycleRow } from '../support/factories';
import { problemText } from '../../src/i18n/problem-text';
import { shown } from '../support/problems';

/**
 * The management-system registers in the workbook: a sheet per kind, built from the declarations,
 * out and back in. The workspace holds records of every kind (seedWorkspace's audit, finding,
 * nonconformity, incident, objective and review, plus one of each other kind).
 */
let db: AimsDatabase;
let wsId: string;
let systemId: string;
beforeEach(async () => {
  db = await freshDatabase();
  const { ws } = await seedWorkspace(db, 21, { aiSystems: 4, risks: 15, ownControls: 3, impactAssessments: 2 });
  wsId = ws.id;
  systemId = (await db.aiSystems.where('workspaceId').equals(wsId).first())!.id;
  const incident = (await db.cycleRecords
    .where('workspaceId')
    .equals(wsId)
    .filter((r) => r.kind === 'incident')
    .first())!;
  await db.cycleRecords.bulkPut([
    buildCycleRecord(wsId, 'issue', {
      title: 'EU AI Act obligations',
      category: 'legal',
      climateRelated: 'no',
      reviewOn: '2027-01-15',
      description: 'Two lines\nof text',
    }),
    buildCycleRecord(wsId, 'party', { title: 'Customers', category: 'customers', addressed: 'partly' }),
    buildCycleRecord(wsId, 'scope', {
      title: 'AIMS scope',
      boundaries: 'Claims unit',
      aiSystemIds: [systemId],
      exclusions: [cycleRow({ what: 'R&D lab', justification: 'No production AI' })],
    }),
    buildCycleRecord(wsId, 'document', {
      title: 'AI policy',
      type: 'ai-policy',
      reviewMonths: 12,
      approvedOn: '2026-02-01',
      versions: [cycleRow({ version: '1.0', date: '2026-02-01', change: 'First issue', by: 'CEO' })],
    }),
    buildCycleRecord(wsId, 'raci', { title: 'Risk assessment', responsible: 'Risk team', accountable: 'CRO' }),
    buildCycleRecord(wsId, 'change', { title: 'New model vendor', plannedOn: '2026-09-01' }),
    buildCycleRecord(wsId, 'competence', { title: 'ML engineer', role: 'ML engineer', status: 'in-training' }),
    buildCycleRecord(wsId, 'awareness', { title: 'AI policy briefing', participants: 25, heldOn: '2026-04-02' }),
    buildCycleRecord(wsId, 'communication', { title: 'Quarterly AIMS report', audience: 'Board' }),
    buildCycleRecord(wsId, 'metric', { title: 'Model accuracy', threshold: 0.95, readings: [cycleRow({ date: '2026-05-01', value: 0.97, note: '' })] }),
    buildCycleRecord(wsId, 'improvement', { title: 'Automate evidence collection', status: 'in-progress' }),
    buildCycleRecord(wsId, 'nonconformity', { ref: 'NC-002', title: 'Late incident report', source: 'incident', sourceId: incident.id }),
  ]);
});

const data = (): Promise<WorkbookData> => readWorkbookData(wsId, catalog);
const all = async () => db.cycleRecords.where('workspaceId').equals(wsId).toArray();
const one = async (ref: string) => (await all()).find((r) => r.ref === ref)!;

async function sheetsOf(bytes: Uint8Array, name = 'workbook.xlsx') {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

async function plan(bytes: Uint8Array, d?: WorkbookData): Promise<WorkbookPlan> {
  return planWorkbookImport(await sheetsOf(bytes), d ?? (await data()));
}

function headerOf(ws: XLSX.WorkSheet): string[] {
  return (XLSX.utils.sheet_to_json(ws, { header: 1 })[0] as string[]) ?? [];
}

/** The 1-based row of a record in a sheet, found by its Ref. */
function rowOfRef(bytes: Uint8Array, sheet: string, ref: string): number {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets[sheet]!, { header: 1 });
  const col = (rows[0] as string[]).indexOf('Ref');
  const i = rows.findIndex((r) => r[col] === ref);
  if (i < 0) throw new Error(`no ${ref} in ${sheet}`);
  return i + 1;
}

/** Edits cells as a person would in Excel: by sheet, row (1-based) or ref, and column header. */
function edit(bytes: Uint8Array, edits: { sheet: string; ref: string; column: string; value: string | number | null }[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet]!;
    const col = headerOf(ws).indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column} in ${e.sheet}`);
    const addr = XLSX.utils.encode_cell({ r: rowOfRef(bytes, e.sheet, e.ref) - 1, c: col });
    if (e.value === null) delete ws[addr];
    else ws[addr] = typeof e.value === 'number' ? { t: 'n', v: e.value } : { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Appends rows to a sheet, given as header → value (other cells empty); `drop` removes columns first. */
function addRows(bytes: Uint8Array, sheet: string, rows: Record<string, string | number>[], drop: string[] = []): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1, defval: '' });
  const keep = (grid[0] as string[]).map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  const header = keep.map((i) => (grid[0] as string[])[i]!);
  const body = grid.slice(1).map((r) => keep.map((i) => r[i]));
  wb.Sheets[sheet] = XLSX.utils.aoa_to_sheet([header, ...body, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const problemsOf = (p: WorkbookPlan) => p.parts.flatMap((x) => x.problems);

describe('management-system sheets', () => {
  it('have valid, unique sheet names and unique headers, and a label for each single-register choice', () => {
    const names = Object.values(cycleSheetNames);
    expect(names).toHaveLength(cycleKinds.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(sanitizeSheetName(n)).toBe(n);
    }
    const sheetNames = registerSheets.map((s) => s.name.toLowerCase());
    expect(new Set(sheetNames).size).toBe(sheetNames.length);
    for (const s of registerSheets) {
      const headers = [s.idHeader, ...s.columns.map((c) => c.header)].map((h) => h.toLowerCase());
      expect(new Set(headers).size, s.name).toBe(headers.length);
    }
    for (const r of [...builtInRegisters, ...cycleSheetRegisters]) expect(hasMessage(registerLabel(r)), r).toBe(true);
    expect(cycleSheetRegisters).toEqual(cycleSheets.map((s) => s.key));
  });

  it('lay out a register from its declaration: Id, Ref, Title, Owner, fields, items, AI systems, links, summaries', () => {
    const sheet = (kind: CycleKind) => cycleSheets.find((s) => s.key === `cycle:${kind}`)!;
    const headers = (kind: CycleKind) => sheet(kind).columns.map((c) => c.header);
    expect(headers('nonconformity')).toEqual([
      'Ref',
      'Title',
      'Owner',
      ...registerOf('nonconformity').fields.map((f) => f.column),
      'Clauses and controls',
      'Source record',
    ]);
    expect(headers('finding').slice(-2)).toEqual(['Clauses and controls', 'Audit']);
    expect(headers('scope').slice(-3)).toEqual(['Clauses and controls', 'AI systems', 'Exclusions']);
    expect(headers('review').slice(-2)).toEqual(['Inputs', 'Actions']);
    // Ref and the summaries are read-only.
    for (const s of cycleSheets)
      expect(s.columns.filter((c) => !c.set).map((c) => c.header)).toEqual(['Ref', ...registerOf(s.key.slice(6) as CycleKind).rows.map((r) => r.column)]);
  });

  it('export → import unchanged finds no differences in any register, records of every kind included', async () => {
    const d = await data();
    expect(new Set(d.cycleRecords.map((r) => r.kind))).toEqual(new Set(cycleKinds));
    const bytes = await exportWorkbook(d, EXPORTED_AT, '0.1.0');
    const p = await plan(bytes, d);
    expect(problemsOf(p)).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.writes).toEqual([]);
    for (const kind of cycleKinds) {
      const part = p.parts.find((x) => x.key === `cycle:${kind}`)!;
      expect(part.name).toBe(cycleSheetNames[kind]);
      expect([part.unchanged, part.missing], kind).toEqual([d.cycleRecords.filter((r) => r.kind === kind).length, []]);
    }
  });

  it('shows records sorted by ref, links by ref, numbers as numbers and nested lists as summaries', async () => {
    const d = await data();
    const wb = XLSX.read(await exportWorkbook(d, EXPORTED_AT, '0.1.0'), { type: 'array' });
    const rows = (name: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[name]!, { defval: null });
    expect(rows('Nonconformities').map((r) => [r.Ref, r['Source record']])).toEqual([
      ['NC-001', 'F-001'],
      ['NC-002', 'INC-001'],
    ]);
    expect(rows('Audit findings')[0]!.Audit).toBe('IA-001');
    expect(rows('AI objectives')[0]).toMatchObject({ Target: 100, Measurements: '2026-03-31: 40; 2026-06-30: 72.5' });
    expect(rows('Awareness')[0]!.Participants).toBe(25);
    expect(rows('Scope')[0]).toMatchObject({ Exclusions: 'R&D lab: No production AI', 'Clauses and controls': '4.3' });
    expect(rows('Context issues')[0]).toMatchObject({ 'Internal or external': 'External', Category: t('cycle.issue.category.legal') });
    const sheetOrder = wb.SheetNames;
    expect(sheetOrder.slice(sheetOrder.indexOf('Own controls') + 1, sheetOrder.indexOf('Impact assessments'))).toEqual(Object.values(cycleSheetNames));
  });

  it('edit three cells across management-system sheets → exactly those three changes; nested rows and links stay; history records them', async () => {
    const d = await data();
    const bytes = await exportWorkbook(d, EXPORTED_AT, '0.1.0');
    const before = await all();
    const edited = edit(bytes, [
      { sheet: 'Nonconformities', ref: 'NC-001', column: 'Root cause', value: 'Policy review skipped' },
      { sheet: 'AI objectives', ref: 'OBJ-001', column: 'Target', value: 90 },
      { sheet: 'Internal audits', ref: 'IA-001', column: 'Status', value: t('cycle.audit.status.in-progress') },
    ]);
    const p = await plan(edited, d);
    expect(problemsOf(p)).toEqual([]);
    expect(p.changes.map((c) => `${c.sheet}|${c.column}|${c.from}|${c.to}`).sort()).toEqual(
      ['AI objectives|Target|100|90', 'Internal audits|Status|completed|in-progress', 'Nonconformities|Root cause||Policy review skipped'].sort(),
    );
    expect(p.writes).toHaveLength(3);
    expect(await applyWorkbookPlan(wsId, p)).toBe(3);

    const after = await all();
    expect((await one('NC-001')) as Record<string, unknown>).toMatchObject({ rootCause: 'Policy review skipped' });
    expect((await one('OBJ-001')) as Record<string, unknown>).toMatchObject({ target: 90 });
    expect((await one('IA-001')) as Record<string, unknown>).toMatchObject({ status: 'in-progress' });
    // Everything else of every record, nested lists and links included, is as it was.
    const strip = (r: CycleRecord) => {
      const { updatedAt: _u, rootCause: _r, target: _t, status: _s, ...rest } = r as Record<string, unknown>;
      return rest;
    };
    const byId = (rs: CycleRecord[]) => Object.fromEntries(rs.map((r) => [r.id, strip(r)]));
    expect(byId(after)).toEqual(byId(before));
    const statusOf = (rs: CycleRecord[]) => rs.filter((r) => r.ref !== 'IA-001').map((r) => [r.id, (r as Record<string, unknown>).status]);
    expect(statusOf(after)).toEqual(statusOf(before));

    const history = await db.history.where('workspaceId').equals(wsId).toArray();
    expect(history.map((h) => [h.table, h.action, h.label.split(' ')[0], h.changes.map((c) => c.field)]).sort()).toEqual(
      [
        ['cycleRecords', 'import', 'IA-001', ['status']],
        ['cycleRecords', 'import', 'NC-001', ['rootCause']],
        ['cycleRecords', 'import', 'OBJ-001', ['target']],
      ].sort(),
    );
    // The same file again changes nothing more.
    expect((await plan(edited)).writes).toEqual([]);
  });

  it('rows with an empty id create records with the next refs, links set by ref, catalog items as written or the defaults', async () => {
    let bytes = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    bytes = addRows(bytes, 'Nonconformities', [
      {
        Title: 'Found in Excel',
        Source: t('cycle.nonconformity.source.incident'),
        'Source record': 'inc-001',
        'Clauses and controls': '10.2; a.8.4',
        Due: '2027-03-01',
      },
      // An empty cell takes the kind's default items, as a record made in the app does; "-" asks for none.
      { Title: 'Second one', 'Clauses and controls': '-' },
    ]);
    // Without the column, a new record gets its kind's default catalog items.
    bytes = addRows(bytes, 'Context issues', [{ Title: 'Energy use of training' }], ['Clauses and controls']);
    const p = await plan(bytes);
    expect(problemsOf(p)).toEqual([]);
    expect(p.parts.find((x) => x.key === 'cycle:nonconformity')!.create).toBe(2);
    // The plan carries the linked record's id, and its name for the preview.
    const source = p.changes.find((c) => c.column === 'Source record')?.to as string;
    expect(p.names.cycleRecords?.[source]).toMatch(/^INC-001 /);
    await applyWorkbookPlan(wsId, p);
    const incident = (await all()).find((r) => r.kind === 'incident')!;
    expect((await one('NC-003')) as Record<string, unknown>).toMatchObject({
      title: 'Found in Excel',
      source: 'incident',
      sourceId: incident.id,
      itemIds: ['10.2', 'A.8.4'],
      due: '2027-03-01',
      status: 'open',
    });
    expect((await one('NC-004')) as Record<string, unknown>).toMatchObject({ title: 'Second one', sourceId: null, itemIds: [] });
    expect((await one('CTX-002')) as Record<string, unknown>).toMatchObject({ title: 'Energy use of training', itemIds: ['4.1'], origin: 'external' });
    const history = await db.history.where('workspaceId').equals(wsId).toArray();
    expect(history.map((h) => h.label).sort()).toEqual(['CTX-002 Energy use of training', 'NC-003 Found in Excel', 'NC-004 Second one']);
    expect(history.every((h) => h.action === 'import' && h.changes.length === 0)).toBe(true);
  });

  it('a new review starts with its input topics, as one created in the app does', async () => {
    const bytes = addRows(await exportWorkbook(await data(), EXPORTED_AT, '0.1.0'), 'Management reviews', [{ Title: 'Review 2027' }]);
    await applyWorkbookPlan(wsId, await plan(bytes));
    const review = (await one('MR-002')) as Record<string, unknown>;
    expect((review.inputs as { topic: string }[]).map((i) => i.topic)).toEqual([
      'previous-actions',
      'context-changes',
      'party-needs',
      'nonconformities',
      'monitoring',
      'audits',
      'improvement',
    ]);
  });

  it('a bad choice, date, number, catalog item or ref is a problem naming sheet, row and column', async () => {
    const bytes = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    const edited = edit(bytes, [
      { sheet: 'Context issues', ref: 'CTX-001', column: 'Internal or external', value: 'Sideways' },
      { sheet: 'Context issues', ref: 'CTX-001', column: 'Next review', value: '31/02/2027' },
      { sheet: 'AI objectives', ref: 'OBJ-001', column: 'Target', value: 'lots' },
      { sheet: 'Audit findings', ref: 'F-001', column: 'Clauses and controls', value: 'A.2.4; A.99.1' },
      { sheet: 'Audit findings', ref: 'F-001', column: 'Audit', value: 'IA-099' },
      { sheet: 'Nonconformities', ref: 'NC-002', column: 'Source record', value: 'OBJ-001' },
      { sheet: 'Context issues', ref: 'CTX-001', column: 'Title', value: '   ' },
    ]);
    const p = await plan(edited);
    const got = problemsOf(p).map((x) => `${x.sheet}|${x.row}|${x.field}|${problemText(x)}`);
    expect(got.sort()).toEqual(
      [
        `Context issues|2|Internal or external|"Sideways" is not one of: Internal, External`,
        `Context issues|2|Next review|"31/02/2027" is not a real date`,
        `Context issues|2|Title|a title is required`,
        `AI objectives|2|Target|"lots" is not a number (write digits with a point for decimals, e.g. 12.5, or leave the cell empty)`,
        `Audit findings|2|Clauses and controls|"A.99.1" is not a clause or Annex A control of the catalog (e.g. 9.2.1 or A.6.2.4)`,
        `Audit findings|2|Audit|"IA-099" is not the Ref of a record in the workspace; use the Ref of a row of: Internal audits`,
        `Nonconformities|3|Source record|"OBJ-001" is in AI objectives; use the Ref of a row of: Audit findings, AI incidents, Management reviews`,
      ].sort(),
    );
    expect(p.rowsWithErrors).toBe(4);
    expect(p.writes).toEqual([]);
  });

  it('numbers read back from text cells and CSV; an empty number cell clears it', async () => {
    const bytes = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    const p = await plan(
      edit(bytes, [
        { sheet: 'AI objectives', ref: 'OBJ-001', column: 'Target', value: ' 87.5 ' },
        { sheet: 'Monitoring metrics', ref: 'MET-001', column: 'Target or threshold', value: null },
        { sheet: 'Awareness', ref: 'AW-001', column: 'Participants', value: '25' },
      ]),
    );
    expect(problemsOf(p)).toEqual([]);
    expect(p.changes.map((c) => `${c.column}|${String(c.to)}`).sort()).toEqual(['Target or threshold|null', 'Target|87.5']);
  });

  it('closing a nonconformity without an effectiveness check is refused in the preview; with one it is accepted', async () => {
    const bytes = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    const closed = t('cycle.nonconformity.status.closed');
    const refused = await plan(edit(bytes, [{ sheet: 'Nonconformities', ref: 'NC-001', column: 'Status', value: closed }]));
    expect(problemsOf(refused).map(shown)).toEqual([{ sheet: 'Nonconformities', row: 2, column: 'Status', message: t('cycle.rule.effectiveness-required') }]);
    expect(refused.writes).toEqual([]);
    const accepted = await plan(
      edit(bytes, [
        { sheet: 'Nonconformities', ref: 'NC-001', column: 'Status', value: closed },
        { sheet: 'Nonconformities', ref: 'NC-001', column: 'Effectiveness check', value: 'No repeat in two audits' },
        { sheet: 'Nonconformities', ref: 'NC-001', column: 'Checked on', value: '2027-01-10' },
        { sheet: 'Nonconformities', ref: 'NC-001', column: 'Effective', value: 'Yes' },
      ]),
    );
    expect(problemsOf(accepted)).toEqual([]);
    await applyWorkbookPlan(wsId, accepted);
    expect((await one('NC-001')) as Record<string, unknown>).toMatchObject({ status: 'closed', effective: 'yes', checkedOn: '2027-01-10' });
  });

  it('a second scope is a problem; links can be changed by ref and cleared', async () => {
    let bytes = await exportWorkbook(await data(), EXPORTED_AT, '0.1.0');
    bytes = addRows(bytes, 'Scope', [{ Title: 'Another scope' }]);
    bytes = edit(bytes, [
      { sheet: 'Audit findings', ref: 'F-001', column: 'Audit', value: null },
      { sheet: 'Nonconformities', ref: 'NC-001', column: 'Source record', value: 'mr-001' },
    ]);
    const p = await plan(bytes);
    expect(problemsOf(p).map((x) => `${x.sheet}|${x.row}|${x.field}`)).toEqual(['Scope|3|Id']);
    // Links travel as ids; the plan names each record they point to, before and after.
    const ref = (id: unknown) => (typeof id === 'string' ? p.names.cycleRecords?.[id]?.split(' ')[0] : '');
    expect(p.changes.map((c) => `${c.sheet}|${c.column}|${ref(c.from)}|${ref(c.to)}`).sort()).toEqual([
      'Audit findings|Audit|IA-001|',
      'Nonconformities|Source record|F-001|MR-001',
    ]);
    await applyWorkbookPlan(wsId, p);
    const review = await one('MR-001');
    expect([((await one('F-001')) as Record<string, unknown>).auditId, ((await one('NC-001')) as Record<string, unknown>).sourceId]).toEqual([null, review.id]);
    expect((await all()).filter((r) => r.kind === 'scope')).toHaveLength(1);
  });

  it('rows deleted from a sheet are reported, never deleted', async () => {
    const wb = XLSX.read(await exportWorkbook(await data(), EXPORTED_AT, '0.1.0'), { type: 'array' });
    const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Nonconformities']!, { header: 1 });
    wb.Sheets['Nonconformities'] = XLSX.utils.aoa_to_sheet([grid[0]!, grid[2]!]);
    const p = await plan(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const missing = p.parts.find((x) => x.key === 'cycle:nonconformity')!.missing;
    expect(missing.map((id) => p.names.cycleRecords?.[id])).toEqual([expect.stringMatching(/^NC-001 /)]);
    await applyWorkbookPlan(wsId, p);
    expect((await all()).filter((r) => r.kind === 'nonconformity')).toHaveLength(2);
  });

  it('every register exports alone, as .xlsx and as CSV, and each CSV comes back unchanged as its own register', async () => {
    const d = await data();
    for (const sheet of cycleSheets) {
      const xlsx = XLSX.read(await exportRegisterXlsx(d, sheet.key), { type: 'array' });
      expect(xlsx.SheetNames).toEqual([sheet.name]);
      const csv = exportRegisterCsv(d, sheet.key);
      const p = planWorkbookImport(await sheetsOf(new TextEncoder().encode(csv), `acme-${sheet.key.slice(6)}.csv`), d);
      expect(
        p.parts.map((x) => x.key),
        sheet.name,
      ).toEqual([sheet.key]);
      expect(problemsOf(p), sheet.name).toEqual([]);
      expect(p.writes, sheet.name).toEqual([]);
    }
  });

  it('the template has every management-system sheet, with headers and no rows', async () => {
    const wb = XLSX.read(await exportTemplate(await data(), EXPORTED_AT, '0.1.0'), { type: 'array' });
    for (const sheet of cycleSheets) {
      const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet.name]!, { header: 1 });
      expect(grid, sheet.name).toEqual([['Id', ...sheet.columns.map((c) => c.header)]]);
    }
  });

  it('records history for rows of the other sheets too', async () => {
    const d = await data();
    const bytes = await exportWorkbook(d, EXPORTED_AT, '0.1.0');
    const wb = XLSX.read(bytes, { type: 'array' });
    const risks = wb.Sheets['Risks']!;
    risks[XLSX.utils.encode_cell({ r: 1, c: headerOf(risks).indexOf('Title') })] = { t: 's', v: 'Renamed' };
    const soa = wb.Sheets['Statement of Applicability']!;
    soa[XLSX.utils.encode_cell({ r: 1, c: headerOf(soa).indexOf('Justification') })] = { t: 's', v: 'Needed' };
    const p = await plan(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), d);
    await applyWorkbookPlan(wsId, p);
    const history = await db.history.where('workspaceId').equals(wsId).toArray();
    expect(history.map((h) => [h.table, h.action, h.changes.map((c) => c.field)]).sort()).toEqual([
      ['assessments', 'import', []],
      ['risks', 'import', ['title']],
    ]);
  });
});
