// Node-side helpers of the spreadsheet benchmark, untimed: the shape of the app's downloaded
// workbook (what the raw floor must match) and the edited copies a user would bring back.
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/** @typedef {import('../sheets-floor-entry.js').SheetShape} SheetShape */
/** @typedef {{ cells: number, textChars: number, numbers: number }} CellStats */

/**
 * Sheet names, rows (header included), columns and header row of a workbook, and its non-empty
 * cells (with the characters of their text) as SheetJS reads them back.
 * @param {string} path
 * @returns {{ sheets: SheetShape[], cells: CellStats }}
 */
export function workbookShape(path) {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', dense: true });
  const cells = { cells: 0, textChars: 0, numbers: 0 };
  const sheets = wb.SheetNames.map((name) => {
    const rows = /** @type {(string | number | boolean | null)[][]} */ (
      XLSX.utils.sheet_to_json(/** @type {XLSX.WorkSheet} */ (wb.Sheets[name]), { header: 1, defval: null })
    );
    for (const row of rows) {
      for (const c of row) {
        if (c === null || c === undefined || c === '') continue;
        cells.cells += 1;
        if (typeof c === 'string') cells.textChars += c.length;
        else if (typeof c === 'number') cells.numbers += 1;
      }
    }
    return { name, rows: rows.length, cols: Math.max(0, ...rows.map((r) => r.length)), header: rows[0] ?? [] };
  });
  return { sheets, cells };
}

/**
 * Copies of the workbook with `count` cells of one sheet edited as a person would in Excel: half
 * the edits change a title, half an owner, each in its own row, spread evenly over the sheet. The
 * copies edit the same cells with their own tag ("(edited 2)"), so each copy still differs from
 * what the copy before it imported. SheetJS reads and writes the whole file again, as Excel would;
 * number formats are kept, so dates stay dates.
 * @param {string} path
 * @param {{ sheet: string, count: number, outPaths: string[] }} o
 * @returns {{ rows: number[] }[]}  the 1-based rows edited in each copy
 */
export function editedCopies(path, o) {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellNF: true });
  const ws = wb.Sheets[o.sheet];
  if (!ws) throw new Error(`the app's workbook has no sheet "${o.sheet}"`);
  const rows = /** @type {unknown[][]} */ (XLSX.utils.sheet_to_json(ws, { header: 1, defval: null }));
  const header = /** @type {unknown[]} */ (rows[0] ?? []);
  const titleCol = header.indexOf('Title');
  const ownerCol = header.indexOf('Owner');
  if (titleCol < 0 || ownerCol < 0) throw new Error(`the sheet "${o.sheet}" has no Title or Owner column: ${JSON.stringify(header)}`);
  const body = rows.length - 1;
  if (body < o.count) throw new Error(`the sheet "${o.sheet}" has ${body} rows, fewer than the ${o.count} to edit`);
  const step = Math.floor(body / o.count);
  // 0-based sheet rows (row 0 is the header), one edit each.
  const targets = Array.from({ length: o.count }, (_, k) => 1 + k * step);
  const original = targets.map((r) => ({ title: String(rows[r]?.[titleCol] ?? ''), owner: String(rows[r]?.[ownerCol] ?? '') }));
  return o.outPaths.map((out, copy) => {
    targets.forEach((r, k) => {
      const was = /** @type {{ title: string, owner: string }} */ (original[k]);
      const [col, value] = k % 2 === 0 ? [titleCol, `${was.title} (edited ${copy + 1})`] : [ownerCol, `Owner ${copy + 1}-${k}`];
      ws[XLSX.utils.encode_cell({ r, c: col })] = { t: 's', v: value };
    });
    writeFileSync(out, /** @type {Buffer} */ (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true })));
    return { rows: targets.map((r) => r + 1) };
  });
}
