import { describe, expect, it } from 'vitest';
import { KeptConnection, openExistingDatabase } from '../../src/db/open-direct';
import { freshDatabase } from '../support/db';

/**
 * The workers that read without Dexie (risk list, dashboard, bundle export) open the database with
 * IndexedDB itself: never creating it, keeping one connection between reads, and opening a new one
 * when another tab's upgrade closed theirs.
 */
const countRows = (db: IDBDatabase) =>
  new Promise<number>((resolve, reject) => {
    const req = db.transaction('workspaces', 'readonly').objectStore('workspaces').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('KeptConnection', () => {
  it('opens once for many reads', async () => {
    const app = await freshDatabase();
    let opens = 0;
    const kept = new KeptConnection((name) => {
      opens++;
      return openExistingDatabase(name);
    });
    expect(await kept.read(app.name, countRows)).toBe(0);
    expect(await kept.read(app.name, countRows)).toBe(0);
    expect(opens).toBe(1);
  });

  it('reads once more on a new connection when the kept one was closed meanwhile', async () => {
    const app = await freshDatabase();
    const conns: IDBDatabase[] = [];
    const kept = new KeptConnection(async (name) => {
      const db = await openExistingDatabase(name);
      if (db) conns.push(db);
      return db;
    });
    await kept.read(app.name, countRows);
    // As another tab's upgrade does (openExistingDatabase closes on versionchange).
    conns[0]!.close();
    expect(await kept.read(app.name, countRows)).toBe(0);
    expect(conns).toHaveLength(2);
  });

  it('gives null for a database that does not exist, and does not create it', async () => {
    const name = `missing-${crypto.randomUUID()}`;
    expect(await new KeptConnection().read(name, countRows)).toBeNull();
    expect(await databaseNames()).not.toContain(name);
  });

  it('passes on any other failure of the read', async () => {
    const app = await freshDatabase();
    const kept = new KeptConnection();
    await expect(kept.read(app.name, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
