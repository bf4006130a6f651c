import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBundle, type BundleRecords } from '../../src/io/bundle/bundle-import';
import { sha256Hex } from '../../src/io/sha256';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, seedWorkspace } from '../support/bundles';

// The bundle worker sends a check's records to the page as soon as they are checked, while it checks
// the attachments: `onRecords` says when that is. Only records that passed every check go, and the
// result still decides whether the page keeps them.
let valid: Uint8Array;
beforeEach(async () => {
  const db = await freshDatabase();
  const { ws } = await seedWorkspace(db);
  valid = (await exportBundle(ws.id)).bytes;
});

async function repack(edit: (zip: JSZip, manifest: Record<string, any>) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(valid);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  await edit(zip, manifest);
  for (const entry of Object.values(manifest.tables) as { file: string; sha256: string }[])
    entry.sha256 = await sha256Hex(await zip.file(entry.file)!.async('uint8array'));
  zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('a check hands its records on before it reads the attachments', () => {
  it('once, with every record the parsed bundle carries', async () => {
    const seen: BundleRecords[] = [];
    const r = await parseBundle(valid, 'ok.aims.zip', catalog, { onRecords: (records) => seen.push(structuredClone(records)) });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(r.bundle.records);
    expect(seen[0]!.risks).toHaveLength(12);
    expect(r.bundle.attachments.size).toBe(1);
  });

  it('before an attachment is refused (the page then drops them with the refusal)', async () => {
    const bytes = await repack((zip, m) => void zip.file(m.attachments[0].path, 'context analysis, 2027'));
    let handed = 0;
    const r = await parseBundle(bytes, 'bad.aims.zip', catalog, { onRecords: () => (handed += 1) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toContain('attachment-checksum-mismatch');
    expect(handed).toBe(1);
  });

  it('never when a record fails its checks', async () => {
    const bytes = await repack(async (zip) => {
      const rows = JSON.parse(await zip.file('data/risks.json')!.async('string'));
      rows[0].inherentLikelihood = 'very';
      zip.file('data/risks.json', JSON.stringify(rows));
    });
    let handed = 0;
    const r = await parseBundle(bytes, 'bad.aims.zip', catalog, { onRecords: () => (handed += 1) });
    expect(r.ok).toBe(false);
    expect(handed).toBe(0);
  });
});
