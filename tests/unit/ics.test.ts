import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsUid, tasksToIcs, type IcsTask } from '../../src/domain/ics';
import { collectTasks } from '../../src/domain/tasks';
import { makeAssessment, makeCycleRecord, makeRisk } from '../support/factories';

const NOW = new Date('2026-11-27T10:15:00.000Z');
const OPTIONS = { now: NOW, calendarName: 'AIMS tasks', workspaceId: 'ws-1' };

function t(overrides: Partial<IcsTask> = {}): IcsTask {
  return { id: 'risk:r1:nextReview', date: '2026-05-04', title: 'Review R-001', owner: 'Sam', ...overrides };
}

/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
function unfold(ics: string): string[] {
  const text = ics.replace(/\r\n[ \t]/g, '');
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function property(ics: string, name: string): string[] {
  return unfold(ics)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(':') + 1));
}

/** The physical lines as bytes, each decoded strictly: throws if a fold split a UTF-8 sequence. */
function physicalLines(ics: string): { text: string; octets: number }[] {
  const bytes = new TextEncoder().encode(ics);
  const lines: { text: string; octets: number }[] = [];
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const line = bytes.subarray(start, i);
      lines.push({ text: strict.decode(line), octets: line.length });
      start = i + 2;
      i++;
    }
  }
  expect(start, 'output ends with CRLF').toBe(bytes.length);
  // A fold inside a surrogate pair would survive in the string but not in the file's bytes.
  expect(lines.map((l) => `${l.text}\r\n`).join(''), 'the UTF-8 file decodes to the same text').toBe(ics);
  return lines;
}

describe('tasksToIcs: calendar structure', () => {
  it('writes one all-day event per task, exactly', () => {
    const ics = tasksToIcs([t(), t({ id: 'item:A.6.2.4:targetDate', date: '2026-12-31', title: 'Bias testing', description: 'Owner: Dana' })], OPTIONS);
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//AIMS Workbench//Tasks//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:AIMS tasks',
        'BEGIN:VEVENT',
        'UID:ws-1:risk:r1:nextReview@aims-workbench.local',
        'DTSTAMP:20261127T101500Z',
        'DTSTART;VALUE=DATE:20260504',
        'DTEND;VALUE=DATE:20260505',
        'SUMMARY:Review R-001',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:ws-1:item:A.6.2.4:targetDate@aims-workbench.local',
        'DTSTAMP:20261127T101500Z',
        'DTSTART;VALUE=DATE:20261231',
        'DTEND;VALUE=DATE:20270101',
        'SUMMARY:Bias testing',
        'DESCRIPTION:Owner: Dana',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('is an empty but valid calendar without tasks', () => {
    expect(unfold(tasksToIcs([], OPTIONS))).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//AIMS Workbench//Tasks//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:AIMS tasks',
      'END:VCALENDAR',
    ]);
  });

  it('gives the same bytes for the same input, events in input order', () => {
    const tasks = [t({ id: 'b', title: 'Second' }), t({ id: 'a', title: 'First', date: '2026-01-01' })];
    const one = tasksToIcs(tasks, { ...OPTIONS, now: new Date(NOW) });
    expect(
      tasksToIcs(
        tasks.map((x) => ({ ...x })),
        { ...OPTIONS, now: new Date(NOW.getTime()) },
      ),
    ).toBe(one);
    expect(property(one, 'SUMMARY')).toEqual(['Second', 'First']);
  });

  it('uses only CRLF line endings', () => {
    const ics = tasksToIcs([t({ title: 'a\nb\rc', description: 'd\r\ne' })], OPTIONS);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes DESCRIPTION only when there is one', () => {
    expect(property(tasksToIcs([t(), t({ description: '' })], OPTIONS), 'DESCRIPTION')).toEqual([]);
    expect(property(tasksToIcs([t({ description: 'Owner: Sam; due soon' })], OPTIONS), 'DESCRIPTION')).toEqual(['Owner: Sam\\; due soon']);
  });
});

describe('tasksToIcs: dates', () => {
  it.each([
    ['2026-05-04', '20260504', '20260505'],
    ['2026-01-31', '20260131', '20260201'],
    ['2026-04-30', '20260430', '20260501'],
    ['2026-12-31', '20261231', '20270101'],
    ['2028-02-28', '20280228', '20280229'],
    ['2028-02-29', '20280229', '20280301'],
    ['2027-02-28', '20270228', '20270301'],
    ['2100-02-28', '21000228', '21000301'],
    ['2000-02-28', '20000228', '20000229'],
  ])('%s starts %s and ends (exclusive) %s', (date, start, end) => {
    const ics = tasksToIcs([t({ date })], OPTIONS);
    expect(property(ics, 'DTSTART')).toEqual([start]);
    expect(property(ics, 'DTEND')).toEqual([end]);
    expect(unfold(ics)).toContain(`DTSTART;VALUE=DATE:${start}`);
    expect(unfold(ics)).toContain(`DTEND;VALUE=DATE:${end}`);
  });

  it('refuses dates that do not exist', () => {
    for (const date of ['2027-02-29', '2026-04-31', '2026-5-4', '20260504', '']) expect(() => tasksToIcs([t({ date })], OPTIONS)).toThrow(RangeError);
  });

  it('stamps in UTC whatever offset the Date was made with', () => {
    for (const now of [new Date('2026-11-27T10:15:00.999Z'), new Date('2026-11-27T11:15:00+01:00'), new Date('2026-11-26T23:15:00-11:00')]) {
      expect(property(tasksToIcs([t()], { ...OPTIONS, now }), 'DTSTAMP')).toEqual(['20261127T101500Z']);
    }
    expect(property(tasksToIcs([t()], { ...OPTIONS, now: new Date('2027-01-01T00:00:00Z') }), 'DTSTAMP')).toEqual(['20270101T000000Z']);
    expect(() => tasksToIcs([t()], { ...OPTIONS, now: new Date('not a date') })).toThrow(RangeError);
  });
});

describe('tasksToIcs: UIDs', () => {
  it('appends the domain, default or given', () => {
    expect(property(tasksToIcs([t({ id: 'cycle:abc:due' })], OPTIONS), 'UID')).toEqual(['ws-1:cycle:abc:due@aims-workbench.local']);
    expect(property(tasksToIcs([t({ id: 'cycle:abc:due' })], { ...OPTIONS, uidDomain: 'acme.example' }), 'UID')).toEqual(['ws-1:cycle:abc:due@acme.example']);
  });

  it('encodes characters a UID should not hold, keeping distinct ids distinct', () => {
    const ids = ['a b', 'a%20b', 'a_b', 'a@b', 'a;b', 'a,b', 'x\r\nBEGIN:VEVENT', 'ä', '😀', 'a\\b', 'a/b'];
    const uids = ids.map((id) => icsUid('ws-1', id));
    for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9\-._~:%]+@aims-workbench\.local$/);
    expect(new Set(uids).size).toBe(ids.length);
    expect(icsUid('ws-1', 'a b')).toBe('ws-1:a%20b@aims-workbench.local');
    expect(icsUid('ws-1', 'a%20b')).toBe('ws-1:a%2520b@aims-workbench.local');
    expect(icsUid('ws-1', 'ä')).toBe('ws-1:%C3%A4@aims-workbench.local');
    expect(icsUid('ws-1', 'x', 'evil.example\r\nBEGIN:VEVENT')).toMatch(/^ws-1:x@[A-Za-z0-9.%-]+$/);
    expect(icsUid('ws-1', 'x', '')).toBe('ws-1:x@aims-workbench.local');
  });
});

describe('tasksToIcs: UIDs per workspace', () => {
  const item = collectTasks({
    cycle: [],
    risks: [],
    assessments: [makeAssessment('ws', { itemId: '4.1', targetDate: '2026-09-30' })],
    itemTitle: () => 'Context',
  });

  it('gives the same walkthrough item distinct UIDs in two workspaces, so two calendars never overwrite each other', () => {
    const a = property(tasksToIcs(item, { ...OPTIONS, workspaceId: 'ws-acme' }), 'UID');
    const b = property(tasksToIcs(item, { ...OPTIONS, workspaceId: 'ws-globex' }), 'UID');
    expect(item.map((x) => x.id)).toEqual(['item:4.1:targetDate']);
    expect(a).toHaveLength(1);
    expect(a).not.toEqual(b);
    expect(a[0]).toContain('ws-acme');
    expect(b[0]).toContain('ws-globex');
  });

  it('keeps every UID of a workspace the same from one export to the next', () => {
    const risk = makeRisk('ws', { nextReview: '2026-06-30' });
    const tasks = collectTasks({
      cycle: [],
      risks: [risk],
      assessments: [makeAssessment('ws', { itemId: '4.1', targetDate: '2026-09-30' })],
      itemTitle: () => 'Context',
    });
    const first = tasksToIcs(tasks, { ...OPTIONS, workspaceId: 'ws-acme' });
    const later = tasksToIcs(
      tasks.map((x) => ({ ...x, title: `${x.title} (renamed)` })),
      { ...OPTIONS, now: new Date('2027-03-01T08:00:00Z'), workspaceId: 'ws-acme' },
    );
    expect(property(later, 'UID')).toEqual(property(first, 'UID'));
    expect(new Set(property(first, 'UID')).size).toBe(2);
  });

  it('cannot confuse a workspace id with the start of a task id', () => {
    expect(icsUid('a:b', 'c')).not.toBe(icsUid('a', 'b:c'));
    expect(icsUid('a:b', 'c')).toBe('a%3Ab:c@aims-workbench.local');
    expect(icsUid('ws 1', 'x')).toMatch(/^[A-Za-z0-9\-._~:%]+@aims-workbench\.local$/);
  });
});

describe('tasksToIcs: TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeText('one\r\ntwo\u2028three')).toBe('one\\ntwo\\nthree');
    expect(escapeText('colon: "quotes" stay')).toBe('colon: "quotes" stay');
    expect(property(tasksToIcs([t({ title: 'Fix a;b,c\\d' })], OPTIONS), 'SUMMARY')).toEqual(['Fix a\\;b\\,c\\\\d']);
  });

  it('removes CR and control characters but keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\u0085f\rg\th')).toBe('abcdefg\th');
  });

  it('replaces unpaired surrogates and keeps pairs', () => {
    expect(escapeText('x\uD800y😀')).toBe('x\uFFFDy😀');
  });

  it('escapes the calendar name and the description too', () => {
    const ics = tasksToIcs([t({ description: 'Owner: Ana, Bo\nNote; see DOC-001' })], { ...OPTIONS, calendarName: 'Acme, Inc.; tasks' });
    expect(property(ics, 'X-WR-CALNAME')).toEqual(['Acme\\, Inc.\\; tasks']);
    expect(property(ics, 'DESCRIPTION')).toEqual(['Owner: Ana\\, Bo\\nNote\\; see DOC-001']);
  });

  it.each([
    ['x\r\nBEGIN:VEVENT', 'x\nBEGIN:VEVENT'],
    ['x\nBEGIN:VEVENT', 'x\nBEGIN:VEVENT'],
    ['x\rBEGIN:VEVENT', 'xBEGIN:VEVENT'],
    ['x\r\n BEGIN:VEVENT', 'x\n BEGIN:VEVENT'],
    ['x\u2028END:VCALENDAR', 'x\nEND:VCALENDAR'],
    ['x\u0085BEGIN:VEVENT', 'xBEGIN:VEVENT'],
  ])('a hostile text %j cannot start a property line', (hostile, kept) => {
    const ics = tasksToIcs([t({ title: hostile, description: hostile })], { ...OPTIONS, calendarName: hostile });
    const lines = unfold(ics);
    expect(lines.every((l) => /^[A-Z-]+[;:]/.test(l))).toBe(true);
    expect(lines.filter((l) => /^(BEGIN|END):/.test(l))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR']);
    expect(property(ics, 'SUMMARY').map(unescapeText)).toEqual([kept]);
    expect(property(ics, 'DESCRIPTION').map(unescapeText)).toEqual([kept]);
    expect(property(ics, 'X-WR-CALNAME').map(unescapeText)).toEqual([kept]);
  });
});

describe('tasksToIcs: line folding', () => {
  const chinese = '人工智能管理体系风险评估与处置计划，须在管理评审前完成；负责人：张伟。'.repeat(4);
  const emoji = '🚀 Launch ✅ review 👩🏽‍💻 with 🇪🇺 team — ok 🎉'.repeat(5);

  it.each([
    ['Chinese', chinese],
    ['emoji', emoji],
    ['ASCII', 'Document review for the responsible AI policy, version 2; '.repeat(6)],
    ['commas', ','.repeat(120)],
    ['only emoji', '😀🇪🇺👩🏽‍💻'.repeat(12)],
  ])('%s: every physical line is at most 75 octets and unfolding restores the text', (_name, title) => {
    for (let pad = 0; pad < 8; pad++) {
      const text = `${'a'.repeat(pad)}${title}`;
      const ics = tasksToIcs([t({ title: text, description: text })], OPTIONS);
      const lines = physicalLines(ics);
      expect(lines.length).toBeGreaterThan(unfold(ics).length);
      for (const line of lines) expect(line.octets, line.text).toBeLessThanOrEqual(75);
      expect(
        lines.slice(1).some((l) => l.text.startsWith(' ')),
        'continuation lines start with a space',
      ).toBe(true);
      expect(property(ics, 'SUMMARY').map(unescapeText)).toEqual([text]);
      expect(property(ics, 'DESCRIPTION').map(unescapeText)).toEqual([text]);
    }
  });

  it('folds exactly at the limit, and continuation lines count their space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    // "SUMMARY:" is 8 octets, 22 Chinese characters 66 more: a 23rd would make 77.
    const folded = foldLine(`SUMMARY:${'风'.repeat(30)}`).split('\r\n');
    expect(folded[0]).toBe(`SUMMARY:${'风'.repeat(22)}`);
    expect(new TextEncoder().encode(folded[0]).length).toBe(74);
    expect(folded[1]).toBe(` ${'风'.repeat(8)}`);
  });

  it('never splits a backslash from the character it escapes', () => {
    for (let pad = 0; pad < 4; pad++) {
      const title = `${'a'.repeat(pad)}${',;\\'.repeat(40)}`;
      const ics = tasksToIcs([t({ title })], OPTIONS);
      for (const { text } of physicalLines(ics)) {
        const trailing = /\\*$/.exec(text)![0].length;
        expect(trailing % 2, text).toBe(0);
      }
      expect(property(ics, 'SUMMARY').map(unescapeText)).toEqual([title]);
    }
  });
});

describe('tasksToIcs with collected tasks', () => {
  it('turns every open task into an event whose UID carries the task id', () => {
    const risk = makeRisk('ws', { title: 'Drift, unnoticed', nextReview: '2026-06-30', treatmentDue: '2026-05-31', status: 'treating' });
    const nc = makeCycleRecord('nonconformity', 'ws', { title: 'Policy not reviewed', due: '2028-02-29' });
    const tasks = collectTasks({ cycle: [nc], risks: [risk], assessments: [], itemTitle: () => '' });
    const ics = tasksToIcs(
      tasks.map((x) => ({ ...x, description: `Owner: ${x.owner}` })),
      OPTIONS,
    );
    expect(property(ics, 'UID')).toEqual(tasks.map((x) => `ws-1:${x.id}@aims-workbench.local`));
    expect(property(ics, 'DTSTART')).toEqual(['20260531', '20260630', '20280229']);
    expect(property(ics, 'DTEND')).toEqual(['20260601', '20260701', '20280301']);
    expect(property(ics, 'SUMMARY')).toEqual(['Drift\\, unnoticed', 'Drift\\, unnoticed', 'Policy not reviewed']);
  });
});
