import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exactOdsText } from '../../src/io/sheets/sheet-ods-text';
import { readWorkbook } from '../../src/io/sheets/sheet-read';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/sheets', name)));

afterEach(() => vi.restoreAllMocks());

describe('an .ods LibreOffice wrote reads exactly', () => {
  it('libreoffice-text.ods: spaces at either end, literal _x0041_, tabs and line breaks come back as typed, with nothing on the console', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const r = await readWorkbook(fixture('libreoffice-text.ods'), 'libreoffice-text.ods');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.sheets[0]!.name).toBe('AI systems');
    expect(r.sheets[0]!.rows.map((row) => row[1])).toEqual([
      'Name',
      ' lead',
      'trail ',
      '  spaced  ',
      'line \n next ',
      '_x0041_',
      'a&b<c> _x005F_',
      'tab\tx',
      '\tlead tab',
      'x\n\ny',
      'Chatbot 客服',
    ]);
    // SheetJS logs "ODS number format may be incorrect" for LibreOffice's conditional number styles.
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('exactOdsText', () => {
  const cell = (inner: string) => `<table:table-cell office:value-type="string">${inner}</table:table-cell>`;
  const text = (xml: string) => /<text:p>(.*)<\/text:p>/.exec(xml)?.[1];

  it('keeps literal spaces as LibreOffice Calc does, counts <text:s> spaces, and encodes every space and underscore for SheetJS', () => {
    expect(text(exactOdsText(cell('<text:p> a  b_c </text:p>')))).toBe('<text:s/>a<text:s/><text:s/>b_x005F_c<text:s/>');
    expect(text(exactOdsText(cell('<text:p><text:s text:c="3"/>x<text:span text:style-name="T1">y</text:span>&amp;</text:p>')))).toBe(
      '<text:s/><text:s/><text:s/>xy&amp;',
    );
  });

  it("joins a cell's paragraphs into one, keeping a leading empty line, and leaves comments alone", () => {
    const out = exactOdsText(cell('<office:annotation><text:p>note_x</text:p></office:annotation><text:p/><text:p>b</text:p>'));
    expect(out).toContain('<office:annotation><text:p>note_x</text:p></office:annotation>');
    expect(out).toContain('<text:p><text:line-break/>b</text:p>');
  });

  it('drops conditional number styles, which SheetJS logs about and the import never uses', () => {
    expect(exactOdsText('<number:number-style><style:map style:condition="value()&gt;0" style:apply-style-name="N1"/></number:number-style>')).toBe(
      '<number:number-style></number:number-style>',
    );
  });
});
