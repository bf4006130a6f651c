import { addDays, isIsoDate } from './tasks';

/**
 * Tasks as an iCalendar file (RFC 5545) that calendar apps can import: one all-day event per task.
 * Language-neutral: the caller passes titles and descriptions already translated.
 */

export interface IcsTask {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  owner: string;
  /** Already-translated text for DESCRIPTION (e.g. "Owner: Dana"); no DESCRIPTION when absent or empty. */
  description?: string;
}

export interface IcsOptions {
  /** DTSTAMP of every event. */
  now: Date;
  /**
   * The workspace the tasks come from: part of every UID, so the same item in two workspaces (two
   * clients) makes two events, while exporting one workspace again updates its events in place.
   */
  workspaceId: string;
  calendarName: string;
  /** The right-hand side of every UID; default 'aims-workbench.local'. */
  uidDomain?: string;
}

export const ICS_PRODID = '-//AIMS Workbench//Tasks//EN';
export const ICS_MEDIA_TYPE = 'text/calendar;charset=utf-8';
const DEFAULT_UID_DOMAIN = 'aims-workbench.local';
const LINE_OCTETS = 75;
const CRLF = '\r\n';
const encoder = new TextEncoder();

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as `\n`.
 * CR and other control characters (tab aside) are removed, so no value can start a property line of
 * its own; an unpaired surrogate becomes U+FFFD.
 */
export function escapeText(value: string): string {
  return (
    wellFormed(value)
      .replace(/\r\n|\u2028|\u2029/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
      .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
  );
}

/** Unpaired surrogates (which UTF-8 cannot encode) as U+FFFD, like String.prototype.toWellFormed. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Percent-encodes (UTF-8) everything but unreserved characters and ':' — one-to-one, so distinct ids stay distinct. */
function uidPart(value: string, keep: RegExp): string {
  let out = '';
  for (const ch of wellFormed(value)) {
    if (keep.test(ch)) out += ch;
    else for (const byte of encoder.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * `<workspace id>:<task id>@<domain>`. The workspace part keeps no ':' of its own (it is encoded), so
 * the first ':' always ends it and two different pairs never give one UID.
 */
export function icsUid(workspaceId: string, id: string, domain = DEFAULT_UID_DOMAIN): string {
  const ws = uidPart(workspaceId, /^[A-Za-z0-9\-._~]$/);
  return `${ws}:${uidPart(id, /^[A-Za-z0-9\-._~:]$/)}@${uidPart(domain, /^[A-Za-z0-9\-.]$/) || DEFAULT_UID_DOMAIN}`;
}

/** 20261127T101500Z */
export function icsTimestamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid DTSTAMP date');
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function icsDate(date: string): string {
  return date.replaceAll('-', '');
}

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets of UTF-8 per physical line, continuation
 * lines start with one space. Never splits a character, nor a backslash from the character it escapes.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = LINE_OCTETS;
  for (const unit of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    const octets = encoder.encode(unit).length;
    if (size + octets > limit && current !== '') {
      parts.push(current);
      current = '';
      size = 0;
      limit = LINE_OCTETS - 1;
    }
    current += unit;
    size += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export function tasksToIcs(tasks: readonly IcsTask[], options: IcsOptions): string {
  const stamp = icsTimestamp(options.now);
  const domain = options.uidDomain ?? DEFAULT_UID_DOMAIN;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const task of tasks) {
    if (!isIsoDate(task.date)) throw new RangeError(`task ${task.id}: not a date: ${JSON.stringify(task.date)}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsUid(options.workspaceId, task.id, domain)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(task.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(task.date, 1))}`,
      `SUMMARY:${escapeText(task.title)}`,
    );
    if (task.description) lines.push(`DESCRIPTION:${escapeText(task.description)}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
