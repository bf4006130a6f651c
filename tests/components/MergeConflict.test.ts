// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ConflictField } from '../../src/domain/merge-fields';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import type { Conflict } from '../../src/state/bundles';
import { namingContext } from '../../src/state/import-names';
import MergeConflict from '../../src/ui/MergeConflict.svelte';
import { conflictView } from '../../src/ui/merge-view';
import { shippedCatalog } from '../support/catalog';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const SYSTEM = '3f1c2d4e-0000-4000-8000-000000000001';
const OTHER_SYSTEM = '3f1c2d4e-0000-4000-8000-000000000002';
const RISK = '3f1c2d4e-0000-4000-8000-000000000003';
const catalog = shippedCatalog();
const systems = [
  { id: SYSTEM, name: 'TalentSift' },
  { id: OTHER_SYSTEM, name: 'ChatDesk' },
];
const sources = [
  new Map<string, Record<string, unknown>[]>([
    ['aiSystems', systems],
    ['risks', [{ id: RISK, ref: 'R-002', title: 'Resume model discriminates' }]],
  ]),
];
const contexts = { mine: namingContext(sources, catalog, presetMatrix(DEFAULT_PRESET)), theirs: namingContext(sources, catalog, presetMatrix(DEFAULT_PRESET)) };

const field = (name: string, preferred: 'mine' | 'theirs', base: unknown = undefined): ConflictField => ({
  field: name,
  keys: [name],
  base: base === undefined ? null : { value: base },
  preferred,
});

function riskConflict(): Conflict {
  const mine = {
    id: RISK,
    workspaceId: 'w',
    ref: 'R-002',
    title: 'Resume model discriminates',
    status: 'treating',
    inherentLikelihood: 2,
    aiSystemIds: [SYSTEM],
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
  const theirs = {
    ...mine,
    title: 'Résumé model discriminates by age',
    status: 'assessed',
    inherentLikelihood: 3,
    aiSystemIds: [SYSTEM, OTHER_SYSTEM],
    updatedAt: '2026-12-02T10:00:00.000Z',
  };
  return {
    key: `risks:${RISK}`,
    table: 'risks',
    id: RISK,
    label: 'R-002',
    mine,
    theirs,
    fields: [
      field('title', 'theirs', 'Resume model discriminates'),
      field('status', 'theirs'),
      field('inherentLikelihood', 'theirs'),
      field('aiSystemIds', 'mine', [SYSTEM]),
    ],
  };
}

function setup(c: Conflict, choice: Record<string, 'mine' | 'theirs'> = {}) {
  const handlers = { onpick: vi.fn(), onall: vi.fn() };
  render(MergeConflict, { view: conflictView(c, contexts), index: 0, choice, ...handlers });
  return handlers;
}

describe('MergeConflict', () => {
  it('is a group named by the register and record, with one row per differing field, every value as the app shows it', () => {
    setup(riskConflict());
    const group = screen.getByRole('group', { name: 'Risk register: R-002 Resume model discriminates' });
    const table = within(group).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Field', 'At the last exchange', 'Mine (this browser)', 'Theirs (the bundle)']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Title', 'Status', 'Inherent likelihood', 'AI systems affected']);
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Status').textContent).toContain('Being treated');
    expect(row('Status').textContent).toContain('not known');
    expect(row('Inherent likelihood').textContent).toContain('3 Possible');
    expect(row('Inherent likelihood').textContent).toContain('4 Likely');
    expect(row('AI systems affected').textContent).toContain('TalentSift and ChatDesk');
    expect(row('Title').textContent).toContain('Résumé model discriminates by age');
    expect(group.textContent).not.toMatch(UUID);
    expect(group.textContent).not.toMatch(/treating|assessed|[{[]"/);
  });

  it('a radio pair per field, named by the field and side, starts on the default side and reports a pick; buttons choose the whole record', async () => {
    const { onpick, onall } = setup(riskConflict());
    expect((screen.getByRole('radio', { name: 'Title: take theirs' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'AI systems affected: keep mine' }) as HTMLInputElement).checked).toBe(true);
    const described = screen.getByRole('radio', { name: 'Title: keep mine' }).getAttribute('aria-describedby')!;
    expect(document.getElementById(described)?.textContent?.trim()).toBe('Resume model discriminates');
    await fireEvent.click(screen.getByRole('radio', { name: 'Title: keep mine' }));
    expect(onpick).toHaveBeenCalledWith('title', 'mine');
    await fireEvent.click(screen.getByRole('button', { name: 'Take all theirs for Risk register: R-002 Resume model discriminates' }));
    expect(onall).toHaveBeenCalledWith('theirs');
    expect(screen.getByTestId('merge-tally').textContent).toBe('Fields kept from mine: 1; taken from theirs: 3');
  });

  it('summarises nested rows row by row for what taking theirs changes', () => {
    const mine = {
      id: 'ia-1',
      workspaceId: 'w',
      aiSystemId: SYSTEM,
      version: 2,
      impacts: [{ id: 'i1', area: 'fairness', severity: 'major', description: 'Older applicants refused', riskId: null }],
    };
    const theirs = { ...mine, impacts: [{ ...mine.impacts[0]!, severity: 'severe', riskId: RISK }] };
    setup({ key: 'impactAssessments:ia-1', table: 'impactAssessments', id: 'ia-1', label: 'v2', mine, theirs, fields: [field('impacts', 'theirs')] });
    const group = screen.getByRole('group', { name: /TalentSift, version 2$/ });
    expect(group.textContent).toContain('Major → Severe');
    expect(group.textContent).toContain('R-002 Resume model discriminates');
    expect(group.textContent).not.toMatch(UUID);
  });
});
