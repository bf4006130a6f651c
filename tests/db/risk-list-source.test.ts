import { beforeEach, describe, expect, it } from 'vitest';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { createWorkspace, saveRiskMatrix } from '../../src/db/workspaces-repo';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { unpackRows } from '../../src/domain/risk-row-pack';
import { RiskListSource, ROWS_PER_MESSAGE, type RiskListReply } from '../../src/state/risk-list-source';
import { freshDatabase } from '../support/db';

let ws: string;
let dbName: string;
beforeEach(async () => {
  dbName = (await freshDatabase()).name;
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value.id;
});

/** The replies of one read, once the last of its rows is there. */
async function replies(source: RiskListSource, got: RiskListReply[], act: () => void): Promise<RiskListReply[]> {
  const start = got.length;
  act();
  for (let i = 0; i < 400; i++) {
    const mine = got.slice(start);
    const begin = mine.find((m) => m.type === 'begin');
    const rows = mine.flatMap((m) => (m.type === 'rows' ? unpackRows(m.rows) : []));
    if (begin?.type === 'begin' && rows.length === begin.fresh) return mine;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no complete read: ${JSON.stringify(got.slice(start).map((m) => m.type))}`);
}

describe('the risk-list worker', () => {
  it('sends the count first, then the rows in messages of a bounded size, then only what changed', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await createRisk(ws, `Risk ${i + 1}`);
      if (!r.ok) throw new Error(r.code);
      ids.push(r.value.id);
    }
    const got: RiskListReply[] = [];
    const source = new RiskListSource((m) => got.push(m));
    const first = await replies(source, got, () => source.handle({ type: 'watch', watch: 1, dbName, workspaceId: ws, locale: 'en' }));
    expect(first.map((m) => m.type)).toEqual(['count', 'begin', 'rows']);
    expect(first[0]).toMatchObject({ type: 'count', total: 5 });
    expect(first.every((m) => m.type !== 'rows' || unpackRows(m.rows).length <= ROWS_PER_MESSAGE)).toBe(true);

    await saveRisk(ids[3]!, { title: 'Renamed' });
    const edit = await replies(source, got, () => source.handle({ type: 'refresh', watch: 1 }));
    expect(edit.map((m) => m.type)).toEqual(['begin', 'rows']);
    const begin = edit[0]!.type === 'begin' ? edit[0] : null;
    expect([...(begin?.from ?? [])]).toEqual([0, 1, 2, -1, 4]);
    const sent = edit[1];
    expect(sent?.type === 'rows' && unpackRows(sent.rows).map((r) => r.title)).toEqual(['Renamed']);

    // Nothing changed: nothing sent. A stale watch's refresh is ignored.
    source.handle({ type: 'refresh', watch: 1 });
    source.handle({ type: 'refresh', watch: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(got.length).toBe(first.length + edit.length);

    // A new matrix rates every risk anew: all rows again.
    await saveRiskMatrix(ws, presetMatrix('3x3'));
    const rerated = await replies(source, got, () => source.handle({ type: 'refresh', watch: 1 }));
    const again = rerated[0];
    expect(again?.type === 'begin' && again.fresh).toBe(5);
  });

  it('says when the workspace is gone', async () => {
    const got: RiskListReply[] = [];
    const source = new RiskListSource((m) => got.push(m));
    source.handle({ type: 'watch', watch: 7, dbName, workspaceId: 'no-such-workspace', locale: 'en' });
    for (let i = 0; i < 100 && !got.some((m) => m.type === 'gone'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(got.map((m) => m.type)).toEqual(['count', 'gone']);
  });
});
