import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { AimsDatabase } from '../../src/db/database';
import type { ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import { bundleTableNames, bundleTables } from '../../src/io/bundle/bundle-format';
import { fileHref } from '../../src/io/report/html';
import { freshDatabase } from '../support/db';
import { exportBundle, seedWorkspace } from '../support/bundles';
import { UUID, visibleText } from '../support/report';

/** A real exported bundle, unzipped: its report.html and README.txt against what the exporter wrote. */
let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const read = (name: string) => zip.file(name)!.async('string');
  return { names, read };
}

/** The lines "- path: what" under "What the files hold", as patterns: a <placeholder> stands for one path segment. */
function readmePatterns(readme: string): RegExp[] {
  const list = /What the files hold\n((?:- .+\n)+)/.exec(readme)?.[1] ?? '';
  return [...list.matchAll(/^- (.+?): /gm)].map((m) => new RegExp(`^${m[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>/]+>/g, '[^/]+')}$`));
}

describe('an exported bundle, unzipped', () => {
  it('README.txt lists every file the exporter can write, and only those', async () => {
    const { ws } = await seedWorkspace(db);
    const { names, read } = await unzip((await exportBundle(ws.id)).bytes);
    const patterns = readmePatterns(await read('README.txt'));
    for (const name of names)
      expect(
        patterns.some((p) => p.test(name)),
        name,
      ).toBe(true);
    // Every table's file, whether this export wrote it or not (history is written only when there is some).
    for (const table of bundleTableNames)
      expect(
        patterns.some((p) => p.test(bundleTables[table].file)),
        table,
      ).toBe(true);
    expect(names.some((n) => n.startsWith('attachments/'))).toBe(true);
    expect(patterns).toHaveLength(bundleTableNames.length + 4);
  });

  it('report.html links each attached file by its path inside the bundle, names what it belongs to, and shows every record', async () => {
    const { ws, file } = await seedWorkspace(db);
    const built = await exportBundle(ws.id);
    const { names, read } = await unzip(built.bytes);
    const report = await read('report.html');
    expect(built.manifest.attachments).toHaveLength(1);
    for (const a of built.manifest.attachments) {
      expect(names).toContain(a.path);
      const name = a.path.split('/').pop()!;
      const row = new RegExp(
        `<tr><th scope="row">4\\.1 [^<]+</th><td>${file.title}</td><td><a href="${fileHref(a.path)}" rel="noopener noreferrer">${name}</a></td>`,
      );
      expect(report).toMatch(row);
    }
    const data = async <T>(table: keyof typeof bundleTables) => JSON.parse(await read(bundleTables[table].file)) as T[];
    for (const r of await data<{ ref: string }>('risks')) expect(report).toContain(`>${r.ref}<`);
    for (const c of await data<{ ref: string; kind: string }>('cycleRecords'))
      expect(report, c.ref).toMatch(new RegExp(`id="ms-${c.kind}"[\\s\\S]*?<span class="ref">${c.ref}</span>`));
    for (const o of await data<{ name: string }>('ownControls')) expect(report).toContain(o.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    const versions = await data<ImpactAssessment>('impactAssessments');
    expect(versions.length).toBeGreaterThan(0);
    expect(report.match(/<h4>Version \d+ · (Draft|Approved)<\/h4>/g)).toHaveLength(versions.length);
    expect(visibleText(report)).not.toMatch(UUID);
  });
});
