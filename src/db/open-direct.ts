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
