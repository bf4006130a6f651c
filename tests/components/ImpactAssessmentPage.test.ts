// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import {
  approveImpactAssessment,
  getImpactAssessment,
  listImpactAssessments,
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

stubModalDialogs();

let ws: Workspace;
let systemId: string;
let draft: ImpactAssessment;

beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Acme', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  const s = await createAiSystem(ws.id, 'CV screener');
  if (!s.ok) throw new Error(s.code);
  systemId = s.value.id;
  draft = (await startImpactAssessment(ws.id, systemId)).assessment;
  window.location.hash = '';
  app.dismissError();
});

// Unmount before tests/support/db closes the database (after-hooks run last-registered first).
afterEach(() => {
  cleanup();
  // Nothing went to the error banner.
  expect(app.error).toBeNull();
});

async function openPage(id = draft.id) {
  const result = render(ImpactAssessmentPage, { workspace: ws, id });
  await screen.findByRole('heading', { level: 1, name: 'Impact assessment: CV screener' });
  return result;
}

const stored = async (id = draft.id) => (await getImpactAssessment(id))!;

function value<T>(r: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('ImpactAssessmentPage, a draft', () => {
  it('autosaves scope fields', async () => {
    await openPage();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Intended use' }), { target: { value: 'Rank applications' } });
    await waitFor(async () => expect((await stored()).intendedUse).toBe('Rank applications'));
  });

  // Regression: every save changes the workspace object; the page re-subscribed its queries,
  // showed "Loading…" for a moment and rebuilt every input, so focus was lost while typing.
  it('keeps its inputs and focus when the workspace object changes but not its id', async () => {
    const { rerender } = await openPage();
    const intendedUse = screen.getByRole('textbox', { name: 'Intended use' });
    intendedUse.focus();
    await rerender({ workspace: { ...ws, updatedAt: new Date(Date.parse(ws.updatedAt) + 1000).toISOString() } });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Intended use' })).toBe(intendedUse);
    expect(document.activeElement).toBe(intendedUse);
  });

  it('refuses approval with every missing item listed at once, each linked to its field, focus on the first', async () => {
    await openPage();
    const approve = screen.getByRole('button', { name: 'Approve this version' });

    await fireEvent.click(approve);
    const approver = screen.getByRole('textbox', { name: 'Approver' });
    const summary = await screen.findByRole('alert');
    await waitFor(() =>
      expect(
        within(summary)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['Enter who approves this version.', 'Enter the date of approval.', 'Choose a decision before approving.']),
    );
    expect(summary.textContent).toContain('3 problems to fix');
    expect(document.activeElement).toBe(approver);
    expect(approver.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Approved on').getAttribute('aria-invalid')).toBe('true');
    // The summary's links lead to their fields.
    await fireEvent.click(within(summary).getByRole('link', { name: 'Choose a decision before approving.' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Decision' }));

    // Fixing a field takes it off the list; typing then approving at once: the approval waits for the save.
    await fireEvent.input(approver, { target: { value: 'Carla' } });
    await waitFor(() => expect(within(screen.getByRole('alert')).getAllByRole('link')).toHaveLength(2));
    await fireEvent.click(approve);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Approved on')));
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Enter the date of approval.', 'Choose a decision before approving.']);

    await fireEvent.change(screen.getByLabelText('Approved on'), { target: { value: '2025-03-10' } });
    await fireEvent.click(approve);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Decision' })));
    expect(
      within(screen.getByRole('alert'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Choose a decision before approving.']);
    expect((await stored()).state).toBe('draft');

    await fireEvent.change(screen.getByRole('combobox', { name: 'Decision' }), { target: { value: 'proceed' } });
    // Nothing is missing: approval asks first, naming what freezes; cancelling keeps the draft.
    await fireEvent.click(approve);
    let dialog = await screen.findByRole('dialog', { name: 'Approve version 1?' });
    expect(dialog.textContent).toContain(
      'Approving freezes version 1 of the impact assessment for CV screener: its scope and context, impacts, conclusion and sign-off can no longer change. Later changes need a new version.',
    );
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await stored()).state).toBe('draft');
    await fireEvent.click(approve);
    dialog = await screen.findByRole('dialog', { name: 'Approve version 1?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Approve version 1' }));
    await screen.findByText('Approved version — frozen');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(await stored()).toMatchObject({ state: 'approved', approver: 'Carla', approvedOn: '2025-03-10', decision: 'proceed' });
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    // Only the page's Jump to list (navigation, not a field) is left.
    expect(screen.queryAllByRole('combobox', { name: (name) => name !== 'Jump to' })).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Approve this version' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds impacts with the focus on the new one, and keeps quick edits to two impacts', async () => {
    await openPage();
    await fireEvent.click(screen.getByRole('button', { name: 'Add impact' }));
    const first = await screen.findByRole('article', { name: /^Impact 1:/ });
    expect(document.activeElement).toBe(within(first).getByRole('combobox', { name: 'Area' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add impact' }));
    const second = await screen.findByRole('article', { name: /^Impact 2:/ });
    // Two edits in a row, before the store has answered the first.
    await fireEvent.input(within(first).getByRole('textbox', { name: 'What could happen' }), { target: { value: 'Older applicants ranked lower' } });
    await fireEvent.change(within(second).getByRole('combobox', { name: 'Severity' }), { target: { value: 'major' } });
    await waitFor(async () => {
      const impacts = (await stored()).impacts;
      expect(impacts.map((i) => [i.description, i.severity])).toEqual([
        ['Older applicants ranked lower', null],
        ['', 'major'],
      ]);
    });
  });

  it('raises an impact as a risk and then links to it instead', async () => {
    await openPage();
    await fireEvent.click(screen.getByRole('button', { name: 'Add impact' }));
    const card = await screen.findByRole('article', { name: /^Impact 1:/ });
    await fireEvent.input(within(card).getByRole('textbox', { name: 'What could happen' }), { target: { value: 'Unfair rejection' } });
    await fireEvent.click(await within(card).findByRole('button', { name: 'Raise as risk' }));
    const link = await within(card).findByRole('link', { name: 'R-001' });
    const [risk] = await listRisks(ws.id);
    expect(risk).toMatchObject({ ref: 'R-001', title: 'Unfair rejection', sourceImpact: { assessmentId: draft.id } });
    expect(link.getAttribute('href')).toBe(`#/w/${ws.id}/risks/${risk!.id}`);
    expect(within(card).queryByRole('button', { name: 'Raise as risk' })).toBeNull();
  });

  it('removes an impact after confirmation, and it does not come back while the store catches up', async () => {
    await openPage();
    await fireEvent.click(screen.getByRole('button', { name: 'Add impact' }));
    await screen.findByRole('article', { name: /^Impact 1:/ });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove impact 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove impact 1?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Remove impact 1' }));
    expect(screen.getByText('No impact recorded yet.')).toBeTruthy();
    // Regression: a late live-query result (still holding the added impact) showed it again.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
      expect(screen.queryAllByRole('article')).toEqual([]);
    }
    expect((await stored()).impacts).toEqual([]);
  });

  it('deletes the draft after confirmation and goes back to the list', async () => {
    await openPage();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete this draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete draft version 1?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Delete this draft' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/w/${ws.id}/assessments`));
    expect(await listImpactAssessments(ws.id)).toEqual([]);
  });
});

describe('ImpactAssessmentPage, an approved version', () => {
  beforeEach(async () => {
    await saveImpactAssessment(draft.id, { intendedUse: 'Rank applications', approver: 'Carla', approvedOn: '2025-03-10', decision: 'proceed' });
    await approveImpactAssessment(draft.id);
  });

  it('is read-only and frozen, and starts a new version; then it links to the draft instead', async () => {
    const { rerender } = await openPage();
    expect(screen.getByText('Approved version — frozen')).toBeTruthy();
    expect(screen.getByText('Rank applications').tagName).toBe('DD');
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Add impact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete this draft' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Start a new version' }));
    await waitFor(() => expect(window.location.hash).not.toBe(''));
    const v2 = (await listImpactAssessments(ws.id)).find((a) => a.version === 2)!;
    expect(window.location.hash).toBe(`#/w/${ws.id}/assessments/${v2.id}`);
    expect(v2).toMatchObject({ state: 'draft', intendedUse: 'Rank applications', approver: '' });

    // Version 1 now points to the draft; there is nothing to start any more.
    const open = await screen.findByRole('link', { name: 'Open the draft (version 2)' });
    expect(open.getAttribute('href')).toBe(`#/w/${ws.id}/assessments/${v2.id}`);
    expect(screen.getByText('This version stays exactly as it was approved and remains readable. Changes go into draft version 2.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start a new version' })).toBeNull();
    expect(await listImpactAssessments(ws.id)).toHaveLength(2);

    // Opening version 2: editable, both versions listed, the message about version 1 gone.
    await rerender({ id: v2.id });
    await screen.findByRole('textbox', { name: 'Intended use' });
    expect(screen.queryByRole('alert')).toBeNull();
    const versions = screen.getByRole('navigation', { name: 'Versions' });
    expect(
      within(versions)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Version 2', 'Version 1']);
    expect(within(versions).getByRole('link', { current: 'page' }).textContent).toBe('Version 2');
  });

  it('without a draft offers no raise on its impacts and says how to raise one', async () => {
    const v2 = value(await startNewVersion(draft.id));
    // Give version 1 an impact by approving a second version and looking at it.
    value(
      await saveImpactAssessment(v2.id, {
        impacts: [{ ...blankImpact(crypto.randomUUID()), description: 'Unfair rejection' }],
        approver: 'Dan',
        approvedOn: '2025-06-01',
        decision: 'proceed',
      }),
    );
    value(await approveImpactAssessment(v2.id));
    await openPage(v2.id);
    const card = await screen.findByRole('article', { name: /^Impact 1:/ });
    expect(screen.getByText('Risks are raised from a draft. To raise a risk from one of these impacts, start a new version.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(within(card).queryAllByRole('button')).toEqual([]);
  });

  it('says so when the assessment does not exist', async () => {
    render(ImpactAssessmentPage, { workspace: ws, id: 'missing' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not exist/);
  });
});
