import type { MessageKey } from '../i18n/messages-en';
import type { RefTarget } from './value-kinds';

/**
 * Field metadata declared once beside each schema. Editors, tables and (later)
 * bundle and spreadsheet columns derive from it instead of re-listing fields.
 */
/** `flag`: a yes/no choice, stored as a boolean (a tick box). */
export type FieldKind = 'text' | 'textarea' | 'enum' | 'multi-enum' | 'date' | 'number' | 'flag';

export interface FieldDef<K extends string = string> {
  key: K;
  kind: FieldKind;
  label: MessageKey;
  help?: MessageKey;
  /** For enum kinds: allowed values, and the message-key prefix that labels them (`${prefix}.${value}`). */
  options?: readonly string[];
  optionPrefix?: string;
  maxLength?: number;
  /** Enum and date fields that may be left unset (stored as null). */
  nullable?: boolean;
  /** Stable column header for spreadsheet exchange. */
  column: string;
  /** The value names a record of another register or a catalog item (shown by its ref and title). */
  ref?: RefTarget;
}

export function defineFields<K extends string>(fields: readonly FieldDef<K>[]): readonly FieldDef<K>[] {
  return fields;
}

export const TEXT_MAX = 300;
export const LONG_TEXT_MAX = 20_000;
