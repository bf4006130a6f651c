import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { readWorkspaceSnapshot } from '../../src/db/snapshot';
import { setLocale } from '../../src/i18n/i18n';
import { buildBundle } from '../../src/io/bundle/bundle-export';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { freshDatabase } from '../support/db';
import { ALL_TABLES, catalog, dump, EXPORTED_AT, otherBrowser, seedWorkspace, withBytes } from '../support/bundles';

/**
 * A bundle exported from the Chinese UI: README.txt and report.html in Chinese, the data files exactly
 * those of an English export, and an import that does not care which language the readable files are in.
 */
let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(async () => {
  await setLocale('en', { remember: false });
});

async function exportIn(workspaceId: string, locale: 'en' | 'zh-CN') {
  await setLocale(locale, { remember: false });
  const snapshot = await readWorkspaceSnapshot(workspaceId, ALL_TABLES, true);
  return withBytes(await buildBundle(snapshot, { exportedAt: EXPORTED_AT, appVersion: '0.1.0', catalog: await loadCatalog(locale), locale }));
}

async function files(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir && !name.startsWith('attachments/')) out[name] = await zip.file(name)!.async('string');
  return out;
}

describe('bundle language', () => {
  it('writes README.txt and report.html in the export language and keeps the data files language-neutral', async () => {
    const { ws } = await seedWorkspace(db);
    const zh = await files((await exportIn(ws.id, 'zh-CN')).bytes);
    const en = await files((await exportIn(ws.id, 'en')).bytes);
    expect(zh['README.txt']).toContain('如何打开');
    expect(en['README.txt']).toContain('How to open it');
    expect(zh['report.html']).toContain('<html lang="zh-CN">');
    expect(zh['report.html']).toContain('非官方');
    expect(en['report.html']).toContain('<html lang="en">');
    const data = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([name]) => name === 'manifest.json' || name.startsWith('data/')));
    expect(Object.keys(data(zh))).toContain('data/risks.json');
    expect(data(zh)).toEqual(data(en));
  });

  it('a bundle exported in Chinese imports in an English browser with every record', async () => {
    const { ws } = await seedWorkspace(db);
    const before = await dump(db);
    const built = await exportIn(ws.id, 'zh-CN');
    await setLocale('en', { remember: false });
    const other = await otherBrowser();
    const parsed = await parseBundle(built.bytes, built.fileName, catalog, {});
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await applyImport(await planImport(parsed.bundle, { kind: 'new' }));
    const after = await dump(other);
    for (const table of ['workspaces', 'assessments', 'aiSystems', 'risks', 'cycleRecords']) expect(after[table], table).toEqual(before[table]);
    other.close();
  });
});
