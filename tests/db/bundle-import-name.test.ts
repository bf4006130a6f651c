import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { listWorkspaces } from '../../src/db/workspaces-repo';
import { localToday } from '../../src/domain/dates';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { proposeName, renamePlan } from '../../src/state/bundles';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';

let db: AimsDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});

async function planNew(bytes: Uint8Array) {
  const r = await parseBundle(bytes, 'bundle.aims.zip', catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return planImport(r.bundle, { kind: 'new' });
}

describe('a bundle imported as a new workspace', () => {
  it('beside a workspace of the same name is proposed "… (imported <today>)" and written under the name chosen', async () => {
    const { ws } = await seedWorkspace(db);
    const plan = await planNew((await exportBundle(ws.id)).bytes);
    const proposed = await proposeName(plan);
    expect(proposed).toBe(`${ws.name} (imported ${localToday()})`);
    const imported = await applyImport(renamePlan(plan, proposed));
    expect(imported.name).toBe(proposed);
    expect((await listWorkspaces()).map((w) => w.name).sort()).toEqual([ws.name, proposed].sort());
  });

  it('keeps its own name where no workspace has it', async () => {
    const { ws } = await seedWorkspace(db);
    const built = await exportBundle(ws.id);
    await otherBrowser();
    const plan = await planNew(built.bytes);
    expect(await proposeName(plan)).toBe(ws.name);
    expect((await applyImport(renamePlan(plan, ws.name))).name).toBe(ws.name);
  });
});
