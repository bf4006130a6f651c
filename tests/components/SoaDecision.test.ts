// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { blankAssessment, type Assessment, type AssessmentPatch } from '../../src/domain/assessment-schema';
import SoaDecision from '../../src/ui/SoaDecision.svelte';

const NOW = '2025-01-15T10:00:00.000Z';

function answer(patch: AssessmentPatch = {}): Assessment {
  return { ...blankAssessment('ws-1', 'A.2.2', 'as-1', NOW), ...patch };
}

function setup(a: Assessment | undefined) {
  const save = vi.fn<(patch: AssessmentPatch) => void>();
  const result = render(SoaDecision, { itemId: 'A.2.2', answer: a, save, idPrefix: 'soa-A.2.2' });
  return { save, ...result };
}

function radio(name: string): HTMLInputElement {
  const group = screen.getByRole('group', { name: 'Applicable?' });
  return within(group).getByRole('radio', { name }) as HTMLInputElement;
}

function flags(): string[] {
  const list = screen.getByRole('list', { name: 'Needs attention' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent?.trim() ?? '');
}

describe('SoaDecision', () => {
  it('without an answer offers Yes / No / Not decided with "Not decided" checked, and flags all three gaps', () => {
    setup(undefined);
    const group = screen.getByRole('group', { name: 'Applicable?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent?.trim()),
    ).toEqual(['Yes', 'No', 'Not decided']);
    expect(radio('Not decided').checked).toBe(true);
    expect(radio('Yes').checked).toBe(false);
    expect(radio('No').checked).toBe(false);
    expect(flags()).toEqual(['Applicability not decided', 'Justification category missing', 'Justification text missing']);
  });

  it('names the section after the control', () => {
    setup(undefined);
    expect(screen.getByRole('group', { name: /A\.2\.2$/ })).toBeTruthy();
  });

  it('shows the same flags for a blank assessment', () => {
    setup(answer());
    expect(radio('Not decided').checked).toBe(true);
    expect(flags()).toEqual(['Applicability not decided', 'Justification category missing', 'Justification text missing']);
  });

  it('choosing "No" saves applicable: false', async () => {
    const { save } = setup(answer());
    await fireEvent.click(radio('No'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ applicable: false });
  });

  it('choosing "Yes" saves applicable: true', async () => {
    const { save } = setup(undefined);
    await fireEvent.click(radio('Yes'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ applicable: true });
  });

  it('choosing "Not decided" on an excluded control saves applicable: null', async () => {
    const { save } = setup(answer({ applicable: false }));
    expect(radio('No').checked).toBe(true);
    await fireEvent.click(radio('Not decided'));
    expect(save).toHaveBeenCalledWith({ applicable: null });
  });

  it('a complete answer shows its decision and no flag list', () => {
    setup(answer({ applicable: true, justificationCategory: 'risk-treatment', justification: 'Treats risk R-12.' }));
    expect(radio('Yes').checked).toBe(true);
    expect(screen.queryByRole('list', { name: 'Needs attention' })).toBeNull();
    expect(screen.queryByText('Applicability not decided')).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Justification category' }) as HTMLSelectElement).value).toBe('risk-treatment');
    expect((screen.getByRole('textbox', { name: 'Justification' }) as HTMLTextAreaElement).value).toBe('Treats risk R-12.');
  });

  it('flags only what is still missing', () => {
    setup(answer({ applicable: false, justificationCategory: 'other', justification: '   ' }));
    expect(flags()).toEqual(['Justification text missing']);
  });

  it('the flags go away when the answer is completed', async () => {
    const { rerender } = setup(answer({ applicable: true }));
    expect(flags()).toEqual(['Justification category missing', 'Justification text missing']);
    await rerender({ answer: answer({ applicable: true, justificationCategory: 'contractual', justification: 'Customer contract §4' }) });
    expect(screen.queryByRole('list', { name: 'Needs attention' })).toBeNull();
  });

  it('saves the justification category, text and implementation as separate patches', async () => {
    const { save } = setup(answer({ applicable: true, justificationCategory: 'legal-regulatory' }));
    await fireEvent.change(screen.getByRole('combobox', { name: 'Justification category' }), { target: { value: 'risk-treatment' } });
    expect(save).toHaveBeenLastCalledWith({ justificationCategory: 'risk-treatment' });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Justification category' }), { target: { value: '' } });
    expect(save).toHaveBeenLastCalledWith({ justificationCategory: null });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Justification' }), { target: { value: 'Required by law' } });
    expect(save).toHaveBeenLastCalledWith({ justification: 'Required by law' });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Where and how it is implemented' }), { target: { value: 'ISMS wiki' } });
    expect(save).toHaveBeenLastCalledWith({ implementation: 'ISMS wiki' });
    expect(save).toHaveBeenCalledTimes(4);
  });
});
