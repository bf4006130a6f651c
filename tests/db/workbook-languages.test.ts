import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { setLocale, tOption, type Locale } from '../../src/i18n/i18n';
import { loadLocaleTables } from '../../src/i18n/locale-tables';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { cycleSheetNames, registerSheets } from '../../src/io/sheets/sheet-registers';
import { exportRegisterCsv, exportTemplate, exportWorkbook } from '../../src/io/sheets/workbook-export';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import { freshDatabase } from '../support/db';
import { EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { workbookDataOf } from '../support/workbook';
import { problemText } from '../../src/i18n/problem-text';

/**
 * Workbooks follow the UI's language (sheet names, headers, choice labels, the About sheet) and read
 * back in any language, whatever the UI's language at import. The Chinese texts below are written
 * out, not looked up, so a missing or wrong translation fails.
 */
let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 21, { aiSystems: 4, risks: 15, ownControls: 3, impactAssessments: 2 })).ws.id;
  await loadLocaleTables();
});
afterEach(async () => {
  await setLocale('en', { remember: false });
});

const data = () => workbookDataOf(wsId);

async function exportIn(l: Locale, d: WorkbookData): Promise<Uint8Array> {
  await setLocale(l, { remember: false });
  try {
    return await exportWorkbook(d, EXPORTED_AT, '0.1.0');
  } finally {
    await setLocale('en', { remember: false });
  }
}

async function sheetsOf(bytes: Uint8Array, name = 'workbook.xlsx') {
  const r = await readWorkbook(bytes, name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

function rowsOf(bytes: Uint8Array, sheet: string): unknown[][] {
  const ws = XLSX.read(bytes, { type: 'array' }).Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
}

/** Sets cells by sheet, 1-based row and header, as a person would in Excel. */
function edit(bytes: Uint8Array, edits: { sheet: string; row: number; column: string; value: string }[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet]!;
    const col = (XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 })[0] as string[]).indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column}`);
    ws[XLSX.utils.encode_cell({ r: e.row - 1, c: col })] = { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const ZH_REGISTER_SHEETS = [
  '条款4-10',
  '适用性声明',
  'AI系统',
  '风险',
  '自有控制措施',
  '内外部问题',
  '相关方',
  '范围',
  '方针和文件',
  '职责矩阵（RACI）',
  'AI目标',
  '变更',
  '能力',
  '意识',
  '沟通',
  '监视指标',
  '内部审核',
  '审核发现',
  '管理评审',
  '不符合项',
  '改进',
  'AI事件',
];

function expectNoDifferences(plan: ReturnType<typeof planWorkbookImport>) {
  expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
  expect(plan.parts.flatMap((p) => p.warnings)).toEqual([]);
  expect(plan.changes).toEqual([]);
  expect(plan.writes).toEqual([]);
  expect(plan.parts.map((p) => p.key).sort()).toEqual(registerSheets.map((s) => s.key).sort());
  expect(plan.parts.find((p) => p.key === 'risks')?.unchanged).toBe(15);
  expect(plan.parts.find((p) => p.key === 'aiSystems')?.unchanged).toBe(4);
}

describe('a workbook exported with the UI in Chinese', () => {
  it('has Chinese sheet names, headers, About sheet and choice labels', async () => {
    const d = await data();
    const bytes = await exportIn('zh-CN', d);
    const names = XLSX.read(bytes, { type: 'array' }).SheetNames;
    expect(names).toEqual(['说明', ...ZH_REGISTER_SHEETS, '影响评估', '影响']);
    const risks = rowsOf(bytes, '风险');
    expect((risks[0] as string[]).slice(0, 5)).toEqual(['ID', '编号', '标题', '描述', 'AI系统']);
    expect(risks[0]).toContain('固有可能性');
    expect(risks[0]).toContain('附录A控制措施');
    const status = (risks[0] as string[]).indexOf('状态');
    const byId = new Map(d.risks.map((r) => [r.id, r]));
    const zhStatus: Record<string, string> = { identified: '已识别', assessed: '已评估', treating: '处置中', monitoring: '监视中', closed: '已关闭' };
    for (const row of risks.slice(1)) expect(row[status]).toBe(zhStatus[byId.get(row[0] as string)!.status]);
    expect((rowsOf(bytes, '适用性声明')[0] as string[]).slice(0, 3)).toEqual(['控制', '标题', '适用']);
    const about = rowsOf(bytes, '说明');
    expect(about[0]).toEqual(['项目', '内容']);
    expect(about.map((r) => r[0])).toEqual(expect.arrayContaining(['工作区', '如何编辑', '重新导入']));
    expect(JSON.stringify(about)).not.toMatch(/How to edit|Re-import/);
    expect(rowsOf(bytes, '影响')[0]).toEqual(expect.arrayContaining(['评估ID', '领域', '严重程度']));
  });

  it('imports back with the UI in English with no differences, and in Chinese too', async () => {
    const d = await data();
    const bytes = await exportIn('zh-CN', d);
    const plan = planWorkbookImport(await sheetsOf(bytes), d);
    expectNoDifferences(plan);
    expect(plan.parts.map((p) => p.name).sort()).toEqual([...ZH_REGISTER_SHEETS].sort());
    expect(plan.ignoredSheets.sort()).toEqual(['影响', '影响评估', '说明'].sort());
    await setLocale('zh-CN', { remember: false });
    expectNoDifferences(planWorkbookImport(await sheetsOf(bytes), d));
  });

  it('with three cells edited (text, a choice by its Chinese label, a SoA decision) gives exactly those three changes', async () => {
    const d = await data();
    const bytes = await exportIn('zh-CN', d);
    const sorted = [...d.risks].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
    const risk3 = sorted[1]!; // row 3
    const newStatus = risk3.status === 'closed' ? 'monitoring' : 'closed';
    const newStatusZh = newStatus === 'closed' ? '已关闭' : '监视中';
    const soaRow = rowsOf(bytes, '适用性声明')[1]!;
    const applicable = soaRow[3] === '否' ? '是' : '否';
    const edited = edit(bytes, [
      { sheet: '风险', row: 3, column: '标题', value: '在Excel中改名' },
      { sheet: '风险', row: 4, column: '状态', value: newStatusZh },
      { sheet: '适用性声明', row: 2, column: '适用', value: applicable },
    ]);
    const plan = planWorkbookImport(await sheetsOf(edited), d);
    expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
    expect(plan.changes.map((c) => `${c.sheet}|${c.row}|${c.column}|${c.to}`).sort()).toEqual(
      ['风险|3|Title|在Excel中改名', `风险|4|Status|${newStatus}`, `适用性声明|2|Applicable|${applicable === '是' ? 'true' : 'false'}`].sort(),
    );
    expect(plan.writes).toHaveLength(3);
    await applyWorkbookPlan(wsId, plan);
    const after = await data();
    expect(after.risks.find((r) => r.id === risk3.id)?.title).toBe('在Excel中改名');
    expect(after.risks.find((r) => r.id === sorted[2]!.id)?.status).toBe(newStatus);
    expect(after.assessments.find((a) => a.itemId === soaRow[0])?.applicable).toBe(applicable === '是');
    // The same file read again, now with the UI in Chinese: nothing left to change, and problems and changes name columns in Chinese.
    await setLocale('zh-CN', { remember: false });
    expect(planWorkbookImport(await sheetsOf(edited), after).writes).toEqual([]);
    const again = planWorkbookImport(await sheetsOf(edit(edited, [{ sheet: '风险', row: 5, column: '状态', value: '不存在' }])), after);
    expect(again.parts.flatMap((p) => p.problems).map((p) => `${p.sheet}|${p.row}|${p.field}`)).toEqual(['风险|5|状态']);
  });

  it('the blank consultant workbook is in Chinese too and reads back', async () => {
    const d = await data();
    await setLocale('zh-CN', { remember: false });
    const bytes = await exportTemplate(d, EXPORTED_AT, '0.1.0');
    await setLocale('en', { remember: false });
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames.slice(1, 3)).toEqual(['条款4-10', '适用性声明']);
    const plan = planWorkbookImport(await sheetsOf(bytes), { ...d, assessments: [], aiSystems: [], risks: [], ownControls: [], cycleRecords: [] });
    expect(plan.parts.map((p) => p.key).sort()).toEqual(registerSheets.map((s) => s.key).sort());
    expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
    expect(plan.writes).toEqual([]);
  });
});

describe('a workbook exported with the UI in English', () => {
  it('writes exactly the headers and sheet names the catalogue lists (none missing, none stale)', async () => {
    const { sheetHeaders } = await import('../../src/i18n/en/sheet-headers');
    const wb = XLSX.read(await exportIn('en', await data()), { type: 'array' });
    const written = new Set<string>();
    for (const name of wb.SheetNames) {
      written.add(`sheetName.${name}`);
      for (const h of XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1 })[0] as string[]) written.add(`sheetCol.${h}`);
    }
    expect([...written].sort()).toEqual(Object.keys(sheetHeaders).sort());
  });

  it('keeps the stable English names and imports back with the UI in Chinese with no differences', async () => {
    const d = await data();
    const bytes = await exportIn('en', d);
    // Last, hidden: the drop-down lists too long for a cell's validation or with a comma in a label (an Annex III area's).
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toEqual([
      'About',
      'Clauses 4-10',
      'Statement of Applicability',
      'AI systems',
      'Risks',
      'Own controls',
      ...Object.values(cycleSheetNames),
      'Impact assessments',
      'Impacts',
      'Lists',
    ]);
    await setLocale('zh-CN', { remember: false });
    expectNoDifferences(planWorkbookImport(await sheetsOf(bytes), d));
  });

  it('a sheet mixing English and Chinese headers is read, and an unknown header still gets its warning', async () => {
    const d = await data();
    const bytes = await exportIn('zh-CN', d);
    const wb = XLSX.read(bytes, { type: 'array' });
    const ws = wb.Sheets['风险']!;
    const header = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 })[0] as string[];
    const rename = (from: string, to: string) => (ws[XLSX.utils.encode_cell({ r: 0, c: header.indexOf(from) })] = { t: 's', v: to });
    rename('标题', 'Title');
    rename('ID', 'Id');
    rename('描述', '备注说明');
    const plan = planWorkbookImport(await sheetsOf(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)), d);
    const risks = plan.parts.find((p) => p.key === 'risks')!;
    expect(risks.warnings.map((w) => problemText(w))).toEqual(['column "备注说明" is not known and is ignored']);
    expect(risks.problems).toEqual([]);
    expect(risks.unchanged).toBe(15);
    expect(plan.writes).toEqual([]);
  });
});

describe('CSV follows the language too', () => {
  it('a register CSV in Chinese has Chinese headers and labels, and reads back in an English UI, found by its columns alone', async () => {
    const d = await data();
    await setLocale('zh-CN', { remember: false });
    const csv = exportRegisterCsv(d, 'risks');
    const status = tOption('risk.statusValue', d.risks[0]!.status);
    await setLocale('en', { remember: false });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['ID', '编号', '标题', '描述']);
    expect(csv).toContain(status);
    expect(status).toMatch(/[\u4e00-\u9fff]/);
    // A file name that names no register: the header row alone tells which one it is.
    const sheets = await sheetsOf(new TextEncoder().encode(csv), '导出.csv');
    const plan = planWorkbookImport(sheets, d);
    expect(plan.parts.map((p) => p.key)).toEqual(['risks']);
    expect(plan.parts[0]!.problems).toEqual([]);
    expect(plan.parts[0]!.warnings).toEqual([]);
    expect(plan.parts[0]!.unchanged).toBe(15);
    expect(plan.writes).toEqual([]);
  });

  it('a management-system register CSV in Chinese round-trips', async () => {
    const d = await data();
    await setLocale('zh-CN', { remember: false });
    const csv = exportRegisterCsv(d, 'cycle:audit');
    await setLocale('en', { remember: false });
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('审核方案');
    const plan = planWorkbookImport(await sheetsOf(new TextEncoder().encode(csv), 'x.csv'), d);
    expect(plan.parts.map((p) => p.key)).toEqual(['cycle:audit']);
    expect(plan.parts[0]!.problems).toEqual([]);
    expect(plan.parts[0]!.unchanged).toBe(d.cycleRecords.filter((r) => r.kind === 'audit').length);
    expect(plan.writes).toEqual([]);
  });
});
