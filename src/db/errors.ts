import { findConflicts, type FieldConflict } from '../domain/edit-conflict';

/**
 * Thrown, with nothing written, when a field was changed elsewhere (another tab) since this tab's
 * edit of it began: the state layer asks the user which version to keep.
 */
export class EditConflictError extends Error {
  readonly code = 'edit-conflict';
  constructor(
    readonly recordId: string,
    readonly label: string,
    readonly conflicts: FieldConflict[],
  ) {
    super('edit-conflict');
    this.name = 'EditConflictError';
  }
}

/** Inside a write transaction: throws EditConflictError when `expected` no longer matches what is stored. */
export function assertNoConflict(current: object, patch: object, expected: Record<string, unknown> | undefined, recordId: string, label: string): void {
  if (!expected) return;
  const conflicts = findConflicts(current as Record<string, unknown>, patch as Record<string, unknown>, expected);
  if (conflicts.length > 0) throw new EditConflictError(recordId, label, conflicts);
}

/** Thrown for a write that did not fit; the transaction was rolled back. */
export class StorageFullError extends Error {
  readonly code = 'storage-full';
  constructor(
    readonly neededBytes: number | null,
    cause?: unknown,
  ) {
    super('storage-full', { cause });
    this.name = 'StorageFullError';
  }
}

/** Quota errors arrive bare, wrapped by Dexie (`.inner`), or as the cause of an AbortError. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { name?: unknown; inner?: unknown; cause?: unknown; error?: unknown };
  if (err.name === 'QuotaExceededError') return true;
  return isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1) || isQuotaError(err.error, depth + 1);
}

/**
 * Runs a write and turns a quota failure into a StorageFullError the UI can explain. A write
 * that says how many bytes it brings (a file, an import) is checked against the browser's
 * estimate first, so one that clearly cannot fit is refused before anything is written.
 */
export async function guardWrite<T>(write: () => Promise<T>, neededBytes: number | null = null): Promise<T> {
  if (neededBytes !== null && neededBytes > 0) {
    const free = await freeBytes();
    if (free !== null && neededBytes > free) throw new StorageFullError(neededBytes);
  }
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(neededBytes, e);
    throw e;
  }
}

/** What the browser says is left for this site, or null when it does not say. */
export async function freeBytes(): Promise<number | null> {
  const sm = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!sm?.estimate) return null;
  try {
    const { usage, quota } = await sm.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? Math.max(0, quota - usage) : null;
  } catch {
    return null;
  }
}
