import { describe, expect, it } from 'vitest';
import { getLastBackup, getReminderDays, setLastBackup, setReminderDays } from '../../src/db/backup-repo';
import { DEFAULT_REMINDER_DAYS } from '../../src/domain/backup';
import { freshDatabase } from '../support/db';

describe('backup settings', () => {
  it('remembers the last backup per workspace', async () => {
    await freshDatabase();
    expect(await getLastBackup('ws-a')).toBeNull();
    await setLastBackup('ws-a', '2026-11-27T10:00:00.000Z');
    expect(await getLastBackup('ws-a')).toBe('2026-11-27T10:00:00.000Z');
    expect(await getLastBackup('ws-b')).toBeNull();
  });

  it('stores the reminder interval clamped, and reads a damaged value as the default', async () => {
    const db = await freshDatabase();
    expect(await getReminderDays()).toBe(DEFAULT_REMINDER_DAYS);
    expect(await setReminderDays(0)).toBe(1);
    expect(await getReminderDays()).toBe(1);
    await db.settings.put({ key: 'backupReminderDays', value: 'seven' });
    expect(await getReminderDays()).toBe(DEFAULT_REMINDER_DAYS);
  });
});
