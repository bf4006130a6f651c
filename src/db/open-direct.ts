/*
 * Opening the app's database with IndexedDB itself, for a worker that reads without Dexie (Dexie's
 * open takes several turns of the event loop and about 100 KB more to load): never creates or
 * upgrades it, since the page has opened it at the current version first.
 */

/** The open connection, or null when there is no such database. Closes itself when another tab upgrades or deletes it. */
export function openExistingDatabase(dbName: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    // No such database: do not create one.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error ?? new Error(`database ${dbName} cannot be opened`)));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/**
 * A worker's connection, kept between reads (opening takes several turns of the browser, 20–200 ms,
 * and a live view reads again after every change). When another tab upgrades or deletes the database
 * the connection closes itself (see openExistingDatabase), and the next read opens a new one.
 */
export class KeptConnection {
  #kept: { name: string; db: Promise<IDBDatabase | null> } | null = null;

  constructor(private readonly open: (dbName: string) => Promise<IDBDatabase | null> = openExistingDatabase) {}

  /** Runs `read` on the kept connection, once more on a new one when it was closed meanwhile; null when there is no such database. */
  async read<T>(dbName: string, read: (db: IDBDatabase) => Promise<T>): Promise<T | null> {
    const db = await this.#connection(dbName, false);
    if (!db) return null;
    try {
      return await read(db);
    } catch (e) {
      // The connection closed since (another tab upgraded the database): once more on a new one.
      if (!(e instanceof DOMException && e.name === 'InvalidStateError')) throw e;
      const again = await this.#connection(dbName, true);
      return again ? read(again) : null;
    }
  }

  #connection(dbName: string, fresh: boolean): Promise<IDBDatabase | null> {
    if (fresh || this.#kept?.name !== dbName) {
      this.#kept?.db.then(
        (db) => db?.close(),
        () => undefined,
      );
      const entry = { name: dbName, db: this.open(dbName) };
      // A failed open is not kept: the next read tries again.
      entry.db.catch(() => {
        if (this.#kept === entry) this.#kept = null;
      });
      this.#kept = entry;
    }
    return this.#kept!.db;
  }
}
