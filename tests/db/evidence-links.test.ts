import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { addFileEvidence, getEvidenceFile, linkEvidence, listEvidence, removeEvidenceFromItem } from '../../src/db/evidence-repo';
import { listTrash, restoreFromTrash } from '../../src/db/trash-repo';
import { createWorkspace, saveProfile } from '../../src/db/workspaces-repo';
import { evidenceItemIds, servesItem, type Evidence } from '../../src/domain/evidence-schema';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { sha256Hex } from '../../src/io/sha256';
import { catalog, exportBundle, otherBrowser } from '../support/bundles';
import { freshDatabase } from '../support/db';
import { bytesOf, makeFileInput, makeLinkEvidence } from '../support/factories';

let db: AimsDatabase;
let ws: string;

beforeEach(async () => {
  db = await freshDatabase();
  const r = await createWorkspace('Northwind', catalog.catalogVersion);
  if (!r.ok) throw new Error('workspace');
  ws = r.value.id;
});

/** The ISMS policy, attached once to 5.2. */
async function ismsPolicy(): Promise<Evidence> {
  const r = await addFileEvidence(ws, '5.2', 'Information security policy', makeFileInput('ISMS policy v3', 'isms-policy.pdf'));
  if (!r.ok) throw new Error('evidence');
  return r.value;
}

const stored = async (id: string) => (await db.evidence.get(id))!;

describe('evidence linked to several items', () => {
  it('links existing evidence to another item without copying the record or its file', async () => {
    const ev = await ismsPolicy();
    await linkEvidence(ev.id, 'A.2.2');
    await linkEvidence(ev.id, 'A.2.2');
    const row = await stored(ev.id);
    expect(evidenceItemIds(row)).toEqual(['5.2', 'A.2.2']);
    expect(servesItem(row, 'A.2.2')).toBe(true);
    expect(await db.evidence.count()).toBe(1);
    expect(await db.evidenceFiles.count()).toBe(1);
    // The link is a change of the record, in its history like any other.
    const history = await db.history.where('recordId').equals(ev.id).toArray();
    expect(history.map((h) => h.action).sort()).toEqual(['create', 'update']);
  });

  it('taking it off one item keeps the record and the file for the other', async () => {
    const ev = await ismsPolicy();
    await linkEvidence(ev.id, 'A.2.2');
    await linkEvidence(ev.id, 'A.5.2');
    await removeEvidenceFromItem(ev.id, '5.2');
    const row = await stored(ev.id);
    // The first linked item takes over as the one it is filed under.
    expect(evidenceItemIds(row)).toEqual(['A.2.2', 'A.5.2']);
    await removeEvidenceFromItem(ev.id, 'A.5.2');
    expect(evidenceItemIds(await stored(ev.id))).toEqual(['A.2.2']);
    expect(await bytesOf(await getEvidenceFile(ev.id))).toEqual([...new TextEncoder().encode('ISMS policy v3')]);
    expect(await db.trash.count()).toBe(0);
  });

  it('from its last item it goes to the trash with its file, and comes back with them', async () => {
    const ev = await ismsPolicy();
    await linkEvidence(ev.id, 'A.2.2');
    await removeEvidenceFromItem(ev.id, 'A.2.2');
    await removeEvidenceFromItem(ev.id, '5.2');
    expect(await db.evidence.count()).toBe(0);
    expect(await db.evidenceFiles.count()).toBe(0);
    const [entry] = await listTrash(ws);
    expect((await restoreFromTrash(entry!.id)).ok).toBe(true);
    expect(evidenceItemIds(await stored(ev.id))).toEqual(['5.2']);
    expect(await bytesOf(await getEvidenceFile(ev.id))).toEqual([...new TextEncoder().encode('ISMS policy v3')]);
  });

  it('reads evidence stored before links existed (no list) as serving its one item, with no upgrade', async () => {
    const old = makeLinkEvidence(ws, { itemId: '7.5.3' });
    expect('linkedItemIds' in old).toBe(false);
    await db.evidence.put(old);
    expect(evidenceItemIds(await stored(old.id))).toEqual(['7.5.3']);
    await linkEvidence(old.id, '7.5.2');
    expect((await listEvidence(ws)).filter((e) => servesItem(e, '7.5.2')).map((e) => e.id)).toEqual([old.id]);
  });
});

describe('bundles carry the links and the ISMS option', () => {
  it('export → import in another browser keeps one record and one file serving both items, and the option', async () => {
    await saveProfile(ws, { isms27001: true });
    const ev = await ismsPolicy();
    await linkEvidence(ev.id, 'A.2.2');
    const built = await exportBundle(ws);
    const other = await otherBrowser();
    const parsed = await parseBundle(built.bytes, 'b.aims.zip', catalog);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await applyImport(await planImport(parsed.bundle, { kind: 'new' }));
    const rows = await other.evidence.toArray();
    expect(rows.map(evidenceItemIds)).toEqual([['5.2', 'A.2.2']]);
    expect(await other.evidenceFiles.count()).toBe(1);
    expect((await other.workspaces.get(ws))!.profile.isms27001).toBe(true);
    other.close();
  });

  it('refuses a bundle whose evidence is linked to an item the catalog does not have', async () => {
    const ev = await ismsPolicy();
    await linkEvidence(ev.id, 'A.2.2');
    const zip = await JSZip.loadAsync((await exportBundle(ws)).bytes);
    const rows = JSON.parse(await zip.file('data/evidence.json')!.async('string')) as Evidence[];
    rows[0]!.linkedItemIds = ['A.2.9'];
    zip.file('data/evidence.json', JSON.stringify(rows));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { tables: Record<string, { file: string; sha256: string }> };
    for (const entry of Object.values(manifest.tables)) entry.sha256 = await sha256Hex(await zip.file(entry.file)!.async('uint8array'));
    zip.file('manifest.json', JSON.stringify(manifest));
    const r = await parseBundle(await zip.generateAsync({ type: 'uint8array' }), 'b.aims.zip', catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.find((p) => p.code === 'unknown-catalog-item')).toMatchObject({ file: 'data/evidence.json', field: 'linkedItemIds.0' });
  });

  it('a workspace written before the option reads as not running an ISMS', async () => {
    const w = (await db.workspaces.get(ws))!;
    const { isms27001: _dropped, ...oldProfile } = w.profile;
    await db.workspaces.put({ ...w, profile: oldProfile } as typeof w);
    const built = await exportBundle(ws);
    const other = await otherBrowser();
    const parsed = await parseBundle(built.bytes, 'b.aims.zip', catalog);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await applyImport(await planImport(parsed.bundle, { kind: 'new' }));
    expect((await other.workspaces.get(ws))!.profile.isms27001).toBe(false);
    other.close();
  });
});
