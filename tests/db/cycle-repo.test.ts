import { beforeEach, describe, expect, it } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import {
  addFinding,
  createCycleRecord,
  deleteCycleRecord,
  getCycleRecord,
  listCycleRecords,
  raiseNonconformity,
  saveCycleRecord,
} from '../../src/db/cycle-repo';
import { createWorkspace, deleteWorkspace, duplicateWorkspace } from '../../src/db/workspaces-repo';
import { addFileEvidence, addLinkEvidence, listEvidence } from '../../src/db/evidence-repo';
import type { FieldDef } from '../../src/domain/fields';
import { cycleKinds, registerOf, type CycleKind, type CycleRecord } from '../../src/domain/cycle/registry';
import type { Workspace } from '../../src/domain/workspace-schema';
import { freshDatabase } from '../support/db';

let db: AimsDatabase;
let ws: Workspace;

beforeEach(async () => {
  db = await freshDatabase();
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

async function create(kind: CycleKind, title = `A ${kind}`, extra?: Record<string, unknown>): Promise<CycleRecord> {
  const r = await createCycleRecord(ws.id, kind, title, extra);
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

/** A valid value different from the blank one, for any declared field. */
function changed(field: FieldDef): unknown {
  switch (field.kind) {
    case 'enum':
      return field.options![field.options!.length - 1];
    case 'multi-enum':
      return [field.options![0]];
    case 'date':
      return '2028-02-29';
    case 'number':
      return -12.5;
    case 'textarea':
      return '多行\n“quoted”, =SUM(A1) ; <b>not html</b>';
    default:
      return `Changed ${field.key} 中文`;
  }
}

const field = (r: CycleRecord, key: string) => (r as unknown as Record<string, unknown>)[key];

describe.each(cycleKinds)('the %s register', (kind) => {
  const def = registerOf(kind);

  it('creates a record with the next reference, the default catalog links and every field blank', async () => {
    const first = await create(kind, '  First  ');
    expect(first.kind).toBe(kind);
    expect(first.ref).toBe(`${def.refPrefix}-001`);
    expect(first.title).toBe('First');
    expect(first.itemIds).toEqual([...def.defaultItems]);
    for (const f of def.fields) expect(field(first, f.key), f.key).toEqual(def.blank()[f.key]);
    if (!def.singleton) {
      const second = await create(kind, 'Second');
      expect(second.ref).toBe(`${def.refPrefix}-002`);
      expect((await listCycleRecords(ws.id, kind)).map((r) => r.ref).sort()).toEqual([`${def.refPrefix}-001`, `${def.refPrefix}-002`]);
    }
    expect(await getCycleRecord(first.id)).toEqual(first);
  });

  it('refuses an empty title and writes nothing', async () => {
    const r = await createCycleRecord(ws.id, kind, '   ');
    expect(r).toMatchObject({ ok: false, code: 'name-required' });
    expect(await listCycleRecords(ws.id, kind)).toEqual([]);
  });

  it('saves every declared field and every row list, keeping identity, kind and reference', async () => {
    const record = await create(kind);
    const patch: Record<string, unknown> = Object.fromEntries(def.fields.map((f) => [f.key, changed(f)]));
    for (const rows of def.rows)
      patch[rows.key] = [
        { id: `row-${rows.key}`, ...rows.blank(), ...Object.fromEntries(rows.fields.map((f) => [f.key, f.key === 'itemId' ? 'A.6.2.4' : changed(f)])) },
      ];
    // A nonconformity may only close with its effectiveness check recorded.
    if (kind === 'nonconformity') Object.assign(patch, { effective: 'yes', checkedOn: '2028-03-01', effectivenessCheck: 'Sampled ten cases' });
    const saved = await saveCycleRecord(record.id, { ...patch, kind: 'issue', ref: 'X-999', id: 'other', workspaceId: 'other' });
    expect(saved.ok).toBe(true);
    const stored = (await getCycleRecord(record.id))!;
    for (const [key, value] of Object.entries(patch)) expect(field(stored, key), key).toEqual(value);
    expect(stored).toMatchObject({ id: record.id, workspaceId: ws.id, kind, ref: record.ref, createdAt: record.createdAt });
    expect(stored.updatedAt >= record.updatedAt).toBe(true);
  });

  it('rejects a value its schema does not allow, leaving the record as it was', async () => {
    const record = await create(kind);
    await expect(saveCycleRecord(record.id, { itemIds: ['99.9.9.9'] })).rejects.toThrow();
    const enumField = def.fields.find((f) => f.kind === 'enum');
    if (enumField) await expect(saveCycleRecord(record.id, { [enumField.key]: 'no-such-option' })).rejects.toThrow();
    const dateField = def.fields.find((f) => f.kind === 'date');
    if (dateField) await expect(saveCycleRecord(record.id, { [dateField.key]: '2027-02-30' })).rejects.toThrow();
    expect(await getCycleRecord(record.id)).toEqual(record);
  });

  it('travels with its workspace: duplicated with fresh ids, deleted with it', async () => {
    const record = await create(kind);
    const copy = await duplicateWorkspace(ws.id, 'Copy');
    if (!copy.ok) throw new Error(copy.code);
    const copied = await listCycleRecords(copy.value.id, kind);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe(record.id);
    expect(copied[0]!.ref).toBe(record.ref);
    await deleteWorkspace(ws.id);
    expect(await listCycleRecords(ws.id)).toEqual([]);
    expect(await listCycleRecords(copy.value.id, kind)).toHaveLength(1);
  });
});

describe('links between management-system records', () => {
  it('keeps one scope per workspace', async () => {
    await create('scope', 'AIMS scope');
    expect(await createCycleRecord(ws.id, 'scope', 'Another')).toMatchObject({ ok: false, code: 'singleton-exists' });
  });

  it('gives a review its input topics as starting rows', async () => {
    const review = await create('review');
    const inputs = field(review, 'inputs') as { id: string; topic: string; notes: string }[];
    expect(inputs.map((i) => i.topic)).toEqual([
      'previous-actions',
      'context-changes',
      'party-needs',
      'nonconformities',
      'monitoring',
      'audits',
      'improvement',
    ]);
    expect(new Set(inputs.map((i) => i.id)).size).toBe(inputs.length);
  });

  it('raises a finding from an audit and a nonconformity from the finding, linked both ways', async () => {
    const audit = await create('audit', 'Q1 internal audit');
    const f = await addFinding(audit.id, 'No review of the AI policy');
    if (!f.ok) throw new Error(f.code);
    await saveCycleRecord(f.value.id, { itemIds: ['A.2.4', '9.2.2'], description: 'Policy not reviewed since 2024', type: 'minor' });
    const nc = await raiseNonconformity(f.value.id);
    if (!nc.ok) throw new Error(nc.code);
    expect(nc.value).toMatchObject({
      kind: 'nonconformity',
      source: 'audit-finding',
      sourceId: f.value.id,
      description: 'Policy not reviewed since 2024',
      ref: 'NC-001',
    });
    expect(nc.value.itemIds).toEqual(['A.2.4', '10.2']);
    expect(field(f.value, 'auditId')).toBe(audit.id);
  });

  it('closes a nonconformity only after a successful effectiveness check', async () => {
    const nc = await create('nonconformity');
    expect(await saveCycleRecord(nc.id, { status: 'closed' })).toMatchObject({ ok: false, code: 'effectiveness-required', field: 'status' });
    expect(field((await getCycleRecord(nc.id))!, 'status')).toBe('open');
    await saveCycleRecord(nc.id, { effectivenessCheck: 'Re-audited in June', checkedOn: '2027-06-30', effective: 'no' });
    expect((await saveCycleRecord(nc.id, { status: 'closed' })).ok).toBe(false);
    await saveCycleRecord(nc.id, { effective: 'yes' });
    expect((await saveCycleRecord(nc.id, { status: 'closed' })).ok).toBe(true);
    // A closed nonconformity cannot lose its check afterwards.
    expect((await saveCycleRecord(nc.id, { effective: null })).ok).toBe(false);
  });

  it('clears links to a deleted record and keeps the records that held them', async () => {
    const audit = await create('audit');
    const f = await addFinding(audit.id, 'Finding');
    if (!f.ok) throw new Error(f.code);
    const nc = await raiseNonconformity(f.value.id);
    if (!nc.ok) throw new Error(nc.code);
    await deleteCycleRecord(audit.id);
    expect(field((await getCycleRecord(f.value.id))!, 'auditId')).toBeNull();
    await deleteCycleRecord(f.value.id);
    expect(field((await getCycleRecord(nc.value.id))!, 'sourceId')).toBeNull();
    expect(await listCycleRecords(ws.id)).toHaveLength(1);
  });

  it('links an incident to AI systems of the inventory, and follows them into a duplicated workspace', async () => {
    const s = await createAiSystem(ws.id, 'Chatbot');
    if (!s.ok) throw new Error(s.code);
    const inc = await create('incident', 'Wrong answer', { aiSystemIds: [s.value.id] });
    expect(field(inc, 'aiSystemIds')).toEqual([s.value.id]);
    const copy = await duplicateWorkspace(ws.id, 'Copy');
    if (!copy.ok) throw new Error(copy.code);
    const [copied] = await listCycleRecords(copy.value.id, 'incident');
    const copiedSystems = await db.aiSystems.where('workspaceId').equals(copy.value.id).toArray();
    expect(field(copied!, 'aiSystemIds')).toEqual([copiedSystems[0]!.id]);
  });

  it('attaches files and links to a record, deletes them with it, and keeps the item evidence of others', async () => {
    const doc = await create('document', 'AI policy');
    const file = await addFileEvidence(
      ws.id,
      '5.2',
      'Signed policy',
      { name: 'policy.pdf', type: 'application/pdf', size: 4, blob: new Blob(['%PDF']) },
      doc.id,
    );
    const link = await addLinkEvidence(ws.id, '5.2', 'Intranet page', 'https://intranet.example/ai-policy', doc.id);
    const other = await addLinkEvidence(ws.id, '5.2', 'Board minutes', 'https://intranet.example/board');
    if (!file.ok || !link.ok || !other.ok) throw new Error('evidence not added');
    expect(
      (await listEvidence(ws.id))
        .filter((e) => e.recordId === doc.id)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Intranet page', 'Signed policy']);
    await deleteCycleRecord(doc.id);
    expect((await listEvidence(ws.id)).map((e) => e.title)).toEqual(['Board minutes']);
    expect(await db.evidenceFiles.get(file.value.id)).toBeUndefined();
  });
});
