import { database, type AimsDatabase } from './database';
import { guardWrite } from './errors';

/**
 * Settings of this browser (not of a workspace), in the `settings` table. The user name signs the
 * change history; it is read once per connection and kept in memory, refreshed by setUserName.
 * Another tab's change is seen after a reload.
 */
const USER_NAME_KEY = 'userName';
export const USER_NAME_MAX = 200;

let cached: { db: AimsDatabase; name: string } | null = null;

export async function getUserName(): Promise<string> {
  const db = database();
  if (cached?.db === db) return cached.name;
  const row = await db.settings.get(USER_NAME_KEY);
  const name = typeof row?.value === 'string' ? row.value.slice(0, USER_NAME_MAX) : '';
  cached = { db, name };
  return name;
}

/** Trims and stores the name ('' clears it); returns what was stored. */
export async function setUserName(name: string): Promise<string> {
  const db = database();
  const value = name.trim().slice(0, USER_NAME_MAX);
  await guardWrite(async () => {
    if (value) await db.settings.put({ key: USER_NAME_KEY, value });
    else await db.settings.delete(USER_NAME_KEY);
  });
  cached = { db, name: value };
  return value;
}

/** The name the history writer signs with. Call before opening a write transaction (it may read). */
export const historyUser = getUserName;
