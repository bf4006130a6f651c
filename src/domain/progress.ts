import type { Catalog, CatalogItem } from './catalog-model';
import { effectiveStatus, type Assessment, type EffectiveStatus } from './assessment-schema';
import type { TreatmentLink } from './soa-links';

export type StatusCounts = Record<EffectiveStatus, number>;

export interface GroupProgress {
  group: CatalogItem;
  counts: StatusCounts;
  total: number;
  /** Implemented share of the items that apply (not-applicable items are left out), 0–100. */
  percentDone: number;
}

export type AssessmentLookup = ReadonlyMap<string, Assessment>;

function emptyCounts(): StatusCounts {
  return { 'not-started': 0, 'in-progress': 0, implemented: 0, 'not-applicable': 0 };
}

export function countStatuses(items: readonly CatalogItem[], answers: AssessmentLookup): StatusCounts {
  const counts = emptyCounts();
  for (const item of items) counts[effectiveStatus(answers.get(item.id), item.isControl)] += 1;
  return counts;
}

export function percentDone(counts: StatusCounts): number {
  const applicable = counts['not-started'] + counts['in-progress'] + counts.implemented;
  return applicable === 0 ? 100 : Math.round((counts.implemented / applicable) * 100);
}

export function groupProgress(catalog: Catalog, answers: AssessmentLookup): GroupProgress[] {
  return catalog.topGroups.map((group) => {
    const items = catalog.assessable.filter((i) => i.topGroup === group.id);
    const counts = countStatuses(items, answers);
    return { group, counts, total: items.length, percentDone: percentDone(counts) };
  });
}

export type SoaGap = 'undecided' | 'no-category' | 'no-justification' | 'excluded-but-treating';

/**
 * 6.1.3: each control is included or excluded, and either way the reason is on record. A control
 * that risk treatments rely on is included for that reason unless the user says otherwise; if
 * the user excludes it anyway, that contradiction is a gap.
 */
export function soaGaps(a: Assessment | undefined, links: readonly TreatmentLink[] = []): SoaGap[] {
  const treated = links.length > 0;
  if (treated && a?.applicable === false) return ['excluded-but-treating'];
  if (treated) return [];
  const gaps: SoaGap[] = [];
  if (!a || a.applicable === null) gaps.push('undecided');
  if (!a?.justificationCategory) gaps.push('no-category');
  if (!a?.justification.trim()) gaps.push('no-justification');
  return gaps;
}

/** Applicability as the SoA shows it: the user's decision, else "yes" when a risk treatment relies on the control. */
export function soaApplicable(a: Assessment | undefined, links: readonly TreatmentLink[] = []): boolean | null {
  if (a?.applicable !== undefined && a.applicable !== null) return a.applicable;
  return links.length > 0 ? true : null;
}

export interface SoaCompleteness {
  total: number;
  complete: number;
  applicable: number;
  excluded: number;
  undecided: number;
  percent: number;
  incomplete: CatalogItem[];
}

export function soaCompleteness(
  catalog: Catalog,
  answers: AssessmentLookup,
  links: ReadonlyMap<string, readonly TreatmentLink[]> = new Map(),
): SoaCompleteness {
  let complete = 0;
  let applicable = 0;
  let excluded = 0;
  let undecided = 0;
  const incomplete: CatalogItem[] = [];
  for (const control of catalog.controls) {
    const a = answers.get(control.id);
    const l = links.get(control.id) ?? [];
    const decided = soaApplicable(a, l);
    if (decided === true) applicable += 1;
    else if (decided === false) excluded += 1;
    else undecided += 1;
    if (soaGaps(a, l).length === 0) complete += 1;
    else incomplete.push(control);
  }
  const total = catalog.controls.length;
  return { total, complete, applicable, excluded, undecided, percent: total ? Math.round((complete / total) * 100) : 100, incomplete };
}
