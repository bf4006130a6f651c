import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutraliseFormula, parseCsv, restoreNeutralised, toCsv, type CsvCell } from '../../src/io/sheets/csv';
import { decodeText } from '../../src/io/text-decode';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('neutraliseFormula and restoreNeutralised', () => {
  // [input, written]: what a spreadsheet would run gets an apostrophe; one plain number does not.
  const cases: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=x', "'\t=x"],
    ['\r=x', "'\r=x"],
    ['\n=x', "'\n=x"],
    ['=HYPERLINK("https://evil.example","Click")', '\'=HYPERLINK("https://evil.example","Click")'],
    ['-', "'-"],
    ['+', "'+"],
    ['-5', '-5'],
    ['-5%', '-5%'],
    ['+5', '+5'],
    ['-3.5e2', '-3.5e2'],
    ['-.5', '-.5'],
    // OWASP: a leading - (or +) before anything but one number is guarded; spreadsheets evaluate these.
    ['-1+2', "'-1+2"],
    ['-1-2', "'-1-2"],
    ['+1-555-0100', "'+1-555-0100"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['+1 (555) 123-4567', "'+1 (555) 123-4567"],
    ['\t-1', "'\t-1"],
    ['\r5', "'\r5"],
    ['-1:1', "'-1:1"],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    [' =1+1', ' =1+1'],
    ["it's", "it's"],
    ["'", "'"],
    // Text that already starts with an apostrophe before a trigger keeps it through the round trip.
    ["'=1+1", "''=1+1"],
    ["''-x", "'''-x"],
    ["'-5", "''-5"],
    ['', ''],
  ];

  it.each(cases)('writes %j as %j', (input, written) => {
    expect(neutraliseFormula(input)).toBe(written);
  });

  it.each(cases)('restores %j exactly', (input) => {
    expect(restoreNeutralised(neutraliseFormula(input))).toBe(input);
  });

  it('restores only an apostrophe that guards a trigger', () => {
    expect(restoreNeutralised("'=1+1")).toBe('=1+1');
    expect(restoreNeutralised("'\t=x")).toBe('\t=x');
    expect(restoreNeutralised("'hello")).toBe("'hello");
    expect(restoreNeutralised("it's")).toBe("it's");
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, quotes only where needed, ISO dates and numbers as they are', () => {
    const csv = toCsv([
      ['ID', 'Title', 'Due', 'Score', 'Done'],
      ['R-1', 'a, b', day(2024, 3, 5), -2.5, true],
      ['R-2', 'say "hi"', null, 0, false],
      ['R-3', 'two\nlines', day(1999, 12, 31), 1e21, null],
    ]);
    expect(csv).toBe(
      '\uFEFFID,Title,Due,Score,Done\r\n' + 'R-1,"a, b",2024-03-05,-2.5,TRUE\r\n' + 'R-2,"say ""hi""",,0,FALSE\r\n' + 'R-3,"two\nlines",1999-12-31,1e+21,\r\n',
    );
  });

  it('neutralises formula-like text in every string cell, and quotes a neutralised value that needs it', () => {
    expect(toCsv([['=1+1', '@SUM(A1)', '-5', '=a,b']], { bom: false })).toBe(`'=1+1,'@SUM(A1),-5,"'=a,b"\r\n`);
  });

  it('uses the semicolon when asked, quoting semicolons but not commas', () => {
    expect(toCsv([['a;b', '3,5']], { delimiter: ';', bom: false })).toBe('"a;b";3,5\r\n');
  });

  it('writes dates by their UTC calendar day and leaves invalid numbers and dates empty', () => {
    expect(toCsv([[new Date('2024-01-31T23:30:00Z'), new Date(Number.NaN), Number.NaN, Number.POSITIVE_INFINITY]], { bom: false })).toBe('2024-01-31,,,\r\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside, CRLF and LF alike', () => {
    const text = 'a,"b,c","say ""hi""","x\r\ny"\r\nd,,"",e\nlast';
    expect(parseCsv(text).rows).toEqual([['a', 'b,c', 'say "hi"', 'x\r\ny'], ['d', '', '', 'e'], ['last']]);
  });

  it('drops a leading BOM, adds no record for a final line end, keeps empty lines in the middle', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\nc,d\r\n').rows).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\uFEFF').rows).toEqual([]);
    expect(parseCsv('a,').rows).toEqual([['a', '']]);
  });

  it('treats a lone CR as a line end (old Mac files)', () => {
    expect(parseCsv('a,b\rc,d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('is lenient like spreadsheet programs: text after a closing quote is kept, a quote inside a field is literal', () => {
    expect(parseCsv('"ab"cd,e"f').rows).toEqual([['abcd', 'e"f']]);
  });

  it('reports an unclosed quote and reads the rest into that field', () => {
    const r = parseCsv('a,b\r\nc,"open\r\nd,e\r\n');
    expect(r.rows).toEqual([
      ['a', 'b'],
      ['c', 'open\r\nd,e\r\n'],
    ]);
    expect(r.openQuoteRow).toBe(2);
    expect(parseCsv('a,"b"').openQuoteRow).toBeUndefined();
  });

  it('names the line where an unclosed quote opens, after records that span lines', () => {
    const r = parseCsv('a,b\r\n"two\nlines",x\r\n"three\r\nlines\rhere",y\nc,"open\nd,e\n');
    expect(r.openQuoteRow).toBe(4);
    expect(r.openQuoteLine).toBe(7);
    expect(parseCsv('a,"b"').openQuoteLine).toBeUndefined();
  });

  it('detects comma, semicolon and tab from the first records, ignoring delimiters inside quotes', () => {
    expect(parseCsv('ID;Titel;Wert\nR-1;"a;b";3,5\n').delimiter).toBe(';');
    expect(parseCsv('ID,Title\nR-1,"x;y;z"\n').delimiter).toBe(',');
    expect(parseCsv('ID\tTitle\tNotes\nR-1\ta, b\tc; d\n').delimiter).toBe('\t');
    expect(parseCsv('just one column\nsecond').delimiter).toBe(',');
    expect(detectDelimiter('"a;b;c;d",x\n"e;f;g;h",y\n')).toBe(',');
  });

  it('uses a given delimiter and stops after maxRows records', () => {
    expect(parseCsv('a;b,c', { delimiter: ',' }).rows).toEqual([['a;b', 'c']]);
    expect(parseCsv('1\n2\n3\n4', { maxRows: 2 }).rows).toEqual([['1'], ['2']]);
  });

  it('takes linear time on hostile input (many quotes, many delimiters, one huge field)', () => {
    const n = 400_000;
    const quotes = '"' + '""'.repeat(n) + '"';
    expect(parseCsv(quotes).rows[0]![0]!.length).toBe(n);
    expect(parseCsv(','.repeat(n)).rows[0]!.length).toBe(n + 1);
    expect(parseCsv('x'.repeat(5_000_000)).rows[0]![0]!.length).toBe(5_000_000);
    expect(parseCsv('"a"b'.repeat(n)).rows[0]![0]!.length).toBeGreaterThan(0);
  });
});

describe('CSV round trip', () => {
  const rows: CsvCell[][] = [
    ['ID', 'Title', 'Notes'],
    ['R-1', '训练数据偏见风险 — café', 'a, b; c\td'],
    ['R-2', 'say "hi"', 'line 1\r\nline 2\nline 3'],
    ['R-3', '=1+1', '@SUM(A1)'],
    ['R-4', "'=already", '\t=x'],
    ['R-5', '', '  spaced  '],
  ];

  it.each([',', ';'] as const)('toCsv → parseCsv → restoreNeutralised gives the text back (delimiter %j)', (delimiter) => {
    const csv = toCsv(rows, { delimiter });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.rows.map((r) => r.map(restoreNeutralised))).toEqual(rows);
  });

  it('survives encoding to UTF-8 bytes and decoding', () => {
    const bytes = new TextEncoder().encode(toCsv(rows));
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', confident: true });
    expect(parseCsv(decoded.text).rows.map((r) => r.map(restoreNeutralised))).toEqual(rows);
  });
});

describe('decodeText', () => {
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

  it('follows a BOM and drops it', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8', confident: true });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le('风险 é')]))).toEqual({ text: '风险 é', encoding: 'utf-16le', confident: true });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be('风险 é')]))).toEqual({ text: '风险 é', encoding: 'utf-16be', confident: true });
  });

  it('reads valid UTF-8 without a BOM, Chinese and accents included', () => {
    expect(decodeText(new TextEncoder().encode('ID;风险;café'))).toEqual({ text: 'ID;风险;café', encoding: 'utf-8', confident: true });
  });

  it('recognises UTF-16 without a BOM from NUL bytes in every other position', () => {
    expect(decodeText(utf16le('ID,Title\r\nR-1,Drift\r\n'))).toMatchObject({ text: 'ID,Title\r\nR-1,Drift\r\n', encoding: 'utf-16le' });
    expect(decodeText(utf16be('ID,Title\r\nR-1,Drift\r\n'))).toMatchObject({ text: 'ID,Title\r\nR-1,Drift\r\n', encoding: 'utf-16be' });
  });

  it('falls back to windows-1252 without confidence when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]); // "Café €5" in windows-1252
    expect(decodeText(bytes)).toEqual({ text: 'Café €5', encoding: 'windows-1252', confident: false });
  });

  it('uses the encoding the user chose', () => {
    const bytes = new TextEncoder().encode('café');
    expect(decodeText(bytes, 'windows-1252')).toEqual({ text: 'cafÃ©', encoding: 'windows-1252', confident: true });
  });
});
