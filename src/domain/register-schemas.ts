import type { ZodType } from 'zod';
import { aiSystemSchema } from './ai-system-schema';
import { assessmentSchema } from './assessment-schema';
import { fixedCycleFields, patchCycleRecord } from './cycle/records';
import { cycleRecordSchema, registerOf, type CycleKind, type CycleRecord } from './cycle/registry';
import { evidenceSchema } from './evidence-schema';
import type { HistoryTable } from './history';
import { impactAssessmentSchema } from './impact-assessment-schema';
import { ownControlSchema } from './own-control-schema';
import { riskSchema } from './risk-schema';
import { workspaceSchema } from './workspace-schema';

/**
 * Every register's schema by table, and the rules a write of one of its records must pass besides:
 * the fields a patch never changes, and each register's own refusals (a management-system kind's
 * cross-field rules, an approved impact-assessment version that is frozen). The database's write
 * layer applies them to every write, whoever makes it (an editor, an import, a restore).
 */
export const registerSchemas = {
  workspaces: workspaceSchema,
  assessments: assessmentSchema,
  evidence: evidenceSchema,
  aiSystems: aiSystemSchema,
  risks: riskSchema,
  ownControls: ownControlSchema,
  impactAssessments: impactAssessmentSchema,
  cycleRecords: cycleRecordSchema,
} as const satisfies Record<HistoryTable, ZodType>;

export type RegisterTable = keyof typeof registerSchemas;
type Row = Record<string, unknown>;

/** Fields a patch never changes (a risk's ref, an answer's catalog item, an assessment's series). */
export const fixedFields: Record<RegisterTable, readonly string[]> = {
  workspaces: ['id', 'createdAt'],
  assessments: ['id', 'workspaceId', 'itemId'],
  evidence: ['id', 'workspaceId', 'addedAt'],
  aiSystems: ['id', 'workspaceId', 'createdAt'],
  risks: ['id', 'workspaceId', 'createdAt', 'ref'],
  ownControls: ['id', 'workspaceId', 'createdAt'],
  impactAssessments: ['id', 'workspaceId', 'createdAt', 'aiSystemId', 'seriesId', 'version'],
  cycleRecords: fixedCycleFields,
};

/** A write the register refuses: the code (and field) the editor shows. */
export interface Refusal {
  code: string;
  field?: string;
}

/** An approved impact-assessment version is documented information (A.5.3): it never changes. */
export function isFrozen(table: RegisterTable, stored: object | undefined): boolean {
  return table === 'impactAssessments' && !!stored && (stored as Row).state !== 'draft';
}

export type Checked = { ok: true; value: Row } | ({ ok: false } & Refusal);

/**
 * The record `patch` makes of `current` (absent: a new record): fixed fields kept, `updatedAt` set
 * when `at` is given, the register's own rules applied, then its schema (which throws on a value
 * the register does not take: only a bug or a damaged file builds one).
 */
export function checkRecord(table: RegisterTable, current: Row | undefined, patch: Row, at: string | null): Checked {
  if (isFrozen(table, current)) return { ok: false, code: 'frozen' };
  const kept = current ? Object.fromEntries(fixedFields[table].filter((k) => k in current).map((k) => [k, current[k]])) : {};
  // Evidence keeps its addedAt only: an entry is added and removed, never edited.
  const stamp = at !== null && table !== 'evidence' ? { updatedAt: at } : {};
  if (table === 'cycleRecords') {
    // The kind's rule gives its code instead of a thrown schema error.
    const base = (current ?? patch) as unknown as CycleRecord;
    const next = patchCycleRecord(base, current ? patch : {}, String(at ?? patch.updatedAt ?? base.updatedAt));
    if (!next.ok) return { ok: false, code: next.code, ...(next.field ? { field: next.field } : {}) };
    return { ok: true, value: next.value as unknown as Row };
  }
  const schema = registerSchemas[table] as unknown as ZodType<Row>;
  return { ok: true, value: schema.parse({ ...(current ?? {}), ...patch, ...kept, ...stamp }) };
}

/** A management-system register that holds one record per workspace (the scope). */
export function isSingletonKind(row: Row): boolean {
  return registerOf(row.kind as CycleKind).singleton === true;
}
