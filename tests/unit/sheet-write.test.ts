import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { sanitizeSheetName, uniqueSheetNames } from '../../src/io/sheets/sheet-names';
import { buildWorkbook, dateToExcelSerial, SheetWriteError, type SheetSpec } from '../../src/io/sheets/sheet-write';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const RISKS: SheetSpec = {
  name: 'Risks',
  header: ['ID', 'Title', 'Score', 'Accepted', 'Due', 'Review serial'],
  rows: [
    ['R-1', '=1+1', 12, true, day(2024, 3, 15), 45366],
    ['R-2', '训练数据偏见风险 — café', 4.5, false, null, null],
    ['R-3', '@SUM(A1:A9)', -3, null, new Date(Date.UTC(2024, 0, 2, 13, 30)), 45000],
  ],
  widths: [10, 42.5, 8],
  autofilter: true,
  dateColumns: [5],
};

/** Cells as SheetJS stores them after reading our bytes back: no formulas evaluated, none hidden. */
async function readBack(bytes: Uint8Array, opts: XLSX.ParsingOptions = {}) {
  return XLSX.read(bytes, { type: 'array', cellFormula: true, cellStyles: true, cellNF: true, ...opts });
}

describe('buildWorkbook', () => {
  it('writes text that looks like a formula as a plain shared-string cell, never a formula', async () => {
    const bytes = await buildWorkbook([RISKS]);
    const ws = (await readBack(bytes)).Sheets.Risks!;
    expect(ws.B2).toMatchObject({ t: 's', v: '=1+1' });
    expect(ws.B2!.f).toBeUndefined();
    expect(ws.B4).toMatchObject({ t: 's', v: '@SUM(A1:A9)' });
    const xml = await new JSZip().loadAsync(bytes).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="B2" t="s">');
  });

  it('types numbers as n and booleans as b', async () => {
    const ws = (await readBack(await buildWorkbook([RISKS]))).Sheets.Risks!;
    expect(ws.C2).toMatchObject({ t: 'n', v: 12 });
    expect(ws.C3).toMatchObject({ t: 'n', v: 4.5 });
    expect(ws.D2).toMatchObject({ t: 'b', v: true });
    expect(ws.D3).toMatchObject({ t: 'b', v: false });
    expect(ws.D4).toBeUndefined();
  });

  it('writes dates as date serials with a yyyy-mm-dd format, and formats the numbers of dateColumns', async () => {
    const ws = (await readBack(await buildWorkbook([RISKS]))).Sheets.Risks!;
    expect(ws.E2).toMatchObject({ t: 'n', v: 45366, z: 'yyyy-mm-dd' });
    expect(ws.E4).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm:ss' });
    expect(ws.F2).toMatchObject({ t: 'n', v: 45366, z: 'yyyy-mm-dd' });
    expect(ws.F1).toMatchObject({ t: 's', v: 'Review serial' });
    const dated = (await readBack(await buildWorkbook([RISKS]), { cellDates: true })).Sheets.Risks!;
    expect(dated.E2).toMatchObject({ t: 'd', v: day(2024, 3, 15) });
    expect(dated.E4).toMatchObject({ t: 'd', v: new Date(Date.UTC(2024, 0, 2, 13, 30)) });
  });

  it('sets the autofilter over header and data, and the column widths', async () => {
    const wb = await readBack(await buildWorkbook([RISKS]));
    const ws = wb.Sheets.Risks!;
    expect(ws['!autofilter']).toEqual({ ref: 'A1:F4' });
    expect(ws['!ref']).toBe('A1:F4');
    expect(ws['!cols']!.slice(0, 3).map((c) => c.wch)).toEqual([10, 42.5, 8]);
    expect(wb.Workbook!.Names).toEqual([expect.objectContaining({ Name: '_xlnm._FilterDatabase', Ref: 'Risks!$A$1:$F$4' })]);
  });

  it('makes the header row bold and frozen, and types dates with the ISO formats in styles.xml', async () => {
    const zip = await new JSZip().loadAsync(await buildWorkbook([RISKS]));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // Header cells use the bold style, body cells not.
    const bold = styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]!.match(/<xf [^>]*\/>/g)!;
    const boldIndex = bold.findIndex((xf) => xf.includes('fontId="1"'));
    expect(styles).toMatch(/<fonts count="2"><font>.*?<\/font><font><b\/>/);
    expect(sheet).toContain(`<c r="A1" s="${boldIndex}" t="s">`);
    expect(sheet).toMatch(/<c r="A2" t="s">/);
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    // Every entry deflated, at a fixed time.
    for (const f of Object.values(zip.files)) expect(f.date.getFullYear()).toBe(1980); // DOS times are local
  });

  it('leaves the autofilter and widths out when not asked for', async () => {
    const ws = (await readBack(await buildWorkbook([{ name: 'Plain', header: ['a'], rows: [['x']] }]))).Sheets.Plain!;
    expect(ws['!autofilter']).toBeUndefined();
    expect(ws['!cols']).toBeUndefined();
  });

  it('round-trips every kind of value through readWorkbook, Chinese text and odd characters included', async () => {
    const rows: SheetSpec['rows'] = [
      ['训练数据偏见风险', 'Modèle — café', '_x0041_ stays', 'ctrl\u0001char', 'two\nlines', '  spaced  '],
      [0, -1.25, 1e-9, true, false, day(2000, 2, 29)],
    ];
    const bytes = await buildWorkbook([{ name: '风险', header: ['a', 'b', 'c', 'd', 'e', 'f'], rows }]);
    const r = await readWorkbook(bytes, 'out.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toEqual([]);
    expect(r.sheets).toEqual([{ name: '风险', clipped: false, rows: [['a', 'b', 'c', 'd', 'e', 'f'], ...rows] }]);
  });

  it('keeps text shaped like OOXML escapes as it is, also where two share an underscore or the X is a capital', async () => {
    const tricky = ['_x0041_x0042_', '_x005F_x0041_', 'A_x0041_x0041_', '_X0041_', '__x0041__', '_x004', 'x_x_'];
    const bytes = await buildWorkbook([{ name: 'T', header: ['t'], rows: tricky.map((v) => [v]) }]);
    const r = await readWorkbook(bytes, 't.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.sheets[0]!.rows.slice(1).map((row) => row[0])).toEqual(tricky);
  });

  it('writes only characters XML can hold, whatever the title or text holds', async () => {
    const bytes = await buildWorkbook([{ name: 'Ctl', header: ['h'], rows: [['a\u0001b\u000bc\uffff']] }], { title: 'Work\u0001space & "co" <x>' });
    const zip = await new JSZip().loadAsync(bytes);
    for (const name of Object.keys(zip.files)) {
      const xml = await zip.file(name)!.async('string');
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    expect((await readBack(bytes)).Props?.Title).toBe('Workspace & "co" <x>');
    const r = await readWorkbook(bytes, 'c.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.sheets[0]!.rows[1]).toEqual(['a\u0001b\u000bc\uffff']);
  });

  it('sanitises sheet names and makes them unique, ignoring case', async () => {
    const names = ['Risks', 'risks', 'A/B:C*?[x]\\', 'An extremely long register name over 31', "'Quoted'", 'History', '  ', '__proto__', "Systèmes d'IA"];
    const specs = names.map((name) => ({ name, header: ['h'], rows: [[name]] }));
    const wb = await readBack(await buildWorkbook(specs));
    expect(wb.SheetNames).toEqual([
      'Risks',
      'risks (2)',
      'A_B_C___x__',
      'An extremely long register name',
      '’Quoted’',
      'History_',
      'Sheet',
      '__proto__',
      'Systèmes d’IA',
    ]);
    for (const n of wb.SheetNames) expect(n.length).toBeLessThanOrEqual(31);
    // Each sheet still holds its own rows (a "__proto__" sheet is an ordinary one).
    const back = await readWorkbook(await buildWorkbook(specs), 'names.xlsx');
    if (!back.ok) throw new Error('refused');
    expect(back.sheets.map((s) => s.rows[1]![0])).toEqual(names);
  });

  it('is deterministic, whatever the clock says, and carries the title', async () => {
    const buildAt = async (now: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      try {
        return await buildWorkbook([RISKS], { title: 'AIMS risks' });
      } finally {
        vi.useRealTimers();
      }
    };
    const a = await buildAt('2024-01-02T03:04:05Z');
    const b = await buildAt('2031-07-08T09:10:11Z');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await readBack(a)).Props?.Title).toBe('AIMS risks');
  });

  it('refuses what Excel cannot hold instead of cutting it', async () => {
    await expect(buildWorkbook([])).rejects.toBeInstanceOf(SheetWriteError);
    const long = { name: 'Risks', header: ['a', 'b'], rows: [['ok', 'x'.repeat(32_768)]] };
    await expect(buildWorkbook([long])).rejects.toThrow('sheet Risks, row 2, column B: 32768 characters');
  });
});

describe('sheet names and date serials', () => {
  it('cuts names without splitting a surrogate pair and removes control characters', () => {
    expect(sanitizeSheetName('a\u0000b\tc')).toBe('abc');
    expect(sanitizeSheetName('x'.repeat(30) + '😀')).toBe('x'.repeat(30));
    expect(uniqueSheetNames(['x'.repeat(40), 'X'.repeat(40)])).toEqual(['x'.repeat(31), 'X'.repeat(27) + ' (2)']);
  });

  it('counts Excel serials from 1899-12-30, with its phantom 1900-02-29', () => {
    expect(dateToExcelSerial(day(1900, 1, 1))).toBe(1);
    expect(dateToExcelSerial(day(1900, 2, 28))).toBe(59);
    expect(dateToExcelSerial(day(1900, 3, 1))).toBe(61);
    expect(dateToExcelSerial(day(2024, 3, 15))).toBe(45366);
    expect(dateToExcelSerial(day(1899, 12, 31))).toBeNull();
    expect(dateToExcelSerial(new Date(Number.NaN))).toBeNull();
  });
});
