import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { saveRisk } from '../../src/db/risks-repo';
import { t } from '../../src/i18n/i18n';
import { paramsText } from '../../src/i18n/problem-text';
import { parseBundle, type ParsedBundle } from '../../src/io/bundle/bundle-import';
import { freshDatabase } from '../support/db';
import { catalog, dump, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';

let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});

async function parse(bytes: Uint8Array, passphrase?: string): Promise<ParsedBundle> {
  const r = await parseBundle(bytes, 'bundle.aims.zip', catalog, passphrase ? { passphrase } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.bundle;
}

async function dataFiles(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir && (name.startsWith('data/') || name === 'manifest.json')) out[name] = await zip.file(name)!.async('string');
  return out;
}

describe('bundle round trip', () => {
  it('export → import as a new workspace in another browser gives the same records and files', async () => {
    const { ws, fileBytes, file } = await seedWorkspace(db);
    const before = await dump(db);
    const built = await exportBundle(ws.id);
    const other = await otherBrowser();
    const bundle = await parse(built.bytes);
    const plan = await planImport(bundle, { kind: 'new' });
    expect(plan.workspaceId).toBe(ws.id);
    await applyImport(plan);
    const after = await dump(other);
    for (const table of ['workspaces', 'assessments', 'evidence', 'aiSystems', 'risks', 'ownControls', 'impactAssessments', 'cycleRecords'])
      expect(after[table], table).toEqual(before[table]);
    expect(after.cycleRecords).toHaveLength(6);
    const blob = (await other.evidenceFiles.get(file.id))!.blob;
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...fileBytes]);
    other.close();
  });

  it('is deterministic: two exports of the same data have byte-identical data files and manifest', async () => {
    const { ws } = await seedWorkspace(db);
    const a = await dataFiles((await exportBundle(ws.id)).bytes);
    const b = await dataFiles((await exportBundle(ws.id)).bytes);
    expect(Object.keys(a)).toContain('data/risks.json');
    expect(b).toEqual(a);
  });

  it('export → import → export gives byte-identical data files', async () => {
    const { ws } = await seedWorkspace(db, 11);
    const first = await exportBundle(ws.id);
    const other = await otherBrowser();
    await applyImport(await planImport(await parse(first.bytes), { kind: 'new' }));
    const second = await exportBundle(ws.id);
    const [a, b] = [await dataFiles(first.bytes), await dataFiles(second.bytes)];
    for (const name of Object.keys(a)) if (name.startsWith('data/')) expect(b[name], name).toBe(a[name]);
    other.close();
  });

  it.each([3, 5, 8, 13])('round-trips generated workspace seed %i', async (seed) => {
    const { ws } = await seedWorkspace(db, seed, { aiSystems: seed, risks: seed * 3, ownControls: seed % 4, impactAssessments: seed % 3 });
    const before = await dump(db);
    const built = await exportBundle(ws.id);
    const other = await otherBrowser();
    await applyImport(await planImport(await parse(built.bytes), { kind: 'new' }));
    const after = await dump(other);
    expect(after.risks).toEqual(before.risks);
    expect(after.impactAssessments).toEqual(before.impactAssessments);
    other.close();
  });

  it('a selective export carries only the chosen registers and no attachments', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id, { tables: ['assessments', 'risks'], attachments: false });
    expect(Object.keys(built.manifest.tables).sort()).toEqual(['assessments', 'risks', 'workspaces']);
    expect(built.manifest.attachments).toEqual([]);
    const bundle = await parse(built.bytes);
    expect(bundle.records.aiSystems).toEqual([]);
    // Risks name AI systems the bundle does not carry: a warning, not an error.
    expect(bundle.warnings.map((w) => w.code)).toContain('reference-outside-bundle');
  });

  it('an encrypted bundle round-trips with its passphrase', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id, { passphrase: 'correct horse battery staple' });
    expect(built.fileName.endsWith('.aims.enc')).toBe(true);
    const wrong = await parseBundle(built.bytes, built.fileName, catalog, { passphrase: 'wrong' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems[0]?.code).toBe('wrong-passphrase-or-damaged');
    const none = await parseBundle(built.bytes, built.fileName, catalog);
    expect(none.ok || none.needsPassphrase).toBe(true);
    const bundle = await parse(built.bytes, 'correct horse battery staple');
    expect(bundle.records.risks.length).toBe(12);
  });
});

describe('merge', () => {
  it('takes newer records, keeps newer local ones, and lists records changed on both sides as conflicts', async () => {
    const { ws } = await seedWorkspace(db);
    const sent = await exportBundle(ws.id, { exportedAt: '2026-11-27T10:00:00.000Z' });
    // The client imports, edits two risks, and sends it back.
    const consultant = db;
    const client = await otherBrowser();
    await applyImport(await planImport(await parse(sent.bytes), { kind: 'new' }));
    const risks = (await client.risks.toArray()).sort((a, b) => a.ref.localeCompare(b.ref));
    await saveRisk(risks[0]!.id, { title: 'Client edit only' });
    await saveRisk(risks[1]!.id, { title: 'Client edit, both sides' });
    const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
    expect(back.manifest.basedOn).toBe('2026-11-27T10:00:00.000Z');
    // Meanwhile the consultant changed the second risk too.
    const { useDatabase } = await import('../../src/db/database');
    useDatabase(consultant);
    await saveRisk(risks[1]!.id, { title: 'Consultant edit' });
    const plan = await planImport(await parse(back.bytes), { kind: 'merge', targetId: ws.id });
    const riskSummary = plan.summary.find((s) => s.table === 'risks')!;
    expect(riskSummary.updated).toBe(1);
    expect(riskSummary.conflicts).toBe(1);
    expect(plan.conflicts.map((c) => c.id)).toEqual([risks[1]!.id]);
    // Keep mine for the conflict.
    await applyImport(plan, new Map([[plan.conflicts[0]!.key, 'mine']]));
    expect((await consultant.risks.get(risks[0]!.id))!.title).toBe('Client edit only');
    expect((await consultant.risks.get(risks[1]!.id))!.title).toBe('Consultant edit');
    client.close();
  });

  it('taking theirs for a conflict writes their version', async () => {
    const { ws } = await seedWorkspace(db);
    const sent = await exportBundle(ws.id, { exportedAt: '2026-11-27T10:00:00.000Z' });
    const consultant = db;
    const client = await otherBrowser();
    await applyImport(await planImport(await parse(sent.bytes), { kind: 'new' }));
    const target = (await client.risks.toArray())[0]!;
    await saveRisk(target.id, { title: 'Theirs' });
    const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
    const { useDatabase } = await import('../../src/db/database');
    useDatabase(consultant);
    await saveRisk(target.id, { title: 'Mine' });
    const plan = await planImport(await parse(back.bytes), { kind: 'merge', targetId: ws.id });
    await applyImport(plan, new Map([[plan.conflicts[0]!.key, 'theirs']]));
    expect((await consultant.risks.get(target.id))!.title).toBe('Theirs');
    client.close();
  });

  it('gives new ids to records that belong to another workspace in the same browser', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id);
    const plan = await planImport(await parse(built.bytes), { kind: 'new' });
    expect(plan.workspaceId).not.toBe(ws.id);
    expect(plan.notes.map((n) => n.code)).toContain('ids-remapped');
    // A note is a code with its facts, worded by the preview as before.
    const note = plan.notes.find((n) => n.code === 'ids-remapped')!;
    expect(t('import.note.ids-remapped', paramsText(note))).toMatch(/^\d+ records already exist in another workspace of this browser and get new ids\.$/);
    await applyImport(plan);
    expect(await db.workspaces.count()).toBe(2);
    const copied = await db.risks.where('workspaceId').equals(plan.workspaceId).toArray();
    const systems = new Set((await db.aiSystems.where('workspaceId').equals(plan.workspaceId).toArray()).map((s) => s.id));
    expect(copied.length).toBe(12);
    for (const r of copied) for (const s of r.aiSystemIds) expect(systems.has(s)).toBe(true);
  });

  it('replace removes what the workspace had and puts the bundle in its place', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id, { tables: ['assessments'], attachments: false });
    const plan = await planImport(await parse(built.bytes), { kind: 'replace', targetId: ws.id });
    // The answers come back as they were; every risk (a register the bundle does not carry) goes.
    expect(plan.summary.find((s) => s.table === 'assessments')).toMatchObject({ unchanged: 3, removed: 0 });
    expect(plan.summary.find((s) => s.table === 'risks')?.removed).toBe(12);
    await applyImport(plan);
    expect(await db.assessments.where('workspaceId').equals(ws.id).count()).toBe(3);
    expect(await db.risks.where('workspaceId').equals(ws.id).count()).toBe(0);
  });
});
