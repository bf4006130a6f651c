import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { deleteMapping, getMapping, listMappings, saveMapping } from '../../src/db/mappings-repo';
import { listRisks } from '../../src/db/risks-repo';
import { applyWorkbookPlan } from '../../src/db/workbook-write';
import { createWorkspace, setLastWorkspaceId } from '../../src/db/workspaces-repo';
import { applyMapping, headerTexts, initialMapping, mappingPlan, withValue } from '../../src/io/mapping/mapping';
import { fromSaved, toSaved, type SavedMapping } from '../../src/io/mapping/mapping-saved';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { freshDatabase } from '../support/db';
import { shippedCatalog } from '../support/catalog';

let db: AimsDatabase;
const T0 = '2026-01-05T09:00:00.000Z';

function mapping(over: Partial<SavedMapping> = {}): SavedMapping {
  return {
    id: crypto.randomUUID(),
    name: '风险登记册 (集团)',
    register: 'risks',
    columns: { 风险名称: 'title', 负责人: 'owner', 可能性: 'inherentLikelihood', 序号: 'ignore' },
    values: { 可能性: { 高: 3, 中: 2, 低: 1, 不适用: null } },
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

beforeEach(async () => {
  db = await freshDatabase();
});

describe('mappings repository', () => {
  it('saves, lists by name, reads back and deletes, with Chinese keys intact', async () => {
    const b = await saveMapping(mapping({ name: 'B register' }));
    const a = await saveMapping(mapping({ name: 'A register', register: 'aiSystems', columns: { 系统名称: 'name' }, values: {} }));
    await setLastWorkspaceId('ws-1');
    expect(await listMappings()).toEqual({ mappings: [a, b], invalid: [] });
    expect(await getMapping(b.id)).toEqual(b);
    expect((await db.settings.get(`mapping:${b.id}`))?.value).toEqual(b);
    await deleteMapping(b.id);
    expect(await getMapping(b.id)).toBeUndefined();
    expect((await listMappings()).mappings).toEqual([a]);
    // Other settings stay where they are.
    expect((await db.settings.get('lastWorkspaceId'))?.value).toBe('ws-1');
  });

  it('replaces a mapping saved again under its id', async () => {
    const first = await saveMapping(mapping());
    await saveMapping({ ...first, columns: { ...first.columns, 影响: 'inherentImpact' }, updatedAt: '2026-02-01T00:00:00.000Z' });
    const { mappings } = await listMappings();
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.columns['影响']).toBe('inherentImpact');
  });

  it('refuses to store an invalid mapping', async () => {
    await expect(saveMapping(mapping({ name: '  ' }))).rejects.toThrow();
    await expect(saveMapping({ ...mapping(), register: 'soa' as never })).rejects.toThrow();
    expect((await listMappings()).mappings).toEqual([]);
  });

  it('validates on read: damaged rows are reported, never used', async () => {
    const good = await saveMapping(mapping());
    await db.settings.bulkPut([
      { key: 'mapping:broken', value: { id: 'broken', name: 'x' } },
      { key: 'mapping:wrong-key', value: mapping({ id: 'other-id' }) },
      { key: 'mapping:levels', value: mapping({ id: 'levels', values: { 可能性: { 高: 99 } } }) },
      { key: 'mapping:nope', value: 'not an object' },
    ]);
    const listed = await listMappings();
    expect(listed.mappings).toEqual([good]);
    expect(listed.invalid.sort()).toEqual(['mapping:broken', 'mapping:levels', 'mapping:nope', 'mapping:wrong-key']);
    expect(await getMapping('broken')).toBeUndefined();
    expect(await getMapping('other-id')).toBeUndefined();
  });
});

describe('a saved mapping reused on the next file', () => {
  it('imports the Chinese CSV into the risk register in one transaction', async () => {
    const created = await createWorkspace('风险工作区', '1.0.0');
    if (!created.ok) throw new Error(created.code);
    const ws = created.value;
    const read = await readWorkbook(new Uint8Array(readFileSync('tests/fixtures/foreign-sheets/risk-register-zh.csv')), 'risk-register-zh.csv');
    if (!read.ok) throw new Error('unreadable');
    const rows = read.sheets[0]!.rows;
    const headers = headerTexts(rows, 0);
    const ctx = {
      sheet: read.sheets[0]!.name,
      workspaceId: ws.id,
      matrix: ws.riskMatrix,
      systems: [],
      controlIds: new Set(shippedCatalog().controls.map((c) => c.id)),
    };

    // First time: map by hand (levels, status, and no AI systems yet), then save.
    let m = initialMapping(rows, 'risks');
    const col = (key: string) => m.columns.indexOf(key);
    const set = (key: string, entries: Record<string, string | number | null>) => {
      m = { ...m, values: m.values.map((v, i) => (i === col(key) ? Object.entries(entries).reduce((acc, [k, val]) => withValue(acc, k, val), v) : v)) };
    };
    set('inherentLikelihood', { 高: 3, 中: 2, 低: 1 });
    set('inherentImpact', { 高: 3, 中: 2, 极高: 4 });
    set('status', { 进行中: 'treating', 已识别: 'identified', 已关闭: 'closed' });
    set('aiSystemIds', { 贷款评分模型: null, 智能客服: null });
    const saved = await saveMapping(toSaved(m, headers, { id: crypto.randomUUID(), name: '集团风险登记册', now: T0 }));

    // Next time: the saved mapping alone gives the same result.
    const again = fromSaved((await getMapping(saved.id))!, headers, 0, [], ctx);
    const result = applyMapping(rows, again, ctx);
    expect(result.problems).toEqual([]);
    expect(await applyWorkbookPlan(ws.id, mappingPlan(result, 'risks', ctx.sheet))).toBe(3);

    const risks = (await listRisks(ws.id)).sort((a, b) => a.ref.localeCompare(b.ref));
    expect(risks.map((r) => [r.ref, r.title, r.owner, r.inherentLikelihood, r.inherentImpact, r.status, r.treatmentDue])).toEqual([
      ['R-001', '贷款评分模型对部分人群存在偏见', '信贷部负责人', 3, 3, 'treating', '2026-03-31'],
      ['R-002', '客服机器人编造费用信息', '客服主管', 2, 2, 'identified', '2026-04-15'],
      ['R-003', '训练数据包含未经授权的个人信息', '数据保护官', 1, 4, 'closed', '2026-05-15'],
    ]);
  });
});
