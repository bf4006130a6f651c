import { beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { listWorkspaceHistory } from '../../src/db/history-repo';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { setUserName } from '../../src/db/settings-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import { parseBundle, type ParsedBundle } from '../../src/io/bundle/bundle-import';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';

let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
  await setUserName('Dana');
});

async function parse(bytes: Uint8Array): Promise<ParsedBundle> {
  const r = await parseBundle(bytes, 'bundle.aims.zip', catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.bundle;
}

async function withHistory() {
  const r = await createWorkspace('Acme', '1.0.0');
  if (!r.ok) throw new Error(r.code);
  const ws = r.value;
  const risk = await createRisk(ws.id, 'Drift');
  if (!risk.ok) throw new Error(risk.code);
  await saveRisk(risk.value.id, { owner: 'Sam' });
  const system = await createAiSystem(ws.id, 'Claims model');
  if (!system.ok) throw new Error(system.code);
  return { ws, risk: risk.value, system: system.value };
}

describe('the change history in bundles', () => {
  it('travels: export → import as a new workspace in another browser keeps every entry and adds one import entry for the workspace', async () => {
    const { ws } = await withHistory();
    const original = await listWorkspaceHistory(ws.id);
    expect(original).toHaveLength(4);
    const built = await exportBundle(ws.id);
    expect(built.manifest.tables.history).toMatchObject({ file: 'data/history.json', count: 4 });

    const other = await otherBrowser();
    await setUserName('Importer');
    const plan = await planImport(await parse(built.bytes), { kind: 'new' });
    expect(plan.summary.find((s) => s.table === 'history')).toMatchObject({ created: 4, unchanged: 0 });
    await applyImport(plan);
    const after = await listWorkspaceHistory(ws.id);
    for (const e of original) expect(after).toContainEqual(e);
    const imported = after.filter((e) => e.action === 'import');
    expect(imported.map((e) => e.table)).toEqual(['workspaces']);
    expect(imported[0]).toMatchObject({ recordId: ws.id, action: 'import' });
    expect(imported.every((e) => e.user === 'Importer' && e.changes.length === 0)).toBe(true);
    other.close();
  });

  it('merges append-only: entries already here are neither doubled nor changed; updates show their fields', async () => {
    const { ws, risk } = await withHistory();
    const built = await exportBundle(ws.id, { exportedAt: new Date().toISOString() });
    const other = await otherBrowser();
    await applyImport(await planImport(await parse(built.bytes), { kind: 'new' }));
    await saveRisk(risk.id, { owner: 'Kim' });
    const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
    other.close();

    const { useDatabase } = await import('../../src/db/database');
    useDatabase(db);
    const before = await listWorkspaceHistory(ws.id);
    const plan = await planImport(await parse(back.bytes), { kind: 'merge', targetId: ws.id });
    const summary = plan.summary.find((s) => s.table === 'history')!;
    expect(summary.unchanged).toBe(before.length);
    await applyImport(plan);
    const after = await listWorkspaceHistory(ws.id);
    for (const e of before) expect(after).toContainEqual(e);
    expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
    // The other browser's own edit arrives as it happened, and the merge adds its import entry with the change.
    expect(after.filter((e) => e.action === 'update' && e.changes.some((c) => c.after === 'Kim'))).toHaveLength(1);
    expect(after.find((e) => e.action === 'import' && e.table === 'risks')).toMatchObject({ changes: [{ field: 'owner', before: 'Sam', after: 'Kim' }] });
  });

  it('a merge records each record it creates; a replace records what it changes in records that were here, and its workspace entry', async () => {
    const { ws } = await withHistory();
    const built = await exportBundle(ws.id, { exportedAt: new Date().toISOString() });
    const other = await otherBrowser();
    await applyImport(await planImport(await parse(built.bytes), { kind: 'new' }));
    const added = await createRisk(ws.id, 'Vendor lock-in');
    if (!added.ok) throw new Error(added.code);
    const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
    other.close();

    const { useDatabase } = await import('../../src/db/database');
    useDatabase(db);
    await setUserName('Merger');
    await applyImport(await planImport(await parse(back.bytes), { kind: 'merge', targetId: ws.id }));
    const merged = (await listWorkspaceHistory(ws.id)).filter((e) => e.action === 'import' && e.user === 'Merger');
    expect(merged.map((e) => [e.table, e.recordId])).toEqual([['risks', added.value.id]]);

    // A replace records what it changes in records that were here; unchanged ones get nothing.
    await saveRisk(added.value.id, { owner: 'Local owner' });
    await setUserName('Replacer');
    await applyImport(await planImport(await parse(back.bytes), { kind: 'replace', targetId: ws.id }));
    const replaced = (await listWorkspaceHistory(ws.id)).filter((e) => e.user === 'Replacer');
    expect(replaced.filter((e) => e.table !== 'workspaces')).toEqual([
      expect.objectContaining({
        action: 'import',
        table: 'risks',
        recordId: added.value.id,
        changes: [expect.objectContaining({ field: 'owner', before: 'Local owner' })],
      }),
    ]);
    expect(replaced.filter((e) => e.table === 'workspaces')).toHaveLength(1);
  });

  it('a selective export carries only the history of what it carries', async () => {
    const { ws } = await withHistory();
    const built = await exportBundle(ws.id, { tables: ['aiSystems'] });
    const zip = await JSZip.loadAsync(built.bytes);
    const rows = JSON.parse(await zip.file('data/history.json')!.async('string')) as { table: string }[];
    expect(rows.map((r) => r.table).sort()).toEqual(['aiSystems', 'workspaces']);
  });

  it('a bundle without history (an older one) still imports; the import starts the history with its workspace entry', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id);
    expect(built.manifest.tables.history).toBeUndefined();
    const other = await otherBrowser();
    const plan = await planImport(await parse(built.bytes), { kind: 'new' });
    expect(plan.summary.some((s) => s.table === 'history')).toBe(false);
    await applyImport(plan);
    const history = await listWorkspaceHistory(ws.id);
    expect(history).toEqual([expect.objectContaining({ action: 'import', table: 'workspaces', recordId: ws.id, changes: [] })]);
    other.close();
  });

  it('history entries may name records the bundle does not carry', async () => {
    const { ws, system } = await withHistory();
    await db.aiSystems.delete(system.id);
    const built = await exportBundle(ws.id);
    const r = await parseBundle(built.bytes, 'b.aims.zip', catalog);
    expect(r.ok).toBe(true);
  });
});
