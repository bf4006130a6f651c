import { beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem, saveAiSystem } from '../../src/db/ai-systems-repo';
import { listRecordHistory } from '../../src/db/history-repo';
import {
  approveImpactAssessment,
  checkApproval,
  deleteDraftAssessment,
  getImpactAssessment,
  listImpactAssessments,
  markCopiesReviewed,
  raiseRiskFromImpact,
  saveImpactAssessment,
  startImpactAssessment,
  startNewVersion,
} from '../../src/db/impact-assessments-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { AiSystem } from '../../src/domain/ai-system-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';
import { readyDraft as readyDraftOf, value } from '../support/impact-assessments';

/** Starting an assessment (one series per system, scope copied from it), reviewing copies, and what an approved version refuses. */

let ws: Workspace;
let system: AiSystem;
const readyDraft = () => readyDraftOf(ws.id, system.id);

beforeEach(async () => {
  await freshDatabase();
  ws = value(await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z')));
  system = value(await createAiSystem(ws.id, 'CV screener'));
});

describe('startImpactAssessment', () => {
  it('copies the scope from the AI system record and marks each copied field for review', async () => {
    await saveAiSystem(system.id, {
      purpose: 'Rank job applications',
      dataSources: 'CVs and past hiring decisions',
      deploymentContext: 'Used by recruiters in the EU',
      affectedParties: '',
    });
    const { assessment: a } = await startImpactAssessment(ws.id, system.id);
    expect(a).toMatchObject({
      intendedUse: 'Rank job applications',
      dataUsed: 'CVs and past hiring decisions',
      deploymentEnvironment: 'Used by recruiters in the EU',
      affectedParties: '',
      foreseeableMisuse: '',
    });
    // Only fields that had text were copied: an empty one has nothing to review.
    expect(a.copiedFromSystem).toEqual(['intendedUse', 'dataUsed', 'deploymentEnvironment']);
    expect(await getImpactAssessment(a.id)).toEqual(a);
  });

  // Regression: a second start made a second, parallel series for the same system.
  it("opens the system's assessment instead of starting a second series: its draft, else its newest version", async () => {
    const { draft } = await readyDraft();
    expect(await startImpactAssessment(ws.id, system.id)).toEqual({ assessment: draft, started: false });
    const v1 = value(await approveImpactAssessment(draft.id));
    expect(await startImpactAssessment(ws.id, system.id)).toEqual({ assessment: v1, started: false });
    const v2 = value(await startNewVersion(v1.id));
    expect(await startImpactAssessment(ws.id, system.id)).toEqual({ assessment: v2, started: false });
    expect(new Set((await listImpactAssessments(ws.id)).map((a) => a.seriesId))).toEqual(new Set([v1.seriesId]));
  });

  it('two starts at once make one series', async () => {
    const [a, b] = await Promise.all([startImpactAssessment(ws.id, system.id), startImpactAssessment(ws.id, system.id)]);
    expect(a.assessment.id).toBe(b.assessment.id);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    expect(await listImpactAssessments(ws.id)).toHaveLength(1);
  });

  it('starts a series per system', async () => {
    const other = value(await createAiSystem(ws.id, 'Chatbot'));
    const a = await startImpactAssessment(ws.id, system.id);
    const b = await startImpactAssessment(ws.id, other.id);
    expect(b.started).toBe(true);
    expect(b.assessment.seriesId).not.toBe(a.assessment.seriesId);
  });
});

describe('saveImpactAssessment of copied fields', () => {
  it('a saved copied field counts as reviewed: its mark goes, the others stay', async () => {
    await saveAiSystem(system.id, { purpose: 'Rank job applications', dataSources: 'CVs' });
    const { assessment: a } = await startImpactAssessment(ws.id, system.id);
    const saved = value(await saveImpactAssessment(a.id, { intendedUse: 'Rank applications for recruiters' }));
    expect(saved.copiedFromSystem).toEqual(['dataUsed']);
    // A field that was not copied changes nothing.
    expect(value(await saveImpactAssessment(a.id, { foreseeableMisuse: 'Automatic rejection' })).copiedFromSystem).toEqual(['dataUsed']);
  });

  it('cannot set the copied marks through a save', async () => {
    const a = (await startImpactAssessment(ws.id, system.id)).assessment;
    value(await saveImpactAssessment(a.id, { copiedFromSystem: ['intendedUse'] } as never));
    expect((await getImpactAssessment(a.id))!.copiedFromSystem).toEqual([]);
  });
});

describe('markCopiesReviewed', () => {
  it('removes the marks of the fields named, keeping their text', async () => {
    await saveAiSystem(system.id, { purpose: 'Rank job applications', dataSources: 'CVs', affectedParties: 'Applicants' });
    const { assessment: a } = await startImpactAssessment(ws.id, system.id);
    const reviewed = value(await markCopiesReviewed(a.id, ['dataUsed']));
    expect(reviewed).toMatchObject({ copiedFromSystem: ['intendedUse', 'affectedParties'], dataUsed: 'CVs' });
    expect(value(await markCopiesReviewed(a.id, ['intendedUse', 'affectedParties'])).copiedFromSystem).toEqual([]);
  });
});

describe('approveImpactAssessment with copied fields', () => {
  it('waits until every copied field is reviewed, naming each; checkApproval answers the same without writing', async () => {
    await saveAiSystem(system.id, { purpose: 'Rank job applications', deploymentContext: 'EU recruiters' });
    const { assessment: a } = await startImpactAssessment(ws.id, system.id);
    value(await saveImpactAssessment(a.id, { approver: 'Carla', approvedOn: '2025-03-10', decision: 'proceed' }));
    const before = await getImpactAssessment(a.id);
    const use = { code: 'copied-unreviewed', field: 'intendedUse' };
    const env = { code: 'copied-unreviewed', field: 'deploymentEnvironment' };
    expect(await checkApproval(a.id)).toEqual({ ok: false, ...use, problems: [use, env] });
    expect(await approveImpactAssessment(a.id)).toEqual({ ok: false, ...use, problems: [use, env] });
    expect(await getImpactAssessment(a.id)).toEqual(before);
    value(await markCopiesReviewed(a.id, ['intendedUse']));
    expect(await approveImpactAssessment(a.id)).toEqual({ ok: false, ...env, problems: [env] });
    value(await saveImpactAssessment(a.id, { deploymentEnvironment: 'Recruiters in the EU and the UK' }));
    expect(value(await checkApproval(a.id)).state).toBe('draft');
    expect(value(await approveImpactAssessment(a.id)).state).toBe('approved');
    expect(await checkApproval(a.id)).toEqual({ ok: false, code: 'frozen' });
  });
});

describe('an approved version', () => {
  it('no write changes it or adds to its history', async () => {
    await saveAiSystem(system.id, { purpose: 'Rank job applications' });
    const { draft, harm } = await readyDraft();
    value(await markCopiesReviewed(draft.id, ['intendedUse']));
    const v1 = value(await approveImpactAssessment(draft.id));
    value(await startNewVersion(v1.id));
    const history = await listRecordHistory(v1.id);
    const refusals = [
      await saveImpactAssessment(v1.id, { conclusion: 'Changed' }),
      await markCopiesReviewed(v1.id, ['intendedUse', 'dataUsed']),
      await approveImpactAssessment(v1.id),
      await raiseRiskFromImpact(v1.id, harm.id),
      await deleteDraftAssessment(v1.id),
    ];
    expect(refusals.map((r) => !r.ok && r.code)).toEqual(['frozen', 'frozen', 'frozen', 'frozen', 'frozen']);
    expect(await getImpactAssessment(v1.id)).toEqual(v1);
    expect(await listRecordHistory(v1.id)).toEqual(history);
  });
});
