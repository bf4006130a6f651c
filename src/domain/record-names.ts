import type { RefTarget } from './register-values';

/**
 * How a person knows a record that another one points to or that a preview lists: a risk or a
 * management-system record by its ref and title ("R-002 Resume model discriminates"), an AI system
 * or an own control by its name, a clause or control by its number and title ("4.1 Understanding …").
 * The one rule for every view (`ValueContext.nameOf` answers with it).
 */
export function recordName(target: RefTarget, record: { readonly [key: string]: unknown }): string {
  const s = (k: string) => (typeof record[k] === 'string' ? (record[k] as string).trim() : '');
  switch (target) {
    case 'risks':
    case 'cycleRecords':
      return `${s('ref')} ${s('title')}`.trim();
    case 'items':
      return `${s('id')} ${s('title')}`.trim();
    default:
      return s('name') || `${s('ref')} ${s('title')}`.trim();
  }
}

/** Records' names by register and id, as a worker hands them to the page that words a preview. */
export type RecordNames = Partial<Record<RefTarget, Record<string, string>>>;
