import { describe, expect, it } from 'vitest';
import { backupReminder, clampReminderDays, DEFAULT_REMINDER_DAYS, isSafari } from '../../src/domain/backup';

const created = '2026-01-01T09:00:00.000Z';

describe('backupReminder', () => {
  it('is due when the workspace changed after its last backup and that backup is old enough', () => {
    const state = { lastBackup: '2026-03-01T10:00:00.000Z', changedAt: '2026-03-02T10:00:00.000Z', createdAt: created };
    expect(backupReminder(state, new Date('2026-03-07T09:59:00.000Z'), 7)).toEqual({ due: false, days: 5, changedSince: true });
    expect(backupReminder(state, new Date('2026-03-08T10:00:00.000Z'), 7)).toEqual({ due: true, days: 7, changedSince: true });
  });

  it('is never due without changes since the backup, however old it is', () => {
    const state = { lastBackup: '2026-03-01T10:00:00.000Z', changedAt: '2026-02-27T10:00:00.000Z', createdAt: created };
    expect(backupReminder(state, new Date('2027-03-01T00:00:00.000Z'), 7)).toMatchObject({ due: false, changedSince: false });
  });

  it('counts from the creation of a workspace that was never exported, once it has changed', () => {
    const untouched = { lastBackup: null, changedAt: created, createdAt: created };
    expect(backupReminder(untouched, new Date('2026-02-01T00:00:00.000Z'), 7).due).toBe(false);
    const edited = { ...untouched, changedAt: '2026-01-02T00:00:00.000Z' };
    expect(backupReminder(edited, new Date('2026-01-07T00:00:00.000Z'), 7)).toEqual({ due: false, days: 5, changedSince: true });
    expect(backupReminder(edited, new Date('2026-01-08T09:00:00.000Z'), 7)).toEqual({ due: true, days: 7, changedSince: true });
  });

  it('follows the configured interval', () => {
    const state = { lastBackup: '2026-03-01T10:00:00.000Z', changedAt: '2026-03-01T11:00:00.000Z', createdAt: created };
    const now = new Date('2026-03-03T10:00:00.000Z');
    expect(backupReminder(state, now, 1).due).toBe(true);
    expect(backupReminder(state, now, 3).due).toBe(false);
  });
});

describe('clampReminderDays', () => {
  it('keeps whole days between 1 and 365 and falls back to the default for nonsense', () => {
    expect(clampReminderDays(0)).toBe(1);
    expect(clampReminderDays(2.6)).toBe(3);
    expect(clampReminderDays(10_000)).toBe(365);
    expect(clampReminderDays(Number.NaN)).toBe(DEFAULT_REMINDER_DAYS);
  });
});

describe('isSafari', () => {
  it('tells Safari from Chrome, Edge, Firefox on iOS and Android browsers, which all say "Safari"', () => {
    expect(isSafari('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe(true);
    expect(
      isSafari('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'),
    ).toBe(true);
    expect(isSafari('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36')).toBe(false);
    expect(isSafari('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0')).toBe(
      false,
    );
    expect(
      isSafari('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15'),
    ).toBe(false);
    expect(isSafari('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Safari/537.36')).toBe(false);
  });
});
