// Bundled by tests/bench/lib/seed-bundle.js into an IIFE and evaluated in the app's page, so the
// benchmark writes through the app's own database class (same name, same schema version).
import { AimsDatabase } from '../../src/db/database';
import { workspaceTables } from '../../src/db/schema-versions';
import { generateWorkspace } from '../../src/domain/generate-workspace';

/**
 * Generates a workspace and writes it in one transaction.
 * @param {import('../../src/domain/generate-workspace').GenerateOptions} options
 */
async function seed(options) {
  const t0 = performance.now();
  const g = generateWorkspace(options);
  const t1 = performance.now();
  const db = new AimsDatabase();
  try {
    await db.open();
    await db.transaction('rw', [db.workspaces, db.aiSystems, db.ownControls, db.risks, db.impactAssessments], async () => {
      await db.workspaces.put(g.workspace);
      await db.aiSystems.bulkPut(g.aiSystems);
      await db.ownControls.bulkPut(g.ownControls);
      await db.risks.bulkPut(g.risks);
      await db.impactAssessments.bulkPut(g.impactAssessments);
    });
  } finally {
    db.close();
  }
  return {
    workspaceId: g.workspace.id,
    generateMs: t1 - t0,
    writeMs: performance.now() - t1,
    expected: { aiSystems: g.aiSystems.length, ownControls: g.ownControls.length, risks: g.risks.length, impactAssessments: g.impactAssessments.length },
  };
}

/**
 * What IndexedDB holds for a workspace, per workspace table, read back from a new connection.
 * @param {string} workspaceId
 */
async function count(workspaceId) {
  const db = new AimsDatabase();
  try {
    await db.open();
    /** @type {Record<string, number>} */
    const counts = { workspaces: await db.workspaces.where('id').equals(workspaceId).count() };
    for (const t of workspaceTables) counts[t] = await db.table(t).where('workspaceId').equals(workspaceId).count();
    return { version: db.verno, counts };
  } finally {
    db.close();
  }
}

Object.assign(window, { __seed: seed, __count: count });
