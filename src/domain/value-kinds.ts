import type { MessageKey } from '../i18n/messages-en';
import type { HistoryTable } from './history';

/**
 * What a stored value means, for every view that shows one to a person (history, previews,
 * merges, the bundle report, lists): each register declares its fields with these kinds
 * (`domain/register.ts`, the management-system kinds in `domain/cycle`).
 */

/** Registers a reference can point into; `items` are the catalog's clauses and controls. */
export type RefTarget = 'aiSystems' | 'risks' | 'ownControls' | 'impactAssessments' | 'cycleRecords' | 'items';

export type ValueKind =
  | { kind: 'text' }
  | { kind: 'long' }
  | { kind: 'choice'; optionPrefix: string }
  | { kind: 'choices'; optionPrefix: string }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'flag' }
  /** An index into the workspace matrix's likelihood or impact scale (shown 1-based, by name). */
  | { kind: 'rating'; scale: 'probability' | 'impact' }
  | { kind: 'ref'; target: RefTarget }
  /** `controls`: catalog items that must be Annex A controls (a treatment's controls). */
  | { kind: 'refs'; target: RefTarget; controls?: boolean }
  /** Nested rows with their own fields; `name` is the field that names a row, if any. */
  | { kind: 'rows'; fields: readonly ValueField[]; name?: string }
  /** The impact an impact-sourced risk came from: shown as the assessment it belongs to. */
  | { kind: 'source-impact' }
  /** A whole risk matrix (risk criteria): shown by its name and size. */
  | { kind: 'matrix' }
  /** An image stored in the record (the organization's logo): shown by its file name and format. */
  | { kind: 'image' }
  /** Names of fields of a register (the copied-from-system marks): shown by their labels. */
  | { kind: 'field-names'; table: HistoryTable };

export interface ValueField {
  key: string;
  label: MessageKey;
  value: ValueKind;
}
