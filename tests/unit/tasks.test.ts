import { afterEach, describe, expect, it } from 'vitest';
import { cycleRegisters, registerOf, type CycleKind, type CycleRecord } from '../../src/domain/cycle/registry';
import type { Risk } from '../../src/domain/risk-schema';
import { riskStatuses } from '../../src/domain/risk-schema';
import { addDays, collectTasks, filterTasks, taskOwners, taskState, type Task, type TaskState } from '../../src/domain/tasks';
import { makeAssessment, makeCycleRecord, makeRisk, makeRow } from '../support/factories';

const WS = 'ws-1';
const none = { cycle: [] as CycleRecord[], risks: [] as Risk[], assessments: [], itemTitle: (id: string) => `Item ${id}` };

function tasksOf(input: Partial<Parameters<typeof collectTasks>[0]>): Task[] {
  return collectTasks({ ...none, ...input });
}

/** A task of the given date and owner, for the state and filter tests. */
function task(id: string, date: string, owner = '', title = id): Task {
  return { id, date, title, owner, what: 'risk.nextReview', source: { register: 'risk', recordId: id, ref: 'R-001' } };
}

describe('task declarations', () => {
  it('every declared task names a date field of its record or of its rows, and row owner/title fields exist', () => {
    let checked = 0;
    for (const def of cycleRegisters) {
      const kind = registerOf(def.kind);
      for (const t of kind.tasks) {
        const fields = t.rows ? kind.rows.find((r) => r.key === t.rows)?.fields : kind.fields;
        expect(fields, `${def.kind}: rows ${t.rows}`).toBeDefined();
        expect(fields?.find((f) => f.key === t.date)?.kind, `${def.kind}.${t.date}`).toBe('date');
        for (const key of [t.owner, t.title])
          if (key)
            expect(
              fields?.some((f) => f.key === key),
              `${def.kind}.${t.rows}.${key}`,
            ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('collectTasks: management-system registers', () => {
  const recordTasks = cycleRegisters.flatMap((def) =>
    registerOf(def.kind)
      .tasks.filter((t) => !t.rows)
      .map((t) => [def.kind as CycleKind, t.date] as const),
  );

  it.each(recordTasks)('a %s with %s set is a task of its owner, labelled by the field', (kind, field) => {
    const record = makeCycleRecord(kind, WS, { title: `Title of ${kind}`, owner: 'Kim', [field]: '2026-05-04' });
    const tasks = tasksOf({ cycle: [record] });
    expect(tasks).toEqual([
      {
        id: `cycle:${record.id}:${field}`,
        date: '2026-05-04',
        title: `Title of ${kind}`,
        what: `cycle.${kind}.${field}`,
        owner: 'Kim',
        source: { register: 'cycle', kind, recordId: record.id, ref: record.ref },
      },
    ]);
  });

  it.each(recordTasks)('a %s without %s is no task', (kind) => {
    expect(tasksOf({ cycle: [makeCycleRecord(kind, WS)] })).toEqual([]);
  });

  it('ignores dates no task is declared for, and kinds without tasks', () => {
    const scope = makeCycleRecord('scope', WS, { approvedOn: '2026-01-01' });
    const incident = makeCycleRecord('incident', WS, { reportedOn: '2026-01-01', communicatedOn: '2026-01-02' });
    const party = makeCycleRecord('party', WS);
    const metric = makeCycleRecord('metric', WS, { readings: [makeRow('metric', 'readings', { date: '2026-01-03', value: 3 })] });
    expect(tasksOf({ cycle: [scope, incident, party, metric] })).toEqual([]);
  });

  it.each([
    ['audit', { status: 'planned' }, true],
    ['audit', { status: 'in-progress' }, true],
    ['audit', { status: 'completed' }, false],
    ['audit', { status: 'cancelled' }, false],
    ['document', { status: 'approved' }, true],
    ['document', { status: 'retired' }, false],
    ['improvement', { status: 'in-progress' }, true],
    ['improvement', { status: 'done' }, false],
    ['improvement', { status: 'rejected' }, false],
    ['objective', { status: 'at-risk' }, true],
    ['objective', { status: 'achieved' }, false],
    ['objective', { status: 'dropped' }, false],
    ['change', { status: 'in-progress' }, true],
    ['change', { status: 'done' }, false],
    ['change', { status: 'cancelled' }, false],
    ['nonconformity', { status: 'verifying' }, true],
    ['nonconformity', { status: 'closed', effective: 'yes', checkedOn: '2026-02-01', effectivenessCheck: 'Sampled 20 cases' }, false],
  ] as const)('%s %o: open task = %s', (kind, patch, open) => {
    const def = registerOf(kind);
    const field = def.tasks[0]!.date;
    const record = makeCycleRecord(kind, WS, { ...patch, [field]: '2026-03-01' });
    expect(tasksOf({ cycle: [record] }).map((t) => t.id)).toEqual(open ? [`cycle:${record.id}:${field}`] : []);
  });

  it('lists each open review action with its own title, owner and row id', () => {
    const a1 = makeRow('review', 'actions', { action: 'Update the AI policy', owner: 'Lee', due: '2026-04-10' });
    const a2 = makeRow('review', 'actions', { action: 'Train the support team', owner: 'Mo', due: '2026-04-02' });
    const review = makeCycleRecord('review', WS, { ref: 'MR-004', title: 'Q1 review', owner: 'Chair', heldOn: '2026-03-15', actions: [a1, a2] });
    const tasks = tasksOf({ cycle: [review] });
    expect(tasks.map((t) => [t.id, t.date, t.title, t.owner, t.what])).toEqual([
      [`cycle:${review.id}:heldOn`, '2026-03-15', 'Q1 review', 'Chair', 'cycle.review.heldOn'],
      [`cycle:${review.id}:actions:${a2.id}:due`, '2026-04-02', 'Train the support team', 'Mo', 'cycle.review.actions.due'],
      [`cycle:${review.id}:actions:${a1.id}:due`, '2026-04-10', 'Update the AI policy', 'Lee', 'cycle.review.actions.due'],
    ]);
    expect(tasks[1]!.source).toEqual({ register: 'cycle', kind: 'review', recordId: review.id, ref: 'MR-004', rowId: a2.id });
    expect(tasks[0]!.source).not.toHaveProperty('rowId');
  });

  it('drops done review actions and undated ones, and a held review, but keeps its open actions', () => {
    const done = makeRow('review', 'actions', { action: 'Done already', due: '2026-04-01', done: 'yes' });
    const undated = makeRow('review', 'actions', { action: 'Some day', due: null });
    const open = makeRow('review', 'actions', { action: 'Still open', due: '2026-04-03', done: 'no' });
    const review = makeCycleRecord('review', WS, { status: 'held', heldOn: '2026-03-15', actions: [done, undated, open] });
    expect(tasksOf({ cycle: [review] }).map((t) => t.title)).toEqual(['Still open']);
  });

  it("falls back to the record's title and owner when an action leaves them blank", () => {
    const row = makeRow('review', 'actions', { action: '  ', owner: '', due: '2026-04-03' });
    const review = makeCycleRecord('review', WS, { title: 'Annual review', owner: 'Chair', actions: [row] });
    expect(tasksOf({ cycle: [review] }).map((t) => [t.title, t.owner])).toEqual([['Annual review', 'Chair']]);
  });

  it('keeps ids unique when damaged data repeats a row id', () => {
    const row = makeRow('review', 'actions', { action: 'Twice', due: '2026-04-03' });
    const review = makeCycleRecord('review', WS, { actions: [row, { ...row, action: 'Twice again' }] });
    const ids = tasksOf({ cycle: [review] }).map((t) => t.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('collectTasks: risks', () => {
  const expected: Record<(typeof riskStatuses)[number], string[]> = {
    identified: ['treatmentDue', 'nextReview'],
    assessed: ['treatmentDue', 'nextReview'],
    treating: ['treatmentDue', 'nextReview'],
    monitoring: ['nextReview'],
    closed: [],
  };
  it.each(riskStatuses)('a %s risk', (status) => {
    const risk = makeRisk(WS, { status, treatmentDue: '2026-06-01', nextReview: '2026-09-01', owner: 'Sam', ref: 'R-007' });
    const tasks = tasksOf({ risks: [risk] });
    expect(tasks.map((t) => t.id)).toEqual(expected[status].map((f) => `risk:${risk.id}:${f}`));
    expect(tasks.map((t) => t.what)).toEqual(expected[status].map((f) => `risk.${f}`));
    for (const t of tasks) {
      expect(t).toMatchObject({ title: risk.title, owner: 'Sam', source: { register: 'risk', recordId: risk.id, ref: 'R-007' } });
    }
  });

  it('needs a date', () => {
    expect(tasksOf({ risks: [makeRisk(WS, { treatmentDue: null, nextReview: null, status: 'treating' })] })).toEqual([]);
    expect(tasksOf({ risks: [makeRisk(WS, { treatmentDue: null, nextReview: '2026-01-02' })] }).map((t) => t.date)).toEqual(['2026-01-02']);
  });
});

describe('collectTasks: walkthrough items', () => {
  it('lists a target date with the catalog title and the owner', () => {
    const a = makeAssessment(WS, { itemId: 'A.6.2.4', targetDate: '2026-07-01', owner: 'Dana', status: 'in-progress', applicable: null });
    expect(tasksOf({ assessments: [a], itemTitle: (id) => `Title for ${id}` })).toEqual([
      {
        id: 'item:A.6.2.4:targetDate',
        date: '2026-07-01',
        title: 'Title for A.6.2.4',
        what: 'assessment.targetDate',
        owner: 'Dana',
        source: { register: 'item', itemId: 'A.6.2.4' },
      },
    ]);
  });

  it.each([
    [{ status: 'not-started', applicable: true }, true],
    [{ status: 'in-progress', applicable: null }, true],
    [{ status: 'implemented', applicable: true }, false],
    [{ status: 'in-progress', applicable: false }, false],
    [{ status: 'in-progress', targetDate: null }, false],
  ] as const)('%o: open = %s', (patch, open) => {
    const a = makeAssessment(WS, { targetDate: '2026-07-01', ...patch });
    expect(tasksOf({ assessments: [a] })).toHaveLength(open ? 1 : 0);
  });
});

describe('collectTasks: order', () => {
  it('sorts by date, then title with numbers in numeric order, across registers', () => {
    const risk = makeRisk(WS, { title: 'Task 10', nextReview: '2026-02-01', treatmentDue: null });
    const nc = makeCycleRecord('nonconformity', WS, { title: 'Task 2', due: '2026-02-01' });
    const doc = makeCycleRecord('document', WS, { title: 'Alpha', nextReview: '2026-02-02' });
    const item = makeAssessment(WS, { itemId: '6.1.2', targetDate: '2026-01-31' });
    const input = { cycle: [doc, nc], risks: [risk], assessments: [item], itemTitle: () => 'Zulu' };
    const sorted = collectTasks(input).map((t) => `${t.date} ${t.title}`);
    expect(sorted).toEqual(['2026-01-31 Zulu', '2026-02-01 Task 2', '2026-02-01 Task 10', '2026-02-02 Alpha']);
    const reversed = collectTasks({ ...input, cycle: [nc, doc] }).map((t) => `${t.date} ${t.title}`);
    expect(reversed).toEqual(sorted);
  });

  it('orders tasks with equal date and title the same way whatever the input order', () => {
    const a = makeCycleRecord('change', WS, { title: 'Same', plannedOn: '2026-02-01' });
    const b = makeCycleRecord('change', WS, { title: 'Same', plannedOn: '2026-02-01' });
    expect(tasksOf({ cycle: [a, b] }).map((t) => t.id)).toEqual(tasksOf({ cycle: [b, a] }).map((t) => t.id));
  });
});

describe('addDays and taskState', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-03-28', 14, '2026-04-11'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %i = %s', (date, days, out) => {
    expect(addDays(date, days)).toBe(out);
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '', 'soon']) expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('does not depend on the time zone, across DST changes too', () => {
    const cases: [string, number][] = [
      ['2026-03-01', -1],
      ['2026-03-28', 2],
      ['2026-10-24', 2],
      ['2026-09-05', 1],
      ['2026-12-31', 1],
    ];
    const inUtc = cases.map(([d, n]) => addDays(d, n));
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin', 'America/Santiago', 'America/St_Johns']) {
      process.env.TZ = tz;
      if (tz === 'Pacific/Kiritimati') expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset(), 'TZ switch took effect').toBe(-840);
      expect(
        cases.map(([d, n]) => addDays(d, n)),
        tz,
      ).toEqual(inUtc);
      expect(taskState({ date: '2026-03-15' }, '2026-03-01'), tz).toBe('soon');
      expect(taskState({ date: '2026-03-16' }, '2026-03-01'), tz).toBe('later');
    }
    expect(inUtc).toEqual(['2026-02-28', '2026-03-30', '2026-10-26', '2026-09-06', '2027-01-01']);
  });

  it.each([
    ['2026-04-09', 'overdue'],
    ['2025-12-31', 'overdue'],
    ['2026-04-10', 'soon'],
    ['2026-04-24', 'soon'],
    ['2026-04-25', 'later'],
    ['2027-01-01', 'later'],
  ] as const)('with today 2026-04-10, %s is %s', (date, state) => {
    expect(taskState({ date }, '2026-04-10')).toBe(state);
  });

  it('counts "soon" in calendar days across month, year and leap-day ends', () => {
    expect(taskState({ date: '2027-01-08' }, '2026-12-25')).toBe('soon');
    expect(taskState({ date: '2027-01-09' }, '2026-12-25')).toBe('later');
    expect(taskState({ date: '2028-03-05' }, '2028-02-20')).toBe('soon');
    expect(taskState({ date: '2028-03-06' }, '2028-02-20')).toBe('later');
    expect(taskState({ date: '2027-03-06' }, '2027-02-20')).toBe('soon');
    expect(taskState({ date: '2027-03-07' }, '2027-02-20')).toBe('later');
  });

  it('takes another window', () => {
    expect(taskState({ date: '2026-04-13' }, '2026-04-10', 3)).toBe('soon');
    expect(taskState({ date: '2026-04-14' }, '2026-04-10', 3)).toBe('later');
    expect(taskState({ date: '2026-04-10' }, '2026-04-10', 0)).toBe('soon');
    expect(taskState({ date: '2026-04-11' }, '2026-04-10', 0)).toBe('later');
  });

  it('rejects a today that is not a date', () => {
    expect(() => taskState({ date: '2026-04-10' }, '10/04/2026')).toThrow(RangeError);
  });
});

describe('filterTasks and taskOwners', () => {
  const today = '2026-04-10';
  const tasks = [
    task('late-ana', '2026-04-01', 'Ana'),
    task('soon-ana', '2026-04-12', 'Ana'),
    task('later-bo', '2026-06-01', 'Bo'),
    task('soon-nobody', '2026-04-20'),
    task('late-bo', '2026-03-01', 'Bo'),
  ];
  const ids = (filter: Parameters<typeof filterTasks>[1]) => filterTasks(tasks, filter, today).map((t) => t.id);

  it('filters by exact owner, by nobody, or not at all', () => {
    expect(ids({ owner: 'Ana' })).toEqual(['late-ana', 'soon-ana']);
    expect(ids({ owner: 'ana' })).toEqual([]);
    expect(ids({ owner: '' })).toEqual(['soon-nobody']);
    expect(ids({ owner: null })).toEqual(tasks.map((t) => t.id));
    expect(ids({})).toEqual(tasks.map((t) => t.id));
  });

  it('filters by state, keeping the given order', () => {
    expect(ids({ states: ['overdue'] })).toEqual(['late-ana', 'late-bo']);
    expect(ids({ states: ['soon'] })).toEqual(['soon-ana', 'soon-nobody']);
    expect(ids({ states: ['later', 'overdue'] })).toEqual(['late-ana', 'later-bo', 'late-bo']);
    expect(ids({ states: [] })).toEqual([]);
    const all: TaskState[] = ['overdue', 'soon', 'later'];
    expect(ids({ states: all })).toEqual(tasks.map((t) => t.id));
  });

  it('combines owner and state, with a custom "soon" window', () => {
    expect(ids({ owner: 'Bo', states: ['overdue'] })).toEqual(['late-bo']);
    expect(ids({ owner: 'Ana', states: ['later'] })).toEqual([]);
    expect(ids({ states: ['soon'], soonDays: 2 })).toEqual(['soon-ana']);
  });

  it('lists owners once each, without nobody, in collator order', () => {
    const people = ['Zoe', 'bo', 'Agent 10', 'Émile', 'Ana', 'Agent 2', '', 'bo', 'Zoe'].map((o, i) => task(`t${i}`, '2026-01-01', o));
    expect(taskOwners(people)).toEqual(['Agent 2', 'Agent 10', 'Ana', 'bo', 'Émile', 'Zoe']);
    expect(taskOwners([])).toEqual([]);
  });

  it('works on collected tasks: trimmed owners line up with the owner filter', () => {
    const risk = makeRisk(WS, { owner: ' Sam ', nextReview: '2026-04-11' });
    const doc = makeCycleRecord('document', WS, { owner: '', nextReview: '2026-04-01' });
    const collected = tasksOf({ risks: [risk], cycle: [doc] });
    expect(taskOwners(collected)).toEqual(['Sam']);
    expect(filterTasks(collected, { owner: 'Sam' }, today).map((t) => t.source)).toEqual([{ register: 'risk', recordId: risk.id, ref: risk.ref }]);
    expect(filterTasks(collected, { owner: '', states: ['overdue'] }, today).map((t) => t.id)).toEqual([`cycle:${doc.id}:nextReview`]);
  });
});
