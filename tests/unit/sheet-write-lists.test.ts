import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { buildWorkbook, type SheetSpec } from '../../src/io/sheets/sheet-write';
import { fitsInline, INLINE_LIST_MAX } from '../../src/io/sheets/xlsx-validation';

/** Drop-down lists (data validation) and wrapped long text in the workbooks we write. */

const STATUS = ['Open', 'In progress', 'Closed'];
const spec = (over: Partial<SheetSpec> = {}): SheetSpec => ({
  name: 'Risks',
  header: ['Id', 'Title', 'Status', 'Residual status', 'Description'],
  rows: [
    ['r1', 'Bias', 'Open', 'Closed', 'A long text\nover two lines'],
    ['r2', 'Drift', 'Closed', null, null],
  ],
  widths: [10, 20, 14, 14, 50],
  autofilter: true,
  ...over,
});

async function parts(bytes: Uint8Array) {
  const zip = await new JSZip().loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async('string');
  return { zip, text, workbook: await text('xl/workbook.xml'), sheet1: await text('xl/worksheets/sheet1.xml') };
}

const validations = (xml: string) =>
  [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*><formula1>(.*?)<\/formula1><\/dataValidation>/g)].map((m) => ({ sqref: m[1], formula: m[2] }));

describe('drop-down lists', () => {
  it('writes a short list inline, over the data rows and the blank rows below, after the autofilter', async () => {
    const { sheet1, workbook } = await parts(await buildWorkbook([spec({ lists: [{ column: 2, values: STATUS }] })]));
    expect(validations(sheet1)).toEqual([{ sqref: 'C2:C1000', formula: '&quot;Open,In progress,Closed&quot;' }]);
    expect(sheet1).toContain('<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C1000">');
    // Schema order: autoFilter, dataValidations, pageMargins.
    expect(sheet1.indexOf('<autoFilter')).toBeLessThan(sheet1.indexOf('<dataValidations'));
    expect(sheet1.indexOf('<dataValidations')).toBeLessThan(sheet1.indexOf('<pageMargins'));
    expect(workbook).not.toContain('state="hidden"');
  });

  it('reaches 500 rows past the data of a long sheet; columns sharing a list share one validation', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`r${i}`, 'T', 'Open', 'Open', null]);
    const { sheet1 } = await parts(
      await buildWorkbook([
        spec({
          rows,
          lists: [
            { column: 2, values: STATUS },
            { column: 3, values: STATUS },
          ],
        }),
      ]),
    );
    expect(validations(sheet1)).toEqual([{ sqref: 'C2:C1701 D2:D1701', formula: '&quot;Open,In progress,Closed&quot;' }]);
  });

  it('escapes markup in an inline list and in the error message', async () => {
    const { sheet1 } = await parts(
      await buildWorkbook([spec({ lists: [{ column: 2, values: ['R&D', '<none>'] }] })], {
        lists: { message: { title: 'Not "allowed"', text: 'Pick <one>' } },
      }),
    );
    expect(validations(sheet1)[0]!.formula).toBe('&quot;R&amp;D,&lt;none&gt;&quot;');
    expect(sheet1).toContain('errorTitle="Not &quot;allowed&quot;" error="Pick &lt;one&gt;"');
  });

  it('puts a list whose labels have a comma or a quote on a hidden sheet and refers to its range', async () => {
    const values = ['Legal, regulatory', 'Say "no"', 'Other'];
    const bytes = await buildWorkbook([spec({ lists: [{ column: 2, values, label: 'Status' }] })], { lists: { sheetName: 'Lists' } });
    const { workbook, sheet1, text } = await parts(bytes);
    expect(workbook).toMatch(/<sheet name="Lists" sheetId="2" state="hidden" r:id="rId2"\/>/);
    expect(validations(sheet1)).toEqual([{ sqref: 'C2:C1000', formula: 'Lists!$A$2:$A$4' }]);
    expect(await text('xl/worksheets/sheet2.xml')).not.toContain('<dataValidation');
    // The values read back exactly, under the list's label.
    const lists = XLSX.read(bytes, { type: 'array' });
    expect(XLSX.utils.sheet_to_json(lists.Sheets.Lists!, { header: 1 })).toEqual([['Status'], ...values.map((v) => [v])]);
    expect(lists.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 1]);
  });

  it('puts a list longer than 255 characters on the hidden sheet, once for every column and sheet that uses it', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Level name number ${i + 1}`);
    expect(fitsInline(long)).toBe(false);
    const exact = ['x'.repeat(INLINE_LIST_MAX - 2), 'y'];
    expect(exact.join(',').length).toBe(INLINE_LIST_MAX);
    expect(fitsInline(exact)).toBe(true);
    const bytes = await buildWorkbook([
      spec({
        lists: [
          { column: 2, values: long },
          { column: 3, values: exact },
        ],
      }),
      spec({ name: 'Controls', lists: [{ column: 2, values: long }] }),
    ]);
    const { sheet1, text } = await parts(bytes);
    expect(validations(sheet1)).toEqual([
      { sqref: 'C2:C1000', formula: 'Lists!$A$2:$A$31' },
      { sqref: 'D2:D1000', formula: `&quot;${exact.join(',')}&quot;` },
    ]);
    expect(validations(await text('xl/worksheets/sheet2.xml'))).toEqual([{ sqref: 'C2:C1000', formula: 'Lists!$A$2:$A$31' }]);
    const lists = XLSX.read(bytes, { type: 'array' }).Sheets.Lists!;
    expect(lists['!ref']).toBe('A1:A31');
  });

  it('names the hidden sheet apart from a sheet of the same name, and quotes it in the reference', async () => {
    const bytes = await buildWorkbook([spec({ name: 'Lists', lists: [{ column: 2, values: ['a,b'] }] })], { lists: { sheetName: 'Lists' } });
    const { workbook, sheet1 } = await parts(bytes);
    expect(workbook).toContain('<sheet name="Lists (2)" sheetId="2" state="hidden"');
    expect(validations(sheet1)[0]!.formula).toBe("'Lists (2)'!$A$2:$A$2");
  });

  it('still reads back through SheetJS with every value as written', async () => {
    const bytes = await buildWorkbook([spec({ lists: [{ column: 2, values: ['Open, pending', 'Closed'] }], wrapColumns: [4] })]);
    const read = await readWorkbook(bytes, 'lists.xlsx');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.sheets.find((s) => s.name === 'Risks')!.rows).toEqual([spec().header, ...spec().rows]);
  });
});

describe('long text', () => {
  it('wraps the cells of long-text columns below the header, and new cells of the column', async () => {
    const { sheet1, text } = await parts(await buildWorkbook([spec({ wrapColumns: [4] })]));
    const styles = await text('xl/styles.xml');
    const xfs = styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]!.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)!;
    const wrap = xfs.findIndex((xf) => xf.includes('wrapText="1"'));
    expect(wrap).toBeGreaterThan(0);
    expect(sheet1).toContain(`<c r="E2" s="${wrap}" t="s">`);
    expect(sheet1).toMatch(/<c r="E1" s="3" t="s">/);
    expect(sheet1).toMatch(new RegExp(`<col min="5" max="5" width="[0-9.]+" style="${wrap}" customWidth="1"/>`));
    // Other text stays unstyled.
    expect(sheet1).toContain('<c r="B2" t="s">');
  });
});
