// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem, saveAiSystem } from '../../src/db/ai-systems-repo';
import { listRecordHistory } from '../../src/db/history-repo';
import {
  approveImpactAssessment,
  getImpactAssessment,
  raiseRiskFromImpact,
  saveImpactAssessment,
  startImpactAssessment,
  startNewVersion,
} from '../../src/db/impact-assessments-repo';
import { listRisks } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import { blankImpact, type ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import ImpactAssessmentPage from '../../src/pages/ImpactAssessmentPage.svelte';
import { app } from '../../src/state/app.svelte';
import { freshDatabase } from '../support/db';
import { stubModalDialogs } from '../support/dialogs';
import { value } from '../support/impact-assessments';

/** The impact assessment page's review of text copied from the AI system, and an approved version that nothing changes. */

stubModalDialogs();

let ws: Workspace;
let systemId: string;
let draft: ImpactAssessment;

beforeEach(async () => {
  await freshDatabase();
  ws = value(await createWorkspace('Acme', '1.0.0'));
  systemId = value(await createAiSystem(ws.id, 'CV screener')).id;
  window.location.hash = '';
  app.dismissError();
});

// Unmount before tests/support/db closes the database (after-hooks run last-registered first).
afterEach(() => {
  cleanup();
  expect(app.error).toBeNull();
});

async function openPage(id = draft.id) {
  const result = render(ImpactAssessmentPage, { workspace: ws, id });
  await screen.findByRole('heading', { level: 1, name: 'Impact assessment: CV screener' });
  return result;
}

const stored = async (id = draft.id) => (await getImpactAssessment(id))!;

describe('ImpactAssessmentPage, scope copied from the AI system', () => {
  beforeEach(async () => {
    await saveAiSystem(systemId, { purpose: 'Rank job applications', dataSources: 'CVs and past hiring decisions' });
    draft = (await startImpactAssessment(ws.id, systemId)).assessment;
    await saveImpactAssessment(draft.id, { approver: 'Carla', approvedOn: '2025-03-10', decision: 'proceed' });
  });

  it('marks the copied fields; editing one or marking it reviewed clears its mark, and approval waits for them', async () => {
    await openPage();
    expect(screen.getByText(/^Some fields were copied from the AI system record/)).toBeTruthy();
    const intendedUse = screen.getByRole('textbox', { name: 'Intended use', description: /Copied from the AI system/ }) as HTMLTextAreaElement;
    expect(intendedUse.value).toBe('Rank job applications');
    expect((screen.getByRole('textbox', { name: 'Data used', description: /Copied from the AI system/ }) as HTMLTextAreaElement).value).toBe(
      'CVs and past hiring decisions',
    );
    // Not copied: nothing to review.
    expect(screen.getByRole('textbox', { name: 'Who is affected' }).getAttribute('aria-describedby')).toBeNull();

    // Approval names every copied field still to review, and moves focus to the first, before any confirmation.
    await fireEvent.click(screen.getByRole('button', { name: 'Approve this version' }));
    const copiedText = 'This text was copied from the AI system record: edit it or mark it as reviewed before approving.';
    await waitFor(() =>
      expect(
        within(screen.getByRole('alert'))
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual([copiedText, copiedText]),
    );
    expect(document.activeElement).toBe(intendedUse);
    expect(screen.queryByRole('dialog')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Mark as reviewed: Intended use' }));
    await waitFor(async () => expect((await stored()).copiedFromSystem).toEqual(['dataUsed']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark as reviewed: Intended use' })).toBeNull());
    // Reviewed: off the list; the other copied field stays on it.
    expect(within(screen.getByRole('alert')).getAllByRole('link')).toHaveLength(1);
    expect(document.activeElement).toBe(intendedUse);
    expect(intendedUse.value).toBe('Rank job applications');

    // The history reads the marks by their field labels.
    // The history is the page's second tab, loaded when opened.
    await fireEvent.click(screen.getByRole('tab', { name: /^History/ }));
    const history = await screen.findByRole('region', { name: 'History' });
    await waitFor(() => expect(history.textContent).toContain('Copied from the AI system, not reviewed: Intended use and Data used → Data used'));
    await fireEvent.click(screen.getByRole('tab', { name: 'Details' }));

    await fireEvent.input(screen.getByRole('textbox', { name: 'Data used' }), { target: { value: 'CVs only' } });
    await waitFor(async () => expect((await stored()).copiedFromSystem).toEqual([]));
    await waitFor(() => expect(screen.queryByText(/^Some fields were copied/)).toBeNull());

    await fireEvent.click(screen.getByRole('button', { name: 'Approve this version' }));
    await screen.findByRole('dialog', { name: 'Approve version 1?' });
  });
});

describe('ImpactAssessmentPage, an approved version with a draft', () => {
  // Regression: "Raise as risk" on version 1 wrote the link, and a history entry, into the approved
  // version after approval, and the draft did not get the link.
  it('no control on it changes it: each one clicked, its record and history stay identical; a raise goes into the draft and says so', async () => {
    draft = (await startImpactAssessment(ws.id, systemId)).assessment;
    const raised = { ...blankImpact(crypto.randomUUID()), description: 'Unfair rejection' };
    const open = { ...blankImpact(crypto.randomUUID()), area: 'privacy' as const, description: 'CVs kept too long' };
    value(
      await saveImpactAssessment(draft.id, {
        intendedUse: 'Rank applications',
        impacts: [raised, open],
        approver: 'Carla',
        approvedOn: '2025-03-10',
        decision: 'proceed',
      }),
    );
    const r001 = value(await raiseRiskFromImpact(draft.id, raised.id));
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    const history = await listRecordHistory(v1.id);

    const { container } = await openPage(v1.id);
    const first = await screen.findByRole('article', { name: /^Impact 1:/ });
    const second = screen.getByRole('article', { name: /^Impact 2:/ });
    expect(screen.getByText('A risk raised from an impact here is linked in draft version 2; this version stays as approved.')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'R-001' }).getAttribute('href')).toBe(`#/w/${ws.id}/risks/${r001.id}`);
    await within(second).findByRole('button', { name: 'Raise as risk in version 2 (draft)' });
    // Only the page's Jump to list (navigation, not a field) is left.
    expect(container.querySelectorAll('input, select:not([id$="-jump"]), textarea')).toHaveLength(0);

    // Click every control the page offers, again for any that appear, until none is new.
    const clicked = new Set<Element>();
    for (let round = 0; round < 5; round++) {
      const fresh = [...container.querySelectorAll('button, a[href], summary')].filter((c) => !clicked.has(c));
      if (fresh.length === 0) break;
      for (const control of fresh) {
        clicked.add(control);
        await fireEvent.click(control);
        await new Promise((r) => setTimeout(r, 30));
      }
    }
    const names = [...clicked].map((c) => c.textContent?.trim());
    expect(names).toEqual(
      expect.arrayContaining([
        'All impact assessments',
        'Print view',
        'Open the draft (version 2)',
        'Version 2',
        'Version 1',
        'R-001',
        'Raise as risk in version 2 (draft)',
      ]),
    );

    expect(await getImpactAssessment(v1.id)).toEqual(v1);
    expect(await listRecordHistory(v1.id)).toEqual(history);

    // The raise linked the risk in version 2's copy of the impact, and version 1 shows it as held there.
    const risks = await listRisks(ws.id);
    const r002 = risks.find((r) => r.ref === 'R-002')!;
    expect(r002).toMatchObject({ title: 'CVs kept too long', sourceImpact: { assessmentId: v2.id, impactId: open.id } });
    expect((await getImpactAssessment(v2.id))!.impacts.map((i) => i.riskId)).toEqual([r001.id, r002.id]);
    expect(app.notice).toBe('Risk R-002 raised from impact 2 and linked in draft version 2.');
    await waitFor(() => expect(within(second).getByText('Linked risk (in version 2)').tagName).toBe('DT'));
    expect(within(second).getByRole('link', { name: 'R-002' }).getAttribute('href')).toBe(`#/w/${ws.id}/risks/${r002.id}`);
    expect(risks).toHaveLength(2);
  });
});
