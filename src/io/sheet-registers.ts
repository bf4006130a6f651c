import { aiSystemFields, type AiSystem } from '../domain/ai-system-schema';
import { assessmentFields, soaFields, type Assessment } from '../domain/assessment-schema';
import type { Catalog } from '../domain/catalog-model';
import { ownControlFields, type OwnControl } from '../domain/own-control-schema';
import { soaApplicable } from '../domain/progress';
import { levelOf, type RiskMatrix } from '../domain/risk-matrix';
import { acceptanceFields, riskFields, type Risk } from '../domain/risk-schema';
import { refsText, type TreatmentLink } from '../domain/soa-links';
import { cycleKinds, recordLinks, registerOf, type CycleKind, type CycleRecord } from '../domain/cycle/registry';
import { TEXT_MAX, type FieldDef } from '../domain/fields';
import { cellToText, joinList, splitList, type CellValue, type Parsed } from './sheet-cells';
import { computedColumn, fieldColumn, referenceColumn, type SheetColumn } from './sheet-columns';

export interface SheetContext {
  catalog: Catalog;
  matrix: RiskMatrix;
  systems: { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> };
  ownControls: { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> };
  links: ReadonlyMap<string, readonly TreatmentLink[]>;
  /** The controls `links` has an entry for (a risk that is not closed relies on them): what an import needs, far cheaper than the links themselves. */
  treated: ReadonlySet<string>;
  /** The workspace's management-system records, by id and by upper-case ref (each kind has its own prefix; a ref two records share is left out). */
  cycle: { byId: ReadonlyMap<string, { ref: string; kind: CycleKind }>; byRef: ReadonlyMap<string, { id: string; kind: CycleKind }> };
}

/** A management-system register's sheet: `cycle:<kind>`. */
export type CycleSheetKey = `cycle:${CycleKind}`;
export type SheetKey = 'clauses' | 'soa' | 'aiSystems' | 'risks' | 'ownControls' | CycleSheetKey;

export const isCycleSheet = (key: SheetKey): key is CycleSheetKey => key.startsWith('cycle:');
export const cycleKindOf = (key: CycleSheetKey): CycleKind => key.slice('cycle:'.length) as CycleKind;

/**
 * A register as a sheet. `key` is the stable id column: catalog ids for the walkthrough and
 * SoA sheets, record ids (uuids) for the registers; an empty id on import creates a record.
 */
export interface RegisterSheet<R> {
  key: SheetKey;
  name: string;
  idHeader: string;
  idOf(record: R): string;
  columns: SheetColumn<R, SheetContext>[];
  /** At most one record may exist (the scope): a second row that creates one is a problem. */
  singleton?: boolean;
}

type A = Assessment & Record<string, unknown>;
const pick = <K extends string>(fields: readonly { key: K }[], ...keys: K[]) => keys.map((k) => fields.find((f) => f.key === k)! as never);

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
function ratingColumn(header: string, key: 'inherentLikelihood' | 'inherentImpact' | 'residualLikelihood' | 'residualImpact', scale: 'probability' | 'impact'): SheetColumn<Risk & Record<string, unknown>, SheetContext> {
  return {
    header,
    field: key,
    width: 16,
    get: (r, ctx) => {
      const i = r[key];
      return i === null ? '' : (ctx.matrix[scale][i]?.name ?? `Level ${i + 1}`);
    },
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
      // A stored rating the matrix no longer covers exports as "Level N" and must survive a round trip.
      const kept = /^level (\d+)$/i.exec(text);
      if (kept && record && record[key] === Number(kept[1]) - 1) return { ok: true, value: {} };
      return { ok: false, message: `"${text}" is not one of: ${levels.map((l) => l.name).join(', ')}` };
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

const annexAColumn = <R extends { annexAControls: string[] }>(): SheetColumn<R, SheetContext> => ({
  header: 'Annex A controls',
  field: 'annexAControls',
  width: 30,
  get: (r) => joinList(r.annexAControls),
  // The cell as the export writes it, for a list of distinct controls that each read back as themselves.
  same: (cell, r, ctx) => {
    const ids: unknown = r.annexAControls;
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
    return bad ? { ok: false, message: `"${bad}" is not an Annex A control` } : { ok: true, value: { annexAControls: ids } };
  },
});

export const clauseSheet: RegisterSheet<A> = {
  key: 'clauses',
  name: 'Clauses 4-10',
  idHeader: 'Clause',
  idOf: (a) => a.itemId,
  columns: [
    computedColumn('Title', 40, (a, ctx) => ctx.catalog.byId.get(a.itemId)?.title ?? ''),
    ...assessmentFields.map((f) => fieldColumn<A, SheetContext>(f)),
  ],
};

export const soaSheet: RegisterSheet<A> = {
  key: 'soa',
  name: 'Statement of Applicability',
  idHeader: 'Control',
  idOf: (a) => a.itemId,
  columns: [
    computedColumn('Title', 40, (a, ctx) => ctx.catalog.byId.get(a.itemId)?.title ?? ''),
    {
      header: 'Applicable',
      field: 'applicable',
      width: 12,
      get: (a, ctx) => {
        const v = soaApplicable(a, ctx.links.get(a.itemId) ?? []);
        return v === true ? 'Yes' : v === false ? 'No' : '';
      },
      // A decision as the export writes it; an undecided control's "Yes" (which may come from the risks) is left to `set`.
      same: (cell, a) => (a.applicable === true ? cell === 'Yes' : a.applicable === false ? cell === 'No' : a.applicable === null && cell === null),
      set: (cell, ctx, a) => {
        const text = cellToText(cell).trim().toLowerCase();
        // A "Yes" that only comes from the risk register is not a decision of the user's.
        if (text === 'yes' && a?.applicable === null && ctx.treated.has(a.itemId)) return { ok: true, value: {} };
        if (text === 'yes') return { ok: true, value: { applicable: true } };
        if (text === 'no') return { ok: true, value: { applicable: false } };
        if (text === '') return { ok: true, value: { applicable: null } };
        return { ok: false, message: `"${cellToText(cell)}" is not one of: Yes, No (or empty for not decided)` };
      },
    },
    ...soaFields.map((f) => fieldColumn<A, SheetContext>(f)),
    ...assessmentFields.map((f) => fieldColumn<A, SheetContext>(f)),
    computedColumn('Risk treatment', 24, (a, ctx) => refsText(ctx.links.get(a.itemId) ?? [])),
  ],
};

type S = AiSystem & Record<string, unknown>;
export const aiSystemSheet: RegisterSheet<S> = {
  key: 'aiSystems',
  name: 'AI systems',
  idHeader: 'Id',
  idOf: (s) => s.id,
  columns: aiSystemFields.map((f) => fieldColumn<S, SheetContext>(f)),
};

type R = Risk & Record<string, unknown>;
export const riskSheet: RegisterSheet<R> = {
  key: 'risks',
  name: 'Risks',
  idHeader: 'Id',
  idOf: (r) => r.id,
  columns: [
    computedColumn('Ref', 8, (r) => r.ref),
    ...pick(riskFields, 'title', 'description').map((f) => fieldColumn<R, SheetContext>(f)),
    referenceColumn<R, SheetContext>('AI systems', 'aiSystemIds', (ctx) => ctx.systems),
    ...pick(riskFields, 'riskSource', 'riskSourceOther', 'objectives', 'consequenceOrganization', 'consequenceIndividuals', 'consequenceSociety').map((f) => fieldColumn<R, SheetContext>(f)),
    ratingColumn('Inherent likelihood', 'inherentLikelihood', 'probability'),
    ratingColumn('Inherent impact', 'inherentImpact', 'impact'),
    // What evaluateRisk(r, matrix).inherent gives, without the residual level and the flags it also works out.
    computedColumn('Inherent level', 14, (r, ctx) => levelOf(ctx.matrix, r.inherentLikelihood, r.inherentImpact)?.level.name ?? ''),
    ...pick(riskFields, 'owner', 'treatment').map((f) => fieldColumn<R, SheetContext>(f)),
    annexAColumn<R>(),
    referenceColumn<R, SheetContext>('Own controls', 'ownControlIds', (ctx) => ctx.ownControls),
    ...pick(riskFields, 'treatmentPlan', 'treatmentDue').map((f) => fieldColumn<R, SheetContext>(f)),
    ratingColumn('Residual likelihood', 'residualLikelihood', 'probability'),
    ratingColumn('Residual impact', 'residualImpact', 'impact'),
    computedColumn('Residual level', 14, (r, ctx) => levelOf(ctx.matrix, r.residualLikelihood, r.residualImpact)?.level.name ?? ''),
    ...acceptanceFields.map((f) => fieldColumn<R, SheetContext>(f)),
    ...pick(riskFields, 'nextReview', 'status').map((f) => fieldColumn<R, SheetContext>(f)),
  ],
};

type O = OwnControl & Record<string, unknown>;
export const ownControlSheet: RegisterSheet<O> = {
  key: 'ownControls',
  name: 'Own controls',
  idHeader: 'Id',
  idOf: (c) => c.id,
  columns: [...ownControlFields.map((f) => fieldColumn<O, SheetContext>(f)), annexAColumn<O>()],
};

/**
 * The management-system sheets' names: stable English, like the column headers (a workbook edited
 * in any language finds its sheets again). At most 31 characters, none of [ ] : * ? / \.
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
    if (!text) return { ok: false, message: 'a title is required' };
    if (text.length > TEXT_MAX) return { ok: false, message: `the text is ${text.length} characters; at most ${TEXT_MAX} fit` };
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
    return bad ? { ok: false, message: `"${bad}" is not a clause or Annex A control of the catalog (e.g. 9.2.1 or A.6.2.4)` } : { ok: true, value: { itemIds: ids } };
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
  const allowed = kinds.map((k) => cycleSheetNames[k]).join(', ');
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
    show: (value, ctx) => refOf(value, ctx),
    pure: true,
    set: (cell, ctx) => {
      const text = cellToText(cell).trim();
      if (!text) return { ok: true, value: { [key]: null } };
      const hit = ctx.cycle.byRef.get(text.toUpperCase()) ?? (ctx.cycle.byId.has(text) ? { id: text, kind: ctx.cycle.byId.get(text)!.kind } : undefined);
      if (!hit) return { ok: false, message: `"${text}" is not the Ref of a record in the workspace; use the Ref of a row of: ${allowed}` };
      if (!kinds.includes(hit.kind)) return { ok: false, message: `"${text}" is in ${cycleSheetNames[hit.kind]}; use the Ref of a row of: ${allowed}` };
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
      ...def.rows.map((rows) => computedColumn<C, SheetContext>(rows.column, 40, (r) => ((r[rows.key] as Record<string, unknown>[] | undefined) ?? []).map((row) => rows.summary(row)).join('; '))),
    ],
  };
}

/** Every management-system register's sheet, in the clauses' order. */
export const cycleSheets: readonly RegisterSheet<C>[] = cycleKinds.map(cycleSheetOf);
const cycleSheetByKind = new Map(cycleSheets.map((s) => [s.key, s]));
export const cycleSheet = (key: CycleSheetKey): RegisterSheet<C> => cycleSheetByKind.get(key)!;

/** Every sheet an import recognises. */
export const registerSheets: readonly RegisterSheet<Record<string, unknown>>[] = [clauseSheet, soaSheet, aiSystemSheet, riskSheet, ownControlSheet, ...cycleSheets] as never[];

/** The row a record shows as: id first, then every column. */
export function rowOf<T>(sheet: RegisterSheet<T>, record: T, ctx: SheetContext): CellValue[] {
  return [sheet.idOf(record), ...sheet.columns.map((c) => c.get(record, ctx))];
}
