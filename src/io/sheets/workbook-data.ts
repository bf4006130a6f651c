import type { AiSystem } from '../../domain/ai-system-schema';
import { blankAssessment, type Assessment } from '../../domain/assessment-schema';
import type { Catalog } from '../../domain/catalog-model';
import type { CycleKind, CycleRecord } from '../../domain/cycle/registry';
import type { ImpactAssessment } from '../../domain/impact-assessment-schema';
import type { OwnControl } from '../../domain/own-control-schema';
import { compareRefs, type Risk } from '../../domain/risk-schema';
import { treatmentLinks, type TreatmentLink } from '../../domain/soa-links';
import type { Workspace } from '../../domain/workspace-schema';
import type { SheetContext } from './sheet-registers';

/** Everything a workbook shows of one workspace. */
export interface WorkbookData {
  catalog: Catalog;
  workspace: Workspace;
  assessments: Assessment[];
  aiSystems: AiSystem[];
  risks: Risk[];
  ownControls: OwnControl[];
  impactAssessments: ImpactAssessment[];
  /** The management-system registers' records, every kind. */
  cycleRecords: CycleRecord[];
}

function names(records: readonly { id: string; name: string }[]) {
  return {
    byId: new Map(records.map((r) => [r.id, r.name])),
    byName: new Map(records.map((r) => [r.name.trim().toLowerCase(), r.id])),
  };
}

/**
 * The context of one export or import. The treatment links (about 40 ms for 10,000 risks) are
 * built on first use only: an export's SoA sheet needs them, an import only `treated`, which is
 * also built on first use (an import without a SoA sheet, or whose SoA rows all settle by `same`,
 * builds neither). `risksInOrder`: `risksByRef(d.risks)` when the caller has it already.
 */
export function sheetContext(d: WorkbookData, risksInOrder?: readonly Risk[]): SheetContext {
  let links: ReadonlyMap<string, readonly TreatmentLink[]> | undefined;
  let treated: ReadonlySet<string> | undefined;
  return {
    catalog: d.catalog,
    matrix: d.workspace.riskMatrix,
    systems: names(d.aiSystems),
    ownControls: names(d.ownControls),
    // Risks in register order: each control's list then comes out already sorted, and the sort
    // treatmentLinks makes of it costs one comparison per entry instead of a collator sort.
    get links() {
      return (links ??= treatmentLinks(risksInOrder ?? risksByRef(d.risks), d.ownControls));
    },
    get treated() {
      return (treated ??= links ? new Set(links.keys()) : treatedControls(d.risks, d.ownControls));
    },
    cycle: cycleRefs(d.cycleRecords),
  };
}

/**
 * The controls `treatmentLinks(risks, ownControls)` has an entry for (each entry lists at least one
 * risk): every control a risk that is not closed names, directly or through one of its own controls.
 * One pass without the lists, their sort or a set per risk.
 */
export function treatedControls(
  risks: readonly Pick<Risk, 'annexAControls' | 'ownControlIds' | 'status'>[],
  ownControls: readonly Pick<OwnControl, 'id' | 'annexAControls'>[],
): Set<string> {
  const viaOwn = new Map(ownControls.map((c) => [c.id, c.annexAControls]));
  const out = new Set<string>();
  const owns = new Set<string>();
  for (const risk of risks) {
    if (risk.status === 'closed') continue;
    for (const c of risk.annexAControls) out.add(c);
    for (const o of risk.ownControlIds) owns.add(o);
  }
  for (const o of owns) for (const c of viaOwn.get(o) ?? []) out.add(c);
  return out;
}

function cycleRefs(records: readonly CycleRecord[]): SheetContext['cycle'] {
  const byId = new Map<string, { ref: string; kind: CycleKind }>();
  const byRef = new Map<string, { id: string; kind: CycleKind }>();
  const shared = new Set<string>();
  for (const r of records) {
    byId.set(r.id, { ref: r.ref, kind: r.kind });
    const ref = r.ref.toUpperCase();
    if (byRef.has(ref)) shared.add(ref);
    byRef.set(ref, { id: r.id, kind: r.kind });
  }
  // A ref two records share (possible after merging bundles) names neither: links to them show ids.
  for (const ref of shared) byRef.delete(ref);
  return { byId, byRef };
}

/** One kind's records, in register order (CTX-001, CTX-002 …). */
export function cycleRecordsOf(d: WorkbookData, kind: CycleKind): CycleRecord[] {
  return d.cycleRecords.filter((r) => r.kind === kind).sort(compareRefs);
}

const PLAIN_REF = /^R-(\d{1,15})$/;

/**
 * Risks in register order, the order `[...risks].sort(compareRefs)` gives (R-2 before R-10), but
 * sorted on each ref's number when every ref is "R-<digits>": a collator call per comparison cost
 * about 100 ms for 10,000 risks. Equal numbers ("R-1", "R-01") are left to compareRefs; any other
 * ref sorts everything with compareRefs. Stable, like Array.prototype.sort.
 */
export function risksByRef<T extends { ref: string }>(risks: readonly T[]): T[] {
  const keyed: { risk: T; n: number }[] = [];
  for (const risk of risks) {
    const m = PLAIN_REF.exec(risk.ref);
    if (!m) return [...risks].sort(compareRefs);
    keyed.push({ risk, n: Number(m[1]) });
  }
  keyed.sort((a, b) => a.n - b.n || compareRefs(a.risk, b.risk));
  return keyed.map((k) => k.risk);
}

/** One answer per catalog item, blank where nothing was recorded yet (the sheet lists every item). */
export function answersFor(d: WorkbookData, controls: boolean): Assessment[] {
  const byItem = new Map(d.assessments.map((a) => [a.itemId, a]));
  const items = controls ? d.catalog.controls : d.catalog.clauseItems;
  return items.map((item) => byItem.get(item.id) ?? blankAssessment(d.workspace.id, item.id, `new:${item.id}`, d.workspace.updatedAt));
}
