import { beforeEach, describe, expect, it } from 'vitest';
import { observe } from '../../src/db/observe';
import { createRisk, listRisksAlone, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Risk } from '../../src/domain/risk-schema';
import { freshDatabase } from '../support/db';

let ws: string;
beforeEach(async () => {
  await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value.id;
});

describe('a register list kept live', () => {
  it('reads in its own transaction (no copy from the live-query cache) and still follows every create and edit', async () => {
    const seen: Risk[][] = [];
    const sub = observe(
      () => listRisksAlone(ws),
      (v) => seen.push(v),
      (e) => {
        throw e;
      },
    );
    const until = async (ok: (last: Risk[]) => boolean) => {
      for (let i = 0; i < 200 && !ok(seen.at(-1) ?? []); i++) await new Promise((r) => setTimeout(r, 5));
      return seen.at(-1) ?? [];
    };
    try {
      expect(await until(() => seen.length > 0)).toEqual([]);
      const created = await createRisk(ws, 'Drift');
      if (!created.ok) throw new Error(created.code);
      expect((await until((l) => l.length === 1)).map((r) => r.title)).toEqual(['Drift']);
      await saveRisk(created.value.id, { title: 'Model drift' });
      expect((await until((l) => l[0]?.title === 'Model drift')).map((r) => r.title)).toEqual(['Model drift']);
    } finally {
      sub.unsubscribe();
    }
  });
});
