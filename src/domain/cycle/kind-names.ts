/**
 * The management-system register kinds by name only, for code on the first screen (routes) that
 * must not pull in every register's schema. ./registry declares them in the same order; a unit
 * test keeps the two lists equal.
 */
export const cycleKindNames = [
  'issue',
  'party',
  'scope',
  'document',
  'raci',
  'objective',
  'change',
  'competence',
  'awareness',
  'communication',
  'metric',
  'audit',
  'finding',
  'review',
  'nonconformity',
  'improvement',
  'incident',
] as const;
export type CycleKindName = (typeof cycleKindNames)[number];

export function isCycleKind(value: string): value is CycleKindName {
  return (cycleKindNames as readonly string[]).includes(value);
}
