import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { loadMessages, setLocale, type Locale } from '../../src/i18n/i18n';
import { loadLocaleTables } from '../../src/i18n/locale-tables';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import { checkWorkbookFile, planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { describeProblem } from '../../src/state/io-messages';
import { freshDatabase } from '../support/db';
import { EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { workbookDataOf } from '../support/workbook';
import { problemText } from '../../src/i18n/problem-text';
import { worded } from '../support/problems';

/**
 * The problems and warnings of a spreadsheet import follow the UI's language, with the cells' own
 * values inside; in English they keep their wording. The Chinese texts are written out, not looked
 * up, so a missing or wrong translation fails.
 */
let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 5, { aiSystems: 3, risks: 8, ownControls: 2, impactAssessments: 1 })).ws.id;
  await loadLocaleTables();
});
afterEach(async () => {
  await setLocale('en', { remember: false });
});

const data = () => workbookDataOf(wsId);

async function inLocale<T>(l: Locale, run: () => Promise<T>): Promise<T> {
  await setLocale(l, { remember: false });
  await loadMessages();
  return run();
}

async function sheetsOf(bytes: Uint8Array) {
  const r = await readWorkbook(bytes, 'workbook.xlsx');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

interface Edit {
  sheet: string;
  row: number;
  column: string;
  /** A new header text (row 1) or a cell value; `copyFromRow` copies that row's cell instead. */
  value?: string;
  copyFromRow?: number;
}

/** Sets cells by sheet, 1-based row and header text, as a person would in Excel. */
function edit(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[e.sheet]!;
    const col = (XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 })[0] as string[]).indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column} in ${e.sheet}`);
    const at = XLSX.utils.encode_cell({ r: e.row - 1, c: col });
    ws[at] = e.copyFromRow ? { ...ws[XLSX.utils.encode_cell({ r: e.copyFromRow - 1, c: col })] } : { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same mistakes in a workbook exported in either language (sheets and headers in that language). */
const mistakes = {
  en: { risks: 'Risks', ai: 'AI systems', id: 'Id', status: 'Status', due: 'Treatment due', description: 'Description' },
  'zh-CN': { risks: '风险', ai: 'AI系统', id: 'ID', status: '状态', due: '处置期限', description: '描述' },
} as const;

async function badWorkbook(l: Locale, d: WorkbookData): Promise<Uint8Array> {
  const bytes = await inLocale(l, () => exportWorkbook(d, EXPORTED_AT, '0.1.0'));
  const m = mistakes[l];
  return edit(bytes, [
    { sheet: m.risks, row: 2, column: m.status, value: 'Very high' },
    { sheet: m.risks, row: 3, column: m.due, value: '2026-02-30' },
    { sheet: m.risks, row: 4, column: m.due, value: 'soon' },
    { sheet: m.risks, row: 5, column: m.id, value: 'no-such-risk' },
    { sheet: m.risks, row: 6, column: m.id, copyFromRow: 7 },
    { sheet: m.risks, row: 1, column: m.description, value: 'Notes 备注' },
    { sheet: m.ai, row: 1, column: m.id, value: 'Kennung' },
  ]);
}

/** "row|column|message" per problem of a part, in order. */
function problemsOf(plan: ReturnType<typeof planWorkbookImport>, key: string): string[] {
  return plan.parts.find((p) => p.key === key)!.problems.map((p) => `${p.row}|${p.field}|${problemText(p)}`);
}

describe('spreadsheet import problems follow the UI language', () => {
  it('in Chinese: choices, dates, unknown and repeated ids, a missing id column, an unknown column', async () => {
    const d = await data();
    const bytes = await badWorkbook('zh-CN', d);
    const duplicated = String(XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets['风险']!, { header: 1 })[6]![0]);
    const plan = await inLocale('zh-CN', async () => planWorkbookImport(await sheetsOf(bytes), d));
    expect(problemsOf(plan, 'risks')).toEqual([
      '2|状态|“Very high”不是以下选项之一：已识别、已评估、处置中、监视中、已关闭',
      '3|处置期限|“2026-02-30”不是有效的日期',
      '4|处置期限|“soon”不是日期（请使用 YYYY-MM-DD 格式）',
      '5|ID|没有 ID 为“no-such-risk”的记录；如需新建记录，请将 ID 留空',
      `7|ID|“${duplicated}”出现在多行中`,
    ]);
    expect(plan.parts.find((p) => p.key === 'risks')!.warnings.map((w) => problemText(w))).toEqual(['无法识别列“Notes 备注”，已忽略']);
    expect(problemsOf(plan, 'aiSystems')).toEqual(['1|ID|缺少 ID 列“ID”']);
  });

  it('in English: the same workbook keeps the existing wording', async () => {
    const d = await data();
    const bytes = await badWorkbook('en', d);
    const duplicated = String(XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets['Risks']!, { header: 1 })[6]![0]);
    const plan = await inLocale('en', async () => planWorkbookImport(await sheetsOf(bytes), d));
    expect(problemsOf(plan, 'risks')).toEqual([
      '2|Status|"Very high" is not one of: Identified, Assessed, Being treated, Monitoring, Closed',
      '3|Treatment due|"2026-02-30" is not a real date',
      '4|Treatment due|"soon" is not a date (use YYYY-MM-DD)',
      '5|Id|no record has the id "no-such-risk"; leave the id empty to create one',
      `7|Id|"${duplicated}" appears on more than one row`,
    ]);
    expect(plan.parts.find((p) => p.key === 'risks')!.warnings.map((w) => problemText(w))).toEqual(['column "Notes 备注" is not known and is ignored']);
    expect(problemsOf(plan, 'aiSystems')).toEqual(['1|Id|the id column "Id" is missing']);
  });

  it('a Chinese UI words problems in Chinese for a workbook exported in English', async () => {
    const d = await data();
    const bytes = await badWorkbook('en', d);
    const plan = await inLocale('zh-CN', async () => planWorkbookImport(await sheetsOf(bytes), d));
    // Sheets keep the file's names; columns are named in the UI's language.
    expect(problemsOf(plan, 'risks')[0]).toBe('2|状态|“Very high”不是以下选项之一：已识别、已评估、处置中、监视中、已关闭');
    expect(problemsOf(plan, 'aiSystems')).toEqual(['1|ID|缺少 ID 列“ID”']);
  });

  it('Clauses, SoA Yes/No and catalog ids in Chinese', async () => {
    const d = await data();
    const bytes = await inLocale('zh-CN', () => exportWorkbook(d, EXPORTED_AT, '0.1.0'));
    const edited = edit(bytes, [
      { sheet: '条款4-10', row: 2, column: '条款', value: 'A.5.2' },
      { sheet: '适用性声明', row: 2, column: '控制', value: '4.1' },
      { sheet: '适用性声明', row: 3, column: '适用', value: 'maybe' },
    ]);
    const plan = await inLocale('zh-CN', async () => planWorkbookImport(await sheetsOf(edited), d));
    expect(problemsOf(plan, 'clauses')).toEqual(['2|条款|“A.5.2”不是第 4–10 章的条款']);
    expect(problemsOf(plan, 'soa')).toEqual(['2|控制|“4.1”不是附录 A 的控制措施', '3|适用|“maybe”不是以下选项之一：是、否（留空表示尚未决定）']);
  });

  it('a required name left empty, in either language', async () => {
    const d = await data();
    for (const [l, sheet, column, message] of [
      ['zh-CN', '自有控制措施', '名称', '2|名称|必须填写此项'],
      ['en', 'Own controls', 'Name', '2|Name|a value is required'],
    ] as const) {
      const bytes = edit(await inLocale(l, () => exportWorkbook(d, EXPORTED_AT, '0.1.0')), [{ sheet, row: 2, column, value: '' }]);
      const plan = await inLocale(l, async () => planWorkbookImport(await sheetsOf(bytes), d));
      expect(problemsOf(plan, 'ownControls')).toEqual([message]);
    }
  });

  it('a rating beyond the matrix exports as "Level N" in the UI language and reads back unchanged in either', async () => {
    const d = await data();
    d.risks[0]!.residualImpact = 9;
    for (const l of ['en', 'zh-CN'] as const) {
      const bytes = await inLocale(l, () => exportWorkbook(d, EXPORTED_AT, '0.1.0'));
      const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets[mistakes[l].risks]!, { header: 1 });
      expect(rows.flat()).toContain(l === 'en' ? 'Level 10' : '等级 10');
      for (const ui of ['en', 'zh-CN'] as const) {
        const plan = await inLocale(ui, async () => planWorkbookImport(await sheetsOf(bytes), d));
        expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
        expect(plan.writes).toEqual([]);
      }
    }
  });
});

describe('a file that cannot be read well follows the UI language', () => {
  const latin1 = new Uint8Array([...new TextEncoder().encode('Id,Title\n,Caf'), 0xe9, ...new TextEncoder().encode('\n')]);

  it('words read problems again once the strings of the UI language are in (the worker reads while they load)', async () => {
    const d = await data();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The file is read at once, still in English; the plan waits for the data and the strings.
    const pending = checkWorkbookFile(
      latin1,
      'latin.csv',
      gate.then(() => d),
    );
    await setLocale('zh-CN', { remember: false });
    release();
    const result = await pending;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map(describeProblem)).toEqual([
      'latin.csv: 文本编码是推测得出的（不是 UTF-8 或 UTF-16，已按 windows-1252（西欧语言）读取：请检查带重音符号的字母）。如果文字显示不正确，请选择编码后重新检查。',
    ]);

    const failed = checkWorkbookFile(new TextEncoder().encode('<html><body>x</body></html>'), 'report.xls', Promise.resolve(d));
    const refused = await failed;
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map(describeProblem)).toEqual([
      'report.xls: 无法将此文件作为电子表格读取：这是 HTML 或 XML 文件，不是电子表格：请另存为 .xlsx 或 .csv。',
    ]);
  });

  it('an unclosed quote and a cut cell in Chinese, in English as before', async () => {
    const csv = new TextEncoder().encode('Id,Title\n,"never closed\n');
    const zh = await inLocale('zh-CN', () => readWorkbook(csv, 'broken.csv'));
    expect(zh.ok && zh.warnings.map(worded)).toEqual([
      {
        code: 'csv-unclosed-quote',
        file: 'broken.csv',
        record: 'broken',
        field: '第 2 行',
        detail: '第 2 行：某个带引号的字段没有闭合，其后的全部内容都读进了同一个单元格',
      },
    ]);
    const long = new TextEncoder().encode(`Id,Title\n,${'x'.repeat(40)}\n`);
    const cut = await inLocale('zh-CN', () => readWorkbook(long, 'long.csv', { maxCellChars: 10 }));
    expect(cut.ok && cut.warnings.map((w) => worded(w).detail)).toEqual(['工作表 long，第 2 行，B 列：共 40 个字符，仅保留了前 10 个']);
    const en = await inLocale('en', () => readWorkbook(csv, 'broken.csv'));
    expect(en.ok && en.warnings.map(worded)).toEqual([
      {
        code: 'csv-unclosed-quote',
        file: 'broken.csv',
        record: 'broken',
        field: 'row 2',
        detail: 'row 2: a quoted field is never closed, so everything after it was read into one cell',
      },
    ]);
  });
});
