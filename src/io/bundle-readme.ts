import type { Locale } from '../i18n/i18n';
import { displayWidth, fmt, formatStamp, reportMessages } from './report-text';

export interface ReadmeInput {
  workspaceName: string;
  exportedAt: string;
  appVersion: string;
  formatVersion: number;
  /** The UI language chosen when exporting; the README is written in it. */
  locale: Locale;
  /** An encrypted bundle carries no readable README; the field only documents that this one is plain. */
  encrypted?: false;
}

/** Control characters (a pasted newline, a tab) would break the plain-text layout: one line per name. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** README.txt of a bundle: what it is, that it is sensitive, how to open it, what each file holds. */
export function renderReadme(input: ReadmeInput): string {
  const m = reportMessages(input.locale);
  const name = oneLine(input.workspaceName);
  const title = fmt(m['report.readme.title'], { name });
  const lines = [
    title,
    '='.repeat(Math.min(displayWidth(title), 78)),
    '',
    fmt(m['report.readme.what'], { name, date: oneLine(formatStamp(input.exportedAt, input.locale)), version: oneLine(input.appVersion), format: input.formatVersion }),
    '',
    m['report.readme.sensitive'],
    '',
    m['report.readme.openTitle'],
    m['report.readme.openApp'],
    m['report.readme.openReport'],
    '',
    m['report.readme.contentsTitle'],
    m['report.readme.manifest'],
    m['report.readme.data'],
    m['report.readme.attachments'],
    m['report.readme.report'],
    '',
    m['report.readme.format'],
    '',
  ];
  return lines.join('\n');
}
