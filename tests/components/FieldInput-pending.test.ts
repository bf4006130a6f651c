// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { assessmentFields } from '../../src/domain/assessment-schema';
import type { FieldDef } from '../../src/domain/fields';
import type { EditMeta } from '../../src/state/edit-sessions';
import FieldInput from '../../src/ui/FieldInput.svelte';

const owner = assessmentFields.find((f) => f.key === 'owner') as FieldDef; // text

/** The page's part: the stored value only changes when the test says the store answered. */
function setup(value: unknown) {
  const onchange = vi.fn<(value: unknown, edit: EditMeta) => void>();
  const view = render(FieldInput, { field: owner, value, idPrefix: 't', onchange });
  return { onchange, view, input: screen.getByLabelText('Owner') as HTMLInputElement };
}

describe('FieldInput after focus leaves, before its save has come back', () => {
  it('keeps showing what was typed, not the older stored value', async () => {
    const { input } = setup('');
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'Dana' } });
    await fireEvent.blur(input);
    expect(input.value).toBe('Dana');
  });

  it('a quick return to the field goes on from what was typed: nothing typed is lost', async () => {
    const { input, onchange } = setup('');
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'Dana' } });
    await fireEvent.blur(input);
    await fireEvent.focus(input);
    expect(input.value).toBe('Dana');
    await fireEvent.input(input, { target: { value: 'Dana K.' } });
    expect(onchange).toHaveBeenLastCalledWith('Dana K.', expect.anything());
    // The new edit starts from what the first save stores, so that save is not taken for another tab's.
    expect(onchange.mock.lastCall![1].base).toBe('Dana');
  });

  it('a refusal that comes back after focus left keeps the entry beside its error, then shows the store', async () => {
    const { input, view } = setup('Dana');
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: '' } });
    await fireEvent.blur(input);
    await view.rerender({ error: 'Enter an owner.' });
    expect(input.value).toBe('');
    await view.rerender({ error: null });
    expect(input.value).toBe('Dana');
  });

  it('follows the store once it answers, with this save or another tab’s value', async () => {
    const { input, view } = setup('');
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'Dana' } });
    await fireEvent.blur(input);
    await view.rerender({ value: 'Dana' });
    expect(input.value).toBe('Dana');
    await view.rerender({ value: 'Lee' });
    expect(input.value).toBe('Lee');
  });
});
