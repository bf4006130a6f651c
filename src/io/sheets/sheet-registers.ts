import { aiSystemRegister } from '../../domain/ai-system-schema';
import { assessmentFields, soaFields, type Assessment } from '../../domain/assessment-schema';
import { ownControlRegister } from '../../domain/own-control-schema';
import { soaApplicable } from '../../domain/progress';
import { riskRegister } from '../../domain/risk-schema';
import { refsText, type TreatmentLink } from '../../domain/soa-links';
import { t } from '../words';
import { cellToText, type CellValue } from './sheet-cells';
import { computedColumn, fieldColumn } from './sheet-columns';
import { registerSheet } from './sheet-register-columns';
import { noText, yesNoWords, yesText } from './sheet-labels';
import { refused } from './sheet-problem-text';
import { cycleSheets } from './sheet-registers-cycle';
import type { RegisterSheet, SheetContext } from './sheet-types';

export * from './sheet-types';
export { cycleSheet, cycleSheetNames, cycleSheetOf, cycleSheets } from './sheet-registers-cycle';

type A = Assessment & Record<string, unknown>;

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
        return refused('not-yes-no', {
          value: cellToText(cell),
          options: [
            { prefix: 'sheets', value: 'yes' },
            { prefix: 'sheets', value: 'no' },
          ],
        });
      },
    },
    ...soaFields.map((f) => fieldColumn<A, SheetContext>(f)),
    ...assessmentFields.map((f) => fieldColumn<A, SheetContext>(f)),
    computedColumn('Risk treatment', 24, (a, ctx) => refsCell(ctx.links.get(a.itemId) ?? [])),
  ],
};

/** Excel's most characters in a cell (sheet-write.ts refuses more). */
const CELL_LIMIT = 32_767;

/**
 * The risks treating a control, as one cell: "R-001, R-003". With tens of thousands of risks a
 * control can be treated by thousands, more than a cell holds: as many as fit, then how many more
 * (the column is read-only, an import ignores it; the app's SoA lists them all).
 */
function refsCell(links: readonly TreatmentLink[]): string {
  const all = refsText(links);
  if (all.length <= CELL_LIMIT) return all;
  const more = (n: number) => t('sheets.moreRefs', { count: n });
  let shown = 0;
  let length = 0;
  // Room for ", " and the longest ending ("… and 49,999 more" in any language).
  const room = CELL_LIMIT - more(links.length).length - 2;
  while (shown < links.length && length + links[shown]!.ref.length + 2 <= room) length += links[shown++]!.ref.length + 2;
  return `${refsText(links.slice(0, shown))}, ${more(links.length - shown)}`;
}

export const aiSystemSheet = registerSheet(aiSystemRegister, 'aiSystems', 'AI systems');
export const riskSheet = registerSheet(riskRegister, 'risks', 'Risks');
export const ownControlSheet = registerSheet(ownControlRegister, 'ownControls', 'Own controls');

/** Every sheet an import recognises. */
export const registerSheets: readonly RegisterSheet<Record<string, unknown>>[] = [
  clauseSheet,
  soaSheet,
  aiSystemSheet,
  riskSheet,
  ownControlSheet,
  ...cycleSheets,
] as never[];

/** The row a record shows as: id first, then every column. */
export function rowOf<T>(sheet: RegisterSheet<T>, record: T, ctx: SheetContext): CellValue[] {
  return [sheet.idOf(record), ...sheet.columns.map((c) => c.get(record, ctx))];
}
