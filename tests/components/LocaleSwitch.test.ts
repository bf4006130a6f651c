// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale, t } from '../../src/i18n/i18n';
import AddRecordForm from '../../src/ui/AddRecordForm.svelte';
import { FieldErrors } from '../../src/ui/field-errors.svelte';
import LocaleHarness from './LocaleHarness.svelte';

afterEach(async () => {
  cleanup();
  await setLocale('en', { remember: false });
});

/** Chooses a language in the header's select as a person does: the select has the keyboard. */
async function choose(select: HTMLSelectElement, value: string, heading: string) {
  select.value = value;
  await fireEvent.change(select);
  await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading), { timeout: 10_000 });
}

describe('switching the language in place', () => {
  it('rewords the page and its field error, and keeps the typed text and the focused select (the same elements)', async () => {
    const errors = new FieldErrors();
    render(LocaleHarness, { errors });
    errors.check({ title: '' }, [{ code: 'required', field: 'title' }], [{ key: 'title', label: 'risk.title' }]);
    const input = screen.getByLabelText('Title of the new risk') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Half-typed risk title' } });
    const select = screen.getByLabelText('Language / 语言') as HTMLSelectElement;
    select.focus();
    const englishError = screen.getByRole('alert').textContent;

    await choose(select, 'zh-CN', 'AI风险登记册');
    expect(screen.getByLabelText('新风险的标题')).toBe(input);
    expect(input.value).toBe('Half-typed risk title');
    expect(document.activeElement).toBe(select);
    expect(screen.getByRole('alert').textContent).not.toBe(englishError);
    expect(screen.getByRole('alert').textContent).toBe('请输入标题。');

    await choose(select, 'en', 'AI risk register');
    expect(screen.getByLabelText('Title of the new risk')).toBe(input);
    expect(input.value).toBe('Half-typed risk title');
    expect(document.activeElement).toBe(select);
    expect(screen.getByRole('alert').textContent).toBe(englishError);
  }, 30_000);
});

describe('a refused new record after a language switch', () => {
  it('words its problem in the language shown now', async () => {
    // The app state installs the signal that t() reads (see locale-signal.svelte.ts).
    await import('../../src/state/app.svelte');
    render(AddRecordForm, {
      id: 'new-risk',
      label: 'Title of the new risk',
      buttonLabel: 'Add risk',
      create: async () => () => t('validation.title-required'),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Add risk' }));
    await vi.waitFor(() => expect(screen.getByRole('link', { name: 'Enter a title.' })).toBeTruthy());

    await setLocale('zh-CN', { remember: false });
    await vi.waitFor(() => expect(screen.getByRole('link', { name: '请输入标题。' })).toBeTruthy());
    expect(document.getElementById('new-risk-error')?.textContent).toBe('请输入标题。');
  });
});
