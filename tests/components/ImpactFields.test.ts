// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { blankImpact, conclusionFields, impactFields, signOffFields } from '../../src/domain/impact-assessment-schema';
import ImpactFields from '../../src/ui/ImpactFields.svelte';

const values = { residualSummary: 'Low after mitigation', conclusion: '', decision: 'proceed-with-conditions', conditions: 'Human review of every rejection' };

describe('ImpactFields, editable', () => {
  it('renders one labelled input per declared field, ids from the prefix, with the stored values', () => {
    render(ImpactFields, { fields: conclusionFields, values, idPrefix: 'ia-conclusion', readonly: false, onchange: vi.fn() });
    expect((screen.getByRole('textbox', { name: 'Residual assessment' }) as HTMLTextAreaElement).value).toBe('Low after mitigation');
    const decision = screen.getByRole('combobox', { name: 'Decision' }) as HTMLSelectElement;
    expect(decision.value).toBe('proceed-with-conditions');
    expect(decision.id).toBe('ia-conclusion-decision');
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
  });

  it('reports changes with the field key', async () => {
    const onchange = vi.fn();
    render(ImpactFields, { fields: conclusionFields, values, idPrefix: 'c', readonly: false, onchange });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Overall conclusion' }), { target: { value: 'Go' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Decision' }), { target: { value: '' } });
    expect(onchange.mock.calls).toEqual([
      ['conclusion', 'Go'],
      ['decision', null],
    ]);
  });

  it('shows an error on the field it names, as an alert that describes the input', () => {
    render(ImpactFields, {
      fields: signOffFields,
      values: { approver: '' },
      idPrefix: 's',
      readonly: false,
      errors: { approver: 'Enter who approves this version.' },
      onchange: vi.fn(),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Enter who approves this version.');
    const approver = screen.getByRole('textbox', { name: 'Approver' });
    expect(approver.getAttribute('aria-invalid')).toBe('true');
    expect(approver.getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.getByRole('textbox', { name: 'Assessor' }).hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('ImpactFields, read-only', () => {
  it('renders values as text with no form controls: options and dates translated, blanks marked', () => {
    const { container } = render(ImpactFields, {
      fields: [...conclusionFields, ...signOffFields],
      values: { ...values, approver: 'Carla', approvedOn: '2025-03-10', assessedOn: null },
      idPrefix: 'r',
      readonly: true,
    });
    expect(container.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    const byField = (key: string) => container.querySelector(`dd[data-field="${key}"]`)?.textContent;
    expect(byField('decision')).toBe('Proceed with conditions');
    expect(byField('conditions')).toBe('Human review of every rejection');
    expect(byField('approver')).toBe('Carla');
    expect(byField('approvedOn')).toMatch(/2025/);
    expect(byField('approvedOn')).not.toBe('2025-03-10');
    expect(byField('conclusion')).toBe('Not recorded');
    expect(byField('assessedOn')).toBe('Not recorded');
    // Each value sits under its label.
    const term = screen.getByText('Conditions');
    expect(term.tagName).toBe('DT');
    expect(within(term.parentElement!).getByText('Human review of every rejection').tagName).toBe('DD');
  });

  it('translates the enum values of an impact', () => {
    const impact = { ...blankImpact('i1'), area: 'privacy' as const, severity: 'major' as const, scale: 'population' as const };
    const { container } = render(ImpactFields, { fields: impactFields, values: impact, idPrefix: 'i', readonly: true });
    const byField = (key: string) => container.querySelector(`dd[data-field="${key}"]`)?.textContent;
    expect([byField('area'), byField('severity'), byField('scale'), byField('likelihood')]).toEqual(['Privacy', 'Major', 'A whole population', 'Not recorded']);
  });
});
