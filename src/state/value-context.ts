import { recordName, type RecordNames } from '../domain/record-names';
import type { RefTarget } from '../domain/register-values';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { ValueContext } from '../i18n/value-text';

/**
 * The ValueContexts views word values with (i18n/value-text): references named by the one rule of
 * `domain/record-names`, ratings by the workspace's matrix.
 */

/** Names by id of one register's records (what a worker hands the page as `RecordNames`). */
export function namesOf(target: RefTarget, records: readonly { readonly id: string }[]): Record<string, string> {
  return Object.fromEntries(records.map((r) => [r.id, recordName(target, r as unknown as Record<string, unknown>)]));
}

/** A ValueContext over names already worked out (a spreadsheet plan's). */
export function valueContextOf(names: RecordNames, matrix?: RiskMatrix): ValueContext {
  return { ...(matrix ? { matrix } : {}), nameOf: (target, id) => names[target]?.[id] };
}
