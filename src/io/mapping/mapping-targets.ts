import { aiSystemRegister } from '../../domain/ai-system-schema';
import type { FieldDef, FieldKind } from '../../domain/fields';
import type { RiskMatrix } from '../../domain/risk-matrix';
import type { RegisterDecl } from '../../domain/register';
import { riskRegister } from '../../domain/risk-schema';
import { locale, t, tOption } from '../words';
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

/** A declared field as a mapping target: plain fields by their kind, ratings to the matrix's levels, AI systems by name, Annex A controls by number. */
function fromDeclared(f: RegisterDecl['fields'][number], words: Record<string, readonly string[]>, required: string): MappingTarget | null {
  if (f.readOnly) return null;
  const v = f.value;
  const base = (kind: TargetKind, label: string) => ({
    key: f.key,
    kind,
    label,
    required: f.key === required,
    synonyms: synonymsOf(words[f.key], [...(f.column ? [f.column] : []), t(f.label)]),
  });
  if (f.input) return { ...base(f.input.kind, t(f.label)), field: { key: f.key, label: f.label, column: f.column ?? f.key, ...f.input } };
  if (v.kind === 'rating') return { ...base('level', t(f.label)), scale: v.scale };
  if (v.kind === 'refs' && v.target === 'aiSystems') return base('systems', t('mapping.target.byName', { label: t(f.label) }));
  if (v.kind === 'refs' && v.target === 'items') return base('controls', t('mapping.target.controls', { label: t(f.label) }));
  // Links into other registers (own controls) are made in the app.
  return null;
}

const REGISTERS: Record<TargetRegister, { decl: RegisterDecl; words: Record<string, readonly string[]>; required: string }> = {
  risks: { decl: riskRegister, words: riskHeaderSynonyms, required: 'title' },
  aiSystems: { decl: aiSystemRegister, words: aiSystemHeaderSynonyms, required: 'name' },
};

const cache = new Map<string, MappingTarget[]>();

/** What a column can be mapped to: the register's declared fields, in declaration order. */
export function mappingTargets(register: TargetRegister): MappingTarget[] {
  const cacheKey = `${locale()}:${register}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const { decl, words, required } = REGISTERS[register];
  const list = decl.fields.flatMap((f) => fromDeclared(f, words, required) ?? []);
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
