// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { blankImpact, type Impact } from '../../src/domain/impact-assessment-schema';
import ImpactCard from '../../src/ui/ImpactCard.svelte';

type Link = { riskId: string; ref: string; inVersion?: number } | null;
function setup(impact: Partial<Impact>, extra: { readonly?: boolean; linked?: Link; raise?: { inVersion?: number } | null; error?: string | null } = {}) {
  const handlers = { onchange: vi.fn(), onraise: vi.fn(), onremove: vi.fn() };
  const result = render(ImpactCard, {
    impact: { ...blankImpact('imp-1'), ...impact },
    n: 2,
    ws: 'ws-1',
    readonly: false,
    linked: null,
    raise: {},
    ...handlers,
    ...extra,
  });
  return { ...handlers, ...result };
}

describe('ImpactCard', () => {
  it('is a region named by its heading, with inputs whose ids are unique to the impact', () => {
    setup({ area: 'fairness', description: 'Biased ranking' });
    const card = screen.getByRole('article', { name: 'Impact 2: Fairness and non-discrimination' });
    expect(card).toBeTruthy();
    const description = screen.getByRole('textbox', { name: 'What could happen' }) as HTMLTextAreaElement;
    expect(description.value).toBe('Biased ranking');
    expect(description.id).toBe('impact-imp-1-description');
  });

  it('edits report the field key and value', async () => {
    const { onchange } = setup({});
    await fireEvent.change(screen.getByRole('combobox', { name: 'Severity' }), { target: { value: 'severe' } });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Who exactly' }), { target: { value: 'Tenants' } });
    expect(onchange.mock.calls).toEqual([
      ['severity', 'severe'],
      ['affectedWho', 'Tenants'],
    ]);
  });

  it('offers "Raise as risk" described by the impact heading, and "Remove impact n"', async () => {
    const { onraise, onremove } = setup({});
    const raise = screen.getByRole('button', { name: 'Raise as risk', description: /^Impact 2:/ });
    await fireEvent.click(raise);
    expect(onraise).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove impact 2' }));
    expect(onremove).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows the linked risk as a link instead of the raise button', () => {
    setup({ riskId: 'risk-9' }, { linked: { riskId: 'risk-9', ref: 'R-003' }, raise: null });
    expect(screen.getByText('Linked risk').tagName).toBe('DT');
    const link = screen.getByRole('link', { name: 'R-003' });
    expect(link.getAttribute('href')).toBe('#/w/ws-1/risks/risk-9');
    expect(screen.queryByRole('button', { name: 'Raise as risk' })).toBeNull();
  });

  it('shows neither link nor button while it cannot tell whether the linked risk exists', () => {
    setup({ riskId: 'risk-9' }, { linked: null, raise: null });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Raise as risk' })).toBeNull();
  });

  it('read-only: values as text, no inputs and no remove button; a raise offered there names the draft it goes into', async () => {
    const { container, onraise } = setup({ description: 'Lost income' }, { readonly: true, raise: { inVersion: 3 } });
    expect(container.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(screen.getByText('Lost income').tagName).toBe('DD');
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Raise as risk' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Raise as risk in version 3 (draft)', description: /^Impact 2:/ }));
    expect(onraise).toHaveBeenCalledTimes(1);
  });

  it('a link held by the draft says which version holds it', () => {
    setup({}, { readonly: true, linked: { riskId: 'risk-9', ref: 'R-004', inVersion: 3 }, raise: null });
    expect(screen.getByText('Linked risk (in version 3)').tagName).toBe('DT');
    expect(screen.getByRole('link', { name: 'R-004' }).getAttribute('href')).toBe('#/w/ws-1/risks/risk-9');
    expect(screen.queryByRole('button', { name: /Raise/ })).toBeNull();
  });

  it('shows an error as an alert', () => {
    setup({}, { error: 'This impact is already linked to a risk.' });
    expect(screen.getByRole('alert').textContent).toBe('This impact is already linked to a risk.');
  });
});
