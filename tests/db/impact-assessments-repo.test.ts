import { beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { listRecordHistory } from '../../src/db/history-repo';
import type { AimsDatabase } from '../../src/db/database';
import {
  approveImpactAssessment,
  deleteDraftAssessment,
  getImpactAssessment,
  listImpactAssessments,
  raiseRiskFromImpact,
  saveImpactAssessment,
  startImpactAssessment,
  startNewVersion,
} from '../../src/db/impact-assessments-repo';
import { deleteRisk, getRisk, listRisks } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { AiSystem } from '../../src/domain/ai-system-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';
import { impact, readyDraft as readyDraftOf, value } from '../support/impact-assessments';

let db: AimsDatabase;
let ws: Workspace;
let system: AiSystem;

async function newWorkspace(name: string): Promise<Workspace> {
  return value(await createWorkspace(name, '1.0.0', new Date('2020-01-01T00:00:00.000Z')));
}

const readyDraft = () => readyDraftOf(ws.id, system.id);

beforeEach(async () => {
  db = await freshDatabase();
  ws = await newWorkspace('Acme');
  system = value(await createAiSystem(ws.id, 'CV screener'));
});

describe('startImpactAssessment', () => {
  it('starts version 1 of a new series as an empty draft for the AI system', async () => {
    const { assessment: a, started } = await startImpactAssessment(ws.id, system.id);
    expect(started).toBe(true);
    expect(a).toMatchObject({
      workspaceId: ws.id,
      aiSystemId: system.id,
      seriesId: a.id,
      version: 1,
      state: 'draft',
      impacts: [],
      decision: null,
      approver: '',
      approvedOn: null,
      copiedFromSystem: [],
    });
    expect(await listImpactAssessments(ws.id)).toEqual([a]);
  });

  it('refuses an AI system that does not exist', async () => {
    await expect(startImpactAssessment(ws.id, 'no-such-system')).rejects.toThrow(/not found/);
    expect(await listImpactAssessments(ws.id)).toEqual([]);
  });

  // Regression: only the system's existence was checked, so an assessment could point at a system of another workspace.
  it('refuses an AI system of another workspace', async () => {
    const other = await newWorkspace('Other');
    const foreign = value(await createAiSystem(other.id, 'Their bot'));
    await expect(startImpactAssessment(ws.id, foreign.id)).rejects.toThrow(/not found/);
    expect(await listImpactAssessments(ws.id)).toEqual([]);
  });
});

describe('saveImpactAssessment', () => {
  it('saves patches into a draft, field by field, and bumps the workspace', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    value(await saveImpactAssessment(a.id, { intendedUse: 'Rank applications' }));
    const saved = value(await saveImpactAssessment(a.id, { foreseeableMisuse: 'Used to reject without review' }));
    expect(saved).toMatchObject({ intendedUse: 'Rank applications', foreseeableMisuse: 'Used to reject without review', state: 'draft', version: 1 });
    expect(await getImpactAssessment(a.id)).toEqual(saved);
    expect((await db.workspaces.get(ws.id))!.updatedAt > ws.updatedAt).toBe(true);
  });

  it('saves the whole impacts array', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    const one = impact({ description: 'Privacy leak' });
    const two = impact({ area: 'economic', description: 'Lost income', severity: 'major' });
    value(await saveImpactAssessment(a.id, { impacts: [one, two] }));
    value(await saveImpactAssessment(a.id, { impacts: [two] }));
    expect((await getImpactAssessment(a.id))!.impacts).toEqual([two]);
  });

  it('reports not-found for an unknown id', async () => {
    expect(await saveImpactAssessment('nope', { intendedUse: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('rejects an invalid value and leaves the record unchanged', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    await expect(saveImpactAssessment(a.id, { assessedOn: '2025-02-30' })).rejects.toThrow();
    expect(await getImpactAssessment(a.id)).toEqual(a);
  });

  // Regression: risk links are written by raiseRiskFromImpact and deleteRisk only. A save of the
  // impacts array built from a copy read before the raise used to drop the new link.
  it('keeps the stored risk link when an impacts array from an older copy is saved', async () => {
    const { draft, harm } = await readyDraft();
    const risk = value(await raiseRiskFromImpact(draft.id, harm.id));
    const stale = draft.impacts.map((i) => ({ ...i, description: 'Edited after the raise' }));
    expect(stale[0]!.riskId).toBeNull();
    value(await saveImpactAssessment(draft.id, { impacts: stale }));
    const stored = (await getImpactAssessment(draft.id))!.impacts[0]!;
    expect(stored.description).toBe('Edited after the raise');
    expect(stored.riskId).toBe(risk.id);
  });

  it('cannot set a risk link through a save', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    value(await saveImpactAssessment(a.id, { impacts: [impact({ riskId: 'made-up' })] }));
    expect((await getImpactAssessment(a.id))!.impacts[0]!.riskId).toBeNull();
  });
});

describe('approveImpactAssessment', () => {
  it('requires an approver, an approval date and a decision, naming every missing one at once', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    const approver = { code: 'approver-required', field: 'approver' };
    const date = { code: 'approval-date-required', field: 'approvedOn' };
    const decision = { code: 'decision-required', field: 'decision' };
    expect(await approveImpactAssessment(a.id)).toEqual({ ok: false, ...approver, problems: [approver, date, decision] });
    value(await saveImpactAssessment(a.id, { approver: '   ' }));
    expect(await approveImpactAssessment(a.id)).toMatchObject({ ok: false, problems: [approver, date, decision] });
    value(await saveImpactAssessment(a.id, { approver: 'Carla' }));
    expect(await approveImpactAssessment(a.id)).toEqual({ ok: false, ...date, problems: [date, decision] });
    value(await saveImpactAssessment(a.id, { approvedOn: '2025-03-10' }));
    expect(await approveImpactAssessment(a.id)).toEqual({ ok: false, ...decision, problems: [decision] });
    expect((await getImpactAssessment(a.id))!.state).toBe('draft');
    value(await saveImpactAssessment(a.id, { decision: 'proceed' }));
    expect(value(await approveImpactAssessment(a.id)).state).toBe('approved');
  });

  it('freezes the version: a later save returns frozen and the record stays as approved', async () => {
    const { draft } = await readyDraft();
    const approved = value(await approveImpactAssessment(draft.id));
    expect(approved).toMatchObject({ state: 'approved', version: 1, approver: 'Carla', decision: 'proceed-with-conditions' });
    expect(await saveImpactAssessment(draft.id, { intendedUse: 'Something else', approver: 'Mallory' })).toEqual({ ok: false, code: 'frozen' });
    expect(await saveImpactAssessment(draft.id, { impacts: [] })).toEqual({ ok: false, code: 'frozen' });
    expect(await getImpactAssessment(draft.id)).toEqual(approved);
    expect(await approveImpactAssessment(draft.id)).toEqual({ ok: false, code: 'frozen' });
  });

  // Regression: the draft check and the write ran in separate transactions, so a save that had
  // passed the check could land on the version just approved.
  it('a save racing an approval never changes the version after it was approved', async () => {
    const { draft } = await readyDraft();
    const [approval, save] = await Promise.all([approveImpactAssessment(draft.id), saveImpactAssessment(draft.id, { intendedUse: 'Changed while approving' })]);
    const approved = value(approval);
    // Whichever came first, what is stored is exactly what was approved.
    expect(await getImpactAssessment(draft.id)).toEqual(approved);
    expect(approved.intendedUse).toBe(save.ok ? 'Changed while approving' : 'Rank job applications');
  });

  // Regression: approval checked a copy read before its transaction, so a save clearing the
  // approver in between produced an approved version without an approver.
  it('an approval racing a save that clears the approver does not approve', async () => {
    const { draft } = await readyDraft();
    const [approval, save] = await Promise.all([approveImpactAssessment(draft.id), saveImpactAssessment(draft.id, { approver: '' })]);
    const stored = (await getImpactAssessment(draft.id))!;
    if (save.ok) {
      expect(approval).toEqual({ ok: false, code: 'approver-required', field: 'approver' });
      expect(stored).toMatchObject({ state: 'draft', approver: '' });
    } else {
      expect(stored).toMatchObject({ state: 'approved', approver: 'Carla' });
    }
  });

  it('reports not-found for an unknown id', async () => {
    expect(await approveImpactAssessment('nope')).toEqual({ ok: false, code: 'not-found' });
  });
});

describe('startNewVersion', () => {
  it('copies the content into version 2, a draft with sign-off cleared, and leaves version 1 unchanged', async () => {
    const { draft, harm } = await readyDraft();
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    expect(v2.id).not.toBe(v1.id);
    expect(v2).toMatchObject({
      seriesId: v1.seriesId,
      aiSystemId: system.id,
      version: 2,
      state: 'draft',
      intendedUse: 'Rank job applications',
      conclusion: 'Acceptable with conditions',
      decision: 'proceed-with-conditions',
      impacts: [harm],
      // 8.4: every version records its own sign-off.
      assessor: '',
      assessedOn: null,
      reviewer: '',
      reviewedOn: null,
      approver: '',
      approvedOn: null,
      nextReview: null,
    });
    expect(await getImpactAssessment(v1.id)).toEqual(v1);

    value(await saveImpactAssessment(v2.id, { intendedUse: 'Rank and explain' }));
    expect((await getImpactAssessment(v1.id))!.intendedUse).toBe('Rank job applications');
    expect((await getImpactAssessment(v2.id))!.intendedUse).toBe('Rank and explain');
  });

  it('refuses a second new version while a draft exists, from any version of the series', async () => {
    const { draft } = await readyDraft();
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    expect(await startNewVersion(v1.id)).toEqual({ ok: false, code: 'draft-exists' });
    expect(await startNewVersion(v2.id)).toEqual({ ok: false, code: 'draft-exists' });
    expect((await listImpactAssessments(ws.id)).map((a) => a.version).sort()).toEqual([1, 2]);
  });

  it('copies from the latest version, numbering on from it', async () => {
    const { draft } = await readyDraft();
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    value(await saveImpactAssessment(v2.id, { intendedUse: 'Version two text', approver: 'Dan', approvedOn: '2025-06-01' }));
    value(await approveImpactAssessment(v2.id));
    const v3 = value(await startNewVersion(v1.id));
    expect(v3).toMatchObject({ version: 3, intendedUse: 'Version two text', state: 'draft', approver: '' });
  });

  it('reports not-found for an unknown id', async () => {
    expect(await startNewVersion('nope')).toEqual({ ok: false, code: 'not-found' });
  });
});

describe('raiseRiskFromImpact', () => {
  it('creates R-001 pre-filled from the impact, linked both ways', async () => {
    const { draft, harm } = await readyDraft();
    const risk = value(await raiseRiskFromImpact(draft.id, harm.id));
    expect(risk).toMatchObject({
      ref: 'R-001',
      workspaceId: ws.id,
      title: 'Older applicants are ranked lower.',
      description: harm.description,
      aiSystemIds: [system.id],
      consequenceIndividuals: harm.description,
      consequenceSociety: '',
      treatmentPlan: 'Re-weight the training data',
      sourceImpact: { assessmentId: draft.id, impactId: harm.id },
      status: 'identified',
    });
    expect(await getRisk(risk.id)).toEqual(risk);
    expect((await getImpactAssessment(draft.id))!.impacts[0]!.riskId).toBe(risk.id);
  });

  it('numbers on from existing risks and refuses a second raise of the same impact', async () => {
    const { draft, harm } = await readyDraft();
    const other = impact({ affected: 'society', description: 'Trust in hiring drops' });
    value(await saveImpactAssessment(draft.id, { impacts: [harm, other] }));
    const first = value(await raiseRiskFromImpact(draft.id, harm.id));
    expect(await raiseRiskFromImpact(draft.id, harm.id)).toEqual({ ok: false, code: 'already-linked' });
    const second = value(await raiseRiskFromImpact(draft.id, other.id));
    expect([first.ref, second.ref]).toEqual(['R-001', 'R-002']);
    expect(second).toMatchObject({ consequenceSociety: 'Trust in hiring drops', consequenceIndividuals: '' });
    expect(await listRisks(ws.id)).toHaveLength(2);
  });

  // Regression: the raise wrote the link (and a history entry) into the approved version.
  it('refuses an approved version: no risk, and the version and its history stay exactly as approved', async () => {
    const { draft, harm } = await readyDraft();
    const approved = value(await approveImpactAssessment(draft.id));
    const history = await listRecordHistory(approved.id);
    expect(await raiseRiskFromImpact(approved.id, harm.id)).toEqual({ ok: false, code: 'frozen' });
    expect(await getImpactAssessment(approved.id)).toEqual(approved);
    expect(await listRecordHistory(approved.id)).toEqual(history);
    expect(await listRisks(ws.id)).toEqual([]);
  });

  it("raises from the same impact in the next version's draft, leaving the approved version alone", async () => {
    const { draft, harm } = await readyDraft();
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    const risk = value(await raiseRiskFromImpact(v2.id, harm.id));
    expect(risk.sourceImpact).toEqual({ assessmentId: v2.id, impactId: harm.id });
    expect((await getImpactAssessment(v2.id))!.impacts[0]!.riskId).toBe(risk.id);
    expect(await getImpactAssessment(v1.id)).toEqual(v1);
  });

  it('raises again once the linked risk was deleted', async () => {
    const { draft, harm } = await readyDraft();
    const first = value(await raiseRiskFromImpact(draft.id, harm.id));
    await deleteRisk(first.id);
    expect((await getImpactAssessment(draft.id))!.impacts[0]!.riskId).toBeNull();
    const again = value(await raiseRiskFromImpact(draft.id, harm.id));
    expect(again.ref).toBe('R-001');
  });

  it('titles the risk from who is affected when the description is empty', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    const bare = impact({ affectedWho: '  Night-shift staff  ' });
    value(await saveImpactAssessment(a.id, { impacts: [bare] }));
    expect(value(await raiseRiskFromImpact(a.id, bare.id)).title).toBe('Night-shift staff');
  });

  // Regression: a blank description and a whitespace-only "who" made an empty title, and the raise threw.
  it('falls back to the area when neither description nor who says anything', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    const bare = impact({ area: 'privacy', affectedWho: '   ' });
    value(await saveImpactAssessment(a.id, { impacts: [bare] }));
    expect(value(await raiseRiskFromImpact(a.id, bare.id)).title).toBe('privacy');
  });

  it('reports not-found for an unknown assessment or impact', async () => {
    const { draft } = await readyDraft();
    expect(await raiseRiskFromImpact('nope', 'nope')).toEqual({ ok: false, code: 'not-found' });
    expect(await raiseRiskFromImpact(draft.id, 'nope')).toEqual({ ok: false, code: 'not-found' });
    expect(await listRisks(ws.id)).toEqual([]);
  });
});

describe('deleteDraftAssessment', () => {
  it('deletes a draft', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    expect(await deleteDraftAssessment(a.id)).toEqual({ ok: true, value: null });
    expect(await listImpactAssessments(ws.id)).toEqual([]);
  });

  it('refuses an approved version and keeps it', async () => {
    const { draft } = await readyDraft();
    const approved = value(await approveImpactAssessment(draft.id));
    expect(await deleteDraftAssessment(approved.id)).toEqual({ ok: false, code: 'frozen' });
    expect(await getImpactAssessment(approved.id)).toEqual(approved);
  });

  it('deleting a new draft leaves the approved version, and a new version can start again', async () => {
    const { draft } = await readyDraft();
    const v1 = value(await approveImpactAssessment(draft.id));
    const v2 = value(await startNewVersion(v1.id));
    value(await deleteDraftAssessment(v2.id));
    expect(await listImpactAssessments(ws.id)).toEqual([v1]);
    expect(value(await startNewVersion(v1.id)).version).toBe(2);
  });

  // Regression: a risk raised from a deleted draft kept pointing at the deleted assessment.
  it('unlinks risks that were raised from the deleted draft', async () => {
    const { draft, harm } = await readyDraft();
    const risk = value(await raiseRiskFromImpact(draft.id, harm.id));
    value(await deleteDraftAssessment(draft.id));
    expect(await getRisk(risk.id)).toMatchObject({ ref: 'R-001', sourceImpact: null });
  });

  it('reports not-found for an unknown id', async () => {
    expect(await deleteDraftAssessment('nope')).toEqual({ ok: false, code: 'not-found' });
  });
});
