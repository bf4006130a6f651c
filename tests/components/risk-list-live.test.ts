// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem, saveAiSystem } from '../../src/db/ai-systems-repo';
import { createRisk, deleteRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import { freshDatabase } from '../support/db';
import RiskListHarness from './RiskListHarness.svelte';

let ws: string;
beforeEach(async () => {
  await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value.id;
});

async function risk(title: string, extra = {}) {
  const r = await createRisk(ws, title, extra);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('the risk list read off the page', () => {
  it('shows the count and the rows in register order, and follows every edit, create and delete', async () => {
    const a = await risk('Drift', { owner: 'Ana' });
    const b = await risk('Bias');
    render(RiskListHarness, { ws });
    await waitFor(() => expect(text('rows')).toBe('R-001 Drift | R-002 Bias'));
    expect(text('total')).toBe('2');
    expect(text('owners')).toBe('Ana');

    await saveRisk(b.id, { title: 'Unfair outcomes', owner: 'Bo' });
    await waitFor(() => expect(text('rows')).toBe('R-001 Drift | R-002 Unfair outcomes'));
    expect(text('owners')).toBe('Ana, Bo');

    await risk('Leak');
    await waitFor(() => expect(text('rows')).toBe('R-001 Drift | R-002 Unfair outcomes | R-003 Leak'));
    expect(text('total')).toBe('3');

    await deleteRisk(a.id);
    await waitFor(() => expect(text('rows')).toBe('R-002 Unfair outcomes | R-003 Leak'));
    expect(text('total')).toBe('2');
  });

  it('rates anew when a risk needs acceptance, and names AI systems as they are renamed', async () => {
    const sys = await createAiSystem(ws, 'Chatbot');
    if (!sys.ok) throw new Error(sys.code);
    const r = await risk('Drift', { aiSystemIds: [sys.value.id] });
    render(RiskListHarness, { ws });
    await waitFor(() => expect(text('rows')).toBe('R-001 Drift'));
    expect(text('systems')).toBe('Chatbot');
    // The highest residual rating on the default matrix is above the acceptance threshold, with no acceptance recorded.
    await saveRisk(r.id, { residualLikelihood: 4, residualImpact: 4 });
    await waitFor(() => expect(text('rows')).toBe('R-001 Drift !'));
    await saveAiSystem(sys.value.id, { name: 'Support bot' });
    await waitFor(() => expect(text('systems')).toBe('Support bot'));
  });
});
