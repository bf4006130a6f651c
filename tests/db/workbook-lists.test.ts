import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { riskRegister } from '../../src/domain/risk-schema';
import { setLocale, tOption, type Locale } from '../../src/i18n/i18n';
import { loadLocaleTables } from '../../src/i18n/locale-tables';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { registerSheets } from '../../src/io/sheets/sheet-registers';
import { sheetContext, type WorkbookData } from '../../src/io/sheets/workbook-data';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import { planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { freshDatabase } from '../support/db';
import { workbookDataOf } from '../support/workbook';

/**
 * The drop-down lists of an exported workbook: every choice and rating column offers exactly the
 * values the import reads back (the labels of the export's language, the matrix's level names), and
 * the workbook still comes back unchanged, hidden list sheet included.
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

async function exportIn(l: Locale, d: WorkbookData): Promise<Uint8Array> {
  await setLocale(l, { remember: false });
  try {
    return await exportWorkbook(d, EXPORTED_AT, '0.1.0');
  } finally {
    await setLocale('en', { remember: false });
  }
}

/** Each sheet's validations by header: the list's values (inline, or read from the hidden sheet's range). */
async function listsOf(bytes: Uint8Array): Promise<Map<string, Map<string, string[]>>> {
  const zip = await new JSZip().loadAsync(bytes);
  const wb = XLSX.read(bytes, { type: 'array' });
  const out = new Map<string, Map<string, string[]>>();
  for (const [i, name] of wb.SheetNames.entries()) {
    const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name]!, { header: 1 })[0] ?? [];
    const byHeader = new Map<string, string[]>();
    for (const m of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*><formula1>(.*?)<\/formula1>/g)) {
      const formula = m[2]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
      let values: string[];
      if (formula.startsWith('"')) values = formula.slice(1, -1).split(',');
      else {
        const [, sheet, range] = /^'?(.*?)'?!(.*)$/.exec(formula)!;
        values = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet!.replace(/''/g, "'")]!, { header: 1, range: range!.replace(/\$/g, '') }).map((r) => r[0]!);
      }
      for (const ref of m[1]!.split(' ')) {
        const col = XLSX.utils.decode_range(ref);
        expect(col.s.r, `${name} ${ref}`).toBe(1);
        expect(col.e.r, `${name} ${ref}`).toBeGreaterThanOrEqual(999);
        byHeader.set(header[col.s.c]!, values);
      }
    }
    if (byHeader.size > 0) out.set(name, byHeader);
  }
  return out;
}

describe('drop-down lists in an exported workbook', () => {
  it('offer the choice labels and level names of the export’s language on choice, rating and yes/no columns only', async () => {
    const d = await workbookDataOf(wsId);
    const en = await listsOf(await exportIn('en', d));
    const status = riskRegister.inputs.find((f) => f.key === 'status')!;
    expect(en.get('Risks')?.get('Status')).toEqual(status.options!.map((o) => tOption(status.optionPrefix!, o)));
    expect(en.get('Risks')?.get('Status')).toContain('Being treated');
    expect(en.get('Risks')?.get('Inherent likelihood')).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(en.get('Statement of Applicability')?.get('Applicable')).toEqual(['Yes', 'No']);
    // Free text, lists of several values and read-only columns have none.
    for (const header of ['Title', 'Description', 'Affected objectives', 'Inherent level', 'AI systems', 'Ref'])
      expect(en.get('Risks')?.has(header), header).toBe(false);
    expect(en.has('About')).toBe(false);

    const zh = await listsOf(await exportIn('zh-CN', d));
    expect(zh.get('风险')?.get('状态')).toEqual(['已识别', '已评估', '处置中', '监视中', '已关闭']);
    expect(zh.get('适用性声明')?.get('适用')).toEqual(['是', '否']);
  });

  it('every value a list offers reads back through the column that offers it, in either language', async () => {
    const d = await workbookDataOf(wsId);
    for (const l of ['en', 'zh-CN'] as const) {
      await setLocale(l, { remember: false });
      const ctx = sheetContext(d);
      for (const sheet of registerSheets) {
        for (const col of sheet.columns) {
          if (!col.choices || !col.set) continue;
          for (const value of col.choices(ctx)) {
            const parsed = col.set(value, ctx, undefined);
            expect(parsed.ok, `${l} ${sheet.name} ${col.header} ${value}`).toBe(true);
          }
        }
      }
    }
  });

  it('a level name with a comma moves its list to the hidden sheet, and the workbook still comes back unchanged', async () => {
    const ws = (await db.workspaces.get(wsId))!;
    const matrix = structuredClone(ws.riskMatrix);
    matrix.probability[1]!.name = 'Unlikely, but seen';
    await db.workspaces.put({ ...ws, riskMatrix: matrix });
    const d = await workbookDataOf(wsId);
    const bytes = await exportIn('en', d);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames.at(-1)).toBe('Lists');
    expect(wb.Workbook?.Sheets?.at(-1)?.Hidden).toBe(1);
    expect((await listsOf(bytes)).get('Risks')?.get('Residual likelihood')).toEqual(['Rare', 'Unlikely, but seen', 'Possible', 'Likely', 'Almost certain']);

    const read = await readWorkbook(bytes, 'workbook.xlsx');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const plan = planWorkbookImport(read.sheets, d);
    expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
    expect(plan.changes).toEqual([]);
    // The export's own list sheet is not reported as a sheet the import ignored.
    expect(plan.ignoredSheets.sort()).toEqual(['About', 'Impact assessments', 'Impacts']);
  });

  it('wraps long text: the risks’ descriptions, not their titles', async () => {
    const bytes = await exportIn('en', await workbookDataOf(wsId));
    const zip = await new JSZip().loadAsync(bytes);
    const wb = XLSX.read(bytes, { type: 'array' });
    const i = wb.SheetNames.indexOf('Risks');
    const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Risks!, { header: 1 })[0]!;
    const styleOf = (h: string) => /style="(\d+)"/.exec(new RegExp(`<col min="${header.indexOf(h) + 1}" [^>]*/>`).exec(xml)![0])?.[1];
    expect(styleOf('Description')).toBe('4');
    expect(styleOf('Title')).toBeUndefined();
  });
});
