// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { createCycleRecord, saveCycleRecord } from '../../src/db/cycle-repo';
import { raiseRiskFromImpact, saveImpactAssessment, startImpactAssessment } from '../../src/db/impact-assessments-repo';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { setUserName } from '../../src/db/settings-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import HistoryPanel from '../../src/ui/HistoryPanel.svelte';
import { freshDatabase } from '../support/db';
import { cycleRow, makeImpact } from '../support/factories';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code);
  return r.value;
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;

let wsId: string;
beforeEach(async () => {
  await freshDatabase();
  await setUserName('Dana');
  wsId = unwrap(await createWorkspace('Acme', '1.0.0')).id;
});

/** The panel's text once it lists `entries` entries. */
async function panelText(recordId: string, entries: number): Promise<string> {
  cleanup();
  render(HistoryPanel, { recordId, workspaceId: wsId });
  const region = await screen.findByRole('region', { name: 'History' });
  await waitFor(() => expect(region.querySelectorAll('.entries > li')).toHaveLength(entries));
  const text = region.textContent ?? '';
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/\{"|\[\{|":/);
  return text;
}

describe('HistoryPanel: values as the user knows them', () => {
  it('a risk: ratings by level number (from 1) and name, a linked AI system by its name, a status by its label', async () => {
    const system = unwrap(await createAiSystem(wsId, 'TalentSift'));
    const risk = unwrap(await createRisk(wsId, 'Resume model discriminates'));
    await saveRisk(risk.id, { inherentLikelihood: 2, inherentImpact: 3, aiSystemIds: [system.id], status: 'treating' });
    const text = await panelText(risk.id, 2);
    expect(text).toContain('Inherent likelihood: (empty) → 3 Possible');
    expect(text).toContain('Inherent impact: (empty) → 4 Major');
    expect(text).toContain('AI systems affected: (empty) → TalentSift');
    expect(text).toContain('Status: Identified → Being treated');
  });

  it('an impact assessment: impacts row by row, a raised risk by its ref and title', async () => {
    const system = unwrap(await createAiSystem(wsId, 'TalentSift'));
    const ia = (await startImpactAssessment(wsId, system.id)).assessment;
    const impact = makeImpact({ description: 'Delayed care', severity: 'major' });
    unwrap(await saveImpactAssessment(ia.id, { impacts: [impact] }));
    await setUserName('Sam');
    unwrap(await saveImpactAssessment(ia.id, { impacts: [{ ...impact, severity: 'severe' }] }));
    const risk = unwrap(await raiseRiskFromImpact(ia.id, impact.id));
    const text = await panelText(ia.id, 4);
    expect(text).toContain('Impacts: row 1 “Delayed care” added');
    expect(text).toContain('Impacts, row 1 “Delayed care”: Severity Major → Severe');
    expect(text).toContain(`Impacts, row 1 “Delayed care”: Linked risk (empty) → ${risk.ref} ${risk.title}`);
  });

  it('management-system records: each kind’s own choices, checklists, review inputs and scope exclusions row by row', async () => {
    const audit = unwrap(await createCycleRecord(wsId, 'audit', 'Internal audit 2026'));
    unwrap(await saveCycleRecord(audit.id, { status: 'in-progress', checklist: [cycleRow({ itemId: '6.1.2', result: 'minor', note: '' })] }));
    expect(await panelText(audit.id, 2)).toMatch(/Status: Planned → In progress.*Checklist: row 1 “6\.1\.2” added/s);

    const review = unwrap(await createCycleRecord(wsId, 'review', 'Review Q1'));
    const inputs = (review as unknown as { inputs: { id: string; topic: string; notes: string }[] }).inputs;
    unwrap(await saveCycleRecord(review.id, { inputs: inputs.map((r) => (r.topic === 'audits' ? { ...r, notes: 'Two minor findings' } : r)) }));
    const reviewText = await panelText(review.id, 2);
    expect(reviewText).toContain('Inputs, row 6 “Audit results”: What was presented (empty) → Two minor findings');

    const scope = unwrap(await createCycleRecord(wsId, 'scope', 'AIMS scope'));
    unwrap(await saveCycleRecord(scope.id, { exclusions: [cycleRow({ what: 'Marketing chatbot', justification: 'Vendor-run' })] }));
    expect(await panelText(scope.id, 2)).toContain('Exclusions: row 1 “Marketing chatbot” added');

    const incident = unwrap(await createCycleRecord(wsId, 'incident', 'Outage'));
    unwrap(await saveCycleRecord(incident.id, { actions: 'Rolled back', status: 'closed' } as never));
    expect(await panelText(incident.id, 2)).toContain('Rolled back');
  });
});
