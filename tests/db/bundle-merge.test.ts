import { beforeEach, describe, expect, it } from 'vitest';
import { useDatabase, type AimsDatabase } from '../../src/db/database';
import { applyImport, MergeMixError, planImport, StalePlanError } from '../../src/db/bundle-write';
import { saveCycleRecord } from '../../src/db/cycle-repo';
import { saveRisk } from '../../src/db/risks-repo';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import { parseBundle, type ParsedBundle } from '../../src/io/bundle/bundle-import';
import { confirmImport, previewContexts } from '../../src/state/bundles';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
let consultant: AimsDatabase;
beforeEach(async () => {
  consultant = await freshDatabase();
});

async function parse(bytes: Uint8Array): Promise<ParsedBundle> {
  const r = await parseBundle(bytes, 'bundle.aims.zip', catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.bundle;
}

/** The consultant sends the workspace; the client imports it, runs `client`, and sends it back; then the consultant runs `mine`. */
async function exchange(client: () => Promise<void>, mine: () => Promise<void>) {
  const ws = (await consultant.workspaces.toArray())[0]!;
  const sent = await exportBundle(ws.id, { exportedAt: '2026-11-27T10:00:00.000Z' });
  const other = await otherBrowser();
  await applyImport(await planImport(await parse(sent.bytes), { kind: 'new' }));
  await client();
  const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
  useDatabase(consultant);
  await mine();
  other.close();
  return { ws, bundle: await parse(back.bytes) };
}

/** Seeds the consultant's workspace and returns its first risk. */
async function firstRisk() {
  await seedWorkspace(consultant);
  return (await consultant.risks.toArray()).sort((a, b) => a.ref.localeCompare(b.ref))[0]!;
}

describe('merge conflicts field by field', () => {
  it('lists the differing fields with what they were at the last exchange, and writes exactly the chosen mix', async () => {
    const original = await firstRisk();
    const { ws, bundle } = await exchange(
      async () => void (await saveRisk(original.id, { title: 'Client title', description: 'Client description' })),
      async () => void (await saveRisk(original.id, { title: 'Consultant title', owner: 'Consultant owner' })),
    );
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    expect(plan.conflicts).toHaveLength(1);
    const c = plan.conflicts[0]!;
    const byField = Object.fromEntries(c.fields.map((f) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['description', 'owner', 'title']);
    // Both histories agree on the values at the export; a field one side changed starts on that side.
    expect(byField.title!.base).toEqual({ value: original.title });
    expect(byField.owner).toMatchObject({ base: { value: original.owner }, preferred: 'mine' });
    expect(byField.description).toMatchObject({ base: { value: original.description }, preferred: 'theirs' });

    await applyImport(plan, new Map([[c.key, { title: 'theirs' }]]));
    const written = (await consultant.risks.get(original.id))!;
    expect(written.title).toBe('Client title');
    expect(written.owner).toBe('Consultant owner');
    expect(written.description).toBe('Client description');
    // Every other field is as it was on both sides; the mix is a version of its own.
    const { title: _t, owner: _o, description: _d, updatedAt, ...rest } = written;
    const { title: _t2, owner: _o2, description: _d2, updatedAt: _u, ...was } = original;
    expect(rest).toEqual(was);
    expect(updatedAt > c.mine.updatedAt! && updatedAt > c.theirs.updatedAt!).toBe(true);
  });

  it('all mine writes nothing to the record; all theirs writes their version as it came', async () => {
    const original = await firstRisk();
    const { ws, bundle } = await exchange(
      async () => void (await saveRisk(original.id, { title: 'Client title' })),
      async () => void (await saveRisk(original.id, { title: 'Consultant title', owner: 'Consultant owner' })),
    );
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    const c = plan.conflicts[0]!;
    await applyImport(plan, new Map([[c.key, 'mine']]));
    expect(await consultant.risks.get(original.id)).toEqual(c.mine);
    const again = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    await applyImport(again, new Map([[again.conflicts[0]!.key, 'theirs']]));
    expect(await consultant.risks.get(original.id)).toEqual(again.conflicts[0]!.theirs);
  });

  it('refuses a mix the register does not accept, saying which field, and writes nothing', async () => {
    await seedWorkspace(consultant);
    const nc = (await consultant.cycleRecords.toArray()).find((r) => r.ref === 'NC-001')!;
    const { ws, bundle } = await exchange(
      async () => void (await saveCycleRecord(nc.id, { title: 'Renamed by the client' })),
      async () =>
        void (await saveCycleRecord(nc.id, {
          status: 'closed',
          effective: 'yes',
          checkedOn: '2026-12-01',
          effectivenessCheck: 'Checked the next audit sample.',
        })),
    );
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    const c = plan.conflicts.find((x) => x.id === nc.id)!;
    const before = await consultant.cycleRecords.get(nc.id);
    // Closed (mine) without the effectiveness check (theirs: not done yet) is no valid nonconformity.
    const error = await applyImport(plan, new Map([[c.key, { status: 'mine', effective: 'theirs', checkedOn: 'theirs', effectivenessCheck: 'theirs' }]])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MergeMixError);
    expect((error as MergeMixError).problems.map((p) => [p.conflict.id, p.field, p.code])).toEqual([[nc.id, 'status', 'rule-effectiveness-required']]);
    expect(await consultant.cycleRecords.get(nc.id)).toEqual(before);
    // Said to the user by the record's number and title and the register's own rule.
    const said = await confirmImport(plan, new Map([[c.key, { status: 'mine', effective: 'theirs' }]]), catalog);
    const refused = said && 'refused' in said ? said.refused : [];
    expect(refused.map((word) => word())).toEqual([
      `The fields chosen for NC-001 ${nc.title} do not make a valid record: A nonconformity can be closed only after an effectiveness check: describe the check, give its date and record that the action was effective. Take that field from the other side, or keep one version whole. Nothing was imported.`,
    ]);
    // Worded where shown: after a switch to Chinese the same refusal reads in Chinese.
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    try {
      expect(refused[0]!()).toContain(`为 NC-001 ${nc.title} 选择的字段组合不构成有效的记录`);
    } finally {
      await setLocale('en', { remember: false });
      await loadMessages();
    }
  });

  it('stops, writing nothing, when a conflicting record changed here after the preview', async () => {
    const original = await firstRisk();
    const { ws, bundle } = await exchange(
      async () => void (await saveRisk(original.id, { title: 'Client title' })),
      async () => void (await saveRisk(original.id, { title: 'Consultant title' })),
    );
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    await saveRisk(original.id, { owner: 'Edited after the preview' });
    const error = await applyImport(plan, new Map([[plan.conflicts[0]!.key, 'theirs']])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StalePlanError);
    expect((await consultant.risks.get(original.id))!).toMatchObject({ title: 'Consultant title', owner: 'Edited after the preview' });
  });

  it('says the base is not known when a side has no history to tell it', async () => {
    const original = await firstRisk();
    const { ws, bundle } = await exchange(
      async () => void (await saveRisk(original.id, { title: 'Client title' })),
      async () => void (await saveRisk(original.id, { title: 'Consultant title' })),
    );
    const plan = await planImport({ ...bundle, included: new Set([...bundle.included].filter((t) => t !== 'history')) }, { kind: 'merge', targetId: ws.id });
    expect(plan.conflicts[0]!.fields).toEqual([expect.objectContaining({ field: 'title', base: null })]);
  });
});

describe('what the import changes, by name', () => {
  it('a merge lists the records it adds and updates by ref and title', async () => {
    const { ws: seeded } = await seedWorkspace(consultant);
    const risks = (await consultant.risks.where('workspaceId').equals(seeded.id).toArray()).sort((x, y) => x.ref.localeCompare(y.ref));
    const sent = await exportBundle(seeded.id, { exportedAt: '2026-11-27T10:00:00.000Z' });
    const other = await otherBrowser();
    await applyImport(await planImport(await parse(sent.bytes), { kind: 'new' }));
    await saveRisk(risks[2]!.id, { title: 'Updated by the client' });
    const back = await parse((await exportBundle(seeded.id, { exportedAt: new Date(Date.now() + 1000).toISOString() })).bytes);
    useDatabase(consultant);
    // The consultant deleted a risk meanwhile: the merge brings it back as new.
    await consultant.risks.delete(risks[0]!.id);
    const plan = await planImport(back, { kind: 'merge', targetId: seeded.id });
    const { theirs } = previewContexts(plan, catalog);
    const list = plan.lists.find((l) => l.table === 'risks')!;
    expect(list.added.map((r) => theirs.recordName('risks', r))).toEqual([`${risks[0]!.ref} ${risks[0]!.title}`]);
    expect(list.updated.map((r) => theirs.recordName('risks', r))).toEqual([`${risks[2]!.ref} Updated by the client`]);
    expect(list.removed).toEqual([]);
    other.close();
  });

  it('a replace lists what it removes from every register, carried or not, and what it updates', async () => {
    const { ws } = await seedWorkspace(consultant);
    const built = await exportBundle(ws.id, { tables: ['assessments'], attachments: false });
    const plan = await planImport(await parse(built.bytes), { kind: 'replace', targetId: ws.id });
    const { mine } = previewContexts(plan, catalog);
    const risks = plan.lists.find((l) => l.table === 'risks')!;
    expect(risks.removed).toHaveLength(12);
    const names = risks.removed.map((r) => mine.recordName('risks', r));
    for (const n of names) expect(n).toMatch(/^R-\d{3} \S/);
    expect(plan.summary.find((s) => s.table === 'risks')).toMatchObject({ removed: 12 });
    // The answers come back as they are: unchanged, not removed and added again.
    expect(plan.summary.find((s) => s.table === 'assessments')).toMatchObject({ unchanged: 3, removed: 0, created: 0 });
    const systems = plan.lists.find((l) => l.table === 'impactAssessments')!.removed.map((r) => mine.recordName('impactAssessments', r));
    expect(systems.length).toBeGreaterThan(0);
    for (const n of [...names, ...systems]) expect(n).not.toMatch(UUID);
  });
});
