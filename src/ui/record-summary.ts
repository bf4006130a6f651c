import type { KindDef } from '../domain/cycle/define';
import type { RegisterDecl } from '../domain/register';
import { fromDef } from '../domain/register-values';
import type { CellLevel, RiskMatrix } from '../domain/risk-matrix';
import type { ValueField } from '../domain/value-kinds';
import { t } from '../i18n/i18n';
import { valueText } from './value-text';

/** One entry of a record's summary header: a rating's level as a badge, or a field's value as text. */
export type SummaryPart = { kind: 'level'; key: string; label: string; level: CellLevel | null } | { kind: 'fact'; key: string; label: string; text: string };

type Rec = Record<string, unknown>;

// The summary shows owners, states, choices and dates; a clause or control keeps its number, nothing else is a reference.
const fact = (f: ValueField, record: Rec, matrix?: RiskMatrix): SummaryPart => ({
  kind: 'fact',
  key: f.key,
  label: t(f.label),
  text: valueText(f.value, record[f.key], { ...(matrix ? { matrix } : {}), nameOf: () => undefined }),
});

/** A declared register's summary (`summary` in its declaration): derived levels as badges, stored values as a person reads them. */
export function registerSummary(decl: Pick<RegisterDecl, 'summary' | 'valueFields' | 'derived'>, record: Rec, matrix: RiskMatrix): SummaryPart[] {
  return decl.summary.flatMap((key): SummaryPart[] => {
    const derived = decl.derived.find((d) => d.key === key);
    if (derived?.level) return [{ kind: 'level', key, label: t(derived.label), level: derived.level(record, matrix) }];
    if (derived) return [{ kind: 'fact', key, label: t(derived.label), text: derived.text(record, matrix).text }];
    const f = decl.valueFields.find((x) => x.key === key);
    return f ? [fact(f, record, matrix)] : [];
  });
}

const ownerField: ValueField = { key: 'owner', label: 'cycle.field.owner', value: { kind: 'text' } };

/** A management-system record's summary: its owner, then the columns its register's list shows, labelled as that kind labels them. */
export function kindSummary(def: Pick<KindDef, 'fields' | 'listColumns'>, record: Rec): SummaryPart[] {
  const listed = def.listColumns.flatMap((key) => def.fields.filter((f) => f.key === key).map(fromDef));
  return [ownerField, ...listed].map((f) => fact(f, record));
}
