import { hasMessage, locale, tOption } from '../words';
import { optionLabels, sameStrings, stringsState, type StringsState } from './sheet-labels';
import type { Problem } from '../../domain/problem';
import { refused } from './sheet-problem-text';

/** A spreadsheet cell as SheetJS gives it (arrays only, cached values, never formulas). */
export type CellValue = string | number | boolean | Date | null;

/** A cell read, or what is wrong with it: a problem code and its facts, worded where a person reads it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ISO date → Excel serial day number (written as a number cell with a date format). */
export function dateToSerial(iso: string | null): number | null {
  if (!iso) return null;
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000);
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date cell back to YYYY-MM-DD: a serial number, a Date (SheetJS may build it at local or UTC
 * midnight; half a day of slack settles either), or text in ISO form or D/M/Y with a 4-digit year.
 */
export function cellToDate(cell: CellValue): Parsed<string | null> {
  if (cell === null || cell === '') return { ok: true, value: null };
  if (typeof cell === 'number' && Number.isFinite(cell) && cell > 0 && cell < 2_958_466) {
    const d = new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000);
    return { ok: true, value: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
  }
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
    const noon = new Date(cell.getTime() + 12 * 3_600_000);
    const local = iso(cell.getFullYear(), cell.getMonth() + 1, cell.getDate());
    const utc = iso(noon.getUTCFullYear(), noon.getUTCMonth() + 1, noon.getUTCDate());
    return { ok: true, value: cell.getHours() === 0 ? local : utc };
  }
  if (typeof cell === 'string') {
    const s = cell.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) return validDate(+m[1]!, +m[2]!, +m[3]!, cell);
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (m) return validDate(+m[3]!, +m[2]!, +m[1]!, cell);
  }
  return refused('not-date', { value: String(cell) });
}

function validDate(y: number, m: number, d: number, original: CellValue): Parsed<string> {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return refused('not-real-date', { value: String(original) });
  return { ok: true, value: iso(y, m, d) };
}

/** Text as stored: numbers and booleans a spreadsheet produced are turned back into text. */
export function cellToText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const d = cellToDate(cell);
    return d.ok ? (d.value ?? '') : '';
  }
  return String(cell);
}

/** Per language, per prefix: option value → its label (tOption builds a message key per call). */
const labelCache = new Map<string, Map<string, Map<string, string>>>();

/** tOption(prefix, value), remembered per language: a 10,000-risk export asks for the same few labels over and over. */
export function optionLabel(prefix: string, value: string): string {
  let byPrefix = labelCache.get(locale());
  if (!byPrefix) labelCache.set(locale(), (byPrefix = new Map()));
  let labels = byPrefix.get(prefix);
  if (!labels) byPrefix.set(prefix, (labels = new Map()));
  let label = labels.get(value);
  if (label === undefined) {
    label = tOption(prefix, value);
    // Only labels found are kept: before the lazy part of the catalogue loads, a label falls back
    // to the value itself, and that must not stick.
    if (hasMessage(`${prefix}.${value}`)) labels.set(value, label);
  }
  return label;
}

/** Per option list and prefix: the lookup, and the state of the strings it was built from. */
const optionLookups = new WeakMap<readonly string[], Map<string, { state: StringsState; lookup: ReadonlyMap<string, string> }>>();

/**
 * The lookup enumFromCell uses, built once per option list, prefix and set of loaded strings: every
 * option's value and its label in the active language first (in the options' order), then its labels
 * in every other loaded language, which never take a text an earlier entry has. A workbook exported
 * in any language thus reads back, whatever the UI's language now.
 */
function optionLookup(options: readonly string[], prefix: string): ReadonlyMap<string, string> {
  let byPrefix = optionLookups.get(options);
  if (!byPrefix) optionLookups.set(options, (byPrefix = new Map()));
  // Whether the labels have loaded is part of the state: a lookup built from the first screen's
  // strings alone (values only) must not outlive the rest of the catalogue's arrival.
  const probe = `${prefix}.${options[0] ?? ''}`;
  const known = byPrefix.get(prefix);
  if (known && sameStrings(known.state, probe)) return known.lookup;
  const state = stringsState(probe);
  const lookup = new Map<string, string>();
  for (const o of options) {
    for (const k of [o.toLowerCase(), tOption(prefix, o).toLowerCase()]) if (!lookup.has(k)) lookup.set(k, o);
  }
  for (const o of options) for (const label of optionLabels(prefix, o)) if (!lookup.has(label.toLowerCase())) lookup.set(label.toLowerCase(), o);
  byPrefix.set(prefix, { state, lookup });
  return lookup;
}

/** Enum cells carry the label in the export's language; the raw value, a label in any loaded language and any case are accepted back. */
export function enumFromCell<T extends string>(cell: CellValue, options: readonly T[], prefix: string, nullable: boolean): Parsed<T | null> {
  const text = cellToText(cell).trim();
  if (!text) return nullable ? { ok: true, value: null } : refused('value-required', { options: options.map((value) => ({ prefix, value })) });
  // The first option whose value or label matches, in the options' order (a lookup built once).
  const hit = optionLookup(options, prefix).get(text.toLowerCase()) as T | undefined;
  if (hit) return { ok: true, value: hit };
  return refused('not-one-of', { value: text, options: options.map((value) => ({ prefix, value })) });
}

/** Lists travel as "a; b; c". */
export function joinList(values: readonly string[]): string {
  return values.join('; ');
}

export function splitList(cell: CellValue): string[] {
  return cellToText(cell)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Text that differs only in its line breaks: spreadsheet readers give CRLF (and CR) back as LF, so
 * text stored with CRLF (from a CSV or a bundle) would otherwise show as changed on every re-import.
 */
export function sameLines(a: string, b: string): boolean {
  return (a.includes('\r') || b.includes('\r')) && a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}
