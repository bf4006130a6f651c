import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { listAssessments, saveAssessment } from '../../src/db/assessments-repo';
import { addFileEvidence, addLinkEvidence, getEvidenceFile, listEvidence } from '../../src/db/evidence-repo';
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getLastWorkspaceId,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
  saveProfile,
  saveSoaMeta,
  setLastWorkspaceId,
} from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { presetWordings } from '../../src/i18n/preset-wordings';
import { createRisk, listRisks } from '../../src/db/risks-repo';
import { listAiSystems } from '../../src/db/ai-systems-repo';
import { listOwnControls } from '../../src/db/own-controls-repo';
import { listImpactAssessments } from '../../src/db/impact-assessments-repo';
import { workspaceTables } from '../../src/db/schema-versions';
import { freshDatabase } from '../support/db';
import { listCycleRecords } from '../../src/db/cycle-repo';
import {
  bytesOf,
  makeAiSystem,
  makeAssessment,
  makeFileEvidence,
  makeFileInput,
  makeImpact,
  makeImpactAssessment,
  makeOwnControl,
  makeRisk,
  buildCycleRecord,
} from '../support/factories';

let db: AimsDatabase;

beforeEach(async () => {
  db = await freshDatabase();
});

const OLD = new Date('2020-01-01T00:00:00.000Z');

async function created(name: string, now = OLD): Promise<Workspace> {
  const r = await createWorkspace(name, '1.0.0', now);
  if (!r.ok) throw new Error(`createWorkspace failed: ${r.code}`);
  return r.value;
}

describe('createWorkspace', () => {
  it('stores a valid workspace with trimmed name, timestamps, catalog version and default profile', async () => {
    const r = await createWorkspace('  Acme AI  ', '1.0.0', OLD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Acme AI');
    expect(r.value.createdAt).toBe(OLD.toISOString());
    expect(r.value.updatedAt).toBe(OLD.toISOString());
    expect(r.value.catalogVersion).toBe('1.0.0');
    expect(r.value.profile.organizationName).toBe('Acme AI');
    expect(r.value.profile.size).toBeNull();
    expect(r.value.soaMeta).toEqual({ version: '', date: null, approver: '' });
    expect(await getWorkspace(r.value.id)).toEqual(r.value);
  });

  it('starts with the default preset, in English or worded as the caller gives it (the UI language)', async () => {
    expect((await created('En')).riskMatrix).toEqual(presetMatrix(DEFAULT_PRESET));
    const zh = presetMatrix(DEFAULT_PRESET, presetWordings['zh-CN']![DEFAULT_PRESET]);
    const r = await createWorkspace('示例公司', '1.0.0', OLD, zh);
    if (!r.ok) throw new Error(r.code);
    expect((await getWorkspace(r.value.id))!.riskMatrix).toEqual(zh);
  });

  it('gives each workspace its own id', async () => {
    const a = await created('A');
    const b = await created('A');
    expect(a.id).not.toBe(b.id);
    expect(await db.workspaces.count()).toBe(2);
  });

  it.each(['', '   ', '\t\n'])('refuses an empty or blank name %j with name-required and writes nothing', async (name) => {
    const r = await createWorkspace(name, '1.0.0');
    expect(r).toMatchObject({ ok: false, code: 'name-required', field: 'name' });
    expect(await db.workspaces.count()).toBe(0);
  });

  it('accepts a 120-character name but refuses 121 characters with name-too-long and writes nothing', async () => {
    expect((await createWorkspace('x'.repeat(120), '1.0.0')).ok).toBe(true);
    const r = await createWorkspace('y'.repeat(121), '1.0.0');
    expect(r).toMatchObject({ ok: false, code: 'name-too-long', field: 'name' });
    const all = await listWorkspaces();
    expect(all.map((w) => w.name)).toEqual(['x'.repeat(120)]);
  });
});

describe('listWorkspaces', () => {
  it('returns an empty list for a new database', async () => {
    expect(await listWorkspaces()).toEqual([]);
  });

  it('sorts by name, not by creation order', async () => {
    await created('Zeta');
    await created('alpha');
    await created('Mu');
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['alpha', 'Mu', 'Zeta']);
  });
});

describe('renameWorkspace', () => {
  it('updates the name and bumps updatedAt, keeping everything else', async () => {
    const ws = await created('Old name');
    const r = await renameWorkspace(ws.id, '  New name ');
    expect(r.ok).toBe(true);
    const stored = await getWorkspace(ws.id);
    expect(stored?.name).toBe('New name');
    expect(stored!.updatedAt > ws.updatedAt).toBe(true);
    expect(stored?.createdAt).toBe(ws.createdAt);
    expect(stored?.profile).toEqual(ws.profile);
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['New name']);
  });

  it.each([
    ['', 'name-required'],
    ['   ', 'name-required'],
    ['n'.repeat(121), 'name-too-long'],
  ])('refuses %j with %s and leaves the record untouched', async (name, code) => {
    const ws = await created('Keep me');
    const r = await renameWorkspace(ws.id, name);
    expect(r).toMatchObject({ ok: false, code });
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });

  it('throws for a workspace that does not exist and creates nothing', async () => {
    await expect(renameWorkspace('missing', 'Name')).rejects.toThrow(/not found/);
    expect(await db.workspaces.count()).toBe(0);
  });
});

describe('saveProfile', () => {
  it('merges the patch into the profile and bumps updatedAt', async () => {
    const ws = await created('Acme');
    await saveProfile(ws.id, { sector: 'Health' });
    const after = await saveProfile(ws.id, { size: 'medium', aiRoles: ['ai-provider', 'ai-customer'] });
    expect(after.profile).toEqual({
      organizationName: 'Acme',
      sector: 'Health',
      size: 'medium',
      aiRoles: ['ai-provider', 'ai-customer'],
      climateRelevant: 'undetermined',
      climateNote: '',
      colour: null,
      logo: null,
      isms27001: false,
    });
    expect(await getWorkspace(ws.id)).toEqual(after);
    expect(after.updatedAt > ws.updatedAt).toBe(true);
  });

  it('throws on an invalid size and leaves the record unchanged', async () => {
    const ws = await created('Acme');
    const before = await saveProfile(ws.id, { sector: 'Health' });
    await expect(saveProfile(ws.id, { size: 'huge' as never })).rejects.toThrow();
    expect(await getWorkspace(ws.id)).toEqual(before);
  });

  it('throws on an unknown AI role or an over-long sector and leaves the record unchanged', async () => {
    const ws = await created('Acme');
    await expect(saveProfile(ws.id, { aiRoles: ['ai-overlord' as never] })).rejects.toThrow();
    await expect(saveProfile(ws.id, { sector: 's'.repeat(301) })).rejects.toThrow();
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });
});

describe('saveSoaMeta', () => {
  it('merges the patch and keeps earlier fields', async () => {
    const ws = await created('Acme');
    await saveSoaMeta(ws.id, { version: '2.1' });
    const after = await saveSoaMeta(ws.id, { date: '2025-02-28', approver: 'Board' });
    expect(after.soaMeta).toEqual({ version: '2.1', date: '2025-02-28', approver: 'Board' });
    expect((await getWorkspace(ws.id))?.soaMeta).toEqual(after.soaMeta);
  });

  it.each(['2025-02-30', '28/02/2025', '2025-2-1', 'tomorrow'])('throws on date %j and leaves the record unchanged', async (date) => {
    const ws = await created('Acme');
    const before = await saveSoaMeta(ws.id, { version: '1.0', date: '2025-01-31' });
    await expect(saveSoaMeta(ws.id, { date })).rejects.toThrow();
    expect(await getWorkspace(ws.id)).toEqual(before);
  });

  it('allows clearing the date back to null', async () => {
    const ws = await created('Acme');
    await saveSoaMeta(ws.id, { date: '2025-01-31' });
    const after = await saveSoaMeta(ws.id, { date: null });
    expect(after.soaMeta.date).toBeNull();
  });
});

describe('duplicateWorkspace', () => {
  async function populated() {
    const ws = await created('Original');
    await saveProfile(ws.id, { sector: 'Finance' });
    await saveAssessment(ws.id, '4.1', { status: 'implemented', notes: 'Context documented' });
    await saveAssessment(ws.id, 'A.2.2', { status: 'in-progress', owner: 'Dana', applicable: true });
    const link = await addLinkEvidence(ws.id, '4.1', 'Context doc', 'https://example.com/context');
    const file = await addFileEvidence(ws.id, 'A.2.2', 'Signed policy', makeFileInput(new Uint8Array([1, 2, 3, 250, 0, 7])));
    if (!link.ok || !file.ok) throw new Error('evidence setup failed');
    return { ws: (await getWorkspace(ws.id))!, link: link.value, file: file.value };
  }

  it('copies everything under fresh ids and a new name', async () => {
    const { ws, link, file } = await populated();
    const r = await duplicateWorkspace(ws.id, 'Copy');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const copy = r.value;
    expect(copy.id).not.toBe(ws.id);
    expect(copy.name).toBe('Copy');
    expect(copy.profile).toEqual(ws.profile);
    expect(copy.soaMeta).toEqual(ws.soaMeta);
    expect(await getWorkspace(copy.id)).toEqual(copy);

    const origA = await listAssessments(ws.id);
    const copyA = await listAssessments(copy.id);
    expect(copyA).toHaveLength(2);
    const origIds = new Set(origA.map((a) => a.id));
    for (const a of copyA) {
      expect(origIds.has(a.id)).toBe(false);
      expect(a.workspaceId).toBe(copy.id);
      const twin = origA.find((o) => o.itemId === a.itemId)!;
      expect({ ...a, id: '', workspaceId: '' }).toEqual({ ...twin, id: '', workspaceId: '' });
    }

    const copyE = await listEvidence(copy.id);
    expect(copyE).toHaveLength(2);
    expect(copyE.map((e) => e.id)).not.toContain(link.id);
    expect(copyE.map((e) => e.id)).not.toContain(file.id);
    const copiedFile = copyE.find((e) => e.kind === 'file')!;
    const copiedLink = copyE.find((e) => e.kind === 'link')!;
    expect(copiedLink).toMatchObject({ workspaceId: copy.id, url: 'https://example.com/context', title: 'Context doc' });
    expect(copiedFile).toMatchObject({ workspaceId: copy.id, fileName: 'policy.pdf', size: 6 });

    // The copied evidence record points at its own stored file, with the same bytes.
    const fileRows = await db.evidenceFiles.where('workspaceId').equals(copy.id).toArray();
    expect(fileRows.map((f) => f.id)).toEqual([copiedFile.id]);
    expect(await bytesOf(await getEvidenceFile(copiedFile.id))).toEqual([1, 2, 3, 250, 0, 7]);
  });

  it('leaves the original untouched, and editing the copy does not change it', async () => {
    const { ws, file } = await populated();
    const origA = await listAssessments(ws.id);
    const origE = await listEvidence(ws.id);
    const r = await duplicateWorkspace(ws.id, 'Copy');
    if (!r.ok) throw new Error(r.code);
    const copy = r.value;

    expect(await getWorkspace(ws.id)).toEqual(ws);
    expect(await listAssessments(ws.id)).toEqual(origA);
    expect(await listEvidence(ws.id)).toEqual(origE);

    await saveAssessment(copy.id, '4.1', { status: 'not-started', notes: 'changed in copy' });
    await saveProfile(copy.id, { sector: 'Retail' });
    await renameWorkspace(copy.id, 'Renamed copy');
    await deleteWorkspace(copy.id);

    expect((await getWorkspace(ws.id))?.profile.sector).toBe('Finance');
    expect((await getWorkspace(ws.id))?.name).toBe('Original');
    const a41 = (await listAssessments(ws.id)).find((a) => a.itemId === '4.1');
    expect(a41).toMatchObject({ status: 'implemented', notes: 'Context documented' });
    expect(await listEvidence(ws.id)).toEqual(origE);
    expect(await bytesOf(await getEvidenceFile(file.id))).toEqual([1, 2, 3, 250, 0, 7]);
  });

  it('refuses an invalid name and writes nothing', async () => {
    const { ws } = await populated();
    const r = await duplicateWorkspace(ws.id, '   ');
    expect(r).toMatchObject({ ok: false, code: 'name-required' });
    expect(await db.workspaces.count()).toBe(1);
    expect(await db.assessments.count()).toBe(2);
    expect(await db.evidence.count()).toBe(2);
    expect(await db.evidenceFiles.count()).toBe(1);
  });

  it('throws for a missing workspace and writes nothing', async () => {
    await expect(duplicateWorkspace('missing', 'Copy')).rejects.toThrow(/not found/);
    expect(await db.workspaces.count()).toBe(0);
  });
});

describe('deleteWorkspace', () => {
  it('removes the workspace with its assessments, evidence and files, and only those', async () => {
    const gone = await created('Gone');
    const kept = await created('Kept');
    for (const ws of [gone, kept]) {
      await saveAssessment(ws.id, '4.1', { status: 'in-progress' });
      await addLinkEvidence(ws.id, '4.1', 'Link', 'https://example.com/x');
      await addFileEvidence(ws.id, '4.1', 'File', makeFileInput(`bytes of ${ws.name}`, 'f.txt', 'text/plain'));
    }
    await setLastWorkspaceId(gone.id);

    await deleteWorkspace(gone.id);

    expect(await getWorkspace(gone.id)).toBeUndefined();
    expect(await listAssessments(gone.id)).toEqual([]);
    expect(await listEvidence(gone.id)).toEqual([]);
    expect(await db.evidenceFiles.where('workspaceId').equals(gone.id).count()).toBe(0);
    expect(await getLastWorkspaceId()).toBeNull();

    expect((await listWorkspaces()).map((w) => w.id)).toEqual([kept.id]);
    expect(await listAssessments(kept.id)).toHaveLength(1);
    const keptEvidence = await listEvidence(kept.id);
    expect(keptEvidence).toHaveLength(2);
    const keptFile = keptEvidence.find((e) => e.kind === 'file')!;
    expect(await (await getEvidenceFile(keptFile.id))!.text()).toBe('bytes of Kept');
  });

  it('keeps lastWorkspaceId when it points at another workspace', async () => {
    const gone = await created('Gone');
    const kept = await created('Kept');
    await setLastWorkspaceId(kept.id);
    await deleteWorkspace(gone.id);
    expect(await getLastWorkspaceId()).toBe(kept.id);
  });
});

describe('last workspace id', () => {
  it('is null until set, then returns the latest value', async () => {
    expect(await getLastWorkspaceId()).toBeNull();
    await setLastWorkspaceId('ws-1');
    expect(await getLastWorkspaceId()).toBe('ws-1');
    await setLastWorkspaceId('ws-2');
    expect(await getLastWorkspaceId()).toBe('ws-2');
    expect(await db.settings.count()).toBe(1);
  });

  it('ignores a stored value that is not a string', async () => {
    await db.settings.put({ key: 'lastWorkspaceId', value: 42 });
    expect(await getLastWorkspaceId()).toBeNull();
  });
});

/** One linked set of register records, written directly: two systems, a control, a risk raised from an impact, two assessment versions. */
async function withRegisters(ws: Workspace) {
  const systemA = makeAiSystem(ws.id, { name: 'System A' });
  const systemB = makeAiSystem(ws.id, { name: 'System B' });
  const control = makeOwnControl(ws.id, { name: 'Bias testing' });
  const impact = makeImpact();
  const v1 = makeImpactAssessment(ws.id, systemA.id, { state: 'approved', approver: 'CRO', approvedOn: '2025-02-01', decision: 'proceed', impacts: [impact] });
  const risk = makeRisk(ws.id, {
    ref: 'R-001',
    aiSystemIds: [systemA.id, systemB.id],
    ownControlIds: [control.id],
    treatment: 'modify',
    annexAControls: ['A.6.2.4'],
    sourceImpact: { assessmentId: v1.id, impactId: impact.id },
  });
  const linkedImpact = { ...impact, riskId: risk.id };
  const approved = { ...v1, impacts: [linkedImpact] };
  const draft = makeImpactAssessment(ws.id, systemA.id, { seriesId: v1.id, version: 2, impacts: [linkedImpact] });
  await db.aiSystems.bulkAdd([systemA, systemB]);
  await db.ownControls.add(control);
  await db.risks.add(risk);
  await db.impactAssessments.bulkAdd([approved, draft]);
  // Management-system records: an audit, its finding, and an incident about system A.
  const audit = buildCycleRecord(ws.id, 'audit', { ref: 'IA-001' });
  const finding = buildCycleRecord(ws.id, 'finding', { ref: 'F-001', auditId: audit.id });
  const incident = buildCycleRecord(ws.id, 'incident', { ref: 'INC-001', aiSystemIds: [systemA.id] });
  await db.cycleRecords.bulkAdd([audit, finding, incident]);
  return { systemA, systemB, control, risk, approved, draft, impact, audit, finding, incident };
}

describe('duplicateWorkspace with registers', () => {
  it('copies AI systems, risks, own controls and impact assessments under fresh ids', async () => {
    const ws = await created('Original');
    const orig = await withRegisters(ws);
    const r = await duplicateWorkspace(ws.id, 'Copy');
    if (!r.ok) throw new Error(r.code);
    const copy = r.value;
    expect(copy.riskMatrix).toEqual(ws.riskMatrix);

    const systems = await listAiSystems(copy.id);
    const controls = await listOwnControls(copy.id);
    const risks = await listRisks(copy.id);
    const assessments = await listImpactAssessments(copy.id);
    expect(systems.map((s) => s.name).sort()).toEqual(['System A', 'System B']);
    expect(controls.map((c) => c.name)).toEqual(['Bias testing']);
    expect(risks.map((x) => x.ref)).toEqual(['R-001']);
    expect(assessments.map((a) => a.version).sort()).toEqual([1, 2]);

    const cycle = await listCycleRecords(copy.id);
    expect(cycle.map((c) => c.ref).sort()).toEqual(['F-001', 'IA-001', 'INC-001']);
    const originalIds = new Set([
      ws.id,
      orig.systemA.id,
      orig.systemB.id,
      orig.control.id,
      orig.risk.id,
      orig.approved.id,
      orig.draft.id,
      orig.audit.id,
      orig.finding.id,
      orig.incident.id,
    ]);
    // Links between management-system records and to AI systems follow into the copy.
    const copiedAudit = cycle.find((c) => c.ref === 'IA-001')!;
    expect(cycle.find((c) => c.ref === 'F-001')).toMatchObject({ auditId: copiedAudit.id });
    expect(cycle.find((c) => c.ref === 'INC-001')).toMatchObject({ aiSystemIds: [systems.find((x) => x.name === 'System A')!.id] });
    for (const rec of [...systems, ...controls, ...risks, ...assessments, ...cycle]) {
      expect(rec.workspaceId).toBe(copy.id);
      expect(originalIds.has(rec.id)).toBe(false);
      // No reference in the copy may point back into the original workspace.
      for (const id of originalIds) expect(JSON.stringify(rec)).not.toContain(id);
    }
    // Apart from ids, each copy equals its original.
    const risk = risks[0]!;
    expect({ ...risk, id: '', workspaceId: '', aiSystemIds: [], ownControlIds: [], sourceImpact: null }).toEqual({
      ...orig.risk,
      id: '',
      workspaceId: '',
      aiSystemIds: [],
      ownControlIds: [],
      sourceImpact: null,
    });
  });

  it('remaps every reference to the copied records', async () => {
    const ws = await created('Original');
    const orig = await withRegisters(ws);
    const r = await duplicateWorkspace(ws.id, 'Copy');
    if (!r.ok) throw new Error(r.code);
    const copy = r.value;

    const systems = await listAiSystems(copy.id);
    const idOf = (name: string) => systems.find((s) => s.name === name)!.id;
    const [control] = await listOwnControls(copy.id);
    const [risk] = await listRisks(copy.id);
    const assessments = await listImpactAssessments(copy.id);
    const v1 = assessments.find((a) => a.version === 1)!;
    const v2 = assessments.find((a) => a.version === 2)!;

    expect(risk!.aiSystemIds).toEqual([idOf('System A'), idOf('System B')]);
    expect(risk!.ownControlIds).toEqual([control!.id]);
    // Impact ids live inside their assessment and are copied with it, so they stay as they were.
    expect(risk!.sourceImpact).toEqual({ assessmentId: v1.id, impactId: orig.impact.id });
    for (const a of [v1, v2]) {
      expect(a.aiSystemId).toBe(idOf('System A'));
      expect(a.seriesId).toBe(v1.id);
      expect(a.impacts.map((i) => i.riskId)).toEqual([risk!.id]);
    }
    expect(v1.state).toBe('approved');
    expect(v2.state).toBe('draft');

    // The original keeps its own links.
    expect((await listRisks(ws.id))[0]).toEqual(orig.risk);
    expect((await listImpactAssessments(ws.id)).sort((a, b) => a.version - b.version)).toEqual([orig.approved, orig.draft]);
  });

  it('lets the copy number its next risk after the copied refs', async () => {
    const ws = await created('Original');
    await withRegisters(ws);
    const r = await duplicateWorkspace(ws.id, 'Copy');
    if (!r.ok) throw new Error(r.code);
    const next = await createRisk(r.value.id, 'New in copy');
    expect(next.ok && next.value.ref).toBe('R-002');
  });
});

describe('deleteWorkspace with every workspace table', () => {
  /** One row in each table listed in workspaceTables; fails when a new table is not covered here. */
  async function fillEveryTable(ws: Workspace): Promise<void> {
    await db.assessments.add(makeAssessment(ws.id));
    const file = makeFileEvidence(ws.id, 3);
    await db.evidence.add(file);
    await db.evidenceFiles.add({ id: file.id, workspaceId: ws.id, blob: new Blob(['abc']) });
    await withRegisters(ws);
    for (const t of workspaceTables) expect(await db.table(t).where('workspaceId').equals(ws.id).count(), t).toBeGreaterThan(0);
  }

  it('removes the rows of every workspace table, and only those of the deleted workspace', async () => {
    const gone = await created('Gone');
    const kept = await created('Kept');
    await fillEveryTable(gone);
    await fillEveryTable(kept);
    const keptCounts = await Promise.all(workspaceTables.map((t) => db.table(t).where('workspaceId').equals(kept.id).count()));

    await deleteWorkspace(gone.id);

    for (const t of workspaceTables) expect(await db.table(t).where('workspaceId').equals(gone.id).count(), t).toBe(0);
    expect(await Promise.all(workspaceTables.map((t) => db.table(t).where('workspaceId').equals(kept.id).count()))).toEqual(keptCounts);
    expect(await getWorkspace(kept.id)).toEqual(kept);
  });

  it('is one transaction: a failure in any table leaves everything in place', async () => {
    const ws = await created('Stays');
    await fillEveryTable(ws);
    const before = await Promise.all(workspaceTables.map((t) => db.table(t).count()));
    db.impactAssessments.hook('deleting', () => {
      throw new Error('disk trouble');
    });
    await expect(deleteWorkspace(ws.id)).rejects.toThrow();
    expect(await Promise.all(workspaceTables.map((t) => db.table(t).count()))).toEqual(before);
    expect(await getWorkspace(ws.id)).toEqual(ws);
  });
});
