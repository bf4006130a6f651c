// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog';
import { dashboardView } from '../../src/domain/dashboard-view';
import DashboardOverview from '../../src/pages/DashboardOverview.svelte';
import RisksPage from '../../src/pages/RisksPage.svelte';
import { shippedCatalog } from '../support/catalog';
import { makeRisk, makeWorkspace } from '../support/factories';

/** Counts read as people write numbers ("1,200 risks"), not as the database counts them ("1200"). */
const workspace = makeWorkspace();
const MANY = 1200;
const risks = Array.from({ length: MANY }, (_, i) => makeRisk(workspace.id, { ref: `R-${String(i + 1).padStart(4, '0')}`, title: `Risk ${i + 1}` }));

vi.mock('../../src/db/open-direct', () => ({
  openExistingDatabase: () => Promise.resolve({ close() {} }),
  KeptConnection: class {
    read<T>(_name: string, read: (db: unknown) => Promise<T>) {
      return read({});
    }
  },
}));
vi.mock('../../src/db/risk-list-read-direct', () => ({
  readRiskListDirect: (_db: unknown, _ws: string, onCount: (n: number) => void) => {
    onCount(MANY);
    return Promise.resolve({ matrix: workspace.riskMatrix, risks, systems: [] });
  },
}));

// jsdom has no ResizeObserver (the risk table's bind:clientHeight uses one).
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => cleanup());

describe('large counts are grouped', () => {
  it('the risk list says "1,200 of 1,200 risks"', async () => {
    render(RisksPage, { catalog: await loadCatalog('en'), workspace });
    expect(await screen.findByText('1,200 of 1,200 risks')).toBeTruthy();
  });

  it('the dashboard says "Open risks by level (1,200)"', () => {
    const view = dashboardView({
      catalog: shippedCatalog(),
      matrix: workspace.riskMatrix,
      today: '2026-03-01',
      risks,
      assessments: [],
      evidence: [],
      cycle: [],
      ownControls: [],
      impactAssessments: [],
      aiSystems: [],
    });
    render(DashboardOverview, { workspace, view });
    expect(screen.getByTestId('tile-risks').textContent).toContain('Open risks by level (1,200)');
  });
});
