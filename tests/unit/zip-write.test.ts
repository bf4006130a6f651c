import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { openZip } from '../../src/io/zip/zip-reader';
import { crc32 } from '../../src/io/zip/zip-crc32';
import { localDeflater, ZipBuilder, ZipWriteError, type Deflater } from '../../src/io/zip/zip-write';
import { remoteDeflater, serveDeflate } from '../../src/io/zip/deflate-remote';

const enc = new TextEncoder();

describe('crc32 in pieces', () => {
  it('continues from the CRC of the bytes before', () => {
    const all = enc.encode('The quick brown fox jumps over the lazy dog, 训练数据');
    for (const cut of [0, 1, 7, 8, 9, 20, all.length]) {
      expect(crc32(all.subarray(cut), crc32(all.subarray(0, cut)))).toBe(crc32(all));
    }
    expect(crc32(enc.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('ZipBuilder', () => {
  it('writes deflated entries that other readers open, with sizes, CRCs and UTF-8 names', async () => {
    const zip = new ZipBuilder();
    zip.add('a.txt', 'hello hello hello hello');
    const big = zip.entry('目录/big.xml');
    const pieces = Array.from({ length: 50 }, (_, i) => `<row r="${i}">${'x'.repeat(i * 37)}</row>`);
    for (const p of pieces) big.write(enc.encode(p));
    big.end();
    zip.add('empty', new Uint8Array());
    const bytes = await zip.finish();

    const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(jszip.files)).toEqual(['a.txt', '目录/big.xml', 'empty']);
    expect(await jszip.file('a.txt')!.async('string')).toBe('hello hello hello hello');
    expect(await jszip.file('目录/big.xml')!.async('string')).toBe(pieces.join(''));
    expect(await jszip.file('empty')!.async('string')).toBe('');

    // Our own reader checks every CRC and size against the directory.
    const opened = await openZip(bytes, 'out.zip');
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const entry = opened.zip.entries.find((e) => e.name === '目录/big.xml')!;
    expect(entry.size).toBe(enc.encode(pieces.join('')).length);
    expect(entry.compressedSize).toBeLessThan(entry.size / 5);
    expect(new TextDecoder().decode(await opened.zip.read('目录/big.xml'))).toBe(pieces.join(''));
  });

  it('is deterministic: fixed entry times, the same bytes twice', async () => {
    const make = async () => {
      const z = new ZipBuilder();
      z.add('x.xml', '<a/>');
      return z.finish();
    };
    const [a, b] = [await make(), await make()];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const v = new DataView(a.buffer);
    expect(v.getUint16(10, true)).toBe(0); // time 00:00:00
    expect(v.getUint16(12, true)).toBe(0x21); // 1980-01-01
    expect(v.getUint16(8, true)).toBe(8); // deflate
    expect(inflateRawSync(a.subarray(30 + 5, 30 + 5 + v.getUint32(18, true))).toString()).toBe('<a/>');
  });

  it('stores entries as they are (method 0: no compression pass, CRC only), in name order when sorted, as a Blob of parts or one array alike', async () => {
    const make = () => {
      const z = new ZipBuilder(localDeflater, { sorted: true });
      const stored = z.entry('b/photo.jpg', { store: true });
      stored.write(enc.encode('JPEG '.repeat(100)));
      stored.write(enc.encode('tail'));
      stored.end();
      z.addStoredBlob('a/scan.pdf', new Blob([enc.encode('%PDF '.repeat(300))]), crc32(enc.encode('%PDF '.repeat(300))));
      z.add('README.txt', 'read me '.repeat(50));
      return z;
    };
    const blob = await make().finishBlob();
    const fromBlob = new Uint8Array(await blob.arrayBuffer());
    expect(Buffer.from(fromBlob).equals(Buffer.from(await make().finish()))).toBe(true);

    const jszip = await JSZip.loadAsync(fromBlob, { checkCRC32: true });
    expect(Object.keys(jszip.files)).toEqual(['README.txt', 'a/scan.pdf', 'b/photo.jpg']);
    expect(await jszip.file('b/photo.jpg')!.async('string')).toBe('JPEG '.repeat(100) + 'tail');
    expect(await jszip.file('a/scan.pdf')!.async('string')).toBe('%PDF '.repeat(300));
    const opened = await openZip(fromBlob, 'out.zip');
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const byName = new Map(opened.zip.entries.map((e) => [e.name, e]));
    // Stored: the bytes as written, however well they would deflate.
    expect(byName.get('a/scan.pdf')!.compressedSize).toBe(1500);
    expect(byName.get('b/photo.jpg')!.compressedSize).toBe(504);
    expect(byName.get('README.txt')!.compressedSize).toBeLessThan(100);
    const v = new DataView(fromBlob.buffer);
    expect(v.getUint16(8, true)).toBe(8); // README.txt first, deflated
    expect(new TextDecoder().decode(await opened.zip.read('a/scan.pdf'))).toBe('%PDF '.repeat(300));
  });

  it('refuses a duplicate name and a write after the end', () => {
    const z = new ZipBuilder();
    const w = z.entry('a');
    w.end();
    expect(() => w.write(enc.encode('late'))).toThrow(ZipWriteError);
    expect(() => z.entry('a')).toThrow('duplicate zip entry a');
  });

  it('reports a failed compression from finish()', async () => {
    const failing: Deflater = () => ({ write: () => undefined, end: () => Promise.reject(new Error('no memory')) });
    const z = new ZipBuilder(failing);
    z.add('a', 'x');
    await expect(z.finish()).rejects.toThrow('no memory');
  });
});

/** A worker stand-in: two message ports, the served side on one end, as deflate.worker.ts does. */
function portPair() {
  const { port1, port2 } = new MessageChannel();
  serveDeflate(port2 as never);
  const worker = port1 as unknown as Worker & { onerror: ((ev: ErrorEvent) => void) | null };
  return {
    worker,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe('deflate in another thread', () => {
  it('gives the same entries as deflating here, for entries written side by side', async () => {
    const { worker, close } = portPair();
    try {
      const build = async (deflater: Deflater) => {
        const z = new ZipBuilder(deflater);
        const one = z.entry('one.xml');
        const two = z.entry('two.xml');
        for (let i = 0; i < 20; i++) {
          one.write(enc.encode(`<one>${i}</one>`));
          two.write(enc.encode(`<two>${'y'.repeat(i)}</two>`));
        }
        one.end();
        two.end();
        return z.finish();
      };
      const remote = await build(remoteDeflater(worker));
      const local = await build(localDeflater);
      const read = async (b: Uint8Array) => {
        const j = await JSZip.loadAsync(b, { checkCRC32: true });
        return Promise.all(['one.xml', 'two.xml'].map((n) => j.file(n)!.async('string')));
      };
      expect(await read(remote)).toEqual(await read(local));
      expect((await read(remote))[0]).toContain('<one>19</one>');
    } finally {
      close();
    }
  });

  it('fails every open entry, and later ones, when the worker fails', async () => {
    const { worker, close } = portPair();
    try {
      const deflater = remoteDeflater(worker);
      const z = new ZipBuilder(deflater);
      z.entry('a');
      worker.onerror!({ message: 'chunk not found', preventDefault: () => undefined } as ErrorEvent);
      const w = z.entry('b');
      w.end();
      await expect(z.finish()).rejects.toThrow('the compression worker failed: chunk not found');
    } finally {
      close();
    }
  });
});
