import { clampReminderDays, DEFAULT_REMINDER_DAYS } from '../domain/backup';
import { database } from './database';
import { guardWrite } from './errors';

/** When each workspace was last exported as a bundle, and after how many days to remind (one setting per browser). */
const lastBackupKey = (workspaceId: string) => `backup:${workspaceId}`;
const REMINDER_KEY = 'backupReminderDays';

export async function getLastBackup(workspaceId: string): Promise<string | null> {
  const row = await database().settings.get(lastBackupKey(workspaceId));
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setLastBackup(workspaceId: string, at: string): Promise<void> {
  await guardWrite(() => database().settings.put({ key: lastBackupKey(workspaceId), value: at }));
}

export async function getReminderDays(): Promise<number> {
  const row = await database().settings.get(REMINDER_KEY);
  return typeof row?.value === 'number' ? clampReminderDays(row.value) : DEFAULT_REMINDER_DAYS;
}

export async function setReminderDays(days: number): Promise<number> {
  const value = clampReminderDays(days);
  await guardWrite(() => database().settings.put({ key: REMINDER_KEY, value }));
  return value;
}
