import { kindPluralLabel } from '../../domain/cycle/registry';
import { logoDataUrl } from '../../domain/logo';
import { locale as activeLocale, t } from '../words';
import { fmt, formatStamp } from '../report/report-text';
import { reportOf, type Report, type ReportInput, type ReportSection } from '../report/context';
import { evidenceSection } from '../report/evidence';
import { html, Html, writeHtml, type Part } from '../report/html';
import { impactAssessmentSection } from '../report/impact-assessments';
import { kindAnchor, kindsWithRecords, managementSystemSection } from '../report/management-system';
import { ownControlSection } from '../report/own-controls';
import { profileSection } from '../report/profile';
import { riskSection } from '../report/risks';
import { soaSection } from '../report/soa';
import { STYLE } from '../report/style';
import { systemSection } from '../report/systems';
import { walkthroughSection } from '../report/walkthrough';

export { escapeHtml } from '../report/html';
export type { ReportInput } from '../report/context';

interface Section {
  id: string;
  title: string;
  included: boolean;
  body: (r: Report) => Part;
  /** Entries under it in the contents (the management-system kinds). */
  parts?: { id: string; title: string }[];
}

function sections(r: Report): Section[] {
  const { included } = r.input;
  const m = r.l.m;
  const on = (s: Exclude<ReportSection, 'profile'>) => included[s];
  return [
    { id: 'profile', title: t('profile.title'), included: true, body: profileSection },
    { id: 'soa', title: t('soa.title'), included: on('soa'), body: soaSection },
    { id: 'risks', title: t('risks.title'), included: on('risks'), body: riskSection },
    { id: 'ai-systems', title: t('systems.title'), included: on('aiSystems'), body: systemSection },
    { id: 'own-controls', title: t('controls.title'), included: on('ownControls'), body: ownControlSection },
    { id: 'impact-assessments', title: t('ia.list.title'), included: on('impactAssessments'), body: impactAssessmentSection },
    {
      id: 'management-system',
      title: m['report.ms.title'],
      included: on('managementSystem'),
      body: managementSystemSection,
      parts: on('managementSystem') ? kindsWithRecords(r).map((kind) => ({ id: kindAnchor(kind), title: t(kindPluralLabel(kind)) })) : [],
    },
    { id: 'walkthrough', title: m['report.walkthrough.title'], included: on('walkthrough'), body: walkthroughSection },
    { id: 'evidence', title: m['report.evidence.title'], included: on('evidence'), body: evidenceSection },
  ];
}

function section(r: Report, s: Section): Html {
  return html`<section id="${s.id}"><h2>${s.title}</h2>${s.included ? s.body(r) : html`<p class="excluded">${r.l.m['report.notIncluded']}</p>`}</section>`;
}

/**
 * report.html of a bundle: a read-only, offline, script-free view of every register it carries, for
 * readers without the app. Its own strings come from the report table (report-text), shared labels and
 * stored values from i18n and value-text, which the export worker sets to the export's language.
 */
export function renderReportHtml(input: ReportInput): string {
  let out = '';
  renderReportParts(input, (part) => (out += part));
  return out;
}

/**
 * report.html in pieces, in order, of about 64 K characters each (a section ends its last): the
 * export writes each piece to the zip as it comes, so the compression of one runs while the next is
 * written, and no piece is ever the whole of a large section. The pieces joined are the whole report.
 */
export function renderReportParts(input: ReportInput, write: (part: string) => void): void {
  // The shared labels come from t(): a report in one language with another's column names is a bug, not a fallback.
  if (input.locale !== activeLocale()) throw new Error(`report in ${input.locale}, but the UI strings are ${activeLocale()}: call setLocale first`);
  const r = reportOf(input);
  const m = r.l.m;
  const { catalog, workspace } = input;
  const org = workspace.profile.organizationName;
  // A workspace stored before logos existed has no such key.
  const logo = workspace.profile.logo ?? null;
  const all = sections(r);
  const exportedAt = formatStamp(input.exportedAt, input.locale);
  const exported = fmt(m['report.exported'], { date: exportedAt, version: input.appVersion, catalog: `${catalog.frameworkName} ${catalog.catalogVersion}` });
  const head = html`<!DOCTYPE html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fmt(m['report.documentTitle'], { name: workspace.name })}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header>
${logo ? html`<img class="logo" src="${logoDataUrl(logo)}" alt="${fmt(m['report.logoAlt'], { org: org || workspace.name })}">` : ''}
<h1>${fmt(m['report.heading'], { name: workspace.name })}</h1>
${org ? html`<p>${fmt(m['report.organization'], { org })}</p>` : ''}
<p>${exported}</p>
<div class="notice"><p>${m['report.snapshot']}</p><p>${m['report.sensitive']}</p></div>
${catalog.titlesUnofficial ? html`<p class="note" id="titles-unofficial">${m['report.titlesUnofficial']}</p>` : ''}
</header>
<nav><h2>${m['report.contents']}</h2><ol>${all.map((s) => html`<li><a href="#${s.id}">${s.title}</a>${s.parts?.length ? html`<ol>${s.parts.map((p) => html`<li><a href="#${p.id}">${p.title}</a></li>`)}</ol>` : ''}</li>`)}</ol></nav>
<main>
`;
  const tail = html`
</main>
<footer><p>${fmt(m['report.footer'], { version: input.appVersion, date: exportedAt })}</p></footer>
</body>
</html>
`;
  writeHtml(head, write);
  for (const s of all) writeHtml(section(r, s), write);
  writeHtml(tail, write);
}
