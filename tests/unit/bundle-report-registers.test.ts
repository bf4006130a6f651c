import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { cycleKinds, kindPluralLabel } from '../../src/domain/cycle/registry';
import { safeFileName } from '../../src/domain/evidence-schema';
import { kindValueFields } from '../../src/domain/register-values';
import { setLocale, t } from '../../src/i18n/i18n';
import { attachmentPath } from '../../src/io/bundle/bundle-format';
import { escapeHtml, renderReportHtml, type ReportInput } from '../../src/io/bundle/bundle-report';
import { CARD_LIMIT } from '../../src/io/report/fields';
import {
  cycleRow,
  makeCycleRecord,
  makeRisk,
  makeFileEvidence,
  makeImpact,
  makeImpactAssessment,
  makeLinkEvidence,
  makeOwnControl,
} from '../support/factories';
import { ALL_INCLUDED, EVIL, reportInput, sectionOf, UUID, visibleText } from '../support/report';

/**
 * The registers report.html added for issue 14: own controls, every impact-assessment version,
 * management-system records by kind and the evidence index, worded by the shared value-text.
 */
function fullInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const base = reportInput();
  const ws = base.workspace.id;
  const system = base.aiSystems[0]!;
  const risk = base.risks.find((r) => r.ref === 'R-001')!;
  const own = makeOwnControl(ws, { name: 'Bias testing before release', status: 'implemented', annexAControls: ['A.6.2.4', 'A.7.2'] });
  const v1 = makeImpactAssessment(ws, system.id, {
    state: 'approved',
    approver: 'Chief Risk Officer',
    approvedOn: '2025-01-15',
    decision: 'proceed',
    impacts: [makeImpact({ description: 'First-version impact' })],
  });
  const v2 = makeImpactAssessment(ws, system.id, {
    seriesId: v1.id,
    version: 2,
    decision: 'proceed-with-conditions',
    impacts: [makeImpact({ description: 'Older applicants refused more often', severity: 'major', riskId: risk.id })],
  });
  const doc = makeCycleRecord('document', ws, {
    ref: 'DOC-001',
    title: 'AI policy',
    type: 'ai-policy',
    versions: [cycleRow({ version: '2.0', date: '2025-01-10', change: 'Rewritten for the board', by: 'Dana' })],
  });
  const audit = makeCycleRecord('audit', ws, {
    ref: 'IA-001',
    title: 'Spring audit',
    checklist: [cycleRow({ itemId: '5.2', result: 'minor' as const, note: 'Policy not signed' })],
  });
  const finding = makeCycleRecord('finding', ws, { ref: 'F-001', title: 'Unsigned policy', auditId: audit.id });
  const review = makeCycleRecord('review', ws, { ref: 'MR-001', title: 'Board review', status: 'held' });
  const incident = makeCycleRecord('incident', ws, { ref: 'INC-002', title: 'Wrong refusal', aiSystemIds: [system.id], severity: 'high' });
  const docFile = makeFileEvidence(ws, 48_213, { itemId: '5.2', recordId: doc.id, title: 'Signed AI policy', fileName: 'AI policy v2.pdf' });
  const itemLink = makeLinkEvidence(ws, { itemId: 'A.2.2', title: 'Policy on the intranet', url: 'https://intranet.example.com/ai-policy' });
  const notCarried = makeFileEvidence(ws, 10, { itemId: '4.1', title: 'Context notes', fileName: 'context.txt', mediaType: 'text/plain' });
  const page = makeFileEvidence(ws, 20, { itemId: '4.1', title: 'Saved web page', fileName: 'page.html', mediaType: 'text/html' });
  const carried = [docFile, page];
  return {
    ...base,
    risks: base.risks.map((r) => (r.id === risk.id ? { ...r, ownControlIds: [own.id] } : r)),
    ownControls: [own],
    impactAssessments: [v1, v2],
    cycleRecords: [incident, review, finding, audit, doc],
    evidence: [page, notCarried, itemLink, docFile],
    attachments: new Map(carried.map((e) => [e.id, attachmentPath(e.id, safeFileName(e.kind === 'file' ? e.fileName : ''))])),
    ...overrides,
  };
}

describe('report.html: every register the bundle carries', () => {
  it('keeps a long acceptance note out of the risk overview table (it reads in the risk card, full width)', () => {
    const input = fullInput();
    const note = 'Accepted until the vendor ships the fix; reviewed monthly by the board. '.repeat(20).trim();
    const risks = input.risks.map((r, i) => (i === 0 ? { ...r, acceptedBy: 'Sam', acceptedOn: '2026-01-10', acceptanceNote: note } : r));
    const risksHtml = sectionOf(renderReportHtml({ ...input, risks }), 'risks');
    const [overview, cards] = risksHtml.split('<h3>');
    expect(overview).not.toContain(note);
    expect(cards).toContain(note);
  });

  it('shows each record in full up to CARD_LIMIT; past it the overview lists every one and a note names the data file that holds them', () => {
    const input = fullInput();
    const ws = input.workspace.id;
    const many = Array.from({ length: CARD_LIMIT + 1 }, (_, i) => makeRisk(ws, { ref: `R-${String(i + 1).padStart(4, '0')}`, title: `Risk number ${i + 1}` }));
    const risksHtml = sectionOf(renderReportHtml({ ...input, risks: many }), 'risks');
    const [overview, details] = risksHtml.split('<h3>');
    expect(overview!.match(/<th scope="row" class="ref">/g)).toHaveLength(CARD_LIMIT + 1);
    expect(details).not.toContain('<article');
    expect(visibleText(details!)).toContain(`There are 5,001 of them, more than this report shows one by one (up to 5,000)`);
    expect(details).toContain('data/risks.json');
    // At the limit, every one in full.
    const atLimit = sectionOf(renderReportHtml({ ...input, risks: many.slice(0, CARD_LIMIT) }), 'risks');
    expect(atLimit.match(/<article class="record">/g)).toHaveLength(CARD_LIMIT);
  }, 60_000);

  it('lists own controls with the Annex A controls they implement and the risks they treat', () => {
    const own = sectionOf(renderReportHtml(fullInput()), 'own-controls');
    expect(own).toContain('<h2>Own controls</h2>');
    expect(own).toContain('Bias testing before release');
    expect(own).toContain('Implemented');
    expect(own).toContain(`A.6.2.4 ${escapeHtml(reportInput().catalog.byId.get('A.6.2.4')!.title)}`);
    expect(own).toContain('R-001 First risk');
  });

  it('shows every impact-assessment version, newest first, with its state, impacts table and sign-off', () => {
    const ia = sectionOf(renderReportHtml(fullInput()), 'impact-assessments');
    expect(ia).toContain('<h3>Impact assessment: Claims triage</h3>');
    expect(ia.indexOf('Version 2 · Draft')).toBeGreaterThan(0);
    expect(ia.indexOf('Version 2 · Draft')).toBeLessThan(ia.indexOf('Version 1 · Approved'));
    expect(ia).toContain('Older applicants refused more often');
    expect(ia).toContain('First-version impact');
    expect(ia).toContain('Fairness and non-discrimination');
    expect(ia).toContain('R-001 First risk');
    expect(ia).toContain('Proceed with conditions');
    expect(ia).toContain('Chief Risk Officer');
    expect(ia).toContain('Jan 15, 2025');
    expect(ia.match(/<h5>Sign-off<\/h5>/g)).toHaveLength(2);
  });

  it('groups management-system records by kind in clause order, each with its own labels, links and nested rows', () => {
    const out = renderReportHtml(fullInput());
    const ms = sectionOf(out, 'management-system');
    const kinds = [...ms.matchAll(/<section class="kind" id="ms-([a-z]+)">/g)].map((m) => m[1]);
    expect(kinds).toEqual(['document', 'audit', 'finding', 'review', 'incident']);
    const kind = (k: string) => /<section class="kind"[\s\S]*?<\/section>/.exec(ms.slice(ms.indexOf(`id="ms-${k}"`) - 30))?.[0] ?? '';
    expect(kind('document')).toContain('<h3>Policies and documents (1)</h3>');
    expect(kind('document')).toContain('AI policy');
    expect(kind('document')).toContain('<caption>Version history</caption>');
    expect(kind('document')).toContain('Rewritten for the board');
    expect(kind('audit')).toContain('<caption>Checklist</caption>');
    expect(kind('finding')).toContain('IA-001 Spring audit');
    // Kinds share the key `status` with options of their own: a review reads "Held", not the stored key.
    expect(kind('review')).toMatch(/<dt>Status<\/dt><dd>Held<\/dd>/);
    expect(kind('incident')).toContain('<dd>Claims triage</dd>');
    expect(out).toContain('<a href="#ms-document">Policies and documents</a>');
  });

  it('shows every field each management-system kind declares, under its own label', () => {
    const ws = reportInput().workspace.id;
    const out = renderReportHtml(fullInput({ cycleRecords: cycleKinds.map((k) => makeCycleRecord(k, ws)) }));
    for (const k of cycleKinds) {
      const part = /<section class="kind"[\s\S]*?<\/section>/.exec(out.slice(out.indexOf(`id="ms-${k}"`) - 30))?.[0] ?? '';
      expect(part, k).toContain(`<h3>${escapeHtml(t(kindPluralLabel(k)))} (1)</h3>`);
      for (const f of kindValueFields(k).filter((x) => x.key !== 'title' && x.value.kind !== 'rows'))
        expect(part, `${k}.${f.key}`).toContain(`<dt>${escapeHtml(t(f.label))}</dt>`);
    }
  });

  it('indexes the evidence: the record or item it belongs to, a relative link named by the file, its size; web addresses as text', () => {
    const input = fullInput();
    const out = renderReportHtml(input);
    const index = sectionOf(out, 'evidence');
    const rows = [...index.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td>/g)].map((m) => `${m[1]} | ${m[2]}`);
    const item = (id: string) => `${id} ${input.catalog.byId.get(id)!.title}`;
    // Catalog order first (4.1 before A.2.2), then the records; by title within.
    expect(rows).toEqual([
      `${item('4.1')} | Context notes`,
      `${item('4.1')} | Saved web page`,
      `${item('A.2.2')} | Policy on the intranet`,
      'DOC-001 AI policy | Signed AI policy',
    ]);
    const doc = input.evidence.find((e) => e.title === 'Signed AI policy')!;
    expect(index).toContain(`<a href="attachments/${doc.id}/AI%20policy%20v2.pdf" rel="noopener noreferrer">AI policy v2.pdf</a>`);
    expect(index).toContain('<td class="num">47 KB</td>');
    // A type a browser would run is offered as a download, as in the app.
    expect(index).toMatch(/<a href="attachments\/[^"]+\/page\.html" rel="noopener noreferrer" download>page\.html<\/a>/);
    expect(index).toContain('context.txt (the file is not in this bundle)');
    expect(index).toContain('<span class="url">https://intranet.example.com/ai-policy</span>');
    for (const [, target] of out.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^(#[a-z-]+|attachments\/[0-9a-f-]+\/[^/"]+)$/);
  });

  it('shows no id anywhere a reader can see', () => {
    const text = visibleText(renderReportHtml(fullInput()));
    expect(text).not.toMatch(UUID);
    expect(text).toContain('AI policy v2.pdf');
  });

  it('names references into a register the bundle left out as not in this bundle, and falls back to the item for evidence', () => {
    const full = fullInput();
    const out = renderReportHtml({ ...full, included: { ...ALL_INCLUDED, ownControls: false, managementSystem: false }, ownControls: [], cycleRecords: [] });
    expect(sectionOf(out, 'own-controls')).toContain('Not included in this bundle.');
    expect(sectionOf(out, 'management-system')).toContain('Not included in this bundle.');
    expect(sectionOf(out, 'risks')).toMatch(/<dt>Own controls that treat it<\/dt><dd>\(not in this bundle\)<\/dd>/);
    expect(sectionOf(out, 'evidence')).toContain(`5.2 ${escapeHtml(full.catalog.byId.get('5.2')!.title)}</th><td>Signed AI policy`);
    expect(out).not.toContain('(deleted)');
  });

  it('is the same whatever order the records arrive in', () => {
    const input = fullInput();
    const reversed = {
      ...input,
      impactAssessments: [...input.impactAssessments].reverse(),
      cycleRecords: [...input.cycleRecords].reverse(),
      evidence: [...input.evidence].reverse(),
    };
    expect(renderReportHtml(reversed)).toBe(renderReportHtml(input));
  });

  it('escapes hostile text in own controls, impact assessments, management-system records and evidence', () => {
    const input = fullInput();
    const ws = input.workspace.id;
    const sys = input.aiSystems[0]!;
    const file = makeFileEvidence(ws, 5, { title: EVIL, fileName: EVIL, mediaType: EVIL });
    const out = renderReportHtml({
      ...input,
      ownControls: [makeOwnControl(ws, { name: EVIL, description: EVIL, owner: EVIL })],
      impactAssessments: [
        makeImpactAssessment(ws, sys.id, {
          intendedUse: EVIL,
          conclusion: EVIL,
          approver: EVIL,
          impacts: [makeImpact({ affectedWho: EVIL, description: EVIL, plannedMitigations: EVIL })],
        }),
      ],
      cycleRecords: [
        makeCycleRecord('review', ws, {
          title: EVIL,
          owner: EVIL,
          minutes: EVIL,
          actions: [cycleRow({ action: EVIL, owner: EVIL, due: null, done: 'no' as const })],
        }),
      ],
      evidence: [file, makeLinkEvidence(ws, { title: EVIL, url: `https://example.com/?q=${EVIL}` })],
      attachments: new Map([[file.id, attachmentPath(file.id, safeFileName(EVIL))]]),
    });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/onerror=/i);
    expect(out).not.toMatch(/<img/i);
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).not.toMatch(/=\s*["']?\s*javascript:/i);
    expect(out).not.toMatch(/href="https?:/i);
    for (const [, target] of out.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^(#[a-z-]+|attachments\/[0-9a-f-]+\/[A-Za-z0-9%._~!*()'-]+)$/);
    for (const section of ['own-controls', 'impact-assessments', 'management-system', 'evidence'])
      expect(sectionOf(out, section), section).toContain(escapeHtml(HOSTILE_SCRIPT));
  });
});

const HOSTILE_SCRIPT = '<script>alert(1)</script>';

describe('report.html registers in Simplified Chinese', () => {
  afterEach(async () => {
    await setLocale('en', { remember: false });
  });

  it('words the new sections in Chinese', async () => {
    await setLocale('zh-CN', { remember: false });
    const out = renderReportHtml(fullInput({ catalog: await loadCatalog('zh-CN'), locale: 'zh-CN' }));
    expect(out).toContain('<h2>管理体系记录</h2>');
    expect(out).toContain(`<h3>${t(kindPluralLabel('document'))}（1）</h3>`);
    expect(out).toContain('版本 2 · 草稿');
    expect(out).toContain('<h2>证据索引</h2>');
    expect(out).toContain('（该文件不在此数据包中）');
    expect(sectionOf(out, 'management-system')).toContain('已召开');
    expect(visibleText(out)).not.toMatch(/Version history|Held|Not included|Evidence index/);
    expect(visibleText(out)).not.toMatch(UUID);
  });
});
