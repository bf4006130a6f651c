import { beforeEach, describe, expect, it } from 'vitest';
import { listAssessments } from '../../src/db/assessments-repo';
import { createRisk, getRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace, getWorkspace, saveProfile } from '../../src/db/workspaces-repo';
import type { Risk } from '../../src/domain/risk-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { app } from '../../src/state/app.svelte';
import { flushSaves, saveJournal } from '../../src/state/autosave';
import { nextSession } from '../../src/state/edit-sessions';
import { saveRiskField } from '../../src/state/register-commands';
import type { UnsavedEntry } from '../../src/state/save-journal';
import { replayUnsaved } from '../../src/state/save-replay';
import { freshDatabase } from '../support/db';

let ws: Workspace;
let risk: Risk;
beforeEach(async () => {
  await freshDatabase();
  const w = await createWorkspace('Closed tab', '1.0.0');
  if (!w.ok) throw new Error(w.code);
  ws = w.value;
  const r = await createRisk(ws.id, 'Drift');
  if (!r.ok) throw new Error(r.code);
  risk = r.value;
  if (app.conflict) app.resolveConflict('theirs');
});

const later = () => new Date(Date.now() + 60_000).toISOString();
const earlier = () => new Date(Date.now() - 60_000).toISOString();

function riskEntry(description: string, edit: UnsavedEntry['edit'], at = later()): UnsavedEntry {
  return { key: `risk|${risk.id}|description`, op: 'risk', target: [risk.id], patch: { description }, ...(edit ? { edit } : {}), at };
}

describe('replayUnsaved', () => {
  it('writes a field typed before the tab closed when the stored value is the one its edit started from', async () => {
    await saveRisk(risk.id, { description: 'Scores dr' });
    expect(await replayUnsaved([riskEntry('Scores drift quarterly', { base: 'Scores dr', label: 'Description' })])).toBe(1);
    expect((await getRisk(risk.id))!.description).toBe('Scores drift quarterly');
    expect(app.conflict).toBeNull();
    expect(saveJournal.size).toBe(0);
  });

  it('accepts the value a write was storing as the tab went away, since it may have landed', async () => {
    await saveRisk(risk.id, { description: 'Scores drift' }); // the in-flight write did land
    await replayUnsaved([riskEntry('Scores drift quarterly', { base: 'Scores', label: 'Description', writing: { value: 'Scores drift' } })]);
    expect((await getRisk(risk.id))!.description).toBe('Scores drift quarterly');
    expect(app.conflict).toBeNull();
  });

  it('never writes over a value changed elsewhere since: the user is asked, as while typing', async () => {
    await saveRisk(risk.id, { description: 'Rewritten in another tab' });
    await replayUnsaved([riskEntry('Scores drift quarterly', { base: 'Scores', label: 'Description', writing: { value: 'Scores drift' } })]);
    expect((await getRisk(risk.id))!.description).toBe('Rewritten in another tab');
    expect(app.conflict).toMatchObject({ field: 'Description', conflicts: [{ mine: 'Scores drift quarterly', theirs: 'Rewritten in another tab' }] });
    app.resolveConflict('theirs');
  });

  it('drops a save without an expected value when its record changed after the tab went away, and writes it otherwise', async () => {
    const profile = (at: string, sector: string): UnsavedEntry => ({ key: `${ws.id}|profile|sector`, op: 'profile', target: [ws.id], patch: { sector }, at });
    await saveProfile(ws.id, { sector: 'Banking' });
    await replayUnsaved([profile(earlier(), 'Insurance')]);
    expect((await getWorkspace(ws.id))!.profile.sector).toBe('Banking');
    await replayUnsaved([profile(later(), 'Insurance')]);
    expect((await getWorkspace(ws.id))!.profile.sector).toBe('Insurance');
  });

  it('creates a walkthrough answer typed before the tab closed, and skips records that are gone', async () => {
    const answer: UnsavedEntry = {
      key: `${ws.id}|4.1|notes`,
      op: 'answer',
      target: [ws.id, '4.1'],
      patch: { notes: 'Context reviewed' },
      edit: { base: '', label: 'Notes' },
      at: later(),
    };
    const gone = { ...riskEntry('x', { base: '', label: 'Description' }), target: ['no-such-risk'] };
    const unknown = { ...answer, op: 'no-such-command' };
    expect(await replayUnsaved([answer, gone, unknown])).toBe(1);
    expect((await listAssessments(ws.id)).find((a) => a.itemId === '4.1')?.notes).toBe('Context reviewed');
  });
});

describe('the journal while typing', () => {
  it("holds a field's newest value until its write has committed", async () => {
    const edit = { base: '', session: nextSession(), label: 'Description' };
    saveRiskField(risk.id, { description: 'S' }, edit);
    saveRiskField(risk.id, { description: 'Sc' }, edit);
    expect(saveJournal.size).toBe(1);
    await flushSaves();
    expect(saveJournal.size).toBe(0);
    expect((await getRisk(risk.id))!.description).toBe('Sc');
  });
});
