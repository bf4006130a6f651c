import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { createAiSystem, saveAiSystem } from '../../src/db/ai-systems-repo';
import { saveAssessment } from '../../src/db/assessments-repo';
import { createCycleRecord, saveCycleRecord } from '../../src/db/cycle-repo';
import { addFileEvidence, addLinkEvidence } from '../../src/db/evidence-repo';
import { listRecordHistory, listWorkspaceHistory, recordImportHistory } from '../../src/db/history-repo';
import {
  approveImpactAssessment,
  raiseRiskFromImpact,
  saveImpactAssessment,
  startImpactAssessment,
  startNewVersion,
} from '../../src/db/impact-assessments-repo';
import { createOwnControl, saveOwnControl } from '../../src/db/own-controls-repo';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { getUserName, setUserName } from '../../src/db/settings-repo';
import { createWorkspace, duplicateWorkspace, renameWorkspace, saveProfile, saveRiskMatrix, saveSoaMeta } from '../../src/db/workspaces-repo';
import { COALESCE_MS, type HistoryEntry, type HistoryTable } from '../../src/domain/history';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';
import { makeFileInput, makeImpact } from '../support/factories';

let db: AimsDatabase;
let ws: Workspace;

beforeEach(async () => {
  db = await freshDatabase();
  await setUserName('Auditor Ann');
  const r = await createWorkspace('Acme', '1.0.0');
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

async function newest(recordId: string): Promise<HistoryEntry> {
  const [entry] = await listRecordHistory(recordId);
  if (!entry) throw new Error(`no history for ${recordId}`);
  return entry;
}

/** Every register: create one record, then a save that changes two fields. */
const registers: {
  table: HistoryTable;
  label: string;
  make: () => Promise<{ id: string }>;
  save: (id: string) => Promise<unknown>;
  changes: { field: string; before: unknown; after: unknown }[];
}[] = [
  {
    table: 'aiSystems',
    label: 'Claims model',
    make: async () => unwrap(await createAiSystem(ws.id, 'Claims model')),
    save: (id) => saveAiSystem(id, { owner: 'Dana', purpose: 'Triage' }),
    changes: [
      { field: 'purpose', before: '', after: 'Triage' },
      { field: 'owner', before: '', after: 'Dana' },
    ],
  },
  {
    table: 'risks',
    label: 'R-001 Bias',
    make: async () => unwrap(await createRisk(ws.id, 'Bias')),
    save: (id) => saveRisk(id, { owner: 'Sam', status: 'assessed' }),
    changes: [
      { field: 'owner', before: '', after: 'Sam' },
      { field: 'status', before: 'identified', after: 'assessed' },
    ],
  },
  {
    table: 'ownControls',
    label: 'Bias testing',
    make: async () => unwrap(await createOwnControl(ws.id, 'Bias testing')),
    save: (id) => saveOwnControl(id, { owner: 'QA', annexAControls: ['A.6.2.4'] }),
    changes: [
      { field: 'annexAControls', before: [], after: ['A.6.2.4'] },
      { field: 'owner', before: '', after: 'QA' },
    ],
  },
  {
    table: 'cycleRecords',
    label: 'OBJ-001 Model cards',
    make: async () => unwrap(await createCycleRecord(ws.id, 'objective', 'Model cards')),
    save: async (id) => unwrap(await saveCycleRecord(id, { owner: 'CTO', unit: '%' })),
    changes: [
      { field: 'owner', before: '', after: 'CTO' },
      { field: 'unit', before: '', after: '%' },
    ],
  },
];

describe('change history of each register', () => {
  it.each(registers)('$table: a create, then an update with exactly the changed fields, old → new, signed', async ({ table, label, make, save, changes }) => {
    const record = await make();
    const created = await newest(record.id);
    expect(created).toMatchObject({ workspaceId: ws.id, table, recordId: record.id, label, user: 'Auditor Ann', action: 'create', changes: [] });
    await save(record.id);
    const entries = await listRecordHistory(record.id);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ table, recordId: record.id, label, user: 'Auditor Ann', action: 'update' });
    const byField = (list: { field: string }[]) => [...list].sort((a, b) => a.field.localeCompare(b.field));
    expect(byField(entries[0]!.changes)).toEqual(byField(changes));
  });

  it('writes nothing for a save that changes nothing', async () => {
    const system = unwrap(await createAiSystem(ws.id, 'Same'));
    await saveAiSystem(system.id, { name: 'Same' });
    expect((await listRecordHistory(system.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('walkthrough and SoA answers: the item id labels them, the first edit shows the fields it set', async () => {
    const answer = await saveAssessment(ws.id, 'A.6.2.4', { status: 'in-progress' });
    expect(await newest(answer.id)).toMatchObject({
      table: 'assessments',
      label: 'A.6.2.4',
      action: 'update',
      changes: [{ field: 'status', before: 'not-started', after: 'in-progress' }],
    });
    await saveAssessment(ws.id, 'A.6.2.4', { applicable: false });
    // The same burst: one entry with both fields.
    expect((await newest(answer.id)).changes.map((c) => c.field)).toEqual(['status', 'applicable']);
    expect(await listRecordHistory(answer.id)).toHaveLength(1);
  });

  it('workspace saves: profile and SoA fields one by one, the risk criteria and the name', async () => {
    await saveProfile(ws.id, { sector: 'health' } as never);
    expect(await newest(ws.id)).toMatchObject({
      table: 'workspaces',
      recordId: ws.id,
      action: 'update',
      changes: [{ field: 'profile.sector', before: ws.profile.sector, after: 'health' }],
    });
    await saveSoaMeta(ws.id, { approver: 'CEO' });
    await saveRiskMatrix(ws.id, presetMatrix('3x3'));
    await renameWorkspace(ws.id, 'Acme Health');
    // One burst of edits of the workspace: one entry, field by field, under its new name.
    expect(await newest(ws.id)).toMatchObject({ label: 'Acme Health' });
    expect((await newest(ws.id)).changes.map((c) => c.field)).toEqual(['profile.sector', 'soaMeta.approver', 'riskMatrix', 'name']);
    expect((await newest(ws.id)).changes.at(-1)).toEqual({ field: 'name', before: 'Acme', after: 'Acme Health' });
    expect((await listRecordHistory(ws.id)).map((e) => e.action)).toEqual(['update', 'create']);
    expect((await listRecordHistory(ws.id)).at(-1)).toMatchObject({ action: 'create', label: 'Acme' });
  });

  it('evidence: adding a link or a file is a create', async () => {
    const link = unwrap(await addLinkEvidence(ws.id, '4.1', 'Policy', 'https://example.com/p'));
    const file = unwrap(await addFileEvidence(ws.id, '4.1', 'Scan', makeFileInput('abc')));
    expect(await newest(link.id)).toMatchObject({ table: 'evidence', action: 'create', label: '4.1 Policy' });
    expect(await newest(file.id)).toMatchObject({ table: 'evidence', action: 'create', label: '4.1 Scan' });
  });

  it('impact assessments: saves, approval and a new version', async () => {
    const system = unwrap(await createAiSystem(ws.id, 'Claims model'));
    const ia = (await startImpactAssessment(ws.id, system.id)).assessment;
    const impact = makeImpact();
    unwrap(await saveImpactAssessment(ia.id, { approver: 'CRO', approvedOn: '2026-01-10', decision: 'proceed', impacts: [impact] } as never));
    unwrap(await approveImpactAssessment(ia.id));
    const approval = await newest(ia.id);
    expect(approval).toMatchObject({ action: 'update', label: 'v1', changes: [{ field: 'state', before: 'draft', after: 'approved' }] });
    const v2 = unwrap(await startNewVersion(ia.id));
    expect(await newest(v2.id)).toMatchObject({ action: 'create', label: 'v2' });
    // Only the draft takes the link: the approved version's newest entry is still its approval.
    const risk = unwrap(await raiseRiskFromImpact(v2.id, impact.id));
    expect(await newest(risk.id)).toMatchObject({ table: 'risks', action: 'create' });
    expect((await newest(v2.id)).changes.map((c) => c.field)).toEqual(['impacts']);
    expect(await newest(ia.id)).toEqual(approval);
  });
});

describe('the user name', () => {
  it('is a browser setting, kept in memory and refreshed when set; entries carry the name at the time', async () => {
    expect(await getUserName()).toBe('Auditor Ann');
    const system = unwrap(await createAiSystem(ws.id, 'S'));
    expect(await setUserName('  Bob  ')).toBe('Bob');
    expect(await getUserName()).toBe('Bob');
    await saveAiSystem(system.id, { owner: 'x' });
    expect((await listRecordHistory(system.id)).map((e) => e.user)).toEqual(['Bob', 'Auditor Ann']);
    expect(await setUserName('')).toBe('');
    expect(await db.settings.get('userName')).toBeUndefined();
    await saveAiSystem(system.id, { purpose: 'y' });
    expect((await newest(system.id)).user).toBe('');
  });
});

describe('coalescing autosaves', () => {
  it('turns a burst of saves of the same field into one entry: first before, last after', async () => {
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    for (const text of ['T', 'Ty', 'Typ', 'Typing a paragraph']) await saveRisk(risk.id, { description: text });
    const entries = await listRecordHistory(risk.id);
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.changes).toEqual([{ field: 'description', before: '', after: 'Typing a paragraph' }]);
  });

  it('makes one entry of a burst of edits to several fields: 20 quick saves of 5 fields, each field first before → last after', async () => {
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    for (let i = 1; i <= 4; i++) {
      await saveRisk(risk.id, { description: `Draft ${i}` });
      await saveRisk(risk.id, { owner: `Sam ${i}` });
      await saveRisk(risk.id, { status: i % 2 ? 'assessed' : 'treating' });
      await saveRisk(risk.id, { inherentLikelihood: i - 1 });
      await saveRisk(risk.id, { treatmentPlan: `Plan ${i}` });
    }
    const entries = await listRecordHistory(risk.id);
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    const byField = Object.fromEntries(entries[0]!.changes.map((c) => [c.field, [c.before, c.after]]));
    expect(byField).toEqual({
      description: ['', 'Draft 4'],
      owner: ['', 'Sam 4'],
      status: ['identified', 'treating'],
      inherentLikelihood: [null, 3],
      treatmentPlan: ['', 'Plan 4'],
    });
  });

  it('starts a new entry for another user, or after the window', async () => {
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    await saveRisk(risk.id, { description: 'a' });
    await saveRisk(risk.id, { owner: 'Sam' });
    await saveRisk(risk.id, { owner: 'Sam K' });
    expect((await listRecordHistory(risk.id)).length).toBe(2);
    await setUserName('Bob');
    await saveRisk(risk.id, { owner: 'Sam Kay' });
    expect((await listRecordHistory(risk.id)).length).toBe(3);
    const last = await newest(risk.id);
    await db.history.update(last.id, { at: new Date(Date.now() - COALESCE_MS - 1000).toISOString() });
    await saveRisk(risk.id, { owner: 'Sam Kaye', description: 'b' });
    const entries = await listRecordHistory(risk.id);
    expect(entries.length).toBe(4);
    expect(entries[0]!.changes).toEqual([
      { field: 'description', before: 'a', after: 'b' },
      { field: 'owner', before: 'Sam Kay', after: 'Sam Kaye' },
    ]);
  });

  it("keeps one record's entries in order even when writes share a millisecond (the clock stands still here)", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T10:00:00.000Z') });
    try {
      const risk = unwrap(await createRisk(ws.id, 'Drift'));
      for (const text of ['T', 'Ty', 'Typing']) await saveRisk(risk.id, { description: text });
      await setUserName('Bob');
      await saveRisk(risk.id, { owner: 'Sam' });
      const entries = await listRecordHistory(risk.id);
      expect(entries.map((e) => e.action)).toEqual(['update', 'update', 'create']);
      expect(entries[1]!.changes).toEqual([{ field: 'description', before: '', after: 'Typing' }]);
      expect(entries[0]!.changes).toEqual([{ field: 'owner', before: '', after: 'Sam' }]);
      expect(new Set(entries.map((e) => e.at)).size).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes the entry when the burst ends where it started', async () => {
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    await saveRisk(risk.id, { owner: 'S' });
    await saveRisk(risk.id, { owner: '' });
    expect((await listRecordHistory(risk.id)).map((e) => e.action)).toEqual(['create']);
  });
});

describe('the workspace history', () => {
  it('lists every entry of the workspace, newest first, and follows a duplicate with new ids', async () => {
    // Entries are ordered by their time to the millisecond: on a fast machine the workspace, the risk and its edit
    // could share one, and their order would fall to their random ids.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
    await tick();
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    await tick();
    await saveRisk(risk.id, { owner: 'Sam' });
    const all = await listWorkspaceHistory(ws.id);
    expect(all.map((e) => [e.table, e.action])).toEqual([
      ['risks', 'update'],
      ['risks', 'create'],
      ['workspaces', 'create'],
    ]);
    const copy = unwrap(await duplicateWorkspace(ws.id, 'Copy'));
    const copied = await listWorkspaceHistory(copy.id);
    expect(copied).toHaveLength(4);
    expect(copied[0]).toMatchObject({ table: 'workspaces', action: 'create', label: 'Copy', recordId: copy.id });
    const copiedRisk = (await db.risks.where('workspaceId').equals(copy.id).first())!;
    expect(copied.filter((e) => e.table === 'risks').map((e) => e.recordId)).toEqual([copiedRisk.id, copiedRisk.id]);
    expect(new Set(copied.map((e) => e.id)).size).toBe(4);
    expect(copied.some((e) => all.some((o) => o.id === e.id))).toBe(false);
  });
});

describe('recordImportHistory (for the workbook import)', () => {
  it('adds one import entry per created or changed record, in the caller transaction', async () => {
    const risk = unwrap(await createRisk(ws.id, 'Drift'));
    const created = { ...risk, id: crypto.randomUUID(), ref: 'R-002', title: 'Imported' };
    const count = await db.transaction('rw', db.history, () =>
      recordImportHistory(
        db,
        ws.id,
        [
          { table: 'risks', after: created },
          { table: 'risks', before: risk, after: { ...risk, owner: 'Sam' } },
        ],
        'Ann',
        new Date(Date.now() + 1000).toISOString(),
      ),
    );
    expect(count).toBe(2);
    expect(await newest(created.id)).toMatchObject({ action: 'import', changes: [], label: 'R-002 Imported', user: 'Ann' });
    expect(await newest(risk.id)).toMatchObject({ action: 'import', changes: [{ field: 'owner', before: '', after: 'Sam' }] });
  });
});
