/**
 * When to nudge for a backup: the workspace changed after its last exported bundle, and that
 * backup (or, if there never was one, the workspace's creation) is at least `days` old.
 */
export const DEFAULT_REMINDER_DAYS = 7;
export const MAX_REMINDER_DAYS = 365;

export interface BackupState {
  /** ISO timestamp of the last bundle export, or null. */
  lastBackup: string | null;
  /** ISO timestamps of the workspace. */
  changedAt: string;
  createdAt: string;
}

export interface BackupReminder {
  due: boolean;
  /** Whole days since the last backup (or since the workspace was created). */
  days: number;
  changedSince: boolean;
}

const DAY = 86_400_000;

export function backupReminder(state: BackupState, now: Date, reminderDays: number = DEFAULT_REMINDER_DAYS): BackupReminder {
  const since = Date.parse(state.lastBackup ?? state.createdAt);
  const changed = Date.parse(state.changedAt);
  const changedSince = state.lastBackup === null ? changed > Date.parse(state.createdAt) : changed > since;
  const days = Number.isFinite(since) ? Math.max(0, Math.floor((now.getTime() - since) / DAY)) : 0;
  return { due: changedSince && days >= clampReminderDays(reminderDays), days, changedSince };
}

export function clampReminderDays(days: number): number {
  if (!Number.isFinite(days)) return DEFAULT_REMINDER_DAYS;
  return Math.min(MAX_REMINDER_DAYS, Math.max(1, Math.round(days)));
}

/**
 * Safari (and the WebKit browsers on iOS) deletes a site's stored data after seven days without
 * a visit unless storage is persistent; Chrome and Firefox keep it until space runs out.
 */
export function isSafari(userAgent: string): boolean {
  return /safari/i.test(userAgent) && !/chrome|chromium|crios|fxios|edg|android/i.test(userAgent);
}
