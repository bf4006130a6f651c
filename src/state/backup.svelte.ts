import { getLastBackup, getReminderDays, setReminderDays } from '../db/backup-repo';
import { live } from './live.svelte';
import { app } from './app.svelte';

/** The last backup of a workspace and the reminder interval, live (a finished export updates them). */
export function liveBackup(ws: () => string) {
  return live(ws, async (id) => ({ lastBackup: await getLastBackup(id), days: await getReminderDays() }), { lastBackup: null as string | null, days: 7 });
}

export async function changeReminderDays(days: number): Promise<void> {
  try {
    await setReminderDays(days);
  } catch (e) {
    app.report(e);
  }
}
