import { report as m } from '../i18n/en/report';

export interface ReadmeInput {
  workspaceName: string;
  exportedAt: string;
  appVersion: string;
  formatVersion: number;
  /** An encrypted bundle carries no readable README; the field only documents that this one is plain. */
  encrypted?: false;
}

function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Control characters (a pasted newline, a tab) would break the plain-text layout: one line per name. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** README.txt of a bundle: what it is, that it is sensitive, how to open it, what each file holds. */
export function renderReadme(input: ReadmeInput): string {
  const name = oneLine(input.workspaceName);
  const title = fmt(m['report.readme.title'], { name });
  const lines = [
    title,
    '='.repeat(Math.min(title.length, 78)),
    '',
    fmt(m['report.readme.what'], { name, date: oneLine(input.exportedAt), version: oneLine(input.appVersion), format: input.formatVersion }),
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
