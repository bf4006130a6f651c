// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { saveAssessment } from '../../src/db/assessments-repo';
import { createRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Catalog } from '../../src/domain/catalog-model';
import type { Workspace } from '../../src/domain/workspace-schema';
import RisksPrint from '../../src/pages/RisksPrint.svelte';
import SoaPrint from '../../src/pages/SoaPrint.svelte';
import { freshDatabase } from '../support/db';

/**
 * The print views set a record's long texts on rows of their own across the table, under the
 * record's row: in a column of a nine-column table a treatment plan ran over many pages, a few words a line.
 */
const PLAN = Array.from({ length: 12 }, (_, i) => `Step ${i + 1}: retrain on balanced data and have the owner sign the evaluation off.`).join('\n');

let ws: Workspace;
let catalog: Catalog;

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Acme', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  catalog = await loadCatalog('en');
});

afterEach(() => cleanup());

/** The cells of a table row, with the columns each one spans. */
const cells = (row: HTMLElement) =>
  [...row.children].map((c) => ({ text: c.textContent?.replace(/\s+/g, ' ').trim() ?? '', span: (c as HTMLTableCellElement).colSpan }));

describe('RisksPrint', () => {
  it('prints each long text of a risk on its own full-width row, labelled, and keeps the short values in their columns', async () => {
    const r = await createRisk(ws.id, 'Resume model discriminates', {
      description: 'The ranking model learned from ten years of hiring.',
      consequenceIndividuals: 'Qualified people are never interviewed.',
      treatment: 'modify',
      treatmentPlan: PLAN,
      treatmentDue: '2026-03-31',
      status: 'monitoring',
      owner: 'Head of HR',
    });
    if (!r.ok) throw new Error(r.code);
    await createRisk(ws.id, 'Training data leaks');
    render(RisksPrint, { catalog, workspace: ws });

    const risk = await screen.findByTestId('print-risk-R-001');
    const rows = within(risk).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const columns = within(screen.getByRole('table', { name: 'Register' })).getAllByRole('columnheader').length;
    expect(columns).toBe(9);
    // The first row: the short values, the plan not among them.
    const main = cells(rows[0]!);
    expect(main).toHaveLength(columns);
    expect(main.map((c) => c.text)).toEqual([
      'R-001',
      'Resume model discriminates',
      'Not rated',
      'Not rated',
      'Modify (reduce) Due Mar 31, 2026',
      'None',
      'Head of HR',
      'Monitoring',
      'Not required',
    ]);
    // Then one row per long text, in the register's order, across every column but the reference (which spans them all).
    expect(within(rows[0]!).getByRole('rowheader', { name: 'R-001' }).getAttribute('rowspan')).toBe('4');
    const longs = rows.slice(1).map((row) => cells(row));
    for (const row of longs) expect(row).toEqual([expect.objectContaining({ span: columns - 1 })]);
    expect(longs.map(([c]) => c!.text.slice(0, 40))).toEqual([
      'Description The ranking model learned fr',
      'Consequences for individuals Qualified p',
      'Treatment plan Step 1: retrain on balanc',
    ]);
    expect(longs[2]![0]!.text).toContain('Step 12: retrain');
    // A risk with no long text has its one row.
    expect(within(screen.getByTestId('print-risk-R-002')).getAllByRole('row')).toHaveLength(1);
  });
});

describe('SoaPrint', () => {
  it('prints the justification and where and how on full-width rows under the control', async () => {
    await saveAssessment(ws.id, 'A.2.2', {
      status: 'implemented',
      owner: 'CISO',
      applicable: true,
      justificationCategory: 'risk-treatment',
      justification: 'Policy approved by the board.',
      implementation: 'AI policy v2 on the intranet, section 3.',
    });
    render(SoaPrint, { catalog, workspace: ws });

    const control = await screen.findByTestId('print-soa-A.2.2');
    const rows = within(control).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(cells(rows[0]!).map((c) => c.text)).toEqual(['A.2.2 AI policy', 'Yes', 'Risk treatment', 'Implemented', 'CISO']);
    expect(rows.slice(1).map((row) => cells(row))).toEqual([
      [{ text: 'Justification Policy approved by the board.', span: 4 }],
      [{ text: 'Where and how it is implemented AI policy v2 on the intranet, section 3.', span: 4 }],
    ]);
    expect(within(screen.getByTestId('print-soa-A.2.3')).getAllByRole('row')).toHaveLength(1);
  });
});
