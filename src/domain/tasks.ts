import type { MessageKey } from '../i18n/messages-en';
import type { Assessment } from './assessment-schema';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { KindDef, TaskDef } from './cycle/define';
import { registerOf, type CycleKind, type CycleRecord } from './cycle/registry';
import type { Risk } from './risk-schema';

/**
 * "My tasks": every open dated thing across the registers, in one list. Each management-system
 * register declares its dates (`TaskDef`), risks have their treatment due date and next review, and
 * walkthrough answers their target date. Everything here is derived; nothing is stored.
 */

export type TaskSource =
  | { register: 'cycle'; kind: CycleKind; recordId: string; ref: string; rowId?: string }
  | { register: 'risk'; recordId: string; ref: string }
  | { register: 'assessment'; recordId: string; version: number }
  | { register: 'item'; itemId: string };

export interface Task {
  /** Stable and unique: `cycle:<recordId>:<field>`, `cycle:<recordId>:<rows>:<rowId>:<field>`, `risk:<id>:<field>`, `assessment:<id>:nextReview`, `item:<itemId>:targetDate`. */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** The record's title; a row task's own title field (the record's title when that is blank); an item's catalog title. */
  title: string;
  /** Label of the date field. */
  what: MessageKey;
  /** The record's owner; a row task's own owner field (the record's owner when that is blank). Trimmed; '' when nobody. */
  owner: string;
  source: TaskSource;
}

export type TaskState = 'overdue' | 'soon' | 'later';
export const taskStates = ['overdue', 'soon', 'later'] as const satisfies readonly TaskState[];

export interface TaskFilter {
  /** Exact owner; '' means tasks with no owner; null or undefined: everybody's. */
  owner?: string | null;
  /** The states to keep; undefined keeps all, an empty list keeps none. */
  states?: readonly TaskState[];
  /** How many days ahead count as "soon" (default 14). */
  soonDays?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as YYYY-MM-DD (no time zone), or null. */
function parseIsoDate(value: string): Date | null {
  if (!isIsoDate(value)) return null;
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  d.setUTCFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return d;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function formatUtc(d: Date): string {
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return '';
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A real calendar date as YYYY-MM-DD (years 0000–9999, the proleptic Gregorian calendar, as Date
 * counts them), checked with arithmetic: every task's dates are checked, 100,000 of them at 50,000 risks.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The calendar date `days` after (or before) `date`, independent of the machine's time zone. */
export function addDays(date: string, days: number): string {
  const d = parseIsoDate(date);
  if (!d || !Number.isInteger(days)) throw new RangeError(`cannot add ${days} days to ${JSON.stringify(date)}`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = formatUtc(d);
  if (!out) throw new RangeError(`${date} + ${days} days is outside the years 0000–9999`);
  return out;
}

/** One collator for every comparison (making one per call is slow): "Task 2" before "Task 10". */
const TITLE_ORDER = new Intl.Collator('en', { numeric: true });

/** By date, then title, then id so that equal titles still come out in one order. */
export function compareTasks(a: Task, b: Task): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byTitle = TITLE_ORDER.compare(a.title, b.title);
  if (byTitle !== 0) return byTitle;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The label of a declared date field, so the task reads exactly like the field in the editor. */
function labelOf(def: KindDef, task: TaskDef): MessageKey {
  const fields = task.rows ? def.rows.find((r) => r.key === task.rows)?.fields : def.fields;
  const declared = fields?.find((f) => f.key === task.date)?.label;
  return declared ?? ((task.rows ? `cycle.${def.kind}.${task.rows}.${task.date}` : `cycle.${def.kind}.${task.date}`) as MessageKey);
}

function cycleTasks(record: CycleRecord, out: Task[]): void {
  const def = registerOf(record.kind);
  const fields = record as unknown as Record<string, unknown>;
  const recordTitle = text(record.title);
  const recordOwner = text(record.owner);
  for (const taskDef of def.tasks) {
    const what = labelOf(def, taskDef);
    const base = { register: 'cycle' as const, kind: record.kind, recordId: record.id, ref: record.ref };
    if (!taskDef.rows) {
      const date = fields[taskDef.date];
      if (!isIsoDate(date) || taskDef.done(fields)) continue;
      out.push({
        id: `cycle:${record.id}:${taskDef.date}`,
        date,
        title: (taskDef.title && text(fields[taskDef.title])) || recordTitle,
        what,
        owner: (taskDef.owner && text(fields[taskDef.owner])) || recordOwner,
        source: base,
      });
      continue;
    }
    const rows = fields[taskDef.rows];
    if (!Array.isArray(rows)) continue;
    for (const row of rows as unknown[]) {
      if (typeof row !== 'object' || row === null) continue;
      const r = row as Record<string, unknown>;
      const date = r[taskDef.date];
      if (!isIsoDate(date) || taskDef.done(fields, r)) continue;
      const rowId = String(r.id ?? '');
      out.push({
        id: `cycle:${record.id}:${taskDef.rows}:${rowId}:${taskDef.date}`,
        date,
        title: (taskDef.title && text(r[taskDef.title])) || recordTitle,
        what,
        owner: (taskDef.owner && text(r[taskDef.owner])) || recordOwner,
        source: { ...base, rowId },
      });
    }
  }
}

/** A risk's dated things, as My tasks lists them: its treatment while it is being treated, its next review while it is open. */
export function riskTaskDates(risk: Pick<Risk, 'treatmentDue' | 'nextReview' | 'status'>): { treatmentDue: string | null; nextReview: string | null } {
  return {
    treatmentDue: isIsoDate(risk.treatmentDue) && risk.status !== 'monitoring' && risk.status !== 'closed' ? risk.treatmentDue : null,
    nextReview: isIsoDate(risk.nextReview) && risk.status !== 'closed' ? risk.nextReview : null,
  };
}

/** One of a risk's tasks (`riskTaskDates` says which it has). */
export function riskTask(risk: Pick<Risk, 'id' | 'ref' | 'title' | 'owner'>, what: 'treatmentDue' | 'nextReview', date: string): Task {
  return {
    id: `risk:${risk.id}:${what}`,
    date,
    what: `risk.${what}`,
    title: text(risk.title),
    owner: text(risk.owner),
    source: { register: 'risk', recordId: risk.id, ref: risk.ref },
  };
}

function riskTasks(risk: Risk, out: Task[]): void {
  const dates = riskTaskDates(risk);
  if (dates.treatmentDue !== null) out.push(riskTask(risk, 'treatmentDue', dates.treatmentDue));
  if (dates.nextReview !== null) out.push(riskTask(risk, 'nextReview', dates.nextReview));
}

function itemTask(a: Assessment, itemTitle: (itemId: string) => string, out: Task[]): void {
  if (!isIsoDate(a.targetDate) || a.status === 'implemented' || a.applicable === false) return;
  out.push({
    id: `item:${a.itemId}:targetDate`,
    date: a.targetDate,
    title: itemTitle(a.itemId),
    what: 'assessment.targetDate',
    owner: text(a.owner),
    source: { register: 'item', itemId: a.itemId },
  });
}

/** The next review of each impact assessment in force (the newest approved version of a series, 8.4). */
function assessmentTasks(assessments: readonly ImpactAssessment[], systemName: (id: string) => string, out: Task[]): void {
  const inForce = new Map<string, ImpactAssessment>();
  for (const a of assessments) {
    if (a.state !== 'approved') continue;
    const best = inForce.get(a.seriesId);
    if (!best || a.version > best.version) inForce.set(a.seriesId, a);
  }
  for (const a of inForce.values()) {
    if (!isIsoDate(a.nextReview)) continue;
    out.push({
      id: `assessment:${a.id}:nextReview`,
      date: a.nextReview,
      title: systemName(a.aiSystemId),
      what: 'tasks.assessmentReview',
      owner: text(a.approver),
      source: { register: 'assessment', recordId: a.id, version: a.version },
    });
  }
}

export interface TaskSources {
  cycle: readonly CycleRecord[];
  risks: readonly Risk[];
  assessments: readonly Assessment[];
  itemTitle: (itemId: string) => string;
  /** Impact assessments with the names of their AI systems; both optional together. */
  impactAssessments?: readonly ImpactAssessment[];
  systemName?: (aiSystemId: string) => string;
}

/**
 * Every open task (a valid date is set and the register does not count it as done), sorted by date
 * then title. Ids are unique even for damaged data (two rows sharing an id get `#2`, `#3` …).
 */
export function collectTasks(input: TaskSources): Task[] {
  return collectTasksUnordered(input).sort(compareTasks);
}

/** The same tasks in the order they were found: for counting them, or `firstTasks` (sorting 100,000 tasks compares titles a million times). */
export function collectTasksUnordered(input: TaskSources): Task[] {
  const out: Task[] = [];
  for (const record of input.cycle) cycleTasks(record, out);
  for (const risk of input.risks) riskTasks(risk, out);
  if (input.impactAssessments) assessmentTasks(input.impactAssessments, input.systemName ?? (() => ''), out);
  for (const a of input.assessments) itemTask(a, input.itemTitle, out);
  const seen = new Map<string, number>();
  for (const task of out) {
    const n = (seen.get(task.id) ?? 0) + 1;
    seen.set(task.id, n);
    if (n > 1) task.id = `${task.id}#${n}`;
  }
  return out;
}

/** The first `n` of `tasks` in My tasks' order (`compareTasks`), without sorting them all. */
export function firstTasks(tasks: readonly Task[], n: number): Task[] {
  const out: Task[] = [];
  if (n <= 0) return out;
  for (const task of tasks) keepFirst(out, task, n);
  return out;
}

/** Adds `task` to `out`, the first `n` tasks seen so far in My tasks' order, if it is among them. */
export function keepFirst(out: Task[], task: Task, n: number): void {
  if (n <= 0 || (out.length === n && compareTasks(task, out[n - 1]!) >= 0)) return;
  let i = out.length;
  while (i > 0 && compareTasks(task, out[i - 1]!) < 0) i--;
  out.splice(i, 0, task);
  if (out.length > n) out.pop();
}

function soonLimit(today: string, soonDays: number): string {
  if (!isIsoDate(today)) throw new RangeError(`not a date: ${JSON.stringify(today)}`);
  return addDays(today, soonDays);
}

function stateOf(date: string, today: string, limit: string): TaskState {
  return date < today ? 'overdue' : date <= limit ? 'soon' : 'later';
}

/** overdue: before today; soon: from today up to `soonDays` days ahead (inclusive); later: beyond. */
export function taskState(task: Pick<Task, 'date'>, today: string, soonDays = 14): TaskState {
  return stateOf(task.date, today, soonLimit(today, soonDays));
}

/** `taskState` for many tasks: the "soon" limit worked out once, not once per task. */
export function taskStateOn(today: string, soonDays = 14): (task: Pick<Task, 'date'>) => TaskState {
  const limit = soonLimit(today, soonDays);
  return (task) => stateOf(task.date, today, limit);
}

/** The tasks of one owner and/or in some states, in the order given. */
export function filterTasks(tasks: readonly Task[], filter: TaskFilter, today: string): Task[] {
  const owner = filter.owner;
  const states = filter.states ? new Set<TaskState>(filter.states) : null;
  const limit = soonLimit(today, filter.soonDays ?? 14);
  return tasks.filter((t) => (owner == null || t.owner === owner) && (!states || states.has(stateOf(t.date, today, limit))));
}

/** The people tasks are assigned to, each once, in collator order ('' left out). */
export function taskOwners(tasks: readonly Task[]): string[] {
  return [...new Set(tasks.map((t) => t.owner).filter((o) => o !== ''))].sort(TITLE_ORDER.compare);
}
