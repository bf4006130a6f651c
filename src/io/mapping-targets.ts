import { aiSystemFields } from '../domain/ai-system-schema';
import type { FieldDef, FieldKind } from '../domain/fields';
import type { RiskMatrix } from '../domain/risk-matrix';
import { acceptanceFields, riskFields } from '../domain/risk-schema';
import { locale, t, tOption } from '../i18n/i18n';
import { aiSystemHeaderSynonyms, enumValueSynonyms, riskHeaderSynonyms } from './mapping-synonyms';
import { normHeader } from './mapping-text';

export type TargetRegister = 'risks' | 'aiSystems';
export const targetRegisters: readonly TargetRegister[] = ['risks', 'aiSystems'];

/** How a column's cells become a field: the declared kinds, plus rating levels and links by name or id. */
export type TargetKind = FieldKind | 'level' | 'systems' | 'controls';

export interface MappingTarget {
  key: string;
  kind: TargetKind;
  label: string;
  /** The declaration the target comes from (absent for levels and links). */
  field?: FieldDef;
  /** For levels: which scale of the workspace matrix. */
  scale?: 'probability' | 'impact';
  /** The record cannot be created without it (title, name). */
  required: boolean;
  /** Normalised header words that suggest this target. */
  synonyms: ReadonlySet<string>;
}

/** One allowed value of an enum-like target, as the value-mapping step offers it. */
export interface TargetOption {
  value: string | number;
  label: string;
}

/** Value-mapped kinds: each distinct cell text is mapped to an allowed value once. */
export function isValueMapped(kind: TargetKind): boolean {
  return kind === 'enum' || kind === 'multi-enum' || kind === 'level' || kind === 'systems';
}

/** Kinds whose cells may list several values ("a; b", "a、b"). */
export function isListKind(kind: TargetKind): boolean {
  return kind === 'multi-enum' || kind === 'systems' || kind === 'controls';
}

function synonymsOf(words: readonly string[] | undefined, extra: string[]): ReadonlySet<string> {
  return new Set([...(words ?? []), ...extra].map(normHeader).filter(Boolean));
}

function fromField(f: FieldDef, words: Record<string, readonly string[]>, required: string): MappingTarget {
  return { key: f.key, kind: f.kind, label: t(f.label), field: f, required: f.key === required, synonyms: synonymsOf(words[f.key], [f.column, t(f.label)]) };
}

function special(key: string, kind: TargetKind, label: string, scale?: 'probability' | 'impact'): MappingTarget {
  return { key, kind, label, required: false, synonyms: synonymsOf(riskHeaderSynonyms[key], [label]), ...(scale ? { scale } : {}) };
}

const cache = new Map<string, MappingTarget[]>();

/**
 * What a column can be mapped to: the register's declared fields, plus for risks the four ratings
 * (to levels of the workspace matrix), the AI systems it affects (by name) and Annex A controls.
 */
export function mappingTargets(register: TargetRegister): MappingTarget[] {
  const cacheKey = `${locale()}:${register}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const list =
    register === 'aiSystems'
      ? aiSystemFields.map((f) => fromField(f, aiSystemHeaderSynonyms, 'name'))
      : [
          ...riskFields.map((f) => fromField(f, riskHeaderSynonyms, 'title')),
          special('inherentLikelihood', 'level', t('mapping.target.inherentLikelihood'), 'probability'),
          special('inherentImpact', 'level', t('mapping.target.inherentImpact'), 'impact'),
          special('residualLikelihood', 'level', t('mapping.target.residualLikelihood'), 'probability'),
          special('residualImpact', 'level', t('mapping.target.residualImpact'), 'impact'),
          special('aiSystemIds', 'systems', t('mapping.target.aiSystemIds')),
          special('annexAControls', 'controls', t('mapping.target.annexAControls')),
          ...acceptanceFields.map((f) => fromField(f, riskHeaderSynonyms, 'title')),
        ];
  cache.set(cacheKey, list);
  return list;
}

export function targetOf(register: TargetRegister, key: string | null | undefined): MappingTarget | undefined {
  return key ? mappingTargets(register).find((x) => x.key === key) : undefined;
}

/** The field a register cannot do without. */
export function requiredTarget(register: TargetRegister): MappingTarget {
  return mappingTargets(register).find((x) => x.required)!;
}

export interface OptionContext {
  matrix: RiskMatrix;
  systems: readonly { id: string; name: string }[];
}

/** Allowed values of a value-mapped target: enum options, the matrix scale's levels, or the workspace's AI systems. */
export function targetOptions(target: MappingTarget, ctx: OptionContext): TargetOption[] {
  if (target.kind === 'level') {
    return ctx.matrix[target.scale ?? 'probability'].map((level, i) => ({ value: i, label: `${i + 1} · ${level.name}` }));
  }
  if (target.kind === 'systems') return ctx.systems.map((s) => ({ value: s.id, label: s.name }));
  const f = target.field;
  return (f?.options ?? []).map((o) => ({ value: o, label: tOption(f?.optionPrefix ?? '', o) }));
}

/** Register-specific cell words for an enum target's options. */
export function enumSynonyms(register: TargetRegister, key: string): Record<string, readonly string[]> {
  return enumValueSynonyms[`${register}.${key}`] ?? {};
}
