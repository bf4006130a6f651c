import { cycleKinds, recordLinks, registerOf, type CycleKind, type CycleRecord } from '../../domain/cycle/registry';
import { TEXT_MAX, type FieldDef } from '../../domain/fields';
import { cellToText, joinList, splitList } from './sheet-cells';
import { computedColumn, fieldColumn, referenceColumn, type SheetColumn } from './sheet-columns';
import { refused } from './sheet-problem-text';
import type { CycleSheetKey, RegisterSheet, SheetContext } from './sheet-types';

/** The management-system registers as sheets, built from their declarations (no per-register code). */

/**
 * The management-system sheets' names: stable English, like the column headers; an export writes
 * their translation (sheet-labels.ts) and an import recognises either. At most 31 characters, none
 * of [ ] : * ? / \ (the translations too).
 */
export const cycleSheetNames: Record<CycleKind, string> = {
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

/** Headers of the columns that link one record to another (recordLinks), by the linking field. */
const linkHeaders: Record<string, string> = { auditId: 'Audit', sourceId: 'Source record' };
const linkHeader = (key: string) => linkHeaders[key] ?? `${key.replace(/Id$/, '').replace(/^./, (c) => c.toUpperCase())} (ref)`;

type C = CycleRecord & Record<string, unknown>;

/** Title: required, trimmed (as the record stores it). */
const titleColumn: SheetColumn<C, SheetContext> = {
  header: 'Title',
  field: 'title',
  width: 40,
  get: (r) => r.title,
  pure: true,
  same: (cell, r) => typeof cell === 'string' && cell === r.title,
  set: (cell) => {
    const text = cellToText(cell).trim();
    if (!text) return refused('title-required');
    if (text.length > TEXT_MAX) return refused('too-long', { length: text.length, max: TEXT_MAX });
    return { ok: true, value: { title: text } };
  },
};

/** Catalog items: "4.1; A.6.2.4", any assessable clause or control, in the order given. */
const itemsColumn: SheetColumn<C, SheetContext> = {
  header: 'Clauses and controls',
  field: 'itemIds',
  width: 30,
  get: (r) => joinList(r.itemIds),
  pure: true,
  same: (cell, r) => (r.itemIds.length === 0 ? cell === null : typeof cell === 'string' && cell === joinList(r.itemIds)),
  set: (cell, ctx) => {
    const ids = [...new Set(splitList(cell).map((s) => s.toUpperCase().replace(/^A(?=\d)/, 'A.')))];
    const bad = ids.find((id) => !ctx.catalog.byId.get(id)?.assessable);
    return bad ? refused('not-catalog-item', { value: bad }) : { ok: true, value: { itemIds: ids } };
  },
};

/**
 * A required choice left empty in a new row keeps the register's default (a new nonconformity is
 * "Open"), as a record created in the app does; in an existing row an empty cell is still a problem.
 * It reads the record, so it is not pure.
 */
function defaultOnCreate(col: SheetColumn<C, SheetContext>): SheetColumn<C, SheetContext> {
  const set = col.set!;
  return { ...col, pure: false, set: (cell, ctx, record) => (!record && cellToText(cell).trim() === '' ? { ok: true, value: {} } : set(cell, ctx, record)) };
}

/** A link to another management-system record, shown and set by its ref ("IA-001"); empty clears it. */
function linkColumn(key: string, kinds: readonly CycleKind[]): SheetColumn<C, SheetContext> {
  // The sheets' names as the UI's language writes them (only problems need them).
  const allowed = () => kinds.map((k) => ({ prefix: 'sheetName', value: cycleSheetNames[k] }));
  // The target's ref when it reads back as that record; otherwise (gone, or a ref two records share) its id.
  const refOf = (id: unknown, ctx: SheetContext) => {
    if (typeof id !== 'string' || !id) return '';
    const ref = ctx.cycle.byId.get(id)?.ref;
    return ref && ctx.cycle.byRef.get(ref.toUpperCase())?.id === id ? ref : id;
  };
  return {
    header: linkHeader(key),
    field: key,
    width: 14,
    get: (r, ctx) => refOf(r[key], ctx),
    pure: true,
    set: (cell, ctx) => {
      const text = cellToText(cell).trim();
      if (!text) return { ok: true, value: { [key]: null } };
      const hit = ctx.cycle.byRef.get(text.toUpperCase()) ?? (ctx.cycle.byId.has(text) ? { id: text, kind: ctx.cycle.byId.get(text)!.kind } : undefined);
      if (!hit) return refused('ref-unknown', { value: text, sheets: allowed() });
      if (!kinds.includes(hit.kind))
        return refused('ref-elsewhere', { value: text, sheet: { prefix: 'sheetName', value: cycleSheetNames[hit.kind] }, sheets: allowed() });
      return { ok: true, value: { [key]: hit.id } };
    },
  };
}

/**
 * One management-system register as a sheet, built from its declaration alone: Ref (read-only:
 * the app assigns refs), Title, Owner, every declared field, the catalog items, the AI systems
 * (kinds that name them), the links to other records by ref, and a read-only summary per nested
 * list (readings, checklist rows …), which sheets never edit.
 */
export function cycleSheetOf(kind: CycleKind): RegisterSheet<C> {
  const def = registerOf(kind);
  const ownerField: FieldDef = { key: 'owner', kind: 'text', label: 'cycle.field.owner', column: 'Owner', maxLength: TEXT_MAX };
  return {
    key: `cycle:${kind}`,
    name: cycleSheetNames[kind],
    idHeader: 'Id',
    idOf: (r) => r.id,
    singleton: def.singleton,
    columns: [
      computedColumn('Ref', 10, (r) => r.ref),
      titleColumn,
      fieldColumn<C, SheetContext>(ownerField),
      ...def.fields.map((f) => (f.kind === 'enum' && !f.nullable ? defaultOnCreate(fieldColumn<C, SheetContext>(f)) : fieldColumn<C, SheetContext>(f))),
      itemsColumn,
      ...(def.extraKeys.includes('aiSystemIds') ? [referenceColumn<C, SheetContext>('AI systems', 'aiSystemIds', (ctx) => ctx.systems)] : []),
      ...(recordLinks[kind] ?? []).map((l) => linkColumn(l.key, l.kinds)),
      ...def.rows.map((rows) =>
        computedColumn<C, SheetContext>(rows.column, 40, (r) =>
          ((r[rows.key] as Record<string, unknown>[] | undefined) ?? []).map((row) => rows.summary(row)).join('; '),
        ),
      ),
    ],
  };
}

/** Every management-system register's sheet, in the clauses' order. */
export const cycleSheets: readonly RegisterSheet<C>[] = cycleKinds.map(cycleSheetOf);
const cycleSheetByKind = new Map(cycleSheets.map((s) => [s.key, s]));
export const cycleSheet = (key: CycleSheetKey): RegisterSheet<C> => cycleSheetByKind.get(key)!;
