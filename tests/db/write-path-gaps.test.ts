import { beforeEach, describe, expect, it } from 'vitest';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { createCycleRecord } from '../../src/db/cycle-repo';
import type { AimsDatabase } from '../../src/db/database';
import { addLinkEvidence } from '../../src/db/evidence-repo';
import { approveImpactAssessment } from '../../src/db/impact-assessments-repo';
import { createRisk, deleteRisk, getRisk } from '../../src/db/risks-repo';
import { listTrash, restoreFromTrash } from '../../src/db/trash-repo';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { createWorkspace, getWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { parseBundle, type ParsedBundle } from '../../src/io/bundle/bundle-import';
import { confirmImport } from '../../src/state/bundles';
import { catalog, dump, exportBundle } from '../support/bundles';
import { freshDatabase } from '../support/db';
import { readyDraft, value } from '../support/impact-assessments';

/**
 * Rules some entrances skipped before every write went through one write path: each test here
 * failed before it (a record the app's own editor refuses, a change the workspace did not notice).
 */

const OLD = '2020-01-01T00:00:00.000Z';
let db: AimsDatabase;
let ws: Workspace;

beforeEach(async () => {
  db = await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date(OLD));
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

async function sentBack(): Promise<ParsedBundle> {
  const sent = await exportBundle(ws.id, { exportedAt: new Date(Date.now() - 60_000).toISOString() });
  const parsed = await parseBundle(sent.bytes, 'acme.aims.zip', catalog);
  if (!parsed.ok) throw new Error('bundle invalid');
  return parsed.bundle;
}

describe('the workspace notices every change (its updatedAt drives the backup reminder)', () => {
  it('adding evidence moves the workspace’s updatedAt', async () => {
    const r = await addLinkEvidence(ws.id, 'A.2.2', 'AI policy', 'https://intranet.example.com/policy');
    if (!r.ok) throw new Error(r.code);
    expect((await getWorkspace(ws.id))?.updatedAt).not.toBe(OLD);
  });

  it('deleting a risk moves it, and restoring the risk at once puts it back', async () => {
    const risk = value(await createRisk(ws.id, 'Model drift'));
    await db.workspaces.update(ws.id, { updatedAt: OLD });
    await deleteRisk(risk.id);
    const deleted = (await getWorkspace(ws.id))?.updatedAt;
    expect(deleted).not.toBe(OLD);
    expect(value(await restoreFromTrash((await listTrash(ws.id))[0]!.id)).recordId).toBe(risk.id);
    expect((await getWorkspace(ws.id))?.updatedAt).toBe(OLD);
  });
});

describe('a bundle merge passes the registers’ rules, as the editors do', () => {
  it('refuses to change an approved impact-assessment version (frozen), writing nothing', async () => {
    const system = value(await createAiSystem(ws.id, 'Screening model'));
    const approved = value(await approveImpactAssessment((await readyDraft(ws.id, system.id)).draft.id));
    const bundle = await sentBack();
    const rows = bundle.records.impactAssessments as Record<string, unknown>[];
    rows[0] = { ...rows[0], conclusion: 'Rewritten after approval', updatedAt: new Date(Date.now() + 60_000).toISOString() };
    const before = await dump(db);
    const err = await applyImport(await planImport(bundle, { kind: 'merge', targetId: ws.id })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'frozen' });
    expect(await dump(db)).toEqual(before);
    expect((await db.impactAssessments.get(approved.id))?.conclusion).toBe(approved.conclusion);
    // The merge preview says which record and why, in words.
    const said = await confirmImport(await planImport(bundle, { kind: 'merge', targetId: ws.id }), new Map(), catalog);
    const text = said && 'refused' in said ? said.refused.map((f) => f()).join(' ') : '';
    expect(text).toMatch(/Screening model.*approved version of an impact assessment.*Nothing was imported/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('refuses a second scope (one per workspace), writing nothing', async () => {
    value(await createCycleRecord(ws.id, 'scope', 'Our scope'));
    const bundle = await sentBack();
    const rows = bundle.records.cycleRecords as Record<string, unknown>[];
    // The other party started its own scope: another record of the one-per-workspace register.
    rows[0] = { ...rows[0], id: crypto.randomUUID(), title: 'Their scope' };
    const before = await dump(db);
    const err = await applyImport(await planImport(bundle, { kind: 'merge', targetId: ws.id })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'singleton-exists' });
    expect(await dump(db)).toEqual(before);
  });
});

describe('a workbook row passes the register’s fixed fields, as the editor does', () => {
  it('never changes a risk’s ref (its human id, unique in the workspace)', async () => {
    const first = value(await createRisk(ws.id, 'First'));
    const second = value(await createRisk(ws.id, 'Second'));
    const plan = {
      parts: [],
      changes: [],
      rowsWithErrors: 0,
      ignoredSheets: [],
      names: {},
      writes: [{ sheet: 'risks' as const, row: 3, id: second.id, patch: { ref: first.ref, title: 'Second, renamed' } }],
    };
    await applyWorkbookPlan(ws.id, plan);
    expect(await getRisk(second.id)).toMatchObject({ ref: second.ref, title: 'Second, renamed' });
  });
});
