import { EditConflictError, StorageFullError } from '../db/errors';
import { DatabaseReadOnlyError } from '../db/read-only';
import { formatBytes, t } from '../i18n/i18n';

/** How the error banner words one error: worded where read, so it follows a language switch. */
export interface ErrorWords {
  title(): string;
  text(): string;
  /** A condition the app expects and explains (storage full, database closed…), not a bug. */
  expected: boolean;
}

/** Dexie's error after `close()`: another tab upgraded the database under this one. */
function isDatabaseClosed(e: unknown): boolean {
  return e instanceof Error && e.name === 'DatabaseClosedError';
}

/**
 * Expected conditions get their own heading and words; only what nobody foresaw reads
 * "Something went wrong" (and is logged for a bug report).
 */
export function errorWords(e: unknown): ErrorWords {
  if (e instanceof StorageFullError) {
    const needed = e.neededBytes;
    return {
      expected: true,
      title: () => t('app.error.storage-full.title'),
      text: () => t('error.storage-full', { needed: needed ? formatBytes(needed) : '?' }),
    };
  }
  if (isDatabaseClosed(e)) return { expected: true, title: () => t('app.error.closed.title'), text: () => t('error.database-closed') };
  if (e instanceof DatabaseReadOnlyError) return { expected: true, title: () => t('app.error.read-only.title'), text: () => t('error.read-only') };
  if (e instanceof EditConflictError) {
    const record = e.label;
    return { expected: true, title: () => t('app.error.conflict.title'), text: () => t('error.edit-conflict', { record }) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { expected: false, title: () => t('app.error.title'), text: () => t('error.unexpected', { detail }) };
}
