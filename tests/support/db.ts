import { afterEach } from 'vitest';
import { AimsDatabase, useDatabase } from '../../src/db/database';

const opened: AimsDatabase[] = [];

/** A fresh, uniquely named database per test, installed as the app's connection. */
export async function freshDatabase(): Promise<AimsDatabase> {
  const db = new AimsDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  useDatabase(db);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
