import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { setLocale } from '../../src/i18n/i18n';
import { renderReadme } from '../../src/io/bundle/bundle-readme';
import { escapeHtml, renderReportHtml, type ReportInput } from '../../src/io/bundle/bundle-report';
import { displayWidth } from '../../src/io/report/report-text';
import { makeAiSystem, makeAssessment, makeOwnControl, makeRisk, makeWorkspace } from '../support/factories';
import { ALL_INCLUDED, catalog, EVIL, HOSTILE, reportInput as input } from '../support/report';

/** Every bit of user text in one place: names, notes, owners, level names. */
function hostileInput(): ReportInput {
  const base = input();
  const ws = {
    ...base.workspace,
    name: EVIL,
    profile: { ...base.workspace.profile, organizationName: EVIL },
    soaMeta: { ...base.workspace.soaMeta, approver: EVIL },
  };
  ws.riskMatrix = { ...ws.riskMatrix, name: EVIL, risk: ws.riskMatrix.risk.map((l) => ({ ...l, name: EVIL })) };
  const system = makeAiSystem(ws.id, { name: EVIL, purpose: `${EVIL}\nline two`, owner: EVIL });
  const own = makeOwnControl(ws.id, { name: EVIL, annexAControls: ['A.7.2'] });
  return {
    ...base,
    workspace: ws,
    assessments: [
      makeAssessment(ws.id, { itemId: 'A.2.2', justification: EVIL, implementation: EVIL, owner: EVIL }),
      makeAssessment(ws.id, { itemId: '4.1', owner: EVIL, applicable: null, justificationCategory: null }),
    ],
    risks: [
      makeRisk(ws.id, {
        title: EVIL,
        owner: EVIL,
        acceptedBy: EVIL,
        acceptedOn: '2025-01-20',
        acceptanceNote: EVIL,
        aiSystemIds: [system.id],
        ownControlIds: [own.id],
      }),
    ],
    aiSystems: [system],
    ownControls: [own],
  };
}

describe('renderReportHtml', () => {
  it('is a self-contained, script-free document with a strict CSP', () => {
    const out = renderReportHtml(input());
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out).toContain('<html lang="en">');
    expect(out).toContain('<meta charset="utf-8">');
    expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(out).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // Only in-page anchors (and, with evidence files, relative links into the bundle: bundle-report-registers.test.ts).
    for (const [, target] of out.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^#[a-z-]+$/);
  });

  it('lists all 38 Annex A controls in catalog order, with workspace header and versions', () => {
    const out = renderReportHtml(input());
    const found = [...out.matchAll(/<th scope="row"><strong>(A\.[\d.]+)<\/strong>/g)].map((x) => x[1]);
    expect(found).toEqual(catalog.controls.map((c) => c.id));
    expect(found).toHaveLength(38);
    expect(out).toContain('AIMS Workbench report: Acme AI');
    expect(out).toContain('February 1, 2025 at 09:30 UTC');
    expect(out).toContain('AIMS Workbench 0.1.0');
    expect(out).toContain(catalog.catalogVersion);
    expect(out).toContain('Version 1.0 · Date Jan 10, 2025 · Approved by CISO');
    // The English titles are the standard's own: no note about a translation.
    expect(out).not.toContain('unofficial translation');
  });

  it('shows a risk-treated control as applicable for that reason, and sorts risks by number', () => {
    const out = renderReportHtml(input());
    const row = /<tr[^>]*>\s*<th scope="row"><strong>A\.6\.2\.4<\/strong>[\s\S]*?<\/tr>/.exec(out)?.[0] ?? '';
    expect(row).toContain('Risk treatment: R-001');
    expect(row).toContain('Yes (from the risk register)');
    expect(out.indexOf('>R-001<')).toBeLessThan(out.indexOf('>R-010<'));
    expect(out).toContain('Claims triage');
    expect(out).toContain('Modify (reduce)');
  });

  it('says why a flagged risk needs attention, with its levels filled in', () => {
    const base = input();
    const matrix = base.workspace.riskMatrix;
    const risk = makeRisk(base.workspace.id, { ref: 'R-001', residualLikelihood: matrix.probability.length - 1, residualImpact: matrix.impact.length - 1 });
    const out = renderReportHtml({ ...base, risks: [risk] });
    const threshold = matrix.risk[matrix.acceptanceThreshold]!.name;
    expect(out).toMatch(new RegExp(`<span class="flag">Residual [^<{]+ is above the acceptance threshold ${threshold} and is not accepted\\.</span>`));
    expect(out).not.toMatch(/\{(level|threshold)\}/);
  });

  it('flags incomplete SoA rows and reports completeness', () => {
    const out = renderReportHtml(input());
    expect(out).toMatch(/\d+ of 38 controls complete/);
    expect(out).toContain('Needs attention: Applicability not decided');
  });

  it('escapes every piece of hostile user text', () => {
    const out = renderReportHtml(hostileInput());
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/onerror=/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/https?:\/\//i);
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).toContain(escapeHtml(HOSTILE[0]!));
    expect(out).toContain('&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;');
    expect(out).toContain('&lt;/style&gt;');
    // javascript: only ever as text, never in an attribute.
    expect(out).not.toMatch(/=\s*["']?\s*javascript:/i);
    // Newlines are kept as text and shown by white-space: pre-wrap, never turned into <br>.
    expect(out).not.toContain('<br');
    expect(out).toContain('line two');
  });

  it('never puts a level colour into a style unless it is #rrggbb', () => {
    const base = input();
    const bad = 'red;background:url(x)';
    const matrix = { ...base.workspace.riskMatrix, risk: base.workspace.riskMatrix.risk.map((l) => ({ ...l, hexcolor: bad })) };
    const out = renderReportHtml({ ...base, workspace: { ...base.workspace, riskMatrix: matrix } });
    expect(out).not.toContain(bad);
    expect(out).not.toContain('class="swatch"');
    const good = renderReportHtml(base);
    expect(good).toMatch(/<span class="swatch" style="background:#[0-9a-f]{6}"><\/span>/i);
  });

  it('gives identical output for identical input', () => {
    const same = input();
    const second = makeAiSystem(same.workspace.id, { name: 'Anomaly detector' });
    const withTwo = { ...same, aiSystems: [...same.aiSystems, second] };
    const out = renderReportHtml(withTwo);
    expect(renderReportHtml(structuredClone(withTwo))).toBe(out);
    // Records sort by their natural order, not by the order they arrive in.
    expect(renderReportHtml({ ...withTwo, risks: [...withTwo.risks].reverse(), aiSystems: [...withTwo.aiSystems].reverse() })).toBe(out);
    const systems = /<section id="ai-systems">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    expect(systems.indexOf('>Anomaly detector<')).toBeGreaterThan(0);
    expect(systems.indexOf('>Anomaly detector<')).toBeLessThan(systems.indexOf('>Claims triage<'));
  });

  it('says so for sections a selective export left out', () => {
    const out = renderReportHtml(input({ risks: [], aiSystems: [], included: { ...ALL_INCLUDED, risks: false, aiSystems: false } }));
    expect(out.match(/Not included in this bundle\./g)).toHaveLength(2);
    const risks = /<section id="risks">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    expect(risks).toContain('Not included in this bundle.');
    expect(risks).not.toContain('<table');
    const soa = /<section id="soa">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    expect(soa).toContain('<table');
  });

  it('says an included but empty register is empty', () => {
    const out = renderReportHtml(input({ risks: [], aiSystems: [] }));
    expect(out).toContain('No risk is recorded.');
    expect(out).toContain('No AI system is recorded.');
    expect(out).not.toContain('Not included in this bundle.');
  });

  it('summarizes the clause walkthrough', () => {
    const ws = makeWorkspace();
    const out = renderReportHtml(
      input({ workspace: ws, assessments: [makeAssessment(ws.id, { itemId: '4.1', status: 'implemented', owner: 'Quinn', targetDate: '2025-03-31' })] }),
    );
    const section = /<section id="walkthrough">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    for (const item of catalog.clauseItems) expect(section).toContain(`<th scope="row">${item.id}</th>`);
    expect(section).toMatch(/<th scope="row">4\.1<\/th><td>[^<]+<\/td><td>Implemented<\/td><td>Quinn<\/td><td>Mar 31, 2025<\/td>/);
  });
});

describe('renderReadme', () => {
  it('names the workspace, the report and the import path', () => {
    const text = renderReadme({ workspaceName: 'Acme\nAI', exportedAt: '2025-02-01T09:30:00.000Z', appVersion: '0.1.0', formatVersion: 1, locale: 'en' });
    expect(text).toContain('Acme AI');
    expect(text).toContain('report.html');
    expect(text).toContain('Workspaces → Import bundle');
    expect(text).toContain('- manifest.json: ');
    expect(text).toContain('- data/risks.json: the AI risk register.');
    expect(text).toContain('- attachments/<evidence id>/<file name>: ');
    expect(text).toContain('docs/bundle-format.md');
    expect(text).toMatch(/sensitive/i);
  });
});

describe('in Simplified Chinese (the UI language chosen when exporting)', () => {
  afterEach(async () => {
    await setLocale('en', { remember: false });
  });

  async function chineseInput(overrides: Partial<ReportInput> = {}): Promise<ReportInput> {
    await setLocale('zh-CN', { remember: false });
    const ws = makeWorkspace({ name: '示例公司' });
    const system = makeAiSystem(ws.id, { name: '理赔分拣', purpose: '对理赔进行分类' });
    const own = makeOwnControl(ws.id, { name: '人工复核' });
    return input({
      catalog: await loadCatalog('zh-CN'),
      workspace: ws,
      assessments: [makeAssessment(ws.id, { itemId: '4.1', status: 'implemented', owner: '王芳', targetDate: '2025-03-31' })],
      risks: [
        makeRisk(ws.id, {
          ref: 'R-001',
          title: '训练数据偏差',
          aiSystemIds: [system.id],
          ownControlIds: [own.id],
          annexAControls: ['A.6.2.4', 'A.7.2'],
          acceptedBy: '李雷',
          acceptedOn: '2025-01-20',
        }),
      ],
      aiSystems: [system],
      ownControls: [own],
      locale: 'zh-CN',
      ...overrides,
    });
  }

  it('writes report.html in Chinese: lang attribute, headings, labels, dates and lists', async () => {
    const out = renderReportHtml(await chineseInput());
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toContain('AIMS Workbench 报告：示例公司');
    expect(out).toContain('<h2>适用性声明</h2>');
    expect(out).toContain('<h2>条款 4–10：逐项检查摘要</h2>');
    // The timestamp in Chinese, in UTC whatever the machine's time zone.
    expect(out).toContain('2025年2月1日');
    expect(out).toContain('09:30');
    expect(out).not.toContain('February');
    // Calendar dates, word order of the templates and the list separator follow the language.
    expect(out).toContain('由 李雷 于 2025年1月20日 接受');
    expect(out).toContain('A.6.2.4、A.7.2');
    expect(out).toContain('自有控制措施：人工复核');
    const walk = /<section id="walkthrough">[\s\S]*?<\/section>/.exec(out)?.[0] ?? '';
    expect(walk).toMatch(/<th scope="row">4\.1<\/th><td>[^<]+<\/td><td>已实施<\/td><td>王芳<\/td><td>2025年3月31日<\/td>/);
    // Shared UI labels come from the Chinese catalogue too: no English column name or status is left.
    for (const english of ['Statement of Applicability', 'Implemented', 'Not included', 'Accepted by', 'Contents', 'Exported'])
      expect(out).not.toContain(english);
  });

  it('shows the Chinese clause and control titles, with the note that they are an unofficial translation', async () => {
    const zh = await chineseInput();
    expect(zh.catalog.titlesUnofficial).toBe(true);
    const out = renderReportHtml(zh);
    const control = zh.catalog.byId.get('A.6.2.4')!;
    expect(control.title).not.toBe(catalog.byId.get('A.6.2.4')!.title);
    expect(out).toContain(`<strong>A.6.2.4</strong> ${escapeHtml(control.title)}`);
    expect(out).toMatch(/<p class="note" id="titles-unofficial">[^<]*非官方[^<]*<\/p>/);
  });

  it('refuses a report language that is not the active UI language (its labels would be mixed)', async () => {
    const zh = await chineseInput();
    await setLocale('en', { remember: false });
    expect(() => renderReportHtml(zh)).toThrow(/setLocale/);
  });

  it('writes README.txt in Chinese, underlined to the width of its Chinese title', () => {
    const text = renderReadme({ workspaceName: '示例公司', exportedAt: '2025-02-01T09:30:00.000Z', appVersion: '0.1.0', formatVersion: 1, locale: 'zh-CN' });
    const [title, rule] = text.split('\n');
    expect(title).toBe('AIMS Workbench 工作区数据包：示例公司');
    expect(rule).toBe('='.repeat(displayWidth(title!)));
    expect(rule!.length).toBeGreaterThan(title!.length);
    expect(text).toContain('“示例公司”');
    expect(text).toContain('2025年2月1日');
    expect(text).toContain('report.html');
    expect(text).toContain('导入数据包');
    expect(text).not.toMatch(/How to open|SENSITIVE|February/);
  });
});
