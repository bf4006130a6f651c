import { deflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { detailText } from '../../src/state/io-messages';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { sha256Hex } from '../../src/io/sha256';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, seedWorkspace } from '../support/bundles';
import { rawZip, type RawEntry } from '../support/raw-zip';

const MiB = 1024 ** 2;

let valid: Uint8Array;
beforeEach(async () => {
  const db = await freshDatabase();
  const { ws } = await seedWorkspace(db);
  valid = (await exportBundle(ws.id)).bytes;
});

/** The valid bundle with `n` more link evidence rows made by `row(i)` (generated here, never a committed fixture). */
async function withManyEvidence(n: number, row: (link: Record<string, unknown>, i: number) => Record<string, unknown>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(valid);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  const entry = manifest.tables.evidence;
  const rows = JSON.parse(await zip.file(entry.file)!.async('string')) as Record<string, unknown>[];
  const link = rows.find((r) => r.kind === 'link')!;
  for (let i = 0; i < n; i++) rows.push(row(link, i));
  const text = JSON.stringify(rows);
  zip.file(entry.file, text);
  entry.sha256 = await sha256Hex(new TextEncoder().encode(text));
  entry.count = rows.length;
  zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('a bundle with 200,000 records in one table', () => {
  it('reports 200,000 faulty records as problems, not a stack overflow', async () => {
    const bytes = await withManyEvidence(200_000, (link, i) => ({ ...link, id: uuid(i), itemId: 'Z.9' }));
    const r = await parseBundle(bytes, 'big.aims.zip', catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.code).toBe('unknown-catalog-item');
  }, 60_000);
});

/** The valid bundle re-packed entry by entry (stored), with the answers' data file replaced by `entry(name)`. */
async function withDataFile(entry: (name: string) => RawEntry): Promise<{ bytes: Uint8Array; name: string }> {
  const zip = await JSZip.loadAsync(valid);
  const name = JSON.parse(await zip.file('manifest.json')!.async('string')).tables.evidence.file as string;
  const entries: RawEntry[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) entries.push(f.name === name ? entry(name) : { name: f.name, data: await f.async('uint8array') });
  return { bytes: rawZip(entries), name };
}

async function refusedAs(bytes: Uint8Array) {
  const start = performance.now();
  const r = await parseBundle(bytes, 'big.aims.zip', catalog);
  const ms = performance.now() - start;
  expect(r.ok).toBe(false);
  return { ms, problems: r.ok ? [] : r.problems };
}

describe('a data file past its limit (256 MiB) is too large, whatever it declares', () => {
  it('refuses one declaring 400 MiB before inflating anything', async () => {
    const { bytes, name } = await withDataFile((name) => ({ name, data: new Uint8Array(5 * MiB), deflated: { size: 400 * MiB, crc: 0 } }));
    const { ms, problems } = await refusedAs(bytes);
    expect(problems).toEqual([expect.objectContaining({ code: 'entry-too-large', file: name })]);
    expect(detailText(problems[0]!)).toBe(`"${name}" declares ${400 * MiB} bytes (limit ${256 * MiB})`);
    console.info(`a data file declaring 400 MiB: refused in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('stops the inflater at the limit for one declaring 1 KiB that inflates to 300 MiB, and says too large (not damaged JSON)', async () => {
    const data = deflateRawSync(Buffer.alloc(300 * MiB, 0x20));
    const { bytes, name } = await withDataFile((name) => ({ name, data, deflated: { size: 1024, crc: 0 } }));
    const { ms, problems } = await refusedAs(bytes);
    expect(problems).toEqual([expect.objectContaining({ code: 'entry-too-large', file: name })]);
    expect(detailText(problems[0]!)).toMatch(new RegExp(`^"${name}" unpacks to more than ${256 * MiB} bytes \\(stopped after \\d+\\)$`));
    console.info(`a data file inflating past 256 MiB: refused in ${ms.toFixed(0)} ms`);
  }, 60_000);
});
