import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { worded } from '../support/problems';
import { fromSheetJsError, prepareZip } from '../../src/io/sheets/sheet-container';
import * as sheetGrid from '../../src/io/sheets/sheet-grid';
import { columnLetters } from '../../src/io/sheets/sheet-grid';
import { odsCellEstimate } from '../../src/io/sheets/sheet-ods-guard';
import { readWorkbook, type ReadSheet, type SheetLimits } from '../../src/io/sheets/sheet-read';

const dir = join(__dirname, '../fixtures/sheets');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function read(bytes: Uint8Array, name: string, limits?: Partial<SheetLimits>, opts?: Parameters<typeof readWorkbook>[3]) {
  const r = await readWorkbook(bytes, name, limits, opts);
  if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.problems)}`);
  // Warnings as the page words them.
  return { ...r, warnings: r.warnings.map(worded) };
}
const readFixture = (name: string, limits?: Partial<SheetLimits>, opts?: Parameters<typeof readWorkbook>[3]) => read(fixture(name), name, limits, opts);

async function problemsOf(bytes: Uint8Array, name: string, limits?: Partial<SheetLimits>) {
  const r = await readWorkbook(bytes, name, limits);
  if (r.ok) throw new Error(`${name} was read but should have been refused`);
  return r.problems.map(worded);
}

const sheet = (sheets: ReadSheet[], name: string): ReadSheet => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${sheets.map((x) => x.name).join(', ')}`);
  return s;
};

/** A workbook written by SheetJS at test time, for inputs too big to commit. */
function xlsxOf(sheets: Record<string, XLSX.WorkSheet>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const RISKS = [
  ['ID', 'Title', 'Score', 'Accepted', 'Due'],
  ['R-1', '训练数据偏见风险', 12, true, day(2024, 3, 15)],
  ['R-2', 'Modèle dérivé — café', 4.5, false, day(2025, 1, 31)],
  [null, null, null, null, null],
  ['R-4', '  padded  ', -3, null, null],
];

describe('readWorkbook on valid workbooks', () => {
  it.each(['valid.xlsx', 'valid.ods', 'valid.xls'])('%s: every sheet, typed values, Chinese text, blank row, untrimmed text', async (name) => {
    const r = await readFixture(name);
    expect(r.warnings).toEqual([]);
    expect(r.sheets.map((s) => s.name)).toEqual(['Risks', 'Systems', 'Empty']);
    expect(sheet(r.sheets, 'Risks')).toEqual({ name: 'Risks', rows: RISKS, clipped: false });
    expect(sheet(r.sheets, 'Systems').rows).toEqual([
      ['Name', 'Owner'],
      ['Chatbot', 'Zoë'],
    ]);
    expect(sheet(r.sheets, 'Empty')).toEqual({ name: 'Empty', rows: [], clipped: false });
  });

  describe('in a time zone east of UTC', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it.each(['valid.xlsx', 'valid.ods', 'valid.xls'])('%s: dates keep their calendar day in UTC fields', async (name) => {
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-540);
      const due = (await readFixture(name)).sheets[0]!.rows[1]![4];
      expect(due).toBeInstanceOf(Date);
      expect((due as Date).toISOString()).toBe('2024-03-15T00:00:00.000Z');
    });
  });

  it('reads cached formula values only: no cached value is null, an error is null, text that looks like a formula stays text', async () => {
    const r = await readFixture('formulas.xlsx');
    // A1 =1+1 (cached 2); B1 =SUM(A1:A1)*3 without a cache (6 if it were evaluated);
    // C1 =HYPERLINK(...) cached "Click me"; D1 =1/0 cached #DIV/0!; E1 the text "=1+1".
    expect(r.sheets[0]!.rows).toEqual([[2, null, 'Click me', null, '=1+1']]);
  });

  it('cuts a sheet that declares a huge range to the cells it holds, before SheetJS converts it', async () => {
    const convert = vi.spyOn(sheetGrid, 'toGrid');
    const r = await readFixture('huge-range.xlsx');
    // What was converted, not only what came out: 1 row of 1 cell per sheet, not 50 × 16,384.
    expect(convert.mock.calls.map(([, rows, cols]) => [rows, cols])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    convert.mockRestore();
    // Huge declares A1:XFD1048576, Wide A1:XFD50; each holds one cell.
    expect(sheet(r.sheets, 'Huge')).toEqual({ name: 'Huge', rows: [['only']], clipped: false });
    expect(sheet(r.sheets, 'Wide')).toEqual({ name: 'Wide', rows: [['wide']], clipped: false });
    expect(r.warnings).toEqual([]);
  });

  it('returns rows as arrays and leaves Object.prototype alone whatever the headers and sheet names say', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = await readFixture('proto-headers.xlsx');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rows = sheet(r.sheets, 'Headers').rows;
    expect(rows).toEqual([
      ['__proto__', 'constructor', 'prototype', 'toString'],
      ['{"polluted":true}', 'x', 'y', 'z'],
    ]);
    for (const row of rows) expect(Object.getPrototypeOf(row)).toBe(Array.prototype);
    expect(r.sheets.map((s) => s.name)).toEqual(['Headers', '__proto__', 'constructor']);
    expect(sheet(r.sheets, '__proto__').rows).toEqual([['in __proto__']]);
    expect(sheet(r.sheets, 'constructor').rows).toEqual([['in constructor']]);
  });
});

describe('readWorkbook on CSV', () => {
  it('utf8-bom.csv: quoted line breaks, commas and quotes, Chinese text; named after the file', async () => {
    const r = await readFixture('utf8-bom.csv');
    expect(r.warnings).toEqual([]);
    expect(r.sheets).toEqual([
      {
        name: 'utf8-bom',
        clipped: false,
        rows: [
          ['ID', 'Title', 'Notes'],
          ['R-1', '训练数据偏见风险', 'Line one\r\nline two, with a comma'],
          ['R-2', 'He said "hi"', 'é'],
        ],
      },
    ]);
  });

  it('utf8-nobom-semicolon.csv: semicolons detected, the decimal comma stays text', async () => {
    const r = await readFixture('utf8-nobom-semicolon.csv');
    expect(r.warnings).toEqual([]);
    expect(r.sheets[0]!.rows).toEqual([
      ['ID', 'Titel', 'Bemerkung'],
      ['R-1', '风险', 'café'],
      ['R-2', 'a;b', '3,5'],
    ]);
  });

  it('utf16le-bom.csv: Excel "Unicode text", tab-separated', async () => {
    const r = await readFixture('utf16le-bom.csv');
    expect(r.warnings).toEqual([]);
    expect(r.sheets[0]!.rows).toEqual([
      ['ID', 'Title'],
      ['R-1', '风险 é'],
      ['R-2', 'tab\tinside'],
    ]);
  });

  it('windows-1252.csv: decoded as windows-1252 with a warning the UI turns into a question', async () => {
    const guessed = await readFixture('windows-1252.csv');
    expect(guessed.sheets[0]!.rows).toEqual([
      ['ID', 'Title'],
      ['R-1', 'Café costs €5'],
    ]);
    expect(guessed.warnings).toEqual([expect.objectContaining({ code: 'csv-encoding-guessed', file: 'windows-1252.csv' })]);

    const confirmed = await readFixture('windows-1252.csv', {}, { csvEncoding: 'windows-1252' });
    expect(confirmed.warnings).toEqual([]);
    expect(confirmed.sheets[0]!.rows[1]).toEqual(['R-1', 'Café costs €5']);

    const forcedUtf8 = await readFixture('windows-1252.csv', {}, { csvEncoding: 'utf-8' });
    expect(forcedUtf8.sheets[0]!.rows[1]![1]).toBe('Caf\ufffd costs \ufffd5');
  });

  it('pads rows to one width, reads empty fields as null and takes our own neutralising apostrophe off', async () => {
    const text = "ID,Formula,Note\r\nR-1,'=1+1\r\nR-2,,'hello\r\n,,\r\n";
    const r = await read(new TextEncoder().encode(text), 'export.csv');
    expect(r.sheets[0]!.rows).toEqual([
      ['ID', 'Formula', 'Note'],
      ['R-1', '=1+1', null],
      ['R-2', null, "'hello"],
    ]);
  });

  it('warns about a quote that never closes, with the row', async () => {
    const r = await read(new TextEncoder().encode('a,b\r\nc,"open\r\nd,e\r\n'), 'broken.csv');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'csv-unclosed-quote', file: 'broken.csv', record: 'broken', field: 'row 2' })]);
  });

  it('reads text content named .xls as CSV (old web-app exports), but refuses HTML named .xls', async () => {
    const csv = await read(new TextEncoder().encode('ID;Title\nR-1;风险\n'), 'renamed.xls');
    expect(csv.sheets[0]!.rows).toEqual([
      ['ID', 'Title'],
      ['R-1', '风险'],
    ]);
    const html = new TextEncoder().encode('<html><body><table><tr><td>=1+1</td></tr></table></body></html>');
    expect(await problemsOf(html, 'report.xls')).toEqual([expect.objectContaining({ code: 'sheet-unreadable', file: 'report.xls' })]);
  });

  it('clips rows and columns beyond the limits and says so', async () => {
    const text = Array.from({ length: 10 }, (_, i) => `${i},b,c,d`).join('\n');
    const r = await read(new TextEncoder().encode(text), 'many.csv', { maxRows: 4, maxCols: 2 });
    expect(r.sheets[0]).toEqual({ name: 'many', clipped: true, rows: [0, 1, 2, 3].map((i) => [String(i), 'b']) });
    expect(r.warnings.map((w) => w.code)).toEqual(['sheet-clipped', 'sheet-clipped']);
  });
});

describe('readWorkbook on hostile or broken files', () => {
  it('refuses a file over maxBytes before parsing it', async () => {
    expect(await problemsOf(fixture('valid.xlsx'), 'valid.xlsx', { maxBytes: 1000 })).toEqual([
      { code: 'file-too-large', file: 'valid.xlsx', detail: `${fixture('valid.xlsx').length} bytes, limit 1000` },
    ]);
  });

  it('password-protected.xlsx (an encrypted OLE container) → sheet-password-protected', async () => {
    expect(await problemsOf(fixture('password-protected.xlsx'), 'password-protected.xlsx')).toEqual([
      expect.objectContaining({ code: 'sheet-password-protected', file: 'password-protected.xlsx' }),
    ]);
  });

  it('password-protected.xls (BIFF8 with a FILEPASS record) → sheet-password-protected', async () => {
    expect(await problemsOf(fixture('password-protected.xls'), 'password-protected.xls')).toEqual([
      expect.objectContaining({ code: 'sheet-password-protected', file: 'password-protected.xls' }),
    ]);
  });

  it('maps SheetJS password errors, thrown as Errors or strings, to sheet-password-protected', () => {
    expect(fromSheetJsError(new Error('File is password-protected'), 'a.xls').code).toBe('sheet-password-protected');
    expect(fromSheetJsError('Encryption scheme unsupported', 'a.xls').code).toBe('sheet-password-protected');
    expect(fromSheetJsError('unrecognized version code 3 : 3', 'a.xls')).toMatchObject({ code: 'sheet-unreadable', file: 'a.xls' });
  });

  it('truncated.xlsx → sheet-corrupt naming the damage', async () => {
    const problems = await problemsOf(fixture('truncated.xlsx'), 'truncated.xlsx');
    expect(problems).toEqual([expect.objectContaining({ code: 'sheet-corrupt', file: 'truncated.xlsx' })]);
    expect(problems[0]!.detail).toMatch(/^it ends after \d+ bytes, before its directory and end record$/);
  });

  it('not-a-sheet.xlsx (a PNG) and random bytes → sheet-unreadable', async () => {
    expect(await problemsOf(fixture('not-a-sheet.xlsx'), 'not-a-sheet.xlsx')).toEqual([
      expect.objectContaining({ code: 'sheet-unreadable', file: 'not-a-sheet.xlsx' }),
    ]);
    let seed = 42;
    const noise = Uint8Array.from({ length: 4096 }, () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24);
    expect(await problemsOf(noise, 'noise.xlsx')).toEqual([expect.objectContaining({ code: 'sheet-unreadable', file: 'noise.xlsx' })]);
  });

  it('a damaged OLE file → sheet-corrupt; a zip that is no workbook → sheet-unreadable', async () => {
    const cfb = fixture('valid.xls').slice(0, 600);
    expect(await problemsOf(cfb, 'cut.xls')).toEqual([expect.objectContaining({ code: 'sheet-corrupt' })]);
    const zip = xlsxOf({ S: XLSX.utils.aoa_to_sheet([['x']]) });
    const notWorkbook = await rebuildWithout(zip, 'xl/workbook.xml');
    expect(await problemsOf(notWorkbook, 'odd.xlsx')).toEqual([expect.objectContaining({ code: 'sheet-unreadable', file: 'odd.xlsx' })]);
  });

  it('bomb.xlsx (200 MiB of spaces in sheet1.xml) is refused from its directory, with the zip reader code', async () => {
    const problems = await problemsOf(fixture('bomb.xlsx'), 'bomb.xlsx');
    expect(problems).toEqual([expect.objectContaining({ code: 'ratio-too-high', file: 'bomb.xlsx' })]);
    expect(problems[0]!.detail).toMatch(/^"xl\/worksheets\/sheet1\.xml" declares 209715200 bytes from \d+ compressed \(ratio [\d.]+ to 1, limit 200 to 1\)$/);
  });

  it('a bomb whose headers lie about its size is caught by inflating with caps before SheetJS', async () => {
    const lying = patchDeclaredSize(fixture('bomb.xlsx'), 'xl/worksheets/sheet1.xml', 4096);
    const problems = await problemsOf(lying, 'lying.xlsx');
    expect(problems).toEqual([expect.objectContaining({ code: 'sheet-corrupt', file: 'lying.xlsx' })]);
    expect(problems[0]!.detail).toMatch(/^"xl\/worksheets\/sheet1\.xml" unpacks to more than the 4096 bytes it declares \(stopped after \d+\)$/);
  });
});

describe('ODS repeats and the zip SheetJS gets', () => {
  it('ods-repeats.ods: repeated cells and rows expand, the huge empty repeats LibreOffice writes cost nothing', async () => {
    const r = await readFixture('ods-repeats.ods');
    expect(r.warnings).toEqual([]);
    expect(sheet(r.sheets, 'Risks')).toEqual({
      name: 'Risks',
      clipped: false,
      rows: [
        ['a', 'x', 'x', 'x'],
        ['same', null, null, null],
        ['same', null, null, null],
      ],
    });
    expect(sheet(r.sheets, 'Systems').rows).toEqual([
      ['Name', 'Owner'],
      ['Chatbot', 'Zoë'],
    ]);
  });

  it('ods-repeat-bomb.ods (one value repeated over the whole grid, 3 KB) is refused before SheetJS expands it', async () => {
    expect(await problemsOf(fixture('ods-repeat-bomb.ods'), 'ods-repeat-bomb.ods')).toEqual([
      { code: 'sheet-too-many-cells', file: 'ods-repeat-bomb.ods', detail: `its repeated cells expand to more than ${100_001 * 201} cells` },
    ]);
  });

  it('counts the cells SheetJS would create, from above, however the tags are dressed up', () => {
    const row = (attrs: string, cells: string) => `<table:table-row${attrs}>${cells}</table:table-row>`;
    const full = (attrs: string) => `<table:table-cell${attrs} office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
    expect(odsCellEstimate(row(' table:number-rows-repeated="4"', full(' table:number-columns-repeated="5"')), 1e9)).toBe(20);
    // Self-closing cells are stored once at most, however often they repeat.
    expect(odsCellEstimate(row(' table:number-rows-repeated="1048576"', '<table:table-cell table:number-columns-repeated="16384"/>'), 1e9)).toBe(1);
    // SheetJS reads row repeats with unary plus ("1e6", "Infinity") and column repeats with parseInt.
    expect(odsCellEstimate(row(' table:number-rows-repeated="1e6"', full('')), 1e9)).toBe(1e6);
    expect(odsCellEstimate(row(' table:number-rows-repeated="Infinity"', full('')), 1e9)).toBe(Number.POSITIVE_INFINITY);
    expect(odsCellEstimate(row('', full(' table:number-columns-repeated="7abc"')), 1e9)).toBe(7);
    // Any prefix, SheetJS's "_" suffix rule, UOF's Chinese tag names.
    expect(odsCellEstimate(row(' t:number-rows-repeated_x="9"', full('')).replaceAll('table:', 'x:'), 1e9)).toBe(9);
    expect(odsCellEstimate('<uof:行 uof:number-rows-repeated="3"><uof:数据 number-columns-repeated="2"><p/></uof:数据></uof:行>', 1e9)).toBe(6);
    // A comment cut out of a tag name joins the tag back together, as it does for SheetJS.
    expect(odsCellEstimate(`<table:table-<!-- hidden -->row table:number-rows-repeated="1000">${full('')}</table:table-row>`, 1e9)).toBe(1000);
    // Counting stops once past the limit.
    expect(odsCellEstimate(row(' table:number-rows-repeated="100"', full('')).repeat(10), 250)).toBe(300);
  });

  it('hands SheetJS the checked entries, never the original zip, and reads from them what SheetJS reads from the file', async () => {
    const original = fixture('valid.xlsx');
    const prepared = await prepareZip(original, 'valid.xlsx', 1e6);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    // Every entry, inflated, in the directory's order, as SheetJS's own zip code finds them.
    const theirs = XLSX.CFB.read(original, { type: 'buffer' }) as { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] };
    const files = theirs.FileIndex.flatMap((f, i) =>
      f.type === 2 && !theirs.FullPaths[i]!.includes('\u0001') ? [[theirs.FullPaths[i]!.replace(/^Root Entry\//, ''), f.content] as const] : [],
    );
    expect(prepared.entries.map((e) => e.name)).toEqual(files.map(([name]) => name));
    expect(files.length).toBeGreaterThan(5);
    for (const [i, [, content]] of files.entries()) expect(prepared.entries[i]!.data).toEqual(new Uint8Array(content));
    // The same workbook as SheetJS reads from the file itself, every cell.
    const read = XLSX.read(original, { type: 'array', dense: true, cellDates: true });
    const ours = await readFixture('valid.xlsx');
    expect(ours.sheets.map((x) => x.name)).toEqual(read.SheetNames);
    for (const name of read.SheetNames) {
      const rows = sheet(ours.sheets, name).rows;
      const width = rows[0]?.length ?? 0;
      const theirRows = XLSX.utils.sheet_to_json<unknown[]>(read.Sheets[name]!, { header: 1, raw: true, defval: null, UTC: true });
      expect(rows).toEqual(theirRows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === '' ? null : (r[c] ?? null)))));
    }
  });

  it('refuses zips that are neither OOXML nor ODS (Apple Numbers, a nested Index.zip)', async () => {
    const JSZip = (await import('jszip')).default;
    for (const name of ['Index/Document.iwa', 'Index.zip']) {
      const zip = new JSZip();
      zip.file(name, 'payload', { date: new Date(Date.UTC(2024, 0, 2)) });
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      expect(await problemsOf(bytes, 'x.numbers')).toEqual([
        expect.objectContaining({ code: 'sheet-unreadable', detail: 'a zip archive, but not an .xlsx or .ods workbook' }),
      ]);
    }
  });
});

describe('readWorkbook limits and cell problems', () => {
  it('caps long text at maxCellChars and says sheet, row and column', async () => {
    // SheetJS refuses to write over 32,767 characters (so does Excel); other writers do not.
    const ws = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(ws, [['PLACEHOLDER']], { origin: 'C14' });
    const bytes = await replaceText(xlsxOf({ Risks: ws }), 'PLACEHOLDER', 'x'.repeat(1_000_000));
    const r = await read(bytes, 'long.xlsx');
    const cell = r.sheets[0]!.rows[13]![2];
    expect(typeof cell === 'string' && cell.length).toBe(32_767);
    expect(r.warnings).toEqual([
      {
        code: 'cell-too-long',
        file: 'long.xlsx',
        record: 'Risks',
        field: 'C14',
        detail: 'sheet Risks, row 14, column C: 1000000 characters, only the first 32767 were kept',
      },
    ]);
  });

  it('reports every long cell of a real workbook where it is, and never splits a surrogate pair', async () => {
    const r = await readFixture('valid.xlsx', { maxCellChars: 7 });
    expect(r.warnings.map((w) => `${w.record}!${w.field}`)).toEqual(['Risks!D1', 'Risks!B2', 'Risks!B3', 'Risks!B5']);
    expect(r.sheets[0]!.rows[2]![1]).toBe('Modèle ');
    const emoji = await read(new TextEncoder().encode('😀😀😀'), 'e.csv', { maxCellChars: 3 });
    expect(emoji.sheets[0]!.rows[0]![0]).toBe('😀');
  });

  it('stops listing problems after 100', async () => {
    const text = Array.from({ length: 150 }, () => 'long text').join('\n');
    const r = await read(new TextEncoder().encode(text), 'many.csv', { maxCellChars: 2 });
    expect(r.warnings).toHaveLength(100);
    expect(r.warnings[99]!.code).toBe('too-many-problems');
    expect(r.warnings[98]).toMatchObject({ code: 'cell-too-long', field: 'A99' });
  });

  it('clips sheets to maxRows and maxCols, and workbooks to maxSheets', async () => {
    const r = await readFixture('valid.xlsx', { maxRows: 2, maxCols: 3, maxSheets: 2 });
    expect(r.sheets.map((s) => [s.name, s.clipped])).toEqual([
      ['Risks', true],
      ['Systems', false],
    ]);
    expect(sheet(r.sheets, 'Risks').rows).toEqual([
      ['ID', 'Title', 'Score'],
      ['R-1', '训练数据偏见风险', 12],
    ]);
    expect(r.warnings.map((w) => [w.code, w.record])).toEqual([
      ['too-many-sheets', undefined],
      ['sheet-clipped', 'Risks'],
      ['sheet-clipped', 'Risks'],
    ]);
  });

  it('a real cell in column XFD: the row is cut to maxCols, without walking 16,384 columns per row', async () => {
    const ws: XLSX.WorkSheet = { A1: { t: 's', v: 'first' }, XFD1: { t: 's', v: 'far' }, A2: { t: 'n', v: 2 }, '!ref': 'A1:XFD2' };
    const r = await read(xlsxOf({ Far: ws }), 'far.xlsx');
    const rows = r.sheets[0]!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(200);
    expect(rows[0]![0]).toBe('first');
    expect(r.sheets[0]!.clipped).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'sheet-clipped', detail: 'sheet Far has 16384 columns; only the first 200 were read' })]);
  });

  it('numbers columns as letters', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });
});

/** A copy of a zip with one entry's declared uncompressed size changed in both headers. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const eocd = out.length - 22;
  let pos = view.getUint32(eocd + 16, true);
  const wanted = new TextEncoder().encode(name);
  for (;;) {
    if (view.getUint32(pos, true) !== 0x02014b50) throw new Error(`${name} not in the central directory`);
    const nameLen = view.getUint16(pos + 28, true);
    const entryName = out.subarray(pos + 46, pos + 46 + nameLen);
    if (entryName.length === wanted.length && entryName.every((b, i) => b === wanted[i])) {
      view.setUint32(pos + 24, size, true);
      view.setUint32(view.getUint32(pos + 42, true) + 22, size, true);
      return out;
    }
    pos += 46 + nameLen + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
}

/** A copy of a zip with entries dropped or their text changed. */
async function rezip(zip: Uint8Array, change: (name: string, text: string) => string | null): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const src = await JSZip.loadAsync(zip);
  const dst = new JSZip();
  for (const [name, file] of Object.entries(src.files)) {
    if (file.dir) continue;
    const text = change(name, await file.async('string'));
    if (text !== null) dst.file(name, text, { date: new Date(Date.UTC(2024, 0, 2)) });
  }
  return dst.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const rebuildWithout = (zip: Uint8Array, drop: string) => rezip(zip, (name, text) => (name === drop ? null : text));
const replaceText = (zip: Uint8Array, from: string, to: string) => rezip(zip, (_, text) => text.replace(from, to));

describe('renamed text files', () => {
  it('refuses plain text named .xlsx instead of reading it as CSV', async () => {
    const { readWorkbook } = await import('../../src/io/sheets/sheet-read');
    const r = await readWorkbook(new TextEncoder().encode('this is not a spreadsheet at all'), 'fake.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('sheet-unreadable');
  });
});
