import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { StorageFullError } from '../../src/db/errors';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { sha256Hex } from '../../src/io/sha256';
import { freshDatabase } from '../support/db';
import { catalog, dump, exportBundle, seedWorkspace } from '../support/bundles';

let db: AimsDatabase;
let valid: Uint8Array;
beforeEach(async () => {
  db = await freshDatabase();
  const { ws } = await seedWorkspace(db);
  valid = (await exportBundle(ws.id)).bytes;
});

type Edit = (zip: JSZip, manifest: Record<string, any>) => Promise<void> | void;

/** Re-packs the valid bundle with one defect; `fixChecksums` keeps the manifest consistent so deeper checks are reached. */
async function tamper(edit: Edit, fixChecksums = true): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(valid);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  await edit(zip, manifest);
  if (fixChecksums) {
    for (const entry of Object.values(manifest.tables ?? {}) as { file: string; sha256: string }[]) {
      const f = zip.file(entry.file);
      if (f) entry.sha256 = await sha256Hex(await f.async('uint8array'));
    }
  }
  zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'uint8array' });
}

async function editTable(zip: JSZip, file: string, change: (rows: any[]) => any): Promise<void> {
  const rows = JSON.parse(await zip.file(file)!.async('string'));
  zip.file(file, typeof change === 'function' ? (typeof change(rows) === 'string' ? change(rows) : JSON.stringify(change(rows) ?? rows)) : rows);
}

async function expectRefused(bytes: Uint8Array, code: string, where: { file?: string; record?: RegExp; field?: string } = {}) {
  const before = await dump(db);
  const r = await parseBundle(bytes, 'bad.aims.zip', catalog);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const p = r.problems.find((x) => x.code === code);
  expect(p, `${code} in ${JSON.stringify(r.problems)}`).toBeDefined();
  if (where.file) expect(p!.file).toBe(where.file);
  if (where.record) expect(p!.record).toMatch(where.record);
  if (where.field) expect(p!.field).toBe(where.field);
  expect(await dump(db)).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('hostile bundles are refused with a clear code and nothing changes', () => {
  it('not a zip', async () => {
    await expectRefused(new TextEncoder().encode('hello, I am a text file'), 'not-a-zip');
  });
  it('truncated zip', async () => {
    await expectRefused(valid.slice(0, Math.floor(valid.length / 2)), 'truncated');
  });
  it('missing manifest', async () => {
    const zip = await JSZip.loadAsync(valid);
    zip.remove('manifest.json');
    await expectRefused(await zip.generateAsync({ type: 'uint8array' }), 'manifest-missing');
  });
  it('a format name that is not ours', async () => {
    await expectRefused(await tamper((_, m) => void (m.format = 'someone-elses-format')), 'format-unknown', { field: 'format' });
  });
  it('a future format version', async () => {
    await expectRefused(await tamper((_, m) => void (m.formatVersion = 99)), 'format-version-unsupported', { field: 'formatVersion' });
  });
  it('a malformed manifest', async () => {
    await expectRefused(await tamper((_, m) => void (m.exportedAt = 'yesterday')), 'manifest-invalid', { field: 'exportedAt' });
  });
  it('a data file changed without its checksum', async () => {
    const bytes = await tamper(
      (zip) =>
        editTable(zip, 'data/risks.json', (rows) => {
          rows[0].title = 'edited';
          return rows;
        }),
      false,
    );
    await expectRefused(bytes, 'checksum-mismatch', { file: 'data/risks.json' });
  });
  it('a wrong count', async () => {
    await expectRefused(await tamper((_, m) => void (m.tables.risks.count = 99)), 'count-mismatch', { file: 'data/risks.json' });
  });
  it('an invalid record names file, record and field', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/risks.json', (rows) => {
        rows[2].status = 'bogus';
        return rows;
      }),
    );
    await expectRefused(bytes, 'record-invalid', { file: 'data/risks.json', record: /#3/, field: 'status' });
  });
  it('an unknown enum value in a nested field', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/impact-assessments.json', (rows) => {
        rows[0].impacts = [{ ...rows[0].impacts[0], area: 'astrology' }];
        return rows;
      }),
    );
    await expectRefused(bytes, 'record-invalid', { file: 'data/impact-assessments.json', field: 'impacts.0.area' });
  });
  it('__proto__ keys', async () => {
    const bytes = await tamper((zip) => editTable(zip, 'data/risks.json', (rows) => JSON.stringify(rows).replace('{"', '{"__proto__":{"polluted":true},"')));
    await expectRefused(bytes, 'forbidden-key', { file: 'data/risks.json' });
  });
  it('constructor keys deep inside', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/ai-systems.json', (rows) => JSON.stringify(rows).replace('"name":', '"x":{"constructor":{"prototype":{}}},"name":')),
    );
    await expectRefused(bytes, 'forbidden-key', { file: 'data/ai-systems.json' });
  });
  it('a 10 MB string', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/risks.json', (rows) => {
        rows[0].description = 'x'.repeat(10 * 1024 * 1024);
        return rows;
      }),
    );
    await expectRefused(bytes, 'string-too-long', { file: 'data/risks.json' });
  });
  it('deeply nested JSON', async () => {
    const bytes = await tamper((zip) => editTable(zip, 'data/own-controls.json', () => '['.repeat(50_000) + ']'.repeat(50_000)));
    await expectRefused(bytes, 'json-too-deep', { file: 'data/own-controls.json' });
  });
  it('wrong types', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/risks.json', (rows) => {
        rows[0].inherentLikelihood = 'high';
        return rows;
      }),
    );
    await expectRefused(bytes, 'record-invalid', { field: 'inherentLikelihood' });
  });
  it('duplicate ids', async () => {
    const bytes = await tamper((zip, m) =>
      editTable(zip, 'data/own-controls.json', (rows) => {
        m.tables.ownControls.count = rows.length + 1;
        return [...rows, rows[0]];
      }),
    );
    await expectRefused(bytes, 'duplicate-id', { file: 'data/own-controls.json' });
  });
  it('a record that belongs to another workspace', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/risks.json', (rows) => {
        rows[0].workspaceId = 'someone-else';
        return rows;
      }),
    );
    await expectRefused(bytes, 'record-foreign', { file: 'data/risks.json', field: 'workspaceId' });
  });
  it('dangling references', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/risks.json', (rows) => {
        rows[0].aiSystemIds = ['no-such-system'];
        return rows;
      }),
    );
    await expectRefused(bytes, 'dangling-reference', { file: 'data/risks.json', field: 'aiSystemIds.0' });
  });
  it('management-system records: a finding whose audit is missing, an unknown catalog link, a link to the wrong kind, an unknown kind', async () => {
    const file = 'data/management-system.json';
    const finding = (rows: any[]) => rows.find((r) => r.ref === 'F-001');
    await expectRefused(
      await tamper((zip) =>
        editTable(zip, file, (rows) => {
          finding(rows).auditId = 'no-such-audit';
          return rows;
        }),
      ),
      'dangling-reference',
      { file, field: 'auditId' },
    );
    await expectRefused(
      await tamper((zip) =>
        editTable(zip, file, (rows) => {
          finding(rows).itemIds = ['A.99.1'];
          return rows;
        }),
      ),
      'unknown-catalog-item',
      { file, field: 'itemIds.0' },
    );
    await expectRefused(
      await tamper((zip) =>
        editTable(zip, file, (rows) => {
          finding(rows).auditId = rows.find((r: any) => r.kind === 'objective').id;
          return rows;
        }),
      ),
      'dangling-reference',
      { file, field: 'auditId' },
    );
    await expectRefused(
      await tamper((zip) =>
        editTable(zip, file, (rows) => {
          finding(rows).kind = '__proto__';
          return rows;
        }),
      ),
      'record-invalid',
      { file },
    );
    await expectRefused(
      await tamper((zip) =>
        editTable(zip, 'data/evidence.json', (rows) => {
          rows[0].recordId = 'no-such-record';
          return rows;
        }),
      ),
      'dangling-reference',
      { file: 'data/evidence.json', field: 'recordId' },
    );
  });
  it('unknown clause or control ids', async () => {
    const bytes = await tamper((zip) =>
      editTable(zip, 'data/assessments.json', (rows) => {
        rows[0].itemId = '11.9';
        return rows;
      }),
    );
    await expectRefused(bytes, 'unknown-catalog-item', { file: 'data/assessments.json' });
  });
  it('a listed attachment that is missing', async () => {
    const bytes = await tamper((zip, m) => void zip.remove(m.attachments[0].path));
    await expectRefused(bytes, 'attachment-missing');
  });
  it('an attachment with the wrong size or hash', async () => {
    await expectRefused(await tamper((zip, m) => void zip.file(m.attachments[0].path, 'other bytes entirely')), 'attachment-size-mismatch');
    await expectRefused(await tamper((zip, m) => void zip.file(m.attachments[0].path, 'context analysis, 2027')), 'attachment-checksum-mismatch');
  });
  it('a zip-slip entry name', async () => {
    const zip = await JSZip.loadAsync(valid);
    zip.file('evil.txt', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    // Rename the entry in place to ../evil.txt (same length keeps offsets valid): JSZip would normalise it away.
    const text = new TextDecoder('latin1').decode(bytes);
    const patched = new Uint8Array(bytes);
    let at = text.indexOf('evil.txt');
    while (at >= 0) {
      patched.set(new TextEncoder().encode('../evil'), at);
      patched[at + 7] = 0x74;
      at = text.indexOf('evil.txt', at + 1);
    }
    await expectRefused(patched, 'unsafe-name');
  });
  it('entries the manifest does not list are ignored with a warning', async () => {
    const zip = await JSZip.loadAsync(valid);
    zip.file('extra/notes.txt', 'hello');
    const r = await parseBundle(await zip.generateAsync({ type: 'uint8array' }), 'b.zip', catalog);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.warnings.map((w) => w.code)).toContain('entries-ignored');
  });
});

describe('writing is all or nothing', () => {
  it('a quota failure mid-write leaves the database exactly as before and says how much space is needed', async () => {
    const parsed = await parseBundle(valid, 'ok.zip', catalog);
    if (!parsed.ok) throw new Error('fixture invalid');
    const plan = await planImport(parsed.bundle, { kind: 'new' });
    const before = await dump(db);
    // Inside a transaction Dexie uses transaction-bound tables: fail the risks write wherever it comes from.
    const proto = Object.getPrototypeOf(db.risks) as { bulkPut: (...a: unknown[]) => Promise<unknown> };
    const original = proto.bulkPut;
    const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'risks') return Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
      return original.apply(this, args);
    });
    const err = await applyImport(plan).catch((e: unknown) => e);
    spy.mockRestore();
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).neededBytes).toBeGreaterThan(0);
    expect(await dump(db)).toEqual(before);
  });
});

describe('format version 1 fixtures (kept forever)', () => {
  it('imports the v1 bundle', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/bundles/v1/basic.aims.zip'));
    const r = await parseBundle(bytes, 'basic.aims.zip', catalog);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.manifest.formatVersion).toBe(1);
    expect(r.bundle.records.risks).toHaveLength(4);
    expect(r.bundle.attachments.size).toBe(1);
    const ws = await applyImport(await planImport(r.bundle, { kind: 'new' }));
    expect(await db.risks.where('workspaceId').equals(ws.id).count()).toBe(4);
  });
  it('imports the encrypted v1 bundle with its passphrase', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/bundles/v1/soa-only-encrypted.aims.enc'));
    const r = await parseBundle(bytes, 'soa-only-encrypted.aims.enc', catalog, { passphrase: 'fixture passphrase v1' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.records.assessments).toHaveLength(3);
  });
});
