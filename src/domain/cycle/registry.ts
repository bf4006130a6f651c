import { z } from 'zod';
import type { MessageKey } from '../../i18n/messages-en';
import type { KindDef } from './define';
import { issueKind, partyKind, raciKind, scopeKind } from './kinds-context';
import { auditKind, findingKind, metricKind, reviewKind } from './kinds-evaluation';
import { improvementKind, incidentKind, nonconformityKind } from './kinds-improvement';
import { awarenessKind, changeKind, communicationKind, competenceKind, documentKind, objectiveKind } from './kinds-support';

/** Every management-system register, in the order of the clauses they serve. */
export const cycleRegisters = [
  issueKind,
  partyKind,
  scopeKind,
  documentKind,
  raciKind,
  objectiveKind,
  changeKind,
  competenceKind,
  awarenessKind,
  communicationKind,
  metricKind,
  auditKind,
  findingKind,
  reviewKind,
  nonconformityKind,
  improvementKind,
  incidentKind,
] as const;

type Registers = (typeof cycleRegisters)[number];
export type CycleKind = Registers['kind'];
export type CycleRecordOf<K extends CycleKind> = z.infer<Extract<Registers, { kind: K }>['schema']>;
export type CycleRecord = { [K in CycleKind]: CycleRecordOf<K> }[CycleKind];

export const cycleKinds = cycleRegisters.map((r) => r.kind) as CycleKind[];

const byKind = new Map<string, KindDef>(cycleRegisters.map((r) => [r.kind, r as unknown as KindDef]));

export { isCycleKind } from './kind-names';

/** The declaration of one register (typed loosely: callers work on records as field maps). */
export function registerOf(kind: CycleKind): KindDef {
  const def = byKind.get(kind);
  if (!def) throw new Error(`unknown register ${kind}`);
  return def;
}

/** Any management-system record: the kind picks its schema. */
export const cycleRecordSchema = z.discriminatedUnion(
  'kind',
  cycleRegisters.map((r) => r.schema) as unknown as [z.ZodObject<{ kind: z.ZodLiteral<string> }>, ...z.ZodObject<{ kind: z.ZodLiteral<string> }>[]],
) as unknown as z.ZodType<CycleRecord>;

export const kindLabel = (kind: CycleKind) => `cycle.kind.${kind}` as MessageKey;
export const kindPluralLabel = (kind: CycleKind) => `cycle.kinds.${kind}` as MessageKey;

/** The other registers a kind's records may link to by id (for bundle checks and sheets). */
export const recordLinks: Record<string, { key: string; kinds: readonly CycleKind[] }[]> = {
  finding: [{ key: 'auditId', kinds: ['audit'] }],
  nonconformity: [{ key: 'sourceId', kinds: ['finding', 'incident', 'review'] }],
};
