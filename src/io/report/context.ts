import type { AiSystem } from '../../domain/ai-system-schema';
import type { Assessment } from '../../domain/assessment-schema';
import type { Catalog } from '../../domain/catalog-model';
import type { CycleRecord } from '../../domain/cycle/registry';
import type { Evidence } from '../../domain/evidence-schema';
import type { ImpactAssessment } from '../../domain/impact-assessment-schema';
import type { OwnControl } from '../../domain/own-control-schema';
import type { Risk } from '../../domain/risk-schema';
import type { Workspace } from '../../domain/workspace-schema';
import type { Locale } from '../../i18n/i18n';
import { recordNames } from '../words';
import type { ValueContext } from '../../i18n/value-text';
import { formatCount, formatDay, reportMessages, type ReportMessages } from './report-text';

/** The report's sections; each says so when a selective export left its register out. */
export const reportSections = [
  'profile',
  'soa',
  'risks',
  'aiSystems',
  'ownControls',
  'impactAssessments',
  'managementSystem',
  'walkthrough',
  'evidence',
] as const;
export type ReportSection = (typeof reportSections)[number];

export interface ReportInput {
  catalog: Catalog;
  workspace: Workspace;
  assessments: Assessment[];
  risks: Risk[];
  aiSystems: AiSystem[];
  ownControls: OwnControl[];
  /** Every version of every impact assessment. */
  impactAssessments: ImpactAssessment[];
  /** The management-system records, all kinds. */
  cycleRecords: CycleRecord[];
  evidence: Evidence[];
  /** The files this bundle carries: evidence id → its path inside the bundle (attachments/<id>/<file name>). */
  attachments: ReadonlyMap<string, string>;
  /** The data file of each register in the bundle (data/risks.json …): named where the report leaves a register's details to it. */
  dataFiles: { risks: string; aiSystems: string };
  /** ISO timestamp of the export; the only "now" the report knows, so output is deterministic. */
  exportedAt: string;
  appVersion: string;
  /** Sections a selective export left out say so instead of showing an empty table. */
  included: Record<Exclude<ReportSection, 'profile'>, boolean>;
  /**
   * The UI language chosen when exporting. The report's own strings come from its table, the shared
   * UI labels (statuses, column names, stored values) from i18n, so it must be the active locale too.
   */
  locale: Locale;
}

/** What every section needs to write in the report's language. */
export interface Lang {
  m: ReportMessages;
  day: (isoDate: string | null | undefined) => string;
  n: (value: number) => string;
  list: (items: readonly string[]) => string;
}

export function lang(locale: Locale): Lang {
  const m = reportMessages(locale);
  // A report words the same few hundred days again and again (each accepted risk's).
  const days = new Map<string, string>();
  return {
    m,
    day: (d) => {
      if (!d) return '';
      let shown = days.get(d);
      if (shown === undefined) days.set(d, (shown = formatDay(d, locale)));
      return shown;
    },
    n: (v) => formatCount(v, locale),
    list: (items) => items.join(m['report.listSeparator']),
  };
}

/** One report being written: its input, its language and how references read in it. */
export interface Report {
  input: ReportInput;
  l: Lang;
  /** References read as "R-002 Title", a system's name, "4.1 Title"; into a register the bundle left out, "(not in this bundle)". */
  ctx: ValueContext;
  answers: ReadonlyMap<string, Assessment>;
  /**
   * Values already worded in this report, by their kind (a date, a choice, a rating…) and stored
   * value: 50,000 risk cards word the same few hundred dates and levels again and again.
   */
  worded: Map<object, Map<string | number, string>>;
}

export function reportOf(input: ReportInput): Report {
  const l = lang(input.locale);
  const inc = input.included;
  const ctx = recordNames({
    matrix: input.workspace.riskMatrix,
    items: input.catalog.byId,
    ...(inc.risks ? { risks: input.risks } : {}),
    ...(inc.aiSystems ? { aiSystems: input.aiSystems } : {}),
    ...(inc.ownControls ? { ownControls: input.ownControls } : {}),
    ...(inc.managementSystem ? { cycleRecords: input.cycleRecords } : {}),
    ...(inc.impactAssessments ? { impactAssessments: input.impactAssessments } : {}),
    absent: () => l.m['report.notInBundle'],
  });
  return { input, l, ctx, answers: new Map(input.assessments.map((a) => [a.itemId, a])), worded: new Map() };
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const refNumber = (ref: string) => Number(/-(\d+)$/.exec(ref)?.[1] ?? 0);
const refStem = (ref: string) => ref.replace(/-\d+$/, '');

/** R-2 before R-10, DOC-002 before DOC-010: by number, then by ref and id so that equal numbers still sort one way. */
export function byRef(a: { ref: string; id: string }, b: { ref: string; id: string }): number {
  return cmp(refStem(a.ref), refStem(b.ref)) || refNumber(a.ref) - refNumber(b.ref) || cmp(a.ref, b.ref) || cmp(a.id, b.id);
}

/**
 * A copy of `records` in `byRef` order, each ref's stem and number read once (sorting 50,000 risks
 * with `byRef` ran its two regular expressions about 1.6 million times).
 */
export function sortedByRef<T extends { ref: string; id: string }>(records: readonly T[]): T[] {
  const keyed = records.map((rec) => ({ rec, stem: refStem(rec.ref), n: refNumber(rec.ref) }));
  keyed.sort((a, b) => cmp(a.stem, b.stem) || a.n - b.n || cmp(a.rec.ref, b.rec.ref) || cmp(a.rec.id, b.rec.id));
  return keyed.map((k) => k.rec);
}
