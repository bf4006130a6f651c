import { assessmentSchema, type Assessment } from '../../src/domain/assessment-schema';
import { evidenceSchema, type Evidence } from '../../src/domain/evidence-schema';
import { profileSchema, soaMetaSchema, workspaceSchema, type Workspace } from '../../src/domain/workspace-schema';
import type { EvidenceFileInput } from '../../src/db/evidence-repo';
import { aiSystemSchema, blankAiSystem, type AiSystem } from '../../src/domain/ai-system-schema';
import {
  blankImpact,
  blankImpactAssessment,
  impactAssessmentSchema,
  impactSchema,
  type Impact,
  type ImpactAssessment,
} from '../../src/domain/impact-assessment-schema';
import { blankOwnControl, ownControlSchema, type OwnControl } from '../../src/domain/own-control-schema';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { blankRisk, riskSchema, type Risk } from '../../src/domain/risk-schema';
import { registerOf, type CycleKind, type CycleRecordOf } from '../../src/domain/cycle/registry';

/** Valid records, built by parsing through the schemas so a schema change breaks the factory, not the test. */

const TS = '2025-01-15T10:00:00.000Z';

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return workspaceSchema.parse({
    id: crypto.randomUUID(),
    name: 'Acme AI',
    createdAt: TS,
    updatedAt: TS,
    catalogVersion: '1.0.0',
    profile: profileSchema.parse({ organizationName: 'Acme AI', size: 'small', aiRoles: ['ai-provider'] }),
    soaMeta: soaMetaSchema.parse({ version: '1.0', date: '2025-01-10', approver: 'CISO' }),
    riskMatrix: presetMatrix(DEFAULT_PRESET),
    ...overrides,
  });
}

export function makeAssessment(workspaceId: string, overrides: Partial<Assessment> = {}): Assessment {
  return assessmentSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    status: 'in-progress',
    notes: 'Policy drafted',
    owner: 'Dana',
    targetDate: '2025-06-30',
    applicable: true,
    justificationCategory: 'risk-treatment',
    justification: 'Needed to treat R-3',
    implementation: 'AI policy v1',
    updatedAt: TS,
    ...overrides,
  });
}

export function makeLinkEvidence(workspaceId: string, overrides: Partial<Evidence> = {}): Evidence {
  return evidenceSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    title: 'Policy on the intranet',
    kind: 'link',
    url: 'https://intranet.example.com/ai-policy',
    addedAt: TS,
    ...overrides,
  });
}

export function makeFileEvidence(workspaceId: string, size: number, overrides: Partial<Evidence> = {}): Evidence {
  return evidenceSchema.parse({
    id: crypto.randomUUID(),
    workspaceId,
    itemId: 'A.2.2',
    title: 'Signed policy',
    kind: 'file',
    fileName: 'policy.pdf',
    mediaType: 'application/pdf',
    size,
    addedAt: TS,
    ...overrides,
  });
}

/** What the UI hands the repository for a picked file. */
export function makeFileInput(content: string | Uint8Array, name = 'policy.pdf', type = 'application/pdf'): EvidenceFileInput {
  const blob = new Blob([content as BlobPart], { type });
  return { name, type, size: blob.size, blob };
}

export async function bytesOf(blob: Blob | null | undefined): Promise<number[]> {
  if (!blob) throw new Error('expected a blob, got nothing');
  return [...new Uint8Array(await blob.arrayBuffer())];
}

function base(workspaceId: string) {
  return { id: crypto.randomUUID(), workspaceId, createdAt: TS, updatedAt: TS };
}

export function makeAiSystem(workspaceId: string, overrides: Partial<AiSystem> = {}): AiSystem {
  return aiSystemSchema.parse({ ...blankAiSystem(base(workspaceId), 'Claims triage model'), owner: 'Dana', inScope: 'yes', ...overrides });
}

/** A rated risk; `ref` defaults to R-001. */
export function makeRisk(workspaceId: string, overrides: Partial<Risk> = {}): Risk {
  return riskSchema.parse({
    ...blankRisk({ ...base(workspaceId), ref: 'R-001' }, 'Biased outcomes for older applicants'),
    inherentLikelihood: 2,
    inherentImpact: 3,
    owner: 'Sam',
    status: 'assessed',
    ...overrides,
  });
}

export function makeOwnControl(workspaceId: string, overrides: Partial<OwnControl> = {}): OwnControl {
  return ownControlSchema.parse({ ...blankOwnControl(base(workspaceId), 'Bias testing before release'), annexAControls: ['A.6.2.4'], ...overrides });
}

export function makeImpact(overrides: Partial<Impact> = {}): Impact {
  return impactSchema.parse({ ...blankImpact(crypto.randomUUID()), area: 'fairness', description: 'Older applicants refused more often', ...overrides });
}

/** Version 1 of a new series (seriesId = id), a draft unless overridden. */
export function makeImpactAssessment(workspaceId: string, aiSystemId: string, overrides: Partial<ImpactAssessment> = {}): ImpactAssessment {
  const blank = blankImpactAssessment({ ...base(workspaceId), aiSystemId });
  return impactAssessmentSchema.parse({
    ...blank,
    intendedUse: 'Triage incoming claims',
    ...overrides,
    seriesId: overrides.seriesId ?? overrides.id ?? blank.id,
  });
}

/**
 * A management-system record of any kind, every kind-specific field at its blank value unless
 * overridden; `ref` defaults to the kind's prefix and 001, the catalog links to the kind's
 * defaults. Parsed by the kind's schema. Rows in overrides need ids (see makeRow, cycleRow).
 */
export function makeCycleRecord<K extends CycleKind>(
  kind: K,
  workspaceId: string,
  overrides: Partial<CycleRecordOf<K>> & Record<string, unknown> = {},
): CycleRecordOf<K> {
  const def = registerOf(kind);
  return def.schema.parse({
    ...base(workspaceId),
    kind,
    ref: `${def.refPrefix}-001`,
    title: `A ${kind}`,
    owner: 'Dana',
    itemIds: [...def.defaultItems],
    ...def.blank(),
    ...overrides,
  }) as CycleRecordOf<K>;
}

type RowOf<K extends CycleKind, R extends keyof CycleRecordOf<K>> = CycleRecordOf<K>[R] extends readonly (infer Row)[] ? Row : never;

/** A row of one of a kind's nested lists (`rows` key), blank fields unless overridden, with a fresh id. */
export function makeRow<K extends CycleKind, R extends keyof CycleRecordOf<K> & string>(kind: K, rows: R, overrides: Partial<RowOf<K, R>> = {}): RowOf<K, R> {
  const def = registerOf(kind).rows.find((r) => r.key === rows);
  if (!def) throw new Error(`${kind} has no rows called ${rows}`);
  return { ...def.blank(), id: crypto.randomUUID(), ...overrides } as RowOf<K, R>;
}

/** The same record as makeCycleRecord, workspace first. */
export function buildCycleRecord<K extends CycleKind>(
  workspaceId: string,
  kind: K,
  overrides: Partial<CycleRecordOf<K>> & Record<string, unknown> = {},
): CycleRecordOf<K> {
  return makeCycleRecord(kind, workspaceId, overrides);
}

/** A nested row (readings, actions, checklist …) with its id, fields as given. */
export function cycleRow<T extends Record<string, unknown>>(fields: T): T & { id: string } {
  return { id: crypto.randomUUID(), ...fields };
}
