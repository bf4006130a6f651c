import { describe, expect, it } from 'vitest';
import { cycleKindNames } from '../../src/domain/cycle/kind-names';
import { cycleRecordSchema, cycleRegisters, registerOf, type CycleKind } from '../../src/domain/cycle/registry';
import { en } from '../../src/i18n/messages-en';
import { declarationKeys } from '../support/cycle';
import { shippedCatalog } from '../support/catalog';

describe('management-system registers', () => {
  it('lists the same kinds, in the same order, for the first screen as in the registry', () => {
    expect(cycleRegisters.map((r) => r.kind)).toEqual([...cycleKindNames]);
  });

  it('gives every register its own reference prefix', () => {
    const prefixes = cycleRegisters.map((r) => r.refPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('links new records only to assessable catalog items', () => {
    const catalog = shippedCatalog();
    for (const r of cycleRegisters) {
      expect(r.defaultItems.length, r.kind).toBeGreaterThan(0);
      for (const id of r.defaultItems) expect(catalog.byId.get(id)?.assessable, `${r.kind}: ${id}`).toBe(true);
    }
  });

  it('declares list columns and task dates that exist in the register', () => {
    for (const r of cycleRegisters) {
      const def = registerOf(r.kind as CycleKind);
      const keys = def.fields.map((f) => f.key);
      for (const c of def.listColumns) expect(keys, `${r.kind} list column ${c}`).toContain(c);
      for (const task of def.tasks) {
        const fields = task.rows ? def.rows.find((x) => x.key === task.rows)?.fields : def.fields;
        expect(fields?.find((f) => f.key === task.date)?.kind, `${r.kind} task ${task.date}`).toBe('date');
        if (task.owner) expect(fields?.map((f) => f.key)).toContain(task.owner);
        if (task.title) expect(fields?.map((f) => f.key)).toContain(task.title);
      }
    }
  });

  it('has a message for every label, help text, option and name the declarations use', () => {
    const missing = declarationKeys().filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('accepts each blank record through the union schema and refuses one with an unknown kind', () => {
    for (const r of cycleRegisters) {
      const record = {
        id: 'x',
        workspaceId: 'w',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        kind: r.kind,
        ref: `${r.refPrefix}-001`,
        title: 'T',
        owner: '',
        itemIds: [],
        ...registerOf(r.kind).blank(),
      };
      expect(cycleRecordSchema.safeParse(record).success, r.kind).toBe(true);
      expect(cycleRecordSchema.safeParse({ ...record, unexpected: 1 }).success, `${r.kind} strict`).toBe(false);
    }
    expect(cycleRecordSchema.safeParse({ kind: '__proto__', id: 'x' }).success).toBe(false);
  });
});
