import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { readDashboardDirect } from '../../src/db/dashboard-read-direct';
import type { AimsDatabase } from '../../src/db/database';
import { saveRisk } from '../../src/db/risks-repo';
import { dashboardView } from '../../src/domain/dashboard-view';
import type { Risk } from '../../src/domain/risk-schema';
import type { Workspace } from '../../src/domain/workspace-schema';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { dashboardFigures, dashboardInputs } from '../../src/state/dashboard-figures';
import { importFigures } from '../../src/state/import-figures';
import { catalog, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';
import { workspaceRecordsOf } from '../support/dashboard';
import { freshDatabase } from '../support/db';

/*
 * An import as a new workspace writes, with the records, the dashboard's figures the bundle worker
 * worked out from them while it checked the bundle (import-figures.ts): the dashboard shown next
 * reads those instead of every record. They are kept only where the workspace holds exactly the
 * records they came from, and are then the figures a full read gives.
 */

/** The generated workspaces' "now" (generate-workspace.ts): some tasks overdue, some due soon. */
const TODAY = '2025-06-30';
const CODE = 'one build';
const load = () => import('../../src/domain/dashboard-view');

/** The figures from every record of the workspace, read through Dexie. */
async function expectedView(db: AimsDatabase, ws: Workspace, today = TODAY) {
  const records = await workspaceRecordsOf(db, ws.id);
  return dashboardView({ ...records, catalog, matrix: ws.riskMatrix, today });
}

/** A workspace exported in one browser and checked, with its figures, as the bundle worker does. */
async function checkedBundle() {
  const db = await freshDatabase();
  const { ws } = await seedWorkspace(db, 42, { aiSystems: 12, risks: 150, ownControls: 8, impactAssessments: 4 });
  const bytes = (await exportBundle(ws.id)).bytes;
  const parsed = await parseBundle(bytes, 'client.aims.zip', catalog);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const prepared = await importFigures(parsed.bundle.records, catalog, TODAY, CODE);
  if (!prepared) throw new Error('no figures');
  return { db, bundle: parsed.bundle, prepared };
}

const question = (db: AimsDatabase, ws: Workspace, today = TODAY) => ({ dbName: db.name, workspaceId: ws.id, catalog, matrix: ws.riskMatrix, today });

describe('an import keeps the figures the check worked out', () => {
  it('in another browser: the dashboard reads them, and they are the figures of the records written', async () => {
    const { bundle, prepared } = await checkedBundle();
    const other = await otherBrowser();
    const plan = await planImport(bundle, { kind: 'new' });
    expect(plan.asRead).toBe(true);
    const ws = await applyImport(plan, new Map(), prepared);
    const read = await readDashboardDirect(other.name, ws.id, await dashboardInputs(question(other, ws), CODE));
    if (!('kept' in read)) throw new Error('the figures were not kept');
    const expected = await expectedView(other, ws);
    expect(expected.risks.open).toBeGreaterThan(0);
    expect(read.kept).toEqual(expected);
    other.close();
  });

  it('after one risk is edited: the kept digests, brought up to date, give the figures of every record', async () => {
    const { bundle, prepared } = await checkedBundle();
    const other = await otherBrowser();
    const ws = await applyImport(await planImport(bundle, { kind: 'new' }), new Map(), prepared);
    const risk = (await other.risks.where('workspaceId').equals(ws.id).first()) as Risk;
    await saveRisk(risk.id, { status: risk.status === 'closed' ? 'treating' : 'closed' });
    const keys = await dashboardInputs(question(other, ws), CODE);
    const read = await readDashboardDirect(other.name, ws.id, keys);
    expect('digests' in read && [...read.changed.keys()]).toEqual([risk.id]);
    const answer = await dashboardFigures(question(other, ws), CODE, load);
    expect(answer.view).toEqual(await expectedView(other, ws));
    other.close();
  });

  it('are worked out from the records as given, even when the caller empties its lists meanwhile (the worker does, once it sent them)', async () => {
    const { bundle, prepared } = await checkedBundle();
    const records = { ...bundle.records };
    const figuring = importFigures(records, catalog, TODAY, CODE);
    for (const table of Object.keys(records) as (keyof typeof records)[]) records[table] = [];
    const figures = await figuring;
    expect(figures?.figures.view.risks.open).toBeGreaterThan(0);
    expect(figures?.figures).toEqual(prepared.figures);
  });

  it('on another day: the figures are worked out again, from the digests kept with them; with other code, from every record', async () => {
    const { bundle, prepared } = await checkedBundle();
    const other = await otherBrowser();
    const ws = await applyImport(await planImport(bundle, { kind: 'new' }), new Map(), prepared);
    const nextDay = await readDashboardDirect(other.name, ws.id, await dashboardInputs(question(other, ws, '2025-07-01'), CODE));
    expect('digests' in nextDay && nextDay.changed.size).toBe(0);
    const otherCode = await readDashboardDirect(other.name, ws.id, await dashboardInputs(question(other, ws), 'another build'));
    expect('records' in otherCode && !('digests' in otherCode) && otherCode.records.risks.length).toBe(150);
    expect((await dashboardFigures(question(other, ws, '2025-07-01'), CODE, load)).view).toEqual(await expectedView(other, ws, '2025-07-01'));
    other.close();
  });

  it('not kept when records get new ids (the same browser): the dashboard reads every record', async () => {
    const { db, bundle, prepared } = await checkedBundle();
    const plan = await planImport(bundle, { kind: 'new' });
    expect(plan.asRead).toBe(false);
    const ws = await applyImport(plan, new Map(), prepared);
    expect(await db.cache.get(`dashboard:${ws.id}`)).toBeUndefined();
    expect(await db.cache.get(`digests:${ws.id}`)).toBeUndefined();
    const read = await readDashboardDirect(db.name, ws.id, await dashboardInputs(question(db, ws), CODE));
    expect('records' in read).toBe(true);
    expect((await dashboardFigures(question(db, ws), CODE, load)).view).toEqual(await expectedView(db, ws));
  });

  it('a workspace the bundle replaces holds exactly its records: they are kept, and are its figures', async () => {
    const { bundle, prepared } = await checkedBundle();
    const other = await otherBrowser();
    const first = await applyImport(await planImport(bundle, { kind: 'new' }));
    await saveRisk((await other.risks.where('workspaceId').equals(first.id).first())!.id, { status: 'closed' });
    const plan = await planImport(bundle, { kind: 'replace', targetId: first.id });
    expect(plan.asRead).toBe(true);
    const ws = await applyImport(plan, new Map(), prepared);
    const read = await readDashboardDirect(other.name, ws.id, await dashboardInputs(question(other, ws), CODE));
    if (!('kept' in read)) throw new Error('the figures were not kept');
    expect(read.kept).toEqual(await expectedView(other, ws));
    other.close();
  });

  it('not kept by a merge: the workspace holds more than the bundle', async () => {
    const { db, bundle, prepared } = await checkedBundle();
    const target = (await db.workspaces.toArray())[0]!;
    const plan = await planImport(bundle, { kind: 'merge', targetId: target.id });
    expect(plan.asRead).toBe(false);
    await applyImport(plan, new Map(), prepared);
    expect(await db.cache.get(`digests:${target.id}`)).toBeUndefined();
  });
});
