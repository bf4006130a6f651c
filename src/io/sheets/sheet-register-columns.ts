import type { Catalog } from '../../domain/catalog-model';
import type { RegisterDecl } from '../../domain/register';
import type { RiskMatrix } from '../../domain/risk-matrix';
import { cellToText, joinList, splitList, type Parsed } from './sheet-cells';
import { computedColumn, fieldColumn, referenceColumn, type SheetColumn } from './sheet-columns';
import { levelNumber, levelText, refused } from './sheet-problem-text';
import type { RegisterSheet, SheetContext, SheetKey } from './sheet-types';

/**
 * A declared register as a sheet: one column per field that declares one, in declaration order,
 * each read and written by its kind (text and choices as labels, ratings by level name,
 * references by name, Annex A controls by number), with each derived value (a rating's level)
 * after the field it follows, read-only. Nothing here names a register's fields.
 */

type Row = Record<string, unknown>;

type Levels = RiskMatrix['probability'];

/** The level `set` reads trimmed, non-empty text as: by name or abbreviation, ignoring case; -1 for none. */
function levelIndex(levels: Levels, text: string): number {
  const lower = text.toLowerCase();
  return levels.findIndex((l) => l.name.toLowerCase() === lower || (l.abbreviation && l.abbreviation.toLowerCase() === lower));
}

/** Per scale (one matrix): for each level, whether `set` reads its own name, as the export writes it, back as that level. */
const levelsReadBack = new WeakMap<Levels, boolean[]>();
function readsBackAsItself(levels: Levels, i: number): boolean {
  let known = levelsReadBack.get(levels);
  if (!known) {
    known = levels.map((l, j) => {
      const text = l.name.trim();
      return text !== '' && levelIndex(levels, text) === j;
    });
    levelsReadBack.set(levels, known);
  }
  return known[i] === true;
}

/** A rating column shows the scale level's name and reads a name (or 1-based number) back. */
function ratingColumn(header: string, key: string, scale: 'probability' | 'impact'): SheetColumn<Row, SheetContext> {
  return {
    header,
    field: key,
    width: 16,
    get: (r, ctx) => {
      const i = r[key];
      return typeof i !== 'number' ? '' : (ctx.matrix[scale][i]?.name ?? levelText(i + 1));
    },
    // The level names, as `set` reads them.
    choices: (ctx) => ctx.matrix[scale].map((l) => l.name),
    // The cell as the export writes it, for a level whose name reads back as that level (anything else: `set`).
    same: (cell, r, ctx) => {
      const i: unknown = r[key];
      if (i === null) return cell === null;
      if (typeof i !== 'number' || typeof cell !== 'string') return false;
      const levels = ctx.matrix[scale];
      return levels[i] !== undefined && cell === levels[i].name && readsBackAsItself(levels, i);
    },
    set: (cell, ctx, record): Parsed<Record<string, unknown>> => {
      const text = cellToText(cell).trim();
      if (!text) return { ok: true, value: { [key]: null } };
      const levels = ctx.matrix[scale];
      const i = levelIndex(levels, text);
      if (i >= 0) return { ok: true, value: { [key]: i } };
      // A stored rating the matrix no longer covers exports as "Level N" (in any language) and must survive a round trip.
      const kept = record ? levelNumber(text) : null;
      if (kept !== null && record && record[key] === kept - 1) return { ok: true, value: {} };
      return refused('not-one-of', { value: text, options: levels.map((l) => l.name) });
    },
  };
}

const normalizeControlId = (s: string) => s.toUpperCase().replace(/^A(?=\d)/, 'A.');

/** Per catalog: whether an id, written in a list cell, reads back by `set` as exactly itself and is an Annex A control. */
const controlReadBack = new WeakMap<Catalog, Map<string, boolean>>();
function controlReadsBack(catalog: Catalog, id: string): boolean {
  let known = controlReadBack.get(catalog);
  if (!known) controlReadBack.set(catalog, (known = new Map()));
  let ok = known.get(id);
  if (ok === undefined) {
    ok = id !== '' && id === id.trim() && !/[;\n]/.test(id) && normalizeControlId(id) === id && catalog.byId.get(id)?.isControl === true;
    known.set(id, ok);
  }
  return ok;
}

const annexAColumn = (header: string, key: string): SheetColumn<Row, SheetContext> => ({
  header,
  field: key,
  width: 30,
  get: (r) => joinList((r[key] as string[] | undefined) ?? []),
  // The cell as the export writes it, for a list of distinct controls that each read back as themselves.
  same: (cell, r, ctx) => {
    const ids: unknown = r[key];
    if (!Array.isArray(ids)) return false;
    if (ids.length === 0) return cell === null;
    if (typeof cell !== 'string') return false;
    for (let i = 0; i < ids.length; i++) {
      const id: unknown = ids[i];
      if (typeof id !== 'string' || ids.indexOf(id) !== i || !controlReadsBack(ctx.catalog, id)) return false;
    }
    return cell === joinList(ids as string[]);
  },
  set: (cell, ctx) => {
    const ids = [...new Set(splitList(cell).map(normalizeControlId))];
    const bad = ids.find((id) => !ctx.catalog.byId.get(id)?.isControl);
    return bad ? refused('not-control', { value: bad }) : { ok: true, value: { [key]: ids } };
  },
});

/** How a reference column finds names: by the register it points into. */
function namesOf(target: string): (ctx: SheetContext) => SheetContext['systems'] {
  if (target === 'aiSystems') return (ctx) => ctx.systems;
  if (target === 'ownControls') return (ctx) => ctx.ownControls;
  throw new Error(`no spreadsheet column for references into ${target}`);
}

/** The columns of a declared register, in declaration order. */
export function registerColumns(decl: Pick<RegisterDecl, 'fields' | 'derived'>): SheetColumn<Row, SheetContext>[] {
  const out: SheetColumn<Row, SheetContext>[] = [];
  for (const f of decl.fields) {
    if (f.column) {
      const v = f.value;
      if (f.readOnly) out.push(computedColumn(f.column, 10, (r) => String(r[f.key] ?? '')));
      else if (v.kind === 'rating') out.push(ratingColumn(f.column, f.key, v.scale));
      else if (v.kind === 'refs' && v.target === 'items') out.push(annexAColumn(f.column, f.key));
      else if (v.kind === 'refs') out.push(referenceColumn<Row, SheetContext>(f.column, f.key, namesOf(v.target)));
      else if (f.input) out.push(fieldColumn<Row, SheetContext>({ key: f.key, label: f.label, column: f.column, ...f.input }));
      else throw new Error(`no spreadsheet column for ${f.key} (${v.kind})`);
    }
    for (const d of decl.derived) if (d.after === f.key && d.column) out.push(computedColumn(d.column, 14, (r, ctx) => d.text(r, ctx.matrix).text));
  }
  return out;
}

/** A declared register's sheet: the record id first, then its columns. */
export function registerSheet(decl: Pick<RegisterDecl, 'fields' | 'derived'>, key: string, name: string): RegisterSheet<Row> {
  return { key: key as SheetKey, name, idHeader: 'Id', idOf: (r) => String(r.id), columns: registerColumns(decl) };
}
