import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import type { AimsDatabase } from '../../src/db/database';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { freshDatabase } from '../support/db';
import { makeFileEvidence } from '../support/factories';
import { catalog, EXPORTED_AT, exportBundle, seedWorkspace } from '../support/bundles';

/**
 * An exported bundle read by readers that share no code with the app's zip writer: JSZip (the
 * independent reader the tests keep it for), and node's zlib on entries found by walking the zip's
 * central directory here. Already-compressed files and bytes deflate would not shrink are stored
 * (method 0), the rest deflated (method 8), and every entry's CRC-32 and sizes are those of its bytes.
 */
let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});

interface RawEntry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  data: Buffer;
}

/** The entries as the central directory lists them, each with the bytes after its local header. */
function walkZip(bytes: Uint8Array): RawEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = {
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      packedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    };
    const local = buf.readUInt32LE(at + 42);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    expect(buf.readUInt16LE(local + 8)).toBe(entry.method);
    expect(buf.readUInt32LE(local + 14)).toBe(entry.crc);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ ...entry, data: buf.subarray(start, start + entry.packedSize) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

async function seedWithFiles() {
  const { ws } = await seedWorkspace(db);
  // A "PDF" of text: it would deflate well, so only its type can make it stored.
  const pdfBytes = new TextEncoder().encode('%PDF-1.7 '.repeat(2_000));
  const pdf = makeFileEvidence(ws.id, pdfBytes.byteLength, { itemId: '6.1.3', fileName: 'Policy signed.pdf', mediaType: 'application/pdf' });
  // Bytes of a type the app does not know, that deflate would not shrink (encrypted, say): stored too.
  const sealedBytes = new Uint8Array(100_000);
  let x = 99;
  for (let i = 0; i < sealedBytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sealedBytes[i] = x & 0xff;
  }
  const sealed = makeFileEvidence(ws.id, sealedBytes.byteLength, { itemId: '6.1.3', fileName: 'keys.bin', mediaType: 'application/octet-stream' });
  await db.evidence.bulkPut([pdf, sealed]);
  await db.evidenceFiles.bulkPut([
    { id: pdf.id, workspaceId: ws.id, blob: new Blob([pdfBytes]) },
    { id: sealed.id, workspaceId: ws.id, blob: new Blob([sealedBytes]) },
  ]);
  return { ws, pdf, pdfBytes };
}

describe('an exported bundle, read by independent readers', () => {
  it('stores already-compressed and incompressible files, deflates the rest, with the CRC-32 and sizes of their bytes (node zlib)', async () => {
    const { ws, pdf, pdfBytes } = await seedWithFiles();
    const built = await exportBundle(ws.id);
    const entries = walkZip(built.bytes);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining(['manifest.json', 'README.txt', 'report.html', 'data/risks.json', 'attachments/' + pdf.id + '/Policy signed.pdf']),
    );
    for (const e of entries) {
      const plain = e.method === 0 ? e.data : inflateRawSync(e.data);
      expect(plain.length, e.name).toBe(e.size);
      expect(zlibCrc32(plain), e.name).toBe(e.crc);
      if (e.name.endsWith('.pdf') || e.name.endsWith('.bin')) expect(e.method, e.name).toBe(0);
      else expect(e.method, e.name).toBe(8);
    }
    const stored = entries.find((e) => e.name.endsWith('.pdf'))!;
    expect(Buffer.compare(stored.data, Buffer.from(pdfBytes))).toBe(0);
    expect(entries.find((e) => e.name === 'data/risks.json')!.packedSize).toBeLessThan(entries.find((e) => e.name === 'data/risks.json')!.size / 2);
  });

  it('opens in JSZip with its CRC check, every file as the manifest lists it, and in the app importer', async () => {
    const { ws, pdfBytes } = await seedWithFiles();
    const built = await exportBundle(ws.id);
    const zip = await JSZip.loadAsync(built.bytes, { checkCRC32: true });
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      tables: Record<string, { file: string }>;
      attachments: { path: string; size: number }[];
    };
    for (const t of Object.values(manifest.tables)) expect(JSON.parse(await zip.file(t.file)!.async('string'))).toBeInstanceOf(Array);
    expect(manifest.attachments).toHaveLength(3);
    for (const a of manifest.attachments) expect((await zip.file(a.path)!.async('uint8array')).length).toBe(a.size);
    const pdf = manifest.attachments.find((a) => a.path.endsWith('.pdf'))!;
    expect(Buffer.from(await zip.file(pdf.path)!.async('uint8array')).equals(Buffer.from(pdfBytes))).toBe(true);
    expect(await zip.file('report.html')!.async('string')).toContain('<html');
    // Every entry is dated the export's time (as the bundle format says), not the clock's.
    for (const f of Object.values(zip.files)) expect(f.date.toISOString(), f.name).toBe(EXPORTED_AT);

    const parsed = await parseBundle(built.bytes, built.fileName, catalog, {});
    expect(parsed.ok).toBe(true);
  });

  it('is the same archive, byte for byte, when exported twice', async () => {
    const { ws } = await seedWithFiles();
    const [a, b] = [await exportBundle(ws.id), await exportBundle(ws.id)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
