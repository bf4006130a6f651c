import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/domain/history';
import { defineRegister, field } from '../../src/domain/register';
import { riskStatuses } from '../../src/domain/risk-schema';
import { reportOf } from '../../src/io/report/context';
import { recordCards } from '../../src/io/report/fields';
import { registerSheet } from '../../src/io/sheets/sheet-register-columns';
import { rowOf, type SheetContext } from '../../src/io/sheets/sheet-registers';
import { fieldChangeLines } from '../../src/ui/history-text';
import { registerColumns } from '../../src/ui/register-columns';
import { segments } from '../../src/ui/register-section';
import { cellChangeLine } from '../../src/ui/sheet-changes';
import type { ValueContext } from '../../src/ui/value-text';
import { makeAiSystem, makeWorkspace } from '../support/factories';
import { reportInput, visibleText } from '../support/report';

/**
 * A register nobody ships, declared here and nowhere else: the generic pieces (schema, editor
 * sections, list columns, sheet columns and their import, history text, import preview text and
 * the report's record cards) show it correctly from its declaration alone.
 */
const supplierRegister = defineRegister({
  table: 'suppliers',
  fields: {
    name: field.text('ai.name', 'Name', { required: true, section: 'main' }),
    notes: field.long('ai.description', 'Notes', { section: 'main' }),
    status: field.choice('risk.status', 'Status', riskStatuses, 'risk.statusValue', 'identified', { section: 'main' }),
    systems: field.refs('risk.aiSystems', 'AI systems', 'aiSystems', 50, { section: 'main', short: 'risks.col.systems' }),
    likelihood: field.rating('history.field.inherentLikelihood', 'Likelihood', 'probability', { section: 'rating' }),
    impact: field.rating('history.field.inherentImpact', 'Impact', 'impact', { section: 'rating' }),
    reviewOn: field.date('risk.nextReview', 'Next review', { section: 'main' }),
  },
  list: ['name', 'status', 'systems', 'likelihood', 'reviewOn'],
});

const workspace = makeWorkspace({ name: 'Acme AI' });
const system = makeAiSystem(workspace.id, { name: 'Claims triage' });
const matrix = workspace.riskMatrix;
const ctx: ValueContext & { matrix: typeof matrix } = {
  matrix,
  nameOf: (target, id) => (target === 'aiSystems' && id === system.id ? system.name : undefined),
};
const base = { id: 'sup-1', workspaceId: workspace.id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const before = supplierRegister.schema.parse({ ...supplierRegister.blank(), ...base, name: 'Acme Data' });
const after = supplierRegister.schema.parse({ ...before, status: 'treating', systems: [system.id], likelihood: 3, impact: 1, reviewOn: '2026-03-31' });

describe('a register declared once, and nothing else', () => {
  it('has a schema and a blank record from its declaration, refusing what its fields refuse', () => {
    expect(before.status).toBe('identified');
    expect(supplierRegister.schema.safeParse({ ...before, name: ' ' }).success).toBe(false);
    expect(supplierRegister.schema.safeParse({ ...before, status: 'maybe' }).success).toBe(false);
    expect(supplierRegister.schema.safeParse({ ...before, extra: 1 }).success).toBe(false);
  });

  it('gets an editor: plain fields, a picker for its references, one rating for its likelihood and impact', () => {
    expect(segments(supplierRegister.section('main')).map((s) => [s.kind, s.key])).toEqual([
      ['plain', 'name'],
      ['refs', 'systems'],
      ['plain', 'reviewOn'],
    ]);
    expect(segments(supplierRegister.section('rating'))).toEqual([{ kind: 'rating', key: 'likelihood', likelihood: 'likelihood', impact: 'impact' }]);
  });

  it('gets list columns worded as the user knows the values', () => {
    const cols = registerColumns<typeof after>(supplierRegister, ctx);
    expect(cols.map((c) => c.label)).toEqual(['Name', 'Status', 'AI systems', 'Inherent likelihood', 'Next review']);
    expect(cols.map((c) => c.text(after))).toEqual([
      'Acme Data',
      'Being treated',
      'Claims triage',
      `4 ${matrix.probability[3]!.name}`,
      expect.stringMatching(/2026/),
    ]);
  });

  it('gets sheet columns that write labels and level names and read them back', () => {
    const sheet = registerSheet(supplierRegister, 'suppliers', 'Suppliers');
    expect(sheet.columns.map((c) => c.header)).toEqual(['Name', 'Notes', 'Status', 'AI systems', 'Likelihood', 'Impact', 'Next review']);
    const sheetCtx = {
      matrix,
      systems: { byId: new Map([[system.id, system.name]]), byName: new Map([[system.name.toLowerCase(), system.id]]) },
    } as unknown as SheetContext;
    const row = rowOf(sheet, after as Record<string, unknown>, sheetCtx);
    expect(row.slice(0, 6)).toEqual(['sup-1', 'Acme Data', '', 'Being treated', 'Claims triage', matrix.probability[3]!.name]);
    // Typed back as a person would: every column's cell gives the stored value again.
    const patch = Object.assign(
      {},
      ...sheet.columns.map((c, i) => {
        const r = c.set!(row[i + 1]!, sheetCtx, after as Record<string, unknown>);
        if (!r.ok) throw new Error(`${c.header}: ${JSON.stringify(r)}`);
        return r.value;
      }),
    );
    expect(patch).toEqual({ name: 'Acme Data', notes: '', status: 'treating', systems: [system.id], likelihood: 3, impact: 1, reviewOn: '2026-03-31' });
    const typed = sheet.columns.find((c) => c.header === 'Likelihood')!.set!(
      matrix.probability[4]!.name.toUpperCase(),
      sheetCtx,
      after as Record<string, unknown>,
    );
    expect(typed).toEqual({ ok: true, value: { likelihood: 4 } });
  });

  it('gets history lines in the user language: labels, level names counted from 1, names, no ids', () => {
    const changes = diffRecords(before as Record<string, unknown>, after as Record<string, unknown>);
    const lines = fieldChangeLines((key) => supplierRegister.valueFields.find((f) => f.key === key), changes, ctx);
    expect(lines).toContain('Status: Identified → Being treated');
    expect(lines).toContain(`AI systems affected: (empty) → Claims triage`);
    expect(lines).toContain(`Inherent likelihood: (empty) → 4 ${matrix.probability[3]!.name}`);
    expect(lines.join('\n')).not.toContain(system.id);
  });

  it('gets an import preview worded the same way', () => {
    const status = supplierRegister.valueFields.find((f) => f.key === 'status');
    expect(cellChangeLine(status, { id: 'sup-1', column: 'Status', from: 'identified', to: 'treating' }, ctx)).toBe('Status: Identified → Being treated');
    const impact = supplierRegister.valueFields.find((f) => f.key === 'impact');
    expect(cellChangeLine(impact, { id: 'sup-1', column: 'Impact', from: null, to: 1 }, ctx)).toContain(`2 ${matrix.impact[1]!.name}`);
  });

  it('gets report cards with every declared field worded, never an id', () => {
    const report = reportOf(reportInput({ workspace, aiSystems: [system] }));
    const html = recordCards(report, 'Suppliers', supplierRegister.valueFields, [{ title: after.name, record: after }], 'data/suppliers.json').value;
    const text = visibleText(html);
    expect(text).toContain('Being treated');
    expect(text).toContain('Claims triage');
    expect(text).toContain(`4 ${matrix.probability[3]!.name}`);
    expect(text).not.toContain(system.id);
  });
});
