import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { jsonValue, readWorkbook } from '../../src/io/sheets/sheet-read';

/*
 * The grid is read from SheetJS's dense cells in one pass (jsonValue) instead of sheet_to_json's
 * rows and a copy of them: every cell must come out as sheet_to_json gave it with the options the
 * read used before (header: 1, raw, defval null, UTC), date-formatted numbers included.
 */
const dir = join(__dirname, '../fixtures/sheets');
const OPTS = { header: 1, raw: true, blankrows: true, defval: null, UTC: true } as const;
type CellObject = XLSX.CellObject;

/** What sheet_to_json gives for each cell of a dense sheet, beside jsonValue's answer, as comparable text. */
function bothWays(ws: XLSX.WorkSheet): { json: string[]; ours: string[] } {
  const data = (ws as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? [];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, OPTS);
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const show = (v: unknown) => (v instanceof Date ? `date ${v.getTime()}` : `${typeof v} ${String(v)}`);
  const json: string[] = [];
  const ours: string[] = [];
  for (let r = 0; r <= range.e.r; r++)
    for (let c = 0; c <= range.e.c; c++) {
      json.push(`${r},${c}: ${show(rows[r]?.[c] ?? null)}`);
      ours.push(`${r},${c}: ${show(jsonValue(XLSX, data[r]?.[c]) ?? null)}`);
    }
  return { json, ours };
}

describe('jsonValue: a SheetJS cell as sheet_to_json gives it', () => {
  it('every kind of cell, date formats and the 1900 leap day included', () => {
    const cells: (CellObject | undefined)[] = [
      { t: 's', v: 'text' },
      { t: 's', v: '' },
      { t: 's' } as CellObject,
      { t: 'b', v: true },
      { t: 'b', v: false },
      { t: 'n', v: 3.25 },
      { t: 'n', v: 3.25, z: '0.00' },
      { t: 'n', v: 45_000.5, z: 'yyyy-mm-dd hh:mm' },
      { t: 'n', v: 60, z: 'yyyy-mm-dd' },
      { t: 'n', v: 59, z: 'm/d/yy' },
      { t: 'n', v: 61, z: 'd-mmm-yy' },
      { t: 'n', v: 0.5, z: 'h:mm' },
      { t: 'd', v: new Date(Date.UTC(2024, 2, 15)) },
      { t: 'e', v: 7 },
      { t: 'e', v: 0 },
      { t: 'z' },
      { t: 'z', v: 5 } as CellObject,
      {} as CellObject,
      undefined,
    ];
    const ws: XLSX.WorkSheet = { '!data': [cells as CellObject[]], '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: cells.length - 1 } }) };
    const { json, ours } = bothWays(ws);
    expect(ours).toEqual(json);
    // The rule for date-formatted numbers is there: a serial day with a date format is a Date, day 60 a number.
    expect(jsonValue(XLSX, { t: 'n', v: 45_000.5, z: 'yyyy-mm-dd hh:mm' })).toEqual(new Date(Date.UTC(2023, 2, 15, 12)));
    expect(jsonValue(XLSX, { t: 'n', v: 60, z: 'yyyy-mm-dd' })).toBe(60);
  });

  it('an unknown cell type throws, as sheet_to_json does', () => {
    const odd = { t: 'x', v: 1 } as unknown as CellObject;
    const ws: XLSX.WorkSheet = { '!data': [[odd]], '!ref': 'A1' };
    expect(() => XLSX.utils.sheet_to_json(ws, OPTS)).toThrow(/unrecognized type x/);
    expect(() => jsonValue(XLSX, odd)).toThrow(/unrecognized type x/);
  });

  it.each(['valid.xlsx', 'valid.ods', 'valid.xls', 'formulas.xlsx', 'proto-headers.xlsx', 'libreoffice-text.ods', 'ods-repeats.ods'])(
    '%s: every cell of every sheet as sheet_to_json gives it',
    (name) => {
      const wb = XLSX.read(readFileSync(join(dir, name)), {
        type: 'buffer',
        dense: true,
        cellFormula: false,
        cellHTML: false,
        cellText: false,
        cellDates: true,
        WTF: false,
      });
      for (const sheetName of wb.SheetNames) {
        const ws = wb.Sheets[sheetName]!;
        if (!ws['!ref']) continue;
        const { json, ours } = bothWays(ws);
        expect(ours, `${name} / ${sheetName}`).toEqual(json);
      }
    },
  );

  it('a workbook whose numbers carry date formats (read without cellDates would keep them numbers): read as before', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['ID', 'When', 'Amount'],
      ['R-1', 45_000, 1.5],
      ['R-2', 60, 2],
    ]);
    ws['B2']!.z = 'yyyy-mm-dd';
    ws['B3']!.z = 'yyyy-mm-dd';
    ws['C2']!.z = '0.00';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Risks');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await readWorkbook(bytes, 'dates.xlsx');
    if (!r.ok) throw new Error('refused');
    expect(r.sheets[0]!.rows).toEqual([
      ['ID', 'When', 'Amount'],
      ['R-1', new Date(Date.UTC(2023, 2, 15)), 1.5],
      ['R-2', 60, 2],
    ]);
  });
});
