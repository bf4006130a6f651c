import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { applyMapping, initialMapping, type MappingContext } from '../../src/io/mapping/mapping';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import type { CellValue } from '../../src/io/sheets/sheet-cells';

const ctx: MappingContext = { sheet: 'Risks', workspaceId: 'ws-1', matrix: presetMatrix('5x5'), systems: [], controlIds: new Set() };

/** Texts the wizard once changed: a leading tab or carriage return, spaces at either end. */
const TEXTS = ['\t=1+1', '\r=1+1', '  leading/trailing spaces  ', ' -1+2', 'line one\r\nline two\n'];
const header: CellValue[] = ['Title', 'Description', 'Owner'];
const grid: CellValue[][] = [header, ...TEXTS.map((text) => [text, text, text])];

function storedTexts(rows: readonly (readonly CellValue[])[]) {
  const r = applyMapping(rows, initialMapping(rows, 'risks', 0), ctx);
  expect(r.problems).toEqual([]);
  return r.writes.map((w) => w.patch);
}

const expected = TEXTS.map((text) => ({ title: text, description: text, owner: text }));

describe('the mapping wizard keeps text exactly as in the cell', () => {
  it('from a grid of cells', () => {
    expect(storedTexts(grid)).toEqual(expected);
  });

  it('from a foreign CSV file', async () => {
    const quote = (v: CellValue) => `"${String(v).replaceAll('"', '""')}"`;
    const csv = grid.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
    const read = await readWorkbook(new TextEncoder().encode(csv), 'foreign.csv');
    if (!read.ok) throw new Error('unreadable');
    expect(storedTexts(read.sheets[0]!.rows)).toEqual(expected);
  });

  it('from a foreign workbook', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid), 'Risks');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = await readWorkbook(bytes, 'foreign.xlsx');
    if (!read.ok) throw new Error('unreadable');
    // A workbook's reader gives a line break inside a cell as LF (sheet-cells' sameLines): that one is the reader's, not the wizard's.
    expect(storedTexts(read.sheets[0]!.rows)).toEqual(
      expected.map((p, i) =>
        TEXTS[i]!.includes('\r\n')
          ? { title: p.title.replaceAll('\r\n', '\n'), description: p.description.replaceAll('\r\n', '\n'), owner: p.owner.replaceAll('\r\n', '\n') }
          : p,
      ),
    );
  });

  it('leaves a field empty when its cell holds only spaces', () => {
    const r = applyMapping([header, ['T', '   ', '\t']], initialMapping([header], 'risks', 0), ctx);
    expect(r.writes.map((w) => w.patch)).toEqual([{ title: 'T' }]);
  });
});
