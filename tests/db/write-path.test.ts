import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { applyImport, planImport } from '../../src/db/bundle-write';
import { StorageFullError } from '../../src/db/errors';
import { listRecordHistory } from '../../src/db/history-repo';
import { createRisk, deleteRisk, saveRisk } from '../../src/db/risks-repo';
import { listTrash, restoreFromTrash } from '../../src/db/trash-repo';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { HistoryAction } from '../../src/domain/history';
import type { Risk } from '../../src/domain/risk-schema';
import { parseBundle } from '../../src/io/bundle/bundle-import';
import { mappingPlan } from '../../src/io/mapping/mapping';
import type { RowWrite, WorkbookPlan } from '../../src/io/sheets/workbook-import';
import { catalog, dump, exportBundle } from '../support/bundles';
import { freshDatabase } from '../support/db';

/**
 * Every entrance that writes registers goes through the one write path: whichever it is, an
 * invalid record is refused with the database exactly as before, a write leaves its history
 * entry, and a quota failure is a StorageFullError with nothing written.
 */

let db: AimsDatabase;
let risk: Risk;

beforeEach(async () => {
  db = await freshDatabase();
  const ws = await createWorkspace('Acme', '1.0.0');
  if (!ws.ok) throw new Error(ws.code);
  const r = await createRisk(ws.value.id, 'Model drift');
  if (!r.ok) throw new Error(r.code);
  risk = r.value;
});
afterEach(() => vi.restoreAllMocks());

const workbook = (writes: RowWrite[]): WorkbookPlan => ({ parts: [], changes: [], writes, rowsWithErrors: 0, ignoredSheets: [], names: {} });
const mapped = (patch: Record<string, unknown>) =>
  mappingPlan(
    { writes: [{ sheet: 'risks', row: 2, id: null, patch: { title: 'Mapped risk', ...patch } }], problems: [], rowsWithProblems: 0, skipped: [] },
    'risks',
    'Register',
  );

async function bundlePlan() {
  const sent = await exportBundle(risk.workspaceId);
  const parsed = await parseBundle(sent.bytes, 'acme.aims.zip', catalog);
  if (!parsed.ok) throw new Error('bundle invalid');
  return planImport(parsed.bundle, { kind: 'new' });
}

async function trashed(): Promise<string> {
  await deleteRisk(risk.id);
  return (await listTrash(risk.workspaceId))[0]!.id;
}

interface Entrance {
  name: string;
  /** What the entrance needs first (the restore: a deleted risk); its result goes to the others. */
  setup?: () => Promise<string>;
  /** A valid write; returns the id of a record it wrote and the history action it should leave. */
  valid: (ctx: string) => Promise<{ id: string; action: HistoryAction }>;
  /** Makes the write invalid, where that is stored data (a damaged trash entry). */
  damage?: (ctx: string) => Promise<void>;
  /** The same entrance with a record its register does not take (a likelihood off the scale). */
  invalid: (ctx: string) => Promise<unknown>;
}

const entrances: Entrance[] = [
  {
    name: 'repository update',
    valid: async () => (await saveRisk(risk.id, { title: 'Renamed' }), { id: risk.id, action: 'update' }),
    invalid: () => saveRisk(risk.id, { inherentLikelihood: 99 } as never),
  },
  {
    name: 'bundle import',
    valid: async () => ({ id: (await applyImport(await bundlePlan())).id, action: 'import' }),
    invalid: async () => {
      const plan = await bundlePlan();
      const rows = plan.writes.get('risks')!;
      rows[0] = { ...rows[0]!, inherentLikelihood: 99 };
      return applyImport(plan);
    },
  },
  {
    name: 'workbook import',
    valid: async () => (
      await applyWorkbookPlan(risk.workspaceId, workbook([{ sheet: 'risks', row: 2, id: risk.id, patch: { title: 'From the workbook' } }])),
      { id: risk.id, action: 'import' }
    ),
    invalid: () => applyWorkbookPlan(risk.workspaceId, workbook([{ sheet: 'risks', row: 2, id: risk.id, patch: { inherentLikelihood: 99 } }])),
  },
  {
    name: 'mapping wizard commit',
    valid: async () => {
      await applyWorkbookPlan(risk.workspaceId, mapped({}));
      const created = (await db.risks.toArray()).find((r) => r.title === 'Mapped risk')!;
      return { id: created.id, action: 'import' };
    },
    invalid: () => applyWorkbookPlan(risk.workspaceId, mapped({ inherentLikelihood: 99 })),
  },
  {
    name: 'trash restore',
    setup: trashed,
    valid: async (id) => {
      const r = await restoreFromTrash(id);
      if (!r.ok) throw new Error(r.code);
      return { id: risk.id, action: 'restore' };
    },
    // A trash entry damaged since (another version, a hand-edited store): its risk is off the scale.
    damage: async (id) => {
      const entry = (await db.trash.get(id))!;
      await db.trash.put({ ...entry, rows: [{ table: 'risks', row: { ...entry.rows[0]!.row, inherentLikelihood: 99 } }] });
    },
    invalid: (id) => restoreFromTrash(id),
  },
];

/** Makes every history write fail as a full disk does: each entrance writes history with its change. */
function quotaOnHistory() {
  const proto = Object.getPrototypeOf(db.history) as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const method of ['add', 'put', 'bulkAdd', 'bulkPut']) {
    const original = proto[method]!;
    vi.spyOn(proto, method as never).mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'history') return Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
      return original.apply(this, args);
    } as never);
  }
}

describe.each(entrances)('$name goes through the write path', (entrance) => {
  it('refuses an invalid record and leaves the database exactly as before', async () => {
    const ctx = (await entrance.setup?.()) ?? '';
    await entrance.damage?.(ctx);
    const before = await dump(db);
    const refused = await entrance.invalid(ctx).then(
      (r) => r,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(await dump(db)).toEqual(before);
  });

  it('records the write in the history', async () => {
    const { id, action } = await entrance.valid((await entrance.setup?.()) ?? '');
    const entries = await listRecordHistory(id);
    expect(entries[0]?.action).toBe(action);
  });

  it('turns a quota failure into StorageFullError and writes nothing', async () => {
    const ctx = (await entrance.setup?.()) ?? '';
    const before = await dump(db);
    quotaOnHistory();
    const err = await entrance.valid(ctx).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(err).toBeInstanceOf(StorageFullError);
    expect(await dump(db)).toEqual(before);
  });
});
