import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import type { AimsDatabase } from '../../src/db/database';
import { guardWrite, isQuotaError, StorageFullError } from '../../src/db/errors';
import { addFileEvidence, listEvidence } from '../../src/db/evidence-repo';
import { freshDatabase } from '../support/db';
import { makeFileInput } from '../support/factories';

function quotaError(): Error {
  return Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
}

describe('isQuotaError', () => {
  it('recognises a bare QuotaExceededError', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(quotaError())).toBe(true);
  });

  it('recognises a Dexie-style wrapper whose inner error is the quota error', () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quotaError()))).toBe(true);
  });

  it('recognises a quota error down a cause chain', () => {
    const chained = new Error('outer', { cause: new Error('middle', { cause: quotaError() }) });
    expect(isQuotaError(chained)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', error: { name: 'QuotaExceededError' } })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'QuotaExceededError'],
    ['a plain Error', new Error('boom')],
    ['a ConstraintError', { name: 'ConstraintError' }],
    ['an AbortError without a quota cause', { name: 'AbortError', inner: { name: 'ConstraintError' } }],
    ['a message that only mentions quota', new Error('QuotaExceededError')],
  ])('rejects %s', (_label, e) => {
    expect(isQuotaError(e)).toBe(false);
  });

  it('does not loop forever on a cyclic cause chain', () => {
    const a: { name: string; cause?: unknown } = { name: 'Error' };
    a.cause = a;
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('guardWrite', () => {
  it('returns the write result when the write succeeds', async () => {
    await expect(guardWrite(async () => 42)).resolves.toBe(42);
  });

  it('converts a quota failure into StorageFullError with neededBytes and the original as cause', async () => {
    const original = { name: 'AbortError', inner: quotaError() };
    const err = await guardWrite(() => Promise.reject(original), 1234).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect(err).toMatchObject({ name: 'StorageFullError', code: 'storage-full', neededBytes: 1234 });
    expect((err as StorageFullError).cause).toBe(original);
  });

  it('reports neededBytes as null when the caller does not know it', async () => {
    const err = await guardWrite(() => Promise.reject(quotaError())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).neededBytes).toBeNull();
  });

  it('rethrows other errors unchanged', async () => {
    const other = new TypeError('not quota');
    const err = await guardWrite(() => Promise.reject(other), 10).catch((e: unknown) => e);
    expect(err).toBe(other);
    expect(err).not.toBeInstanceOf(StorageFullError);
  });
});

describe('guardWrite before a write that would not fit', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const estimate = (usage: number, quota: number) => vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage, quota }) } });

  it('refuses a write bigger than the free space without running it', async () => {
    estimate(900, 1000);
    const write = vi.fn(async () => 'written');
    const err = await guardWrite(write, 101).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).neededBytes).toBe(101);
    expect(write).not.toHaveBeenCalled();
  });

  it('runs a write that fits, and any write when the browser gives no estimate', async () => {
    estimate(900, 1000);
    await expect(guardWrite(async () => 'written', 100)).resolves.toBe('written');
    vi.stubGlobal('navigator', {
      storage: {
        estimate: async () => {
          throw new Error('no estimate');
        },
      },
    });
    await expect(guardWrite(async () => 'written', 10 ** 12)).resolves.toBe('written');
    vi.stubGlobal('navigator', {});
    await expect(guardWrite(async () => 'written', 10 ** 12)).resolves.toBe('written');
  });
});

describe('addFileEvidence when storage is full', () => {
  let db: AimsDatabase;

  beforeEach(async () => {
    db = await freshDatabase();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rejects with StorageFullError and rolls back the evidence record', async () => {
    const add = vi.spyOn(db.evidenceFiles, 'add').mockRejectedValue(quotaError());
    const input = makeFileInput(new Uint8Array([1, 2, 3]));

    const err = await addFileEvidence('ws-1', '4.1', 'Policy', input).catch((e: unknown) => e);

    expect(add).toHaveBeenCalledTimes(1);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).neededBytes).toBe(input.size);
    vi.restoreAllMocks();
    expect(await listEvidence('ws-1')).toEqual([]);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.evidenceFiles.count()).toBe(0);
  });

  it('rolls back too when the failure is not a quota error, and passes it through', async () => {
    vi.spyOn(db.evidenceFiles, 'add').mockRejectedValue(new Error('disk on fire'));
    const err = await addFileEvidence('ws-1', '4.1', 'Policy', makeFileInput('x')).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(StorageFullError);
    expect(String((err as Error).message)).toMatch(/disk on fire/);
    vi.restoreAllMocks();
    expect(await db.evidence.count()).toBe(0);
  });
});
