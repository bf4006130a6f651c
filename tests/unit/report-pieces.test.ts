import { describe, expect, it } from 'vitest';
import { renderReportHtml, renderReportParts } from '../../src/io/bundle/bundle-report';
import { byRef, sortedByRef } from '../../src/io/report/context';
import { html, writeHtml } from '../../src/io/report/html';
import { makeRisk } from '../support/factories';
import { EVIL, reportInput } from '../support/report';

/**
 * report.html is written in pieces as it is made (html.ts `writeHtml`): the export compresses one
 * while the next is written, and no piece is a whole large section (a 50,000-risk section was one
 * string of about 140 MB). The pieces joined are the same report.
 */
describe('report.html in pieces', () => {
  it('writes markup in pieces of at least the size asked (the last shorter), joined the same as the whole, text escaped', () => {
    const rows = Array.from({ length: 500 }, (_, i) => html`<tr><td>${i}</td><td>${[EVIL, html`<b>${'a&b'}</b>`, null, false, 3]}</td></tr>`);
    const markup = html`<table>${rows}</table>`;
    const pieces: string[] = [];
    writeHtml(markup, (p) => pieces.push(p), 1_000);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1_000);
    expect(pieces.join('')).toBe(markup.value);
    expect(markup.value).not.toContain('<script>');
    expect(markup.value).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;');
    expect(markup.value).toContain('<b>a&amp;b</b>3</td>');
  });

  it('a large risk register comes in many pieces, none of them near the whole, and they join to the report', () => {
    const base = reportInput();
    const risks = Array.from({ length: 1_500 }, (_, i) =>
      makeRisk(base.workspace.id, { ref: `R-${String(i + 1).padStart(4, '0')}`, title: `Risk number ${i + 1}`, owner: 'Dana' }),
    );
    const input = { ...base, risks };
    const pieces: string[] = [];
    renderReportParts(input, (p) => pieces.push(p));
    const whole = pieces.join('');
    expect(whole).toBe(renderReportHtml(input));
    expect(whole.length).toBeGreaterThan(1_000_000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200_000);
  });

  it('words a value once per report and each record still reads its own: lists in their order, dates, choices', () => {
    const base = reportInput();
    const ws = base.workspace.id;
    const risks = [
      makeRisk(ws, { ref: 'R-001', annexAControls: ['A.5.2', 'A.6.2.4'], treatment: 'modify', acceptedOn: '2025-01-20', acceptedBy: 'Dana' }),
      makeRisk(ws, { ref: 'R-002', annexAControls: ['A.6.2.4', 'A.5.2'], treatment: 'avoid', acceptedOn: '2025-03-04', acceptedBy: 'Dana' }),
      makeRisk(ws, { ref: 'R-003', annexAControls: [], treatment: 'modify', acceptedOn: '2025-01-20', acceptedBy: 'Dana' }),
      makeRisk(ws, { ref: 'R-004', annexAControls: ['A.5.2', 'A.6.2.4'], treatment: 'avoid', acceptedOn: '2025-03-04', acceptedBy: 'Dana' }),
    ];
    const report = renderReportHtml({ ...base, risks });
    const card = (ref: string) => report.slice(report.indexOf(`<article class="record"><h4><span class="ref">${ref}</span>`)).split('</article>')[0]!;
    const controls = (ref: string) => /Annex A controls that treat it<\/dt><dd>(.*?)<\/dd>/.exec(card(ref))?.[1];
    expect(controls('R-001')).toMatch(/^A\.5\.2 .+ and A\.6\.2\.4 /);
    expect(controls('R-002')).toMatch(/^A\.6\.2\.4 .+ and A\.5\.2 /);
    expect(controls('R-003')).toBe('<span class="muted">—</span>');
    expect(controls('R-004')).toBe(controls('R-001'));
    expect(card('R-001')).toContain('Jan 20, 2025');
    expect(card('R-002')).toContain('Mar 4, 2025');
    expect(card('R-004')).toContain('Mar 4, 2025');
    expect(card('R-003')).toContain('Jan 20, 2025');
  });

  it('sorts by ref as byRef does: by number within a stem, then by ref and id', () => {
    const refs = ['R-10', 'R-2', 'DOC-002', 'R-02', 'DOC-010', 'R-1', 'X', 'R-2', 'DOC-1'];
    const records = refs.map((ref, i) => ({ ref, id: `id-${(i * 7) % 10}` }));
    expect(sortedByRef(records)).toEqual([...records].sort(byRef));
    expect(sortedByRef(records).map((r) => r.ref)).toEqual([...records].sort(byRef).map((r) => r.ref));
  });
});
