import { afterEach, describe, expect, it, vi } from 'vitest';
import { AimsDatabase, openDatabase, useDatabase } from '../../src/db/database';
import { DatabaseReadOnlyError, declaredVersion, storedVersionIsNewer } from '../../src/db/read-only';

const opened: AimsDatabase[] = [];

/** The app's connection to a database named for this test, opened the way the app starts. */
function appDatabase(name: string): AimsDatabase {
  const db = new AimsDatabase(name);
  useDatabase(db);
  opened.push(db);
  return db;
}

function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version ? indexedDB.open(name, version) : indexedDB.open(name);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const events = () => ({ versionChange: vi.fn(), blocked: vi.fn() });

describe('openDatabase', () => {
  it('opens a database of its own version for writing', async () => {
    const db = appDatabase(`open-${crypto.randomUUID()}`);
    expect(await openDatabase(events())).toEqual({ newer: false });
    await db.settings.put({ key: 'k', value: 1 });
    expect(await db.settings.get('k')).toEqual({ key: 'k', value: 1 });
  });

  it('opens a database a newer app left at a higher version read-only: it reads, and every write is refused', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const first = appDatabase(name);
    await first.open();
    await first.settings.put({ key: 'k', value: 1 });
    const native = first.backendDB().version;
    first.close();
    (await rawOpen(name, native + 10, (idb) => idb.createObjectStore('fromTheFuture'))).close();

    const db = appDatabase(name);
    expect(await openDatabase(events())).toEqual({ newer: true });
    expect(await db.settings.get('k')).toEqual({ key: 'k', value: 1 });
    await expect(db.settings.put({ key: 'k', value: 2 })).rejects.toBeInstanceOf(DatabaseReadOnlyError);
    await expect(db.settings.delete('k')).rejects.toBeInstanceOf(DatabaseReadOnlyError);
    await expect(db.transaction('rw', db.settings, () => db.settings.add({ key: 'j', value: 3 }))).rejects.toBeInstanceOf(DatabaseReadOnlyError);
    expect(await db.settings.toArray()).toEqual([{ key: 'k', value: 1 }]);
  });

  it('says when its upgrade waits for another connection that does not let go', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const old = await rawOpen(name, 1);
    old.onversionchange = null; // an old tab that never closes
    const on = events();
    appDatabase(name);
    const opening = openDatabase(on);
    await vi.waitFor(() => expect(on.blocked).toHaveBeenCalled());
    old.close();
    expect(await opening).toEqual({ newer: false });
  });
});

describe('storedVersionIsNewer', () => {
  it('compares the release, not the schema patch Dexie may add in place', () => {
    expect(storedVersionIsNewer(declaredVersion * 10)).toBe(false);
    expect(storedVersionIsNewer(declaredVersion * 10 + 1)).toBe(false);
    expect(storedVersionIsNewer((declaredVersion + 1) * 10)).toBe(true);
  });
});
