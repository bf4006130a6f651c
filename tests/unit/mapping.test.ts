import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { riskMatrixSchema } from '../../src/domain/risk-matrix';
import {
  applyMapping,
  detectHeaderRow,
  fillSuggestions,
  headerTexts,
  initialMapping,
  mappingPlan,
  suggestColumns,
  suggestValueMap,
  targetOf,
  type MappingContext,
  type SheetMapping,
} from '../../src/io/mapping/mapping';
import { parseDateCell } from '../../src/io/mapping/mapping-cells';
import { fromSaved, savedMappingSchema, savedMatch, toSaved } from '../../src/io/mapping/mapping-saved';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import type { CellValue } from '../../src/io/sheets/sheet-cells';
import { shippedCatalog } from '../support/catalog';
import { problemText } from '../../src/i18n/problem-text';
import { shown } from '../support/problems';

const catalog = shippedCatalog();
const matrix5 = presetMatrix('5x5');
const SYSTEMS = [
  { id: 'sys-loan', name: 'Loan scoring model' },
  { id: 'sys-bot', name: '智能客服' },
];
const ctx = (over: Partial<MappingContext> = {}): MappingContext => ({
  sheet: 'Risks',
  workspaceId: 'ws-1',
  matrix: matrix5,
  systems: SYSTEMS,
  controlIds: new Set(catalog.controls.map((c) => c.id)),
  ...over,
});
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/foreign-sheets/${name}`));
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - EPOCH) / 86_400_000;

/** The value maps the wizard starts from, before the user changes anything. */
const withSuggestions = (rows: CellValue[][], m: SheetMapping, c: MappingContext) => fillSuggestions(rows, m, c);

/** A register as people keep it: merged title, a note, blank rows, mixed dates, a totals row. */
const englishSheet: CellValue[][] = [
  ['Acme AI risk register', null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null],
  ['Prepared by the CISO office', null, null, null, null, null, null, null],
  ['No.', 'Risk title', 'Owner', 'Likelihood (1-5)', 'Impact', 'Status', 'Due date', 'Risk level'],
  [1, 'Unfair refusals', 'Dana', 4, 'High', 'Open', '2026-03-31', 'High'],
  [null, null, null, null, null, null, null, null],
  [2, 'Hallucinated fees', 'Lee', 2, 'Medium', 'In progress', serial('2026-04-30'), 'Medium'],
  [3, 'Data leak', 'Kim', 5, 'TBD', 'Closed', '31/03/2026', 'Very high'],
  [4, 'Vendor drift', 'Sam', 1, 'Low', 'Open', new Date(Date.UTC(2026, 5, 1)), 'Low'],
  [null, null, null, null, null, null, null, null],
  ['Total', null, null, 12, null, null, null, null],
  [10, 4, null, 3, null, null, null, null],
];

describe('header row', () => {
  it('passes over a merged title row, a note and blank rows', () => {
    expect(detectHeaderRow(englishSheet)).toBe(3);
    expect(detectHeaderRow([[null], ['Title only'], ['2024', 2025], ['名称', '负责人']])).toBe(3);
  });

  it('falls back to the first row when no row has two text cells', () => {
    expect(
      detectHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(0);
    expect(detectHeaderRow([])).toBe(0);
  });
});

describe('column suggestions', () => {
  it('maps English headers and leaves ids and computed levels alone', () => {
    expect(suggestColumns(headerTexts(englishSheet, 3), 'risks')).toEqual([
      null,
      'title',
      'owner',
      'inherentLikelihood',
      'inherentImpact',
      'status',
      'treatmentDue',
      null,
    ]);
  });

  it('maps Chinese headers', () => {
    const headers = ['序号', '风险名称', '描述', '负责人', '可能性', '影响', '状态', '截止日期', '系统名称', '处置方式', '剩余可能性', '残余影响'];
    expect(suggestColumns(headers, 'risks')).toEqual([
      null,
      'title',
      'description',
      'owner',
      'inherentLikelihood',
      'inherentImpact',
      'status',
      'treatmentDue',
      'aiSystemIds',
      'treatment',
      'residualLikelihood',
      'residualImpact',
    ]);
  });

  it('ignores case, punctuation and full width, and gives each field to one column', () => {
    expect(suggestColumns(['ＲＩＳＫ　ＮＡＭＥ', 'risk-owner', 'Due_Date', 'PROBABILITY', 'Severity', 'AI 系统', '责任人'], 'risks')).toEqual([
      'title',
      'owner',
      'treatmentDue',
      'inherentLikelihood',
      'inherentImpact',
      'aiSystemIds',
      null,
    ]);
    expect(suggestColumns(['Residual likelihood', 'Likelihood', 'Annex A controls', 'Treatment plan', 'Treatment'], 'risks')).toEqual([
      'residualLikelihood',
      'inherentLikelihood',
      'annexAControls',
      'treatmentPlan',
      'treatment',
    ]);
  });

  it('maps an AI system inventory', () => {
    expect(suggestColumns(['System name', 'Intended purpose', 'Owner', 'Lifecycle stage', 'Status', 'In scope', 'Vendor', '个人信息'], 'aiSystems')).toEqual([
      'name',
      'purpose',
      'owner',
      'lifecycleStage',
      'status',
      'inScope',
      'suppliers',
      'personalData',
    ]);
  });
});

describe('value suggestions', () => {
  const likelihood = targetOf('risks', 'inherentLikelihood')!;
  const impact = targetOf('risks', 'inherentImpact')!;
  const status = targetOf('risks', 'status')!;

  it('maps rating words to the matrix: a level named High, else by position', () => {
    const named = riskMatrixSchema.parse({
      ...presetMatrix('3x3'),
      probability: [{ name: 'Low' }, { name: 'Medium' }, { name: 'High' }],
    });
    expect(suggestValueMap(likelihood, 'risks', ['High', 'low', 'MEDIUM'], { matrix: named, systems: [] })).toEqual({ high: 2, low: 0, medium: 1 });
    // 5×5: no level is called High; "High" sits at the fourth of five places (Likely; Major).
    expect(suggestValueMap(likelihood, 'risks', ['High', 'Very high', 'Rare', '高', '中', '低', '极高'], { matrix: matrix5, systems: [] })).toEqual({
      high: 3,
      'very high': 4,
      rare: 0,
      高: 3,
      中: 2,
      低: 1,
      极高: 4,
    });
    expect(suggestValueMap(impact, 'risks', ['Major', 'severe', 'Catastrophic!'], { matrix: matrix5, systems: [] })).toEqual({
      major: 3,
      severe: 4,
      'catastrophic!': 4,
    });
  });

  it('maps numbers 1–5 to levels, by position on a shorter scale', () => {
    expect(suggestValueMap(likelihood, 'risks', ['1', '2', '3', '4', '5'], { matrix: matrix5, systems: [] })).toEqual({ 1: 0, 2: 1, 3: 2, 4: 3, 5: 4 });
    expect(suggestValueMap(likelihood, 'risks', ['1', '3', '5', '4 - likely'], { matrix: presetMatrix('3x3'), systems: [] })).toEqual({
      1: 0,
      3: 1,
      5: 2,
      '4 - likely': 2,
    });
    expect(suggestValueMap(likelihood, 'risks', ['0', '9', 'n/a'], { matrix: matrix5, systems: [] })).toEqual({ 9: 4 });
  });

  it('suggests levels for a column of 300,000 distinct texts that start with a number, without overflowing the stack', () => {
    const texts = Array.from({ length: 300_000 }, (_, i) => `${(i % 5) + 1} - noted in review ${i}`);
    const map = suggestValueMap(likelihood, 'risks', texts, { matrix: matrix5, systems: [] });
    expect(Object.keys(map)).toHaveLength(300_000);
    expect([map['1 - noted in review 0'], map['3 - noted in review 299997'], map['5 - noted in review 299999']]).toEqual([0, 2, 4]);
  }, 60_000);

  it('maps enum texts by label, value and synonym, in English and Chinese', () => {
    expect(
      suggestValueMap(status, 'risks', ['Open', 'In progress', 'closed', '进行中', '已关闭', 'Being treated', 'monitoring', 'Parked'], {
        matrix: matrix5,
        systems: [],
      }),
    ).toEqual({
      open: 'identified',
      'in progress': 'treating',
      closed: 'closed',
      进行中: 'treating',
      已关闭: 'closed',
      'being treated': 'treating',
      monitoring: 'monitoring',
    });
    expect(suggestValueMap(targetOf('risks', 'treatment')!, 'risks', ['Mitigate', 'Transfer', 'Accept', '规避'], { matrix: matrix5, systems: [] })).toEqual({
      mitigate: 'modify',
      transfer: 'share',
      accept: 'retain',
      规避: 'avoid',
    });
  });

  it('maps AI system names to the workspace systems', () => {
    expect(
      suggestValueMap(targetOf('risks', 'aiSystemIds')!, 'risks', ['loan scoring model', '智能客服', 'Unknown bot'], { matrix: matrix5, systems: SYSTEMS }),
    ).toEqual({ 'loan scoring model': 'sys-loan', 智能客服: 'sys-bot' });
  });
});

describe('dates', () => {
  it('reads text in common forms, serial numbers and Date cells', () => {
    const cases: [CellValue, string | null][] = [
      ['2026-03-31', '2026-03-31'],
      ['31/03/2026', '2026-03-31'],
      ['31.03.2026', '2026-03-31'],
      ['03/31/2026', '2026-03-31'],
      ['2026年3月31日', '2026-03-31'],
      ['２０２６年３月３１日', '2026-03-31'],
      ['2026/4/15', '2026-04-15'],
      ['2026-03-31 00:00:00', '2026-03-31'],
      [serial('2026-03-31'), '2026-03-31'],
      [String(serial('2026-03-31')), '2026-03-31'],
      [new Date(Date.UTC(2026, 2, 31)), '2026-03-31'],
      [new Date(Date.UTC(2026, 2, 30, 23, 59, 59, 999)), '2026-03-31'],
      [null, null],
      ['  ', null],
    ];
    for (const [cell, want] of cases) expect(parseDateCell(cell), String(cell)).toEqual({ ok: true, value: want });
    for (const bad of ['31/02/2026', 'next week', '2026-13-01', -5, 1e9]) expect(parseDateCell(bad).ok, String(bad)).toBe(false);
  });
});

describe('applyMapping', () => {
  it('creates a write per data row, skips blank and totals rows, and reports problems by row and column', () => {
    const m = withSuggestions(englishSheet, initialMapping(englishSheet, 'risks'), ctx());
    const result = applyMapping(englishSheet, m, ctx());
    expect(result.writes.map((w) => [w.row, w.id, w.sheet])).toEqual([
      [5, null, 'risks'],
      [7, null, 'risks'],
      [9, null, 'risks'],
    ]);
    expect(result.writes[0]!.patch).toEqual({
      title: 'Unfair refusals',
      owner: 'Dana',
      inherentLikelihood: 3,
      inherentImpact: 3,
      status: 'identified',
      treatmentDue: '2026-03-31',
    });
    expect(result.writes[1]!.patch).toMatchObject({ inherentLikelihood: 1, inherentImpact: 2, status: 'treating', treatmentDue: '2026-04-30' });
    expect(result.writes[2]!.patch).toMatchObject({ inherentLikelihood: 0, inherentImpact: 1, treatmentDue: '2026-06-01' });
    // "TBD" is no level name, number or rating word: unmapped, so its row is a problem.
    expect(result.problems.map(shown)).toEqual([{ sheet: 'Risks', row: 8, column: 'Impact', message: '"TBD" is not mapped to a value of Inherent impact' }]);
    expect(result.rowsWithProblems).toBe(1);
    expect(result.skipped).toEqual([
      { row: 6, reason: 'blank' },
      { row: 10, reason: 'blank' },
      { row: 11, reason: 'total' },
      { row: 12, reason: 'total' },
    ]);
  });

  it('a value mapped by hand, or to "leave empty", clears the problem', () => {
    const m = withSuggestions(englishSheet, initialMapping(englishSheet, 'risks'), ctx());
    const impactCol = m.columns.indexOf('inherentImpact');
    const fixed = { ...m, values: m.values.map((v, i) => (i === impactCol ? { ...v, tbd: 4 } : v)) };
    const r = applyMapping(englishSheet, fixed, ctx());
    expect(r.problems.map(shown)).toEqual([]);
    expect(r.writes.find((w) => w.row === 8)!.patch).toMatchObject({ title: 'Data leak', inherentImpact: 4, status: 'closed', treatmentDue: '2026-03-31' });
    const empty = { ...m, values: m.values.map((v, i) => (i === impactCol ? { ...v, tbd: null } : v)) };
    expect(applyMapping(englishSheet, empty, ctx()).writes.find((w) => w.row === 8)!.patch.inherentImpact).toBeUndefined();
  });

  it('keeps Chinese text and maps Chinese values', () => {
    const rows: CellValue[][] = [
      ['风险登记册', null, null, null, null, null],
      ['风险名称', '负责人', '可能性', '影响', '状态', '系统名称'],
      ['模型偏见', '张伟', '高', '中', '进行中', '智能客服、Loan scoring model'],
      ['数据泄露', '李娜', '5', '极高', '未知状态', ''],
      ['合计', null, null, null, null, null],
    ];
    const m = withSuggestions(rows, initialMapping(rows, 'risks'), ctx());
    expect(m.headerRow).toBe(1);
    const r = applyMapping(rows, m, ctx({ sheet: '风险' }));
    expect(r.writes).toHaveLength(1);
    expect(r.writes[0]!.patch).toEqual({
      title: '模型偏见',
      owner: '张伟',
      inherentLikelihood: 3,
      inherentImpact: 2,
      status: 'treating',
      aiSystemIds: ['sys-bot', 'sys-loan'],
    });
    expect(r.problems.map(shown)).toEqual([{ sheet: '风险', row: 4, column: '状态', message: '"未知状态" is not mapped to a value of Status' }]);
    expect(r.skipped).toEqual([{ row: 5, reason: 'total' }]);
  });

  it('needs the title column, and one column per field', () => {
    const rows: CellValue[][] = [
      ['Owner', 'Notes'],
      ['Dana', 'x'],
    ];
    const m: SheetMapping = { register: 'risks', headerRow: 0, columns: ['owner', 'owner'], values: [{}, {}] };
    const r = applyMapping(rows, m, ctx());
    expect(r.writes).toEqual([]);
    expect(r.problems.map((p) => problemText(p))).toEqual([
      'Choose the column that holds the Title.',
      'Risk owner is chosen for two columns (Owner and Notes); keep one.',
    ]);
  });

  it('reports an empty title, bad dates, unknown controls and text that is too long', () => {
    const rows: CellValue[][] = [
      ['Title', 'Due', 'Controls', 'Description'],
      [null, '2026-02-30', 'A.6.2.4', 'ok'],
      ['T2', null, 'A6.2.4; 5.2, A.99.1', 'ok'],
      ['T3', null, 'a.6.2.4、A.9.2', 'x'.repeat(20_001)],
      ['T4', null, 'A 6.2.4', null],
    ];
    const m: SheetMapping = { register: 'risks', headerRow: 0, columns: ['title', 'treatmentDue', 'annexAControls', 'description'], values: [{}, {}, {}, {}] };
    const r = applyMapping(rows, m, ctx());
    expect(r.problems.map(shown)).toEqual([
      { sheet: 'Risks', row: 2, column: 'Due', message: expect.stringContaining('"2026-02-30" is not a date') },
      { sheet: 'Risks', row: 2, column: 'Title', message: 'Title is empty' },
      { sheet: 'Risks', row: 3, column: 'Controls', message: '"A.99.1" is not an Annex A control' },
      { sheet: 'Risks', row: 4, column: 'Description', message: 'the text is 20001 characters; at most 20000 fit' },
    ]);
    expect(r.writes).toEqual([{ sheet: 'risks', row: 5, id: null, patch: { title: 'T4', annexAControls: ['A.6.2.4'] } }]);
  });

  it('builds AI systems, and the plan the spreadsheet import writes', () => {
    const rows: CellValue[][] = [
      ['Name', 'Status', 'In scope', 'Personal data'],
      ['Loan model', 'Live', 'Yes', 'Sensitive'],
      ['客服机器人', '运行中', '是', '个人信息'],
    ];
    const m = withSuggestions(rows, initialMapping(rows, 'aiSystems'), ctx());
    const r = applyMapping(rows, m, ctx({ sheet: 'Inventory' }));
    expect(r.problems.map(shown)).toEqual([]);
    expect(r.writes.map((w) => w.patch)).toEqual([
      { name: 'Loan model', status: 'active', inScope: 'yes', personalData: 'sensitive' },
      { name: '客服机器人', status: 'active', inScope: 'yes', personalData: 'personal' },
    ]);
    const plan = mappingPlan(r, 'aiSystems', 'Inventory');
    expect(plan.parts).toEqual([{ key: 'aiSystems', name: 'Inventory', create: 2, update: 0, unchanged: 0, missing: [], problems: [], warnings: [] }]);
    expect(plan.writes.every((w) => w.id === null && w.sheet === 'aiSystems')).toBe(true);
  });

  it('treats hostile cell texts as plain values', () => {
    const rows: CellValue[][] = [
      ['Title', 'Status'],
      ['a', '__proto__'],
      ['b', 'constructor'],
      ['c', 'toString'],
    ];
    const m = withSuggestions(rows, initialMapping(rows, 'risks'), ctx());
    expect(Object.getPrototypeOf(m.values[1])).toBe(Object.prototype);
    const r = applyMapping(rows, m, ctx());
    expect(r.writes).toEqual([]);
    expect(r.problems.map((p) => problemText(p))).toEqual([
      '"__proto__" is not mapped to a value of Status',
      '"constructor" is not mapped to a value of Status',
      '"toString" is not mapped to a value of Status',
    ]);
  });
});

describe('saved mappings', () => {
  it('are keyed by normalised header, so a re-ordered sheet maps the same', () => {
    const m = withSuggestions(englishSheet, initialMapping(englishSheet, 'risks'), ctx());
    const impactCol = m.columns.indexOf('inherentImpact');
    const edited = { ...m, values: m.values.map((v, i) => (i === impactCol ? { ...v, tbd: 4 } : v)) };
    const saved = toSaved(edited, headerTexts(englishSheet, 3), { id: 'map-1', name: 'Acme register', now: '2026-01-05T09:00:00.000Z' });
    expect(saved.columns).toMatchObject({ no: 'ignore', risktitle: 'title', impact: 'inherentImpact', risklevel: 'ignore' });
    expect(saved.values.impact).toMatchObject({ high: 3, tbd: 4 });
    expect(savedMappingSchema.parse(JSON.parse(JSON.stringify(saved)))).toEqual(saved);

    const next = ['IMPACT', 'Risk-Title', 'Owner', 'Comment'];
    expect(savedMatch(saved, 'risks', next)).toBeCloseTo(3 / 8);
    expect(savedMatch(saved, 'aiSystems', headerTexts(englishSheet, 3))).toBe(0);
    const laid = fromSaved(saved, next, 0, suggestColumns(next, 'risks'), ctx());
    expect(laid.columns).toEqual(['inherentImpact', 'title', 'owner', null]);
    expect(laid.values[0]).toMatchObject({ tbd: 4 });
  });

  it('drop levels and systems this workspace does not have', () => {
    const saved = savedMappingSchema.parse({
      id: 'm',
      name: 'x',
      register: 'risks',
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
      columns: { likelihood: 'inherentLikelihood', system: 'aiSystemIds', old: 'noSuchField' },
      values: { likelihood: { '5': 4, '3': 2, na: null }, system: { bot: 'sys-gone', loan: 'sys-loan' } },
    });
    const laid = fromSaved(saved, ['Likelihood', 'System', 'Old'], 0, [null, null, null], ctx({ matrix: presetMatrix('3x3') }));
    expect(laid.columns).toEqual(['inherentLikelihood', 'aiSystemIds', null]);
    expect(laid.values).toEqual([{ '3': 2, na: null }, { loan: 'sys-loan' }, {}]);
  });
});

describe('foreign spreadsheet files', () => {
  it('imports the English .xlsx register with its title row, blank rows and totals row', async () => {
    const read = await readWorkbook(fixture('risk-register-en.xlsx'), 'risk-register-en.xlsx');
    if (!read.ok) throw new Error('unreadable');
    const sheet = read.sheets[0]!;
    expect(sheet.name).toBe('Risk register');
    const m = withSuggestions(sheet.rows, initialMapping(sheet.rows, 'risks'), ctx());
    expect(m.headerRow).toBe(3);
    expect(m.columns).toEqual([
      null,
      'title',
      'description',
      'owner',
      'inherentLikelihood',
      'inherentImpact',
      null,
      'status',
      'treatment',
      'treatmentDue',
      'aiSystemIds',
    ]);
    const r = applyMapping(sheet.rows, m, ctx({ sheet: sheet.name }));
    expect(r.problems.map(shown)).toEqual([
      { sheet: 'Risk register', row: 6, column: 'AI system', message: '"Support chatbot" is not mapped to a value of AI systems affected (by name)' },
    ]);
    expect(r.writes.map((w) => w.patch.title)).toEqual([
      'Biased credit decisions',
      'Training data includes personal data without a basis',
      'Model drift after the rate change',
      'Vendor model changes without notice',
    ]);
    expect(r.writes.map((w) => w.patch.treatmentDue)).toEqual(['2026-03-31', '2026-05-15', '2026-03-31', undefined]);
    expect(r.writes.map((w) => [w.patch.inherentLikelihood, w.patch.inherentImpact])).toEqual([
      [3, 3],
      [3, 4],
      [1, 2],
      [1, 1],
    ]);
    expect(r.writes.map((w) => w.patch.treatment)).toEqual(['modify', 'avoid', 'retain', 'share']);
    expect(r.writes[0]!.patch.aiSystemIds).toEqual(['sys-loan']);
    expect(r.skipped).toEqual([
      { row: 7, reason: 'blank' },
      { row: 11, reason: 'blank' },
      { row: 12, reason: 'total' },
    ]);
  });

  it('imports the Chinese UTF-8 CSV with a BOM', async () => {
    const read = await readWorkbook(fixture('risk-register-zh.csv'), 'risk-register-zh.csv');
    if (!read.ok) throw new Error('unreadable');
    expect(read.warnings).toEqual([]);
    const rows = read.sheets[0]!.rows;
    expect(rows[0]![0]).toBe('序号');
    const m = withSuggestions(rows, initialMapping(rows, 'risks'), ctx());
    expect(m.columns).toEqual([null, 'title', 'description', 'owner', 'inherentLikelihood', 'inherentImpact', 'status', 'treatmentDue', 'aiSystemIds']);
    const r = applyMapping(rows, m, ctx({ systems: [] }));
    // No AI system exists yet in this workspace: the names are unmapped until mapped or left empty.
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([
      [2, '系统名称'],
      [3, '系统名称'],
      [5, '系统名称'],
    ]);
    const sysCol = m.columns.indexOf('aiSystemIds');
    const noSystems = { ...m, values: m.values.map((v, i) => (i === sysCol ? { 贷款评分模型: null, 智能客服: null } : v)) };
    const ok = applyMapping(rows, noSystems, ctx({ systems: [] }));
    expect(ok.problems).toEqual([]);
    expect(ok.writes.map((w) => w.patch)).toEqual([
      {
        title: '贷款评分模型对部分人群存在偏见',
        description: '模型对某些群体的拒绝率明显更高',
        owner: '信贷部负责人',
        inherentLikelihood: 3,
        inherentImpact: 3,
        status: 'treating',
        treatmentDue: '2026-03-31',
      },
      {
        title: '客服机器人编造费用信息',
        description: '客户根据错误回答做出决定',
        owner: '客服主管',
        inherentLikelihood: 2,
        inherentImpact: 2,
        status: 'identified',
        treatmentDue: '2026-04-15',
      },
      {
        title: '训练数据包含未经授权的个人信息',
        description: '个人信息保护法：缺少处理依据',
        owner: '数据保护官',
        inherentLikelihood: 1,
        inherentImpact: 4,
        status: 'closed',
        treatmentDue: '2026-05-15',
      },
    ]);
    expect(ok.skipped).toEqual([
      { row: 4, reason: 'blank' },
      { row: 6, reason: 'total' },
    ]);
  });

  it('reads the semicolon Windows-1252 CSV: flagged as a guess, é and € intact', async () => {
    const guessed = await readWorkbook(fixture('risk-register-fr-1252.csv'), 'risk-register-fr-1252.csv');
    if (!guessed.ok) throw new Error('unreadable');
    expect(guessed.warnings.map((w) => w.code)).toEqual(['csv-encoding-guessed']);
    const read = await readWorkbook(fixture('risk-register-fr-1252.csv'), 'risk-register-fr-1252.csv', {}, { csvEncoding: 'windows-1252' });
    if (!read.ok) throw new Error('unreadable');
    expect(read.warnings).toEqual([]);
    const rows = read.sheets[0]!.rows;
    const m = withSuggestions(rows, initialMapping(rows, 'risks'), ctx());
    const r = applyMapping(rows, m, ctx());
    expect(r.problems.map(shown)).toEqual([]);
    expect(r.writes.map((w) => w.patch)).toEqual([
      {
        title: 'Biais du modèle de scoring',
        description: 'Refus plus fréquents pour certains profils; coût estimé 50 000 €',
        owner: 'Hélène Garçon',
        inherentLikelihood: 3,
        inherentImpact: 3,
        treatmentDue: '2026-03-31',
      },
      {
        title: 'Fuite de données via le chatbot',
        description: 'Données clients exposées à un tiers (amende jusqu’à 20 M€)',
        owner: 'Stéphane Bérard',
        inherentLikelihood: 1,
        inherentImpact: 4,
        treatmentDue: '2026-04-15',
      },
    ]);
  });

  it('reads the same register saved as UTF-16 with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const utf8 = await readWorkbook(fixture('risk-register-zh.csv'), 'risk-register-zh.csv');
    if (!utf8.ok) throw new Error('unreadable');
    // TextDecoder drops the BOM; Excel writes one, so it goes back in front.
    const text = '\uFEFF' + new TextDecoder().decode(fixture('risk-register-zh.csv')).replaceAll(',', '\t');
    const read = await readWorkbook(new Uint8Array(Buffer.from(text, 'utf16le')), 'risks.txt');
    if (!read.ok) throw new Error('unreadable');
    expect(read.warnings).toEqual([]);
    expect(read.sheets[0]!.rows).toEqual(utf8.sheets[0]!.rows);
  });

  it('imports the AI inventory .ods', async () => {
    const read = await readWorkbook(fixture('ai-inventory.ods'), 'ai-inventory.ods');
    if (!read.ok) throw new Error('unreadable');
    const rows = read.sheets[0]!.rows;
    const m = withSuggestions(rows, initialMapping(rows, 'aiSystems'), ctx());
    expect(m.headerRow).toBe(1);
    expect(m.columns).toEqual(['name', 'purpose', 'owner', 'lifecycleStage', 'status', 'inScope', 'personalData', 'suppliers']);
    const r = applyMapping(rows, m, ctx({ sheet: 'Inventory' }));
    expect(r.problems.map(shown)).toEqual([]);
    expect(r.writes.map((w) => w.patch)).toEqual([
      {
        name: 'Loan scoring model',
        purpose: 'Scores consumer loan applications',
        owner: 'Head of Credit',
        lifecycleStage: 'operation-monitoring',
        status: 'active',
        inScope: 'yes',
        personalData: 'sensitive',
        suppliers: 'In-house',
      },
      {
        name: 'Support chatbot',
        purpose: 'Answers customer questions about fees',
        owner: 'Customer Service Lead',
        lifecycleStage: 'deployment',
        status: 'planned',
        inScope: 'yes',
        personalData: 'personal',
        suppliers: 'ChatVendor Ltd',
      },
      {
        name: '智能客服',
        purpose: '回答客户关于费用的问题',
        owner: '客服主管',
        lifecycleStage: 'design-development',
        status: 'planned',
        inScope: 'undecided',
        personalData: 'unknown',
        suppliers: '国内供应商',
      },
    ]);
  });
});
