import { effectiveStatus, type Assessment } from '../domain/assessment-schema';
import type { AiSystem } from '../domain/ai-system-schema';
import type { Catalog, CatalogItem } from '../domain/catalog-model';
import type { OwnControl } from '../domain/own-control-schema';
import { soaApplicable, soaCompleteness, soaGaps } from '../domain/progress';
import { evaluateRisk } from '../domain/risk-evaluation';
import type { CellLevel } from '../domain/risk-matrix';
import type { Risk } from '../domain/risk-schema';
import { refsText, treatmentLinks } from '../domain/soa-links';
import type { Workspace } from '../domain/workspace-schema';
import { locale as activeLocale, t, tOption, type Locale } from '../i18n/i18n';
import { fmt, formatCount, formatDay, formatStamp, reportMessages, type ReportMessages } from './report-text';

export interface ReportInput {
  catalog: Catalog;
  workspace: Workspace;
  assessments: Assessment[];
  risks: Risk[];
  aiSystems: AiSystem[];
  ownControls: OwnControl[];
  /** ISO timestamp of the export; the only "now" the report knows, so output is deterministic. */
  exportedAt: string;
  appVersion: string;
  /** Sections a selective export left out say so instead of showing an empty table. */
  included: { soa: boolean; risks: boolean; aiSystems: boolean; walkthrough: boolean };
  /**
   * The UI language chosen when exporting. The report's own strings come from its table, the shared
   * UI labels (statuses, column names) from i18n's t(), so it must be the active locale too.
   */
  locale: Locale;
}

/** What every section needs to write in the report's language. */
interface Lang {
  m: ReportMessages;
  day: (isoDate: string | null | undefined) => string;
  n: (value: number) => string;
  list: (items: readonly string[]) => string;
}

function lang(locale: Locale): Lang {
  const m = reportMessages(locale);
  return {
    m,
    day: (d) => (d ? formatDay(d, locale) : ''),
    n: (v) => formatCount(v, locale),
    list: (items) => items.join(m['report.listSeparator']),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '=': '&#61;', '`': '&#96;' };

/**
 * The one escape for all text that reaches the report, in element content and attribute values
 * alike. `=` and the backtick go too: harmless either way once < > " ' are escaped, but then not
 * even inert text like `onerror=` is left for a scanner (or a careless later edit) to trip over.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'=`]/g, (c) => ESCAPES[c]!);
}

/** Markup built by `html`; everything else interpolated into it is text and gets escaped. */
class Html {
  constructor(readonly value: string) {}
}
type Part = string | number | Html | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (typeof part === 'object') return part.map(render).join('');
  return escapeHtml(String(part));
}

function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + render(parts[i - 1]) + s));
}

/** Level colours come from user-editable risk criteria: only a plain #rrggbb ever reaches a style. */
const HEX = /^#[0-9a-f]{6}$/i;

const text = (value: string) => html`<span class="pre">${value}</span>`;

/** `widths`: column shares in percent, constants of this module (never user data). */
function table(headers: string[], rows: Part, widths: readonly number[] = []): Html {
  const cols = widths.length > 0 ? html`<colgroup>${widths.map((w) => html`<col style="width:${w}%">`)}</colgroup>` : '';
  return html`<table>${cols}<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

function section(l: Lang, id: string, title: string, included: boolean, body: () => Part): Html {
  return html`<section id="${id}"><h2>${title}</h2>${included ? body() : html`<p class="excluded">${l.m['report.notIncluded']}</p>`}</section>`;
}

function level(cell: CellLevel | null): Html {
  if (!cell) return html`<span class="muted">${t('risks.notRated')}</span>`;
  const colour = HEX.test(cell.level.hexcolor) ? cell.level.hexcolor : null;
  return html`${colour ? html`<span class="swatch" style="background:${colour}"></span>` : ''}${cell.level.name}`;
}

function soaSection(l: Lang, input: ReportInput, answers: ReadonlyMap<string, Assessment>): Html {
  const { catalog, workspace } = input;
  const links = treatmentLinks(input.risks, input.ownControls);
  const summary = soaCompleteness(catalog, answers, links);
  const meta = workspace.soaMeta;
  const notSet = t('soa.notSet');
  const rows = catalog.controls.map((control) => {
    const a = answers.get(control.id);
    const treated = links.get(control.id) ?? [];
    const gaps = soaGaps(a, treated);
    const applicable = soaApplicable(a, treated);
    const decided = a?.applicable ?? null;
    const applicableText =
      applicable === null ? t('soa.applicable.undecided') : !applicable ? t('soa.applicable.no') : decided === null ? l.m['report.soa.derived'] : t('soa.applicable.yes');
    const flag = fmt(l.m['report.soa.flag'], { flag: t('soa.flagged'), gaps: gaps.map((g) => t(`soa.gap.${g}`)).join(l.m['report.gapSeparator']) });
    return html`<tr${gaps.length > 0 ? html` class="flagged"` : ''}>
<th scope="row"><strong>${control.id}</strong> ${control.title}${gaps.length > 0 ? html`<span class="flag">${flag}</span>` : ''}</th>
<td>${applicableText}</td>
<td>${a?.justificationCategory ? html`<strong>${tOption('justification', a.justificationCategory)}</strong>` : ''}${treated.length > 0 ? html`<span class="block">${t('soa.riskTreatment', { refs: refsText(treated) })}</span>` : ''}${text(a?.justification ?? '')}</td>
<td>${t(`status.${effectiveStatus(a, true)}`)}</td>
<td>${text(a?.implementation ?? '')}</td>
<td>${a?.owner ?? ''}</td></tr>`;
  });
  return html`<p>${t('soa.printMeta', { version: meta.version || notSet, date: meta.date ? l.day(meta.date) : notSet, approver: meta.approver || notSet })}</p>
<p><strong>${t('soa.completeness', { complete: l.n(summary.complete), total: l.n(summary.total) })}</strong> · ${t('soa.summary', { applicable: l.n(summary.applicable), excluded: l.n(summary.excluded), undecided: l.n(summary.undecided) })}</p>
${table([t('soa.col.control'), t('soa.col.applicable'), t('soa.col.justification'), t('soa.col.status'), t('soa.col.implementation'), t('soa.col.owner')], rows, [22, 9, 25, 11, 23, 10])}`;
}

/** R-2 before R-10: by number, then by ref and id so that equal numbers still sort one way. */
function byRef(a: Risk, b: Risk): number {
  const n = (r: Risk) => Number(/^R-(\d+)$/.exec(r.ref)?.[1] ?? 0);
  return n(a) - n(b) || cmp(a.ref, b.ref) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function riskSection(l: Lang, input: ReportInput): Html {
  const m = l.m;
  const matrix = input.workspace.riskMatrix;
  const systems = new Map(input.aiSystems.map((s) => [s.id, s.name]));
  const own = new Map(input.ownControls.map((c) => [c.id, c.name]));
  const threshold = matrix.risk[matrix.acceptanceThreshold]?.name ?? l.n(matrix.acceptanceThreshold + 1);
  const criteria = html`<p>${fmt(m['report.risks.criteria'], { name: matrix.name, threshold })}</p>`;
  if (input.risks.length === 0) return html`${criteria}<p>${m['report.risks.empty']}</p>`;
  const rows = [...input.risks].sort(byRef).map((r) => {
    const ev = evaluateRisk(r, matrix);
    const ownNames = r.ownControlIds.map((id) => own.get(id)).filter((n): n is string => n !== undefined);
    const acceptance =
      r.acceptedBy.trim() && r.acceptedOn
        ? fmt(m['report.risks.accepted'], { name: r.acceptedBy, date: l.day(r.acceptedOn) })
        : ev.acceptanceRequired
          ? m['report.risks.acceptanceMissing']
          : m['report.risks.acceptanceNotRequired'];
    return html`<tr${ev.flags.length > 0 ? html` class="flagged"` : ''}>
<th scope="row" class="ref">${r.ref}</th>
<td>${r.title}${ev.flags.length > 0 ? html`<span class="flag">${ev.flags.map((f) => t(`risks.flag.${f}`)).join(m['report.gapSeparator'])}</span>` : ''}</td>
<td>${l.list(r.aiSystemIds.map((id) => systems.get(id) ?? m['report.risks.unknownSystem']))}</td>
<td>${level(ev.inherent)}</td>
<td>${level(ev.residual)}</td>
<td>${r.treatment ? tOption('risk.treatmentValue', r.treatment) : ''}</td>
<td>${l.list(r.annexAControls)}${ownNames.length > 0 ? html`<span class="block">${fmt(m['report.risks.ownControls'], { names: l.list(ownNames) })}</span>` : ''}</td>
<td>${r.owner}</td>
<td>${tOption('risk.statusValue', r.status)}</td>
<td>${acceptance}${r.acceptanceNote ? html`<span class="pre note">${r.acceptanceNote}</span>` : ''}</td></tr>`;
  });
  const headers = [t('risks.col.ref'), t('risk.title'), t('risks.col.systems'), t('risks.col.inherent'), t('risks.col.residual'), t('risk.treatment'), m['report.risks.controls'], t('risk.owner'), t('risk.status'), m['report.risks.acceptance']];
  return html`${criteria}${table(headers, rows)}`;
}

function systemSection(l: Lang, input: ReportInput): Html {
  if (input.aiSystems.length === 0) return html`<p>${l.m['report.systems.empty']}</p>`;
  const sorted = [...input.aiSystems].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  const rows = sorted.map(
    (s) => html`<tr><th scope="row">${s.name}</th>
<td>${text(s.purpose)}</td>
<td>${s.role ? tOption('ai.role', s.role) : ''}</td>
<td>${s.systemType ? tOption('ai.type', s.systemType) : ''}</td>
<td>${s.lifecycleStage ? tOption('ai.stage', s.lifecycleStage) : ''}</td>
<td>${tOption('ai.inScope', s.inScope)}</td>
<td>${tOption('ai.eu', s.euAiActCategory)}${s.annexIIIArea ? html`<span class="block">${tOption('ai.annexIII', s.annexIIIArea)}</span>` : ''}</td>
<td>${s.owner}</td>
<td>${tOption('ai.statusValue', s.status)}</td></tr>`,
  );
  const headers = [t('ai.name'), t('ai.purpose'), t('ai.role'), t('ai.systemType'), t('ai.lifecycleStage'), t('ai.inScope'), t('ai.euAiActCategory'), t('ai.owner'), t('ai.status')];
  return html`<p class="note">${t('systems.euNote')}</p>${table(headers, rows)}`;
}

function walkthroughSection(l: Lang, catalog: Catalog, answers: ReadonlyMap<string, Assessment>): Html {
  const groups = catalog.topGroups.filter((g) => catalog.clauseItems.some((i) => i.topGroup === g.id));
  const row = (item: CatalogItem) => {
    const a = answers.get(item.id);
    return html`<tr><th scope="row">${item.id}</th><td>${item.title}</td><td>${t(`status.${effectiveStatus(a, false)}`)}</td><td>${a?.owner ?? ''}</td><td>${l.day(a?.targetDate)}</td></tr>`;
  };
  const rows = groups.map((g) => html`<tr class="group"><th colspan="5" scope="colgroup">${g.id} ${g.title}</th></tr>${catalog.clauseItems.filter((i) => i.topGroup === g.id).map(row)}`);
  return table([l.m['report.walkthrough.col.item'], l.m['report.walkthrough.col.title'], t('assessment.status'), t('assessment.owner'), t('assessment.targetDate')], rows);
}

const STYLE = `
:root { color-scheme: light; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 80rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; } h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem; }
.notice { border: 1px solid #b26a00; background: #fff6e5; padding: 0.6rem 0.8rem; border-radius: 4px; }
.muted, .note { color: #555; } .excluded { font-style: italic; color: #555; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-top: 0.6rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #eee; } th[scope="row"] { font-weight: normal; } tr.group th { background: #f4f4f4; font-weight: 600; }
tr.flagged > th:first-child { box-shadow: inset 4px 0 0 #b26a00; }
.pre { white-space: pre-wrap; display: block; } .ref { white-space: nowrap; } span.note { margin-top: 0.3em; } .block, .flag { display: block; } .flag { color: #8a4b00; font-style: italic; font-size: 0.9em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid rgba(0,0,0,0.4); border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
footer { margin-top: 2rem; font-size: 0.85em; color: #555; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  section + section { break-before: page; } section + section h2 { margin-top: 0; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

/** report.html of a bundle: a read-only, offline, script-free view for readers without the app. */
export function renderReportHtml(input: ReportInput): string {
  // The shared labels come from t(): a report in one language with another's column names is a bug, not a fallback.
  if (input.locale !== activeLocale()) throw new Error(`report in ${input.locale}, but the UI strings are ${activeLocale()}: call setLocale first`);
  const l = lang(input.locale);
  const m = l.m;
  const { catalog, workspace } = input;
  const answers = new Map(input.assessments.map((a) => [a.itemId, a]));
  const org = workspace.profile.organizationName;
  const sections: [string, string, boolean, () => Part][] = [
    ['soa', t('soa.title'), input.included.soa, () => soaSection(l, input, answers)],
    ['risks', t('risks.title'), input.included.risks, () => riskSection(l, input)],
    ['ai-systems', t('systems.title'), input.included.aiSystems, () => systemSection(l, input)],
    ['walkthrough', m['report.walkthrough.title'], input.included.walkthrough, () => walkthroughSection(l, catalog, answers)],
  ];
  const exportedAt = formatStamp(input.exportedAt, input.locale);
  const exported = fmt(m['report.exported'], { date: exportedAt, version: input.appVersion, catalog: `${catalog.frameworkName} ${catalog.catalogVersion}` });
  const doc = html`<!DOCTYPE html>
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
<h1>${fmt(m['report.heading'], { name: workspace.name })}</h1>
${org ? html`<p>${fmt(m['report.organization'], { org })}</p>` : ''}
<p>${exported}</p>
<div class="notice"><p>${m['report.snapshot']}</p><p>${m['report.sensitive']}</p></div>
${catalog.titlesUnofficial ? html`<p class="note" id="titles-unofficial">${m['report.titlesUnofficial']}</p>` : ''}
</header>
<nav><h2>${m['report.contents']}</h2><ol>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ol></nav>
<main>
${sections.map(([id, title, included, body]) => section(l, id, title, included, body))}
</main>
<footer><p>${fmt(m['report.footer'], { version: input.appVersion, date: exportedAt })}</p></footer>
</body>
</html>
`;
  return doc.value;
}
