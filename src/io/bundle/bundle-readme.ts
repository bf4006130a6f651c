import type { Locale } from '../../i18n/i18n';
import { attachmentPath, bundleTableNames, bundleTables, MANIFEST_PATH, README_PATH, REPORT_PATH } from './bundle-format';
import { displayWidth, fmt, formatStamp, reportMessages, type ReportMessages } from '../report/report-text';

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
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/**
 * Every file a bundle can hold, with what it holds, in the order of the zip: the paths come from
 * bundle-format, so a table added there is listed here (its description is a typed message key).
 */
export function readmeFiles(m: ReportMessages): { path: string; what: string }[] {
  const attachments = attachmentPath(`<${m['report.readme.placeholder.evidenceId']}>`, `<${m['report.readme.placeholder.fileName']}>`);
  return [
    { path: MANIFEST_PATH, what: m['report.readme.file.manifest'] },
    ...bundleTableNames.map((table) => ({ path: bundleTables[table].file, what: m[`report.readme.file.${table}`] })),
    { path: attachments, what: m['report.readme.file.attachments'] },
    { path: README_PATH, what: m['report.readme.file.readme'] },
    { path: REPORT_PATH, what: m['report.readme.file.report'] },
  ];
}

/** README.txt of a bundle: what it is, that it is sensitive, how to open it, every file it can hold. */
export function renderReadme(input: ReadmeInput): string {
  const m = reportMessages(input.locale);
  const name = oneLine(input.workspaceName);
  const title = fmt(m['report.readme.title'], { name });
  const lines = [
    title,
    '='.repeat(Math.min(displayWidth(title), 78)),
    '',
    fmt(m['report.readme.what'], {
      name,
      date: oneLine(formatStamp(input.exportedAt, input.locale)),
      version: oneLine(input.appVersion),
      format: input.formatVersion,
    }),
    '',
    m['report.readme.sensitive'],
    '',
    m['report.readme.openTitle'],
    m['report.readme.openApp'],
    m['report.readme.openReport'],
    '',
    m['report.readme.contentsTitle'],
    ...readmeFiles(m).map((f) => fmt(m['report.readme.fileLine'], f)),
    '',
    m['report.readme.partial'],
    '',
    m['report.readme.format'],
    '',
  ];
  return lines.join('\n');
}
