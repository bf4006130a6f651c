import type { MessageKey } from '../i18n/messages-en';
import { aiSystemRegister } from './ai-system-schema';
import { assessmentRegister } from './assessment-schema';
import type { RowsDef } from './cycle/define';
import { cycleKinds, recordLinks, registerOf, type CycleKind } from './cycle/registry';
import type { FieldDef } from './fields';
import type { HistoryTable } from './history';
import { impactAssessmentRegister } from './impact-assessment-schema';
import { ownControlRegister } from './own-control-schema';
import { riskRegister } from './risk-schema';
import { profileFields, soaMetaFields } from './workspace-schema';

/**
 * What every stored value of every register means, so that each view that shows one to a person
 * (history, import and merge previews, the bundle report) words it the same way: choices by their
 * labels, ratings by the matrix's level names, references by the other record's ref and title or
 * name, nested rows row by row. Never an id, an index or JSON.
 *
 * Risks, AI systems and own controls declare every field in their register (`domain/register.ts`);
 * the management-system kinds in `domain/cycle`; this file assembles them and adds the values the
 * remaining declarations leave to their own widgets (impacts, profile, evidence links).
 */

export type { RefTarget, ValueField, ValueKind } from './value-kinds';
import type { ValueField, ValueKind } from './value-kinds';

/** A generic field declaration (a management-system kind's) as a value a person reads. */
export function fromDef(def: FieldDef): ValueField {
  const optionPrefix = def.optionPrefix ?? '';
  const value: ValueKind = def.ref
    ? { kind: 'ref', target: def.ref }
    : def.kind === 'enum'
      ? { kind: 'choice', optionPrefix }
      : def.kind === 'multi-enum'
        ? { kind: 'choices', optionPrefix }
        : def.kind === 'textarea'
          ? { kind: 'long' }
          : def.kind === 'date'
            ? { kind: 'date' }
            : def.kind === 'number'
              ? { kind: 'number' }
              : def.kind === 'flag'
                ? { kind: 'flag' }
                : { kind: 'text' };
  return { key: def.key, label: def.label, value };
}

const f = (key: string, label: MessageKey, value: ValueKind): ValueField => ({ key, label, value });

const COMMON: readonly ValueField[] = [
  f('name', 'history.field.name', { kind: 'text' }),
  f('ref', 'history.field.ref', { kind: 'text' }),
  f('title', 'history.field.title', { kind: 'text' }),
  f('version', 'history.field.version', { kind: 'number' }),
  f('itemIds', 'history.field.itemIds', { kind: 'refs', target: 'items' }),
  f('itemId', 'history.field.itemIds', { kind: 'ref', target: 'items' }),
];

/** Rows are named by their first text (an action, an exclusion), else their first choice (a review input's topic). */
const rowsField = (rows: RowsDef): ValueField =>
  f(rows.key, rows.label, {
    kind: 'rows',
    fields: rows.fields.map(fromDef),
    name: (rows.fields.find((x) => x.kind === 'text') ?? rows.fields.find((x) => x.kind === 'enum'))?.key,
  });

function cycleFields(): ValueField[] {
  const out: ValueField[] = [];
  const seen = new Set<string>();
  // Kinds share field names with one meaning (owner, status …): the first declaration labels them.
  for (const kind of cycleKinds) {
    const def = registerOf(kind);
    for (const d of def.fields) if (!seen.has(d.key) && seen.add(d.key)) out.push(fromDef(d));
    for (const rows of def.rows) if (!seen.has(rows.key) && seen.add(rows.key)) out.push(rowsField(rows));
  }
  out.push(
    f('owner', 'cycle.field.owner', { kind: 'text' }),
    f('auditId', 'history.field.auditId', { kind: 'ref', target: 'cycleRecords' }),
    f('sourceId', 'history.field.sourceId', { kind: 'ref', target: 'cycleRecords' }),
    f('aiSystemIds', 'cycle.field.aiSystemIds', { kind: 'refs', target: 'aiSystems' }),
  );
  return out;
}

/**
 * One management-system kind's fields in the order its editor shows them, each with the kind's own
 * label and choices (kinds share keys such as `status` but not their options): title, owner, the
 * declared fields, links to other records, AI systems, nested rows, catalog items.
 */
export function kindValueFields(kind: CycleKind): ValueField[] {
  const def = registerOf(kind);
  return [
    f('title', `cycle.${kind}.title` as MessageKey, { kind: 'text' }),
    f('owner', 'cycle.field.owner', { kind: 'text' }),
    ...def.fields.map(fromDef),
    ...(recordLinks[kind] ?? []).map((link) => f(link.key, `cycleUi.link.${link.key}` as MessageKey, { kind: 'ref', target: 'cycleRecords' })),
    ...(def.extraKeys.includes('aiSystemIds') ? [f('aiSystemIds', 'cycle.field.aiSystemIds', { kind: 'refs', target: 'aiSystems' })] : []),
    ...def.rows.map(rowsField),
    f('itemIds', 'cycle.field.itemIds', { kind: 'refs', target: 'items' }),
  ];
}

const DECLARED: Record<HistoryTable, () => readonly ValueField[]> = {
  workspaces: () => [
    ...profileFields.map((d) => ({ ...fromDef(d), key: `profile.${d.key}` })),
    ...soaMetaFields.map((d) => ({ ...fromDef(d), key: `soaMeta.${d.key}` })),
    f('profile.logo', 'history.field.logo', { kind: 'image' }),
    f('riskMatrix', 'history.field.riskMatrix', { kind: 'matrix' }),
    f('catalogVersion', 'history.field.catalogVersion', { kind: 'text' }),
  ],
  assessments: () => assessmentRegister.valueFields,
  evidence: () => [
    f('url', 'history.field.url', { kind: 'text' }),
    f('fileName', 'history.field.fileName', { kind: 'text' }),
    f('recordId', 'history.field.recordId', { kind: 'ref', target: 'cycleRecords' }),
    // Items linked to it besides the one it was attached to: checked against the catalog on import.
    f('linkedItemIds', 'history.field.linkedItemIds', { kind: 'refs', target: 'items' }),
  ],
  aiSystems: () => aiSystemRegister.valueFields,
  risks: () => riskRegister.valueFields,
  ownControls: () => ownControlRegister.valueFields,
  impactAssessments: () => impactAssessmentRegister.valueFields,
  cycleRecords: cycleFields,
};

const cache = new Map<HistoryTable, Map<string, ValueField>>();

/** The meaning of one stored field of a register; undefined for fields nobody shows (ids, timestamps). */
export function valueField(table: HistoryTable, field: string): ValueField | undefined {
  let fields = cache.get(table);
  if (!fields) {
    fields = new Map();
    for (const x of [...DECLARED[table](), ...COMMON]) if (!fields.has(x.key)) fields.set(x.key, x);
    cache.set(table, fields);
  }
  return fields.get(field);
}

/** Every declared field of a register, in declaration order. */
export function valueFields(table: HistoryTable): ValueField[] {
  valueField(table, '');
  return [...cache.get(table)!.values()];
}

/** Internal fields that are never shown as a change (they identify or order the record). */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['id', 'workspaceId', 'seriesId', 'kind', 'createdAt', 'updatedAt']);
