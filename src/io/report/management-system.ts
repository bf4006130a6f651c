import { kindValueFields } from '../../domain/register-values';
import { cycleKinds, kindPluralLabel, type CycleKind } from '../../domain/cycle/registry';
import { t } from '../words';
import { fmt } from './report-text';
import { sortedByRef, type Report } from './context';
import { recordFields } from './fields';
import { html, type Html } from './html';

/** The anchor of a kind's part of the report (a constant per kind: never user data). */
export const kindAnchor = (kind: CycleKind) => `ms-${kind}`;

/** The management-system kinds this report has records of, in the order of the clauses they serve. */
export function kindsWithRecords(r: Report): CycleKind[] {
  const present = new Set(r.input.cycleRecords.map((c) => c.kind));
  return cycleKinds.filter((k) => present.has(k));
}

/** Management-system records grouped by kind, each with every field its kind declares; nested lists as tables. */
export function managementSystemSection(r: Report): Html {
  const { input, l } = r;
  const kinds = kindsWithRecords(r);
  if (kinds.length === 0) return html`<p>${l.m['report.ms.empty']}</p>`;
  return html`${kinds.map((kind) => {
    const records = sortedByRef(input.cycleRecords.filter((c) => c.kind === kind));
    const fields = kindValueFields(kind).filter((f) => f.key !== 'title');
    return html`<section class="kind" id="${kindAnchor(kind)}"><h3>${fmt(l.m['report.ms.kind'], { kind: t(kindPluralLabel(kind)), count: l.n(records.length) })}</h3>
${records.map((c) => html`<article class="record"><h4><span class="ref">${c.ref}</span> ${c.title}</h4>${recordFields(r, fields, c as unknown as Record<string, unknown>)}</article>`)}</section>`;
  })}`;
}
