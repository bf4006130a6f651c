import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { parseBundle, type ParseResult } from '../../src/io/bundle/bundle-import';
import type { IoProblem } from '../../src/io/problems';
import { openZip } from '../../src/io/zip/zip-reader';
import { catalog } from '../support/bundles';
import { freshDatabase } from '../support/db';
import { rawZip, type RawEntry } from '../support/raw-zip';

const dir = join(__dirname, '../fixtures/rezipped-bundles');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const EVIDENCE_ID = '549ff1b4-93a5-41f5-9156-7388e7a87adb';
const FILE_NAME = 'Prüfbericht 风险评估.txt';
const CONTENT = 'Prüfbericht zur Risikobewertung — 风险评估报告\n';

async function parse(bytes: Uint8Array, name: string): Promise<ParseResult> {
  return parseBundle(bytes, name, catalog);
}

/** Everything a problem says, whichever shape its facts take. */
const said = (ps: readonly IoProblem[]) => JSON.stringify(ps);

async function importsTheFile(name: string) {
  const r = await parse(fixture(name), name);
  if (!r.ok) throw new Error(`${name}: ${said(r.problems)}`);
  const db = await freshDatabase();
  await applyImport(await planImport(r.bundle, { kind: 'new' }));
  const evidence = await db.evidence.get(EVIDENCE_ID);
  expect(evidence).toMatchObject({ kind: 'file', fileName: FILE_NAME });
  const blob = (await db.evidenceFiles.get(EVIDENCE_ID))!.blob;
  expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe(CONTENT);
  return r.bundle;
}

describe('bundles unzipped and zipped again by other tools', () => {
  it.each(['infozip.aims.zip', '7zip.aims.zip'])('imports %s with its evidence file', async (name) => {
    const bundle = await importsTheFile(name);
    expect(bundle.warnings).toEqual([]);
  });

  it('imports a folder compressed as a folder, says so, and skips what macOS added', async () => {
    const bundle = await importsTheFile('folder.aims.zip');
    expect(bundle.warnings.map((w) => w.code)).toEqual(['bundle-in-folder']);
    expect(bundle.warnings[0]!.file).toBe('folder.aims.zip');
    expect(said(bundle.warnings)).toContain('AIMS bundle 2026-11-27');
  });

  it('refuses a bundle two folders down, naming where manifest.json is', async () => {
    const r = await parse(fixture('nested.aims.zip'), 'nested.aims.zip');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['bundle-folder-too-deep']);
    expect(said(r.ok ? [] : r.problems)).toContain('outer/inner/manifest.json');
  });

  it('refuses several top folders, naming them', async () => {
    const r = await parse(fixture('two-folders.aims.zip'), 'two-folders.aims.zip');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['bundle-folders-several']);
    expect(said(r.ok ? [] : r.problems)).toMatch(/AIMS bundle 2026-11-27.*other/);
  });
});

/** The app's own export with the attachment's entry renamed (or joined by others): what a tool using another code page leaves. */
async function withAttachmentAs(names: (Uint8Array | string)[]): Promise<Uint8Array> {
  const opened = await openZip(fixture('app-export.aims.zip'), 'app-export.aims.zip');
  if (!opened.ok) throw new Error('fixture');
  const entries: RawEntry[] = [];
  for (const e of opened.zip.entries) {
    const data = await opened.zip.read(e.name);
    if (!e.name.startsWith('attachments/')) entries.push({ name: e.name, data, flags: 0x800 });
    else for (const name of names) entries.push({ name, data });
  }
  return rawZip(entries);
}

describe('an evidence file under a name decoded differently', () => {
  // "Prüfbericht.txt" in Windows-1252 (ü = 0xfc): not UTF-8, so it reads as CP437 "Prⁿfbericht.txt".
  const latin1 = new Uint8Array([...new TextEncoder().encode(`attachments/${EVIDENCE_ID}/Pr`), 0xfc, ...new TextEncoder().encode('fbericht.txt')]);

  it('is read from the one file of its folder, with a warning naming it, and its checksum still checked', async () => {
    const r = await parse(await withAttachmentAs([latin1]), 'latin1.aims.zip');
    if (!r.ok) throw new Error(said(r.problems));
    expect(r.bundle.warnings.map((w) => [w.code, w.file])).toEqual([['attachment-renamed', `attachments/${EVIDENCE_ID}/${FILE_NAME}`]]);
    expect(said(r.bundle.warnings)).toContain('Prⁿfbericht.txt');
    expect(new TextDecoder().decode(await r.bundle.attachments.get(EVIDENCE_ID)!.arrayBuffer())).toBe(CONTENT);
  });

  it('is read without a note when the name differs only in Unicode form (macOS writes names decomposed)', async () => {
    const nfd = `attachments/${EVIDENCE_ID}/${FILE_NAME.normalize('NFD')}`;
    expect(nfd).not.toBe(`attachments/${EVIDENCE_ID}/${FILE_NAME}`);
    const r = await parse(await withAttachmentAs([new TextEncoder().encode(nfd)]), 'nfd.aims.zip');
    if (!r.ok) throw new Error(said(r.problems));
    expect(r.bundle.warnings).toEqual([]);
    expect(r.bundle.attachments.has(EVIDENCE_ID)).toBe(true);
  });

  it('is never called missing when its folder holds other names: the names found are given', async () => {
    const r = await parse(await withAttachmentAs([latin1, `attachments/${EVIDENCE_ID}/copy.txt`]), 'two.aims.zip');
    const problems = r.ok ? [] : r.problems;
    expect(problems.map((p) => p.code)).toEqual(['attachment-name-differs']);
    expect(said(problems)).toMatch(/Prⁿfbericht\.txt.*copy\.txt/);
  });
});
