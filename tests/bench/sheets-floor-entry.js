// The raw floor for the spreadsheet benchmark: SheetJS alone writing and reading the same number of
// sheets, rows and columns as the app's full workbook, with no app code. Bundled by
// tests/bench/lib/seed-bundle.js into an IIFE (Vite library mode) and evaluated in the app's page;
// everything runs on the page's main thread. Besides SheetJS it holds plain Dexie (to read the
// workspace's records untimed) and the catalog's structure.json (the clause and control ids), both
// data access, not app logic.
//
// The arrays are built from the same generated records the app exports, generically: one row per
// record (or catalog item, or impact), the id first, then the record's own values in their stored
// order (text as text, numbers as numbers, lists joined with "; ", a list of objects as its count,
// housekeeping fields left out), each row then cut or padded with empty cells to the width of the
// app's sheet. The header row is the app's. So the floor writes the app's sheets, rows and columns
// with about the same cells, without the app's wording (labels instead of stored codes, names
// instead of ids, computed levels).
import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import structure from '../../catalog/iso42001/structure.json';

const APP_DB = 'aims-workbench';
/** Not shown in any sheet. */
const HOUSEKEEPING = new Set(['workspaceId', 'createdAt', 'updatedAt']);

/**
 * The management-system registers' sheets (src/io/sheets/sheet-registers.ts cycleSheetNames) by record
 * kind: the floor writes each kind's records there (none in the benchmark's workload).
 */
const CYCLE_SHEETS = {
  issue: 'Context issues',
  party: 'Interested parties',
  scope: 'Scope',
  document: 'Documents',
  raci: 'Roles (RACI)',
  objective: 'AI objectives',
  change: 'Changes',
  competence: 'Competence',
  awareness: 'Awareness',
  communication: 'Communication',
  metric: 'Monitoring metrics',
  audit: 'Internal audits',
  finding: 'Audit findings',
  review: 'Management reviews',
  nonconformity: 'Nonconformities',
  improvement: 'Improvements',
  incident: 'AI incidents',
};

/** @typedef {string | number | boolean | null} Cell */
/** @typedef {{ name: string, rows: number, cols: number, header: Cell[] }} SheetShape */

/** One stored value as one cell. @param {unknown} v @returns {Cell} */
function cellOf(v) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.some((x) => x !== null && typeof x === 'object') ? v.length : v.length ? v.join('; ') : null;
  return JSON.stringify(v);
}

/** A record as a row: id first, then its other values in stored order. @param {Record<string, unknown>} r @param {string} [idKey] @returns {Cell[]} */
function rowOf(r, idKey = 'id') {
  return [
    cellOf(r[idKey]),
    ...Object.entries(r)
      .filter(([k]) => k !== idKey && !HOUSEKEEPING.has(k))
      .map(([, v]) => cellOf(v)),
  ];
}

/** @param {Cell[]} row @param {number} cols */
function fit(row, cols) {
  if (row.length >= cols) return row.slice(0, cols);
  return [...row, ...Array.from({ length: cols - row.length }, () => null)];
}

/**
 * The records behind each of the app's sheets, by sheet name.
 * @param {{ workspace: Record<string, unknown>, assessments: Record<string, unknown>[], aiSystems: Record<string, unknown>[], risks: Record<string, unknown>[], ownControls: Record<string, unknown>[], impactAssessments: Record<string, unknown>[], cycleRecords: Record<string, unknown>[] }} d
 * @returns {Record<string, Cell[][]>}
 */
function bodies(d) {
  const items = /** @type {{ id: string, kind: string }[]} */ (structure.items);
  const answers = new Map(d.assessments.map((a) => [String(a.itemId), a]));
  const catalogRows = (/** @type {string} */ kind) =>
    items
      .filter((i) => i.kind === kind)
      .map((i) => {
        const a = answers.get(i.id);
        return a ? [i.id, ...rowOf(a).slice(1)] : rowOf(/** @type {Record<string, unknown>} */ (i));
      });
  return {
    // The workspace's fields one level deep (profile.organizationName, …), cut to the About sheet's rows.
    About: Object.entries(d.workspace)
      .filter(([k]) => !HOUSEKEEPING.has(k))
      .flatMap(([k, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([k2, v2]) => [`${k}.${k2}`, cellOf(v2)]) : [[k, cellOf(v)]],
      ),
    'Clauses 4-10': catalogRows('clause'),
    'Statement of Applicability': catalogRows('control'),
    'AI systems': d.aiSystems.map((r) => rowOf(r)),
    Risks: d.risks.map((r) => rowOf(r)),
    'Own controls': d.ownControls.map((r) => rowOf(r)),
    'Impact assessments': d.impactAssessments.map((r) => rowOf(r)),
    Impacts: d.impactAssessments.flatMap((a) => /** @type {Record<string, unknown>[]} */ (a.impacts).map((i) => [cellOf(a.id), ...rowOf(i)])),
    ...Object.fromEntries(Object.entries(CYCLE_SHEETS).map(([kind, name]) => [name, d.cycleRecords.filter((r) => r.kind === kind).map((r) => rowOf(r))])),
    // The hidden sheet the app's drop-down lists refer to (choice labels from its declarations, which
    // the floor does not have): filled below with as many short texts as the app's sheet has rows.
    Lists: [],
  };
}

/** @type {{ name: string, aoa: Cell[][] }[] | null} */
let prepared = null;

/**
 * Untimed set-up of the export floor: one Dexie read transaction of the workspace's records (plain
 * Dexie in dynamic mode on the app's database), then the arrays of arrays in the app's shape. Both
 * steps are timed separately, for an info row.
 * @param {string} workspaceId
 * @param {SheetShape[]} shape  the app's workbook: sheet names, rows (header included), columns, header row
 */
async function prepareExport(workspaceId, shape) {
  prepared = null;
  const t0 = performance.now();
  const db = new Dexie(APP_DB);
  /** @type {Parameters<typeof bodies>[0]} */
  let d;
  try {
    await db.open();
    const tables = ['assessments', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'];
    d = await db.transaction('r', ['workspaces', ...tables], async () => {
      const all = /** @type {Record<string, Record<string, unknown>[]>} */ ({});
      for (const t of tables) all[t] = await db.table(t).where('workspaceId').equals(workspaceId).toArray();
      const workspace = await db.table('workspaces').get(workspaceId);
      return /** @type {Parameters<typeof bodies>[0]} */ ({ workspace, ...all });
    });
  } finally {
    db.close();
  }
  const t1 = performance.now();
  const byName = bodies(d);
  /** @type {string[]} */
  const unknown = [];
  const sheets = shape.map((s) => {
    const body = byName[s.name];
    if (!body) {
      unknown.push(s.name);
      return { name: s.name, aoa: [] };
    }
    // About lists the workspace's fields: as many as the app's About sheet has rows.
    const rows = s.name === 'About' ? body.slice(0, s.rows - 1) : s.name === 'Lists' ? Array.from({ length: s.rows - 1 }, (_, i) => [`Value ${i + 1}`]) : body;
    return { name: s.name, aoa: [fit(s.header, s.cols), ...rows.map((r) => fit(r, s.cols))] };
  });
  if (unknown.length) throw new Error(`the sheets floor has no records for the app's sheet(s) ${unknown.map((n) => `"${n}"`).join(', ')}`);
  prepared = sheets;
  return {
    readMs: t1 - t0,
    buildMs: performance.now() - t1,
    sheets: sheets.map((s) => ({ name: s.name, rows: s.aoa.length, cols: Math.max(0, ...s.aoa.map((r) => r.length)) })),
    cells: cellStats(sheets.map((s) => s.aoa)),
  };
}

/** Non-empty cells and the characters of their text, to compare the floor's workbook with the app's. @param {Cell[][][]} sheets */
function cellStats(sheets) {
  let cells = 0;
  let textChars = 0;
  let numbers = 0;
  for (const rows of sheets) {
    for (const row of rows) {
      for (const c of row) {
        if (c === null || c === undefined || c === '') continue;
        cells += 1;
        if (typeof c === 'string') textChars += c.length;
        else if (typeof c === 'number') numbers += 1;
      }
    }
  }
  return { cells, textChars, numbers };
}

/**
 * The export floor, timed: aoa_to_sheet (dense, as the app builds its sheets) per sheet, then one
 * XLSX.write with the app's options (xlsx, shared strings, deflated, and output type 'buffer', which
 * in a browser returns the zip's bytes as SheetJS builds them: 'array' would add a round trip
 * through a binary string the app does not make, so the floor does not either).
 */
function exportFloor() {
  if (!prepared) throw new Error('prepareExport first');
  const t0 = performance.now();
  const wb = XLSX.utils.book_new();
  for (const s of prepared) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.aoa, { dense: true }), s.name);
  const t1 = performance.now();
  const out = /** @type {Uint8Array} */ (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }));
  const t2 = performance.now();
  return { ms: t2 - t0, sheetMs: t1 - t0, writeMs: t2 - t1, bytes: out.byteLength };
}

/** Drops what prepareExport held, so the next measurement starts from a clean heap. */
function releaseExport() {
  prepared = null;
}

/** A file input for the import floor, outside the app's markup; Playwright sets its file. */
function addFileInput() {
  let input = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-sheets-floor-file'));
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-sheets-floor-file';
    input.hidden = true;
    document.body.append(input);
  }
  return '#bench-sheets-floor-file';
}

/**
 * The import floor, timed: the chosen file's bytes, XLSX.read and sheet_to_json(header: 1) of every
 * sheet, both with the options the app reads with (src/io/sheets/sheet-read.ts): dense, cached values only
 * (no formulas, HTML or formatted text), dates as Dates; raw values, blank cells as null, UTC dates.
 */
async function importFloor() {
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-sheets-floor-file'));
  const file = input?.files?.[0];
  if (!file) throw new Error('no file chosen in #bench-sheets-floor-file');
  const t0 = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: true, WTF: false });
  const t1 = performance.now();
  const sheets = wb.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json(/** @type {import('xlsx').WorkSheet} */ (wb.Sheets[name]), {
      header: 1,
      raw: true,
      blankrows: true,
      defval: null,
      UTC: true,
    }),
  }));
  const t2 = performance.now();
  // For an info row only: the same read with SheetJS's default options (it then also formats every
  // cell as text, which neither sheet_to_json(raw) nor the app uses). The file's bytes are read again.
  const t3 = performance.now();
  const again = new Uint8Array(await file.arrayBuffer());
  const wb2 = XLSX.read(again, { type: 'array', dense: true });
  for (const name of wb2.SheetNames) XLSX.utils.sheet_to_json(/** @type {import('xlsx').WorkSheet} */ (wb2.Sheets[name]), { header: 1 });
  const t4 = performance.now();
  return { ms: t2 - t0, readMs: t1 - t0, jsonMs: t2 - t1, defaultsMs: t4 - t3, sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.length })) };
}

Object.assign(window, { __sheetsFloor: { prepareExport, exportFloor, releaseExport, addFileInput, importFloor } });
