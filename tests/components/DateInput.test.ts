// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessmentFields } from '../../src/domain/assessment-schema';
import { setLocale } from '../../src/i18n/i18n';
import type { EditMeta } from '../../src/state/edit-sessions';
import DateInput from '../../src/ui/DateInput.svelte';
import FieldInput from '../../src/ui/FieldInput.svelte';

afterEach(async () => {
  cleanup();
  await setLocale('en', { remember: false });
});

const targetDate = assessmentFields.find((f) => f.key === 'targetDate')!;

describe('a date field shows its date in the UI’s language', () => {
  it('writes the chosen date under the picker and describes the field with it', () => {
    render(DateInput, { id: 'due', value: '2026-12-07' });
    const input = document.getElementById('due') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.value).toBe('2026-12-07');
    const text = screen.getByTestId('date-text');
    expect(text.textContent).toBe('Dec 7, 2026');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(text.id);
  });

  it('writes it the Chinese way in the Chinese UI', async () => {
    await setLocale('zh-CN', { remember: false });
    render(DateInput, { id: 'due', value: '2026-12-07' });
    expect(screen.getByTestId('date-text').textContent).toBe('2026年12月7日');
  });

  it('shows no text for an empty field, and the text of a newly picked date', async () => {
    const onchange = vi.fn();
    render(DateInput, { id: 'due', value: '', onchange });
    expect(screen.queryByTestId('date-text')).toBeNull();
    const input = document.getElementById('due') as HTMLInputElement;
    await fireEvent.change(input, { target: { value: '2027-01-31' } });
    expect(onchange).toHaveBeenCalledWith('2027-01-31');
    expect(screen.getByTestId('date-text').textContent).toBe('Jan 31, 2027');
    await fireEvent.change(input, { target: { value: '' } });
    expect(onchange).toHaveBeenLastCalledWith(null);
    expect(screen.queryByTestId('date-text')).toBeNull();
  });

  it('keeps the field’s own help and error in its description beside the date (a register’s date field)', () => {
    const onchange = vi.fn<(value: unknown, edit: EditMeta) => void>();
    render(FieldInput, { field: targetDate, value: '2026-03-01', idPrefix: 't', onchange, error: 'Too late' });
    const input = screen.getByLabelText('Target date') as HTMLInputElement;
    expect(input.type).toBe('date');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids).toContain('t-targetDate-error');
    expect(ids).toContain(screen.getByTestId('date-text').id);
    expect(screen.getByTestId('date-text').textContent).toBe('Mar 1, 2026');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
