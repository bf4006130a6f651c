import { aiSystemFields, type AiSystem } from '../domain/ai-system-schema';
import { assessmentFields, soaFields, type Assessment } from '../domain/assessment-schema';
import type { Catalog } from '../domain/catalog-model';
import { ownControlFields, type OwnControl } from '../domain/own-control-schema';
import { soaApplicable } from '../domain/progress';
import { levelOf, type RiskMatrix } from '../domain/risk-matrix';
import { acceptanceFields, riskFields, type Risk } from '../domain/risk-schema';
import { refsText } from '../domain/soa-links';
import { cellToText, joinList, splitList, type CellValue, type Parsed } from './sheet-cells';
import { computedColumn, fieldColumn, referenceColumn, type SheetColumn } from './sheet-columns';
import { noText, yesNoWords, yesText } from './sheet-labels';
import { levelNumber, listText, problemText } from './sheet-problem-text';
import { cycleSheets } from './sheet-registers-cycle';
import type { RegisterSheet, SheetContext } from './sheet-types';

export * from './sheet-types';
export { cycleSheet, cycleSheetNames, cycleSheetOf, cycleSheets } from './sheet-registers-cycle';

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
      return i === null ? '' : (ctx.matrix[scale][i]?.name ?? problemText('sheetProblem.level', { n: i + 1 }));
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
      return { ok: false, message: problemText('sheetProblem.notOneOf', { value: text, options: listText(levels.map((l) => l.name)) }) };
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
    return bad ? { ok: false, message: problemText('sheetProblem.notControl', { value: bad }) } : { ok: true, value: { annexAControls: ids } };
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
        return v === true ? yesText() : v === false ? noText() : '';
      },
      choices: () => [yesText(), noText()],
      // A decision as an export (in any language) writes it; an undecided control's "Yes" (which may come from the risks) is left to `set`.
      same: (cell, a) => {
        if (a.applicable === null) return cell === null;
        if (typeof cell !== 'string') return false;
        const words = yesNoWords();
        return a.applicable === true ? words.exactYes.has(cell) : a.applicable === false && words.exactNo.has(cell);
      },
      set: (cell, ctx, a) => {
        const text = cellToText(cell).trim().toLowerCase();
        const words = yesNoWords();
        const yes = words.yes.has(text);
        // A "Yes" that only comes from the risk register is not a decision of the user's.
        if (yes && a?.applicable === null && ctx.treated.has(a.itemId)) return { ok: true, value: {} };
        if (yes) return { ok: true, value: { applicable: true } };
        if (words.no.has(text)) return { ok: true, value: { applicable: false } };
        if (text === '') return { ok: true, value: { applicable: null } };
        return { ok: false, message: problemText('sheetProblem.notYesNo', { value: cellToText(cell), options: listText([yesText(), noText()]) }) };
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

/** Every sheet an import recognises. */
export const registerSheets: readonly RegisterSheet<Record<string, unknown>>[] = [clauseSheet, soaSheet, aiSystemSheet, riskSheet, ownControlSheet, ...cycleSheets] as never[];

/** The row a record shows as: id first, then every column. */
export function rowOf<T>(sheet: RegisterSheet<T>, record: T, ctx: SheetContext): CellValue[] {
  return [sheet.idOf(record), ...sheet.columns.map((c) => c.get(record, ctx))];
}
