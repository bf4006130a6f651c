import { describe, expect, it } from 'vitest';
import { collectTasks, collectTasksUnordered, compareTasks, firstTasks, isIsoDate, taskState, taskStateOn, type Task } from '../../src/domain/tasks';
import { makeRisk } from '../support/factories';

const WS = crypto.randomUUID();

/** The check the fast one replaced: what Date makes of the date, written back, is the date. */
function byDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return back === value;
}

describe('task dates and order at scale', () => {
  it('takes exactly the dates Date takes: leap years, month lengths, years 0000–9999', () => {
    const dates: string[] = [];
    for (const year of ['0000', '0004', '0100', '1900', '2000', '2023', '2024', '2100', '9999'])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    dates.push('2024-2-01', '2024-02-1', ' 2024-02-01', '2024-02-01T00:00', '99999-01-01', '');
    for (const d of dates) expect(isIsoDate(d), d).toBe(byDate(d));
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
  });

  it('names the first tasks in the same order as the sorted list, ties broken by title then id', () => {
    const titles = ['Task 10', 'Task 2', 'alpha', 'Alpha', 'beta', 'Task 1'];
    const risks = Array.from({ length: 120 }, (_, i) =>
      makeRisk(WS, {
        ref: `R-${String(i + 1).padStart(3, '0')}`,
        title: titles[i % titles.length]!,
        status: 'treating',
        treatmentDue: `2026-0${1 + (i % 3)}-1${i % 4}`,
        nextReview: i % 5 === 0 ? `2026-01-1${i % 4}` : null,
      }),
    );
    const input = { cycle: [], risks, assessments: [], itemTitle: (id: string) => id };
    const sorted = collectTasks(input);
    const found = collectTasksUnordered(input);
    expect(found).toHaveLength(sorted.length);
    for (const n of [0, 1, 6, 50, sorted.length + 3]) expect(firstTasks(found, n)).toEqual(sorted.slice(0, n));
    expect([...found].sort(compareTasks)).toEqual(sorted);
  });

  it('gives each task the state taskState gives it, with the limit worked out once', () => {
    const stateOn = taskStateOn('2026-03-01');
    const tasks = ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-16'].map((date) => ({ date }) as Pick<Task, 'date'>);
    expect(tasks.map(stateOn)).toEqual(tasks.map((t) => taskState(t, '2026-03-01')));
    expect(tasks.map(stateOn)).toEqual(['overdue', 'soon', 'soon', 'later']);
  });
});
