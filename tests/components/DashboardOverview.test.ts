// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { dashboardView } from '../../src/domain/dashboard-view';
import DashboardOverview from '../../src/pages/DashboardOverview.svelte';
import { shippedCatalog } from '../support/catalog';
import { makeRisk, makeWorkspace } from '../support/factories';

const workspace = makeWorkspace();
const ws = workspace.id;
const view = (risks: number) =>
  dashboardView({
    catalog: shippedCatalog(),
    matrix: workspace.riskMatrix,
    today: '2026-03-01',
    risks: Array.from({ length: risks }, (_, i) =>
      makeRisk(ws, { ref: `R-${String(i + 1).padStart(3, '0')}`, title: `Risk ${i + 1}`, status: 'treating', treatmentDue: '2026-01-15' }),
    ),
    assessments: [],
    evidence: [],
    cycle: [],
    ownControls: [],
    impactAssessments: [],
    aiSystems: [],
  });

// Worked out once, outside the tests' time limit (each risk is parsed by its schema).
const two = view(2);
const three = view(3);

describe('DashboardOverview', () => {
  it('says it is loading while the figures are pending, and shows no figure (no zeros)', () => {
    render(DashboardOverview, { workspace, view: null });
    expect(screen.getByRole('status').textContent).toContain('Loading…');
    expect(screen.queryByTestId('tile-risks')).toBeNull();
    expect(screen.queryByTestId('tile-overdue')).toBeNull();
  });

  it("shows the worker's figures, and the new ones when they change", async () => {
    const r = render(DashboardOverview, { workspace, view: two });
    expect(screen.getByTestId('tile-risks').textContent).toContain('Open risks by level (2)');
    expect(screen.getByTestId('tile-overdue').querySelector('.big')?.textContent).toContain('2');
    expect(screen.getByRole('link', { name: 'R-001 Risk 1' })).toBeTruthy();
    await r.rerender({ workspace, view: three });
    expect(screen.getByTestId('tile-risks').textContent).toContain('Open risks by level (3)');
    expect(screen.getByRole('heading', { level: 2, name: 'Overdue (3)' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
