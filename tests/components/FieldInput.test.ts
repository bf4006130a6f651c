// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { EditMeta } from '../../src/state/edit-sessions';
import { assessmentFields, soaFields } from '../../src/domain/assessment-schema';
import type { FieldDef } from '../../src/domain/fields';
import { profileFields } from '../../src/domain/workspace-schema';
import FieldInput from '../../src/ui/FieldInput.svelte';

function field(list: readonly FieldDef[], key: string): FieldDef {
  const found = list.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

const owner = field(assessmentFields, 'owner'); // text
const notes = field(assessmentFields, 'notes'); // textarea with help
const status = field(assessmentFields, 'status'); // enum, not nullable
const targetDate = field(assessmentFields, 'targetDate'); // date
const category = field(soaFields, 'justificationCategory'); // nullable enum
const size = field(profileFields, 'size'); // nullable enum
const aiRoles = field(profileFields, 'aiRoles'); // multi-enum with help

function setup(f: FieldDef, value: unknown, extra: { error?: string | null; only?: readonly string[] } = {}) {
  const onchange = vi.fn<(value: unknown, edit: EditMeta) => void>();
  const result = render(FieldInput, { field: f, value, idPrefix: 't', onchange, ...extra });
  return { onchange, ...result };
}

function describedBy(el: Element): string[] {
  return (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
}

describe('FieldInput labels', () => {
  it('ties a label to a text input', () => {
    setup(owner, 'Dana');
    const input = screen.getByLabelText('Owner');
    expect(input).toBeInstanceOf(HTMLInputElement);
    expect((input as HTMLInputElement).type).toBe('text');
    expect((input as HTMLInputElement).value).toBe('Dana');
    expect(screen.getByRole('textbox', { name: 'Owner' })).toBe(input);
  });

  it('ties a label to a textarea and describes it with its help text', () => {
    setup(notes, 'We have a policy.');
    const area = screen.getByRole('textbox', { name: 'Implementation notes' });
    expect(area).toBeInstanceOf(HTMLTextAreaElement);
    expect((area as HTMLTextAreaElement).value).toBe('We have a policy.');
    expect(screen.getByRole('textbox', { description: /What is in place, what is missing/ })).toBe(area);
  });

  it('ties a label to a select listing the translated options', () => {
    setup(status, 'in-progress');
    const select = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect(select.value).toBe('in-progress');
    const names = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent?.trim());
    expect(names).toEqual(['Not started', 'In progress', 'Implemented']);
  });

  it('offers an empty "not set" option only for nullable enums, selected when the value is null', () => {
    setup(category, null);
    const select = screen.getByRole('combobox', { name: 'Justification category' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect((screen.getByRole('option', { name: '— not set —' }) as HTMLOptionElement).selected).toBe(true);
  });

  it('leaves out options not listed in `only`', () => {
    setup(status, 'not-started', { only: ['not-started', 'implemented'] });
    const select = screen.getByRole('combobox', { name: 'Status' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent?.trim()),
    ).toEqual(['Not started', 'Implemented']);
  });

  it('ties a label to a date input', () => {
    setup(targetDate, '2025-03-01');
    const input = screen.getByLabelText('Target date') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.value).toBe('2025-03-01');
  });

  it('renders a multi-enum as a fieldset named by its legend, one labelled checkbox per option', () => {
    setup(aiRoles, ['ai-customer']);
    const group = screen.getByRole('group', { name: 'AI roles the organization holds' });
    expect(group.tagName).toBe('FIELDSET');
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(6);
    expect((within(group).getByRole('checkbox', { name: 'AI customer' }) as HTMLInputElement).checked).toBe(true);
    expect((within(group).getByRole('checkbox', { name: 'AI provider' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('group', { description: /Tick every role that applies/ })).toBe(group);
  });
});

describe('FieldInput changes', () => {
  it('calls onchange with the typed text', async () => {
    const { onchange } = setup(owner, '');
    const input = screen.getByRole('textbox', { name: 'Owner' });
    await fireEvent.input(input, { target: { value: 'Priya' } });
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(onchange).toHaveBeenLastCalledWith('Priya', expect.objectContaining({ session: expect.any(Number) }));
  });

  it('calls onchange with textarea text', async () => {
    const { onchange } = setup(field(profileFields, 'climateNote'), '');
    await fireEvent.input(screen.getByRole('textbox', { name: 'Reasoning for the climate change decision' }), { target: { value: 'Data centres' } });
    expect(onchange).toHaveBeenLastCalledWith('Data centres', expect.objectContaining({ session: expect.any(Number) }));
  });

  it('calls onchange with the chosen option', async () => {
    const { onchange } = setup(size, null);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Size' }), { target: { value: 'medium' } });
    expect(onchange).toHaveBeenLastCalledWith('medium', expect.objectContaining({ session: expect.any(Number) }));
  });

  it('calls onchange(null) when the empty option of a nullable enum is chosen', async () => {
    const { onchange } = setup(category, 'contractual');
    const select = screen.getByRole('combobox', { name: 'Justification category' }) as HTMLSelectElement;
    expect(select.value).toBe('contractual');
    await fireEvent.change(select, { target: { value: '' } });
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(onchange).toHaveBeenLastCalledWith(null, expect.objectContaining({ session: expect.any(Number) }));
  });

  it('calls onchange with a picked date and onchange(null) when the date is cleared', async () => {
    const { onchange } = setup(targetDate, '2025-03-01');
    const input = screen.getByLabelText('Target date');
    await fireEvent.change(input, { target: { value: '2025-04-15' } });
    expect(onchange).toHaveBeenLastCalledWith('2025-04-15', expect.objectContaining({ session: expect.any(Number) }));
    await fireEvent.change(input, { target: { value: '' } });
    expect(onchange).toHaveBeenCalledTimes(2);
    expect(onchange).toHaveBeenLastCalledWith(null, expect.objectContaining({ session: expect.any(Number) }));
  });

  it('ticking and unticking checkboxes reports the values in declaration order', async () => {
    const { onchange, rerender } = setup(aiRoles, ['ai-customer']);
    // Tick an option declared before the one already ticked.
    await fireEvent.click(screen.getByRole('checkbox', { name: 'AI provider' }));
    expect(onchange).toHaveBeenLastCalledWith(['ai-provider', 'ai-customer'], expect.objectContaining({ session: expect.any(Number) }));

    await rerender({ value: ['ai-provider', 'ai-customer'] });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Relevant authority' }));
    expect(onchange).toHaveBeenLastCalledWith(['ai-provider', 'ai-customer', 'relevant-authority'], expect.objectContaining({ session: expect.any(Number) }));

    await rerender({ value: ['ai-provider', 'ai-customer', 'relevant-authority'] });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'AI customer' }));
    expect(onchange).toHaveBeenLastCalledWith(['ai-provider', 'relevant-authority'], expect.objectContaining({ session: expect.any(Number) }));
    expect(onchange).toHaveBeenCalledTimes(3);
  });

  it('unticking the last box reports an empty list', async () => {
    const { onchange } = setup(aiRoles, ['ai-subject']);
    const box = screen.getByRole('checkbox', { name: 'AI subject' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    expect(onchange).toHaveBeenLastCalledWith([], expect.objectContaining({ session: expect.any(Number) }));
  });

  // Regression: the list used to be computed from the `value` prop, which lags behind while the
  // autosave round-trip runs, so a quick second tick dropped the first.
  it('two quick ticks before the stored value catches up keep both options', async () => {
    const { onchange } = setup(aiRoles, []);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'AI producer' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'AI partner' }));
    // Both boxes are visibly ticked...
    expect((screen.getByRole('checkbox', { name: 'AI producer' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'AI partner' }) as HTMLInputElement).checked).toBe(true);
    // ...so the value saved last must contain both. Actual: ['ai-partner'].
    expect(onchange).toHaveBeenLastCalledWith(['ai-producer', 'ai-partner'], expect.objectContaining({ session: expect.any(Number) }));
  });
});

describe('FieldInput errors', () => {
  it('shows no error state without an error', () => {
    setup(owner, '');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Owner' }).hasAttribute('aria-invalid')).toBe(false);
  });

  it('renders the error as an alert and marks the input invalid and described by it', () => {
    setup(owner, 'x', { error: 'Owner is too long' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Owner is too long');
    const input = screen.getByRole('textbox', { name: 'Owner' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toContain(alert.id);
    expect(screen.getByRole('textbox', { description: 'Owner is too long' })).toBe(input);
  });

  it('keeps the help text in the description next to the error', () => {
    setup(notes, '', { error: 'Too long' });
    const area = screen.getByRole('textbox', { name: 'Implementation notes' });
    expect(area.getAttribute('aria-invalid')).toBe('true');
    const ids = describedBy(area);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(screen.getByRole('alert').id);
    expect(document.getElementById(ids[0]!)?.textContent).toMatch(/What is in place/);
  });

  it('marks selects and date inputs invalid too', () => {
    setup(category, null, { error: 'Pick a category' });
    const select = screen.getByRole('combobox', { name: 'Justification category' });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(select)).toContain(screen.getByRole('alert').id);
  });

  it('stays quiet when the form announces its errors in a summary, still describing the input', () => {
    render(FieldInput, { field: owner, value: 'x', idPrefix: 't', onchange: vi.fn(), error: 'Owner is too long', announce: false });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('textbox', { description: 'Owner is too long' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a refused entry in view beside its error after focus leaves, and shows the stored value once it is fixed', async () => {
    const { rerender } = setup(owner, 'Dana');
    const input = screen.getByRole('textbox', { name: 'Owner' }) as HTMLInputElement;
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: '' } });
    await rerender({ error: 'Enter an owner.' });
    await fireEvent.blur(input);
    expect(input.value).toBe('');
    await rerender({ error: null });
    expect(input.value).toBe('Dana');
  });

  // Regression: the multi-enum branch pointed aria-describedby at an error element it never rendered.
  it('renders an error for a multi-enum field', () => {
    setup(aiRoles, [], { error: 'Pick at least one role' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Pick at least one role');
    expect(describedBy(screen.getByRole('group', { name: 'AI roles the organization holds' }))).toContain(alert.id);
  });
});

describe('FieldInput while typing', () => {
  it('does not overwrite what the user typed with a new value while focused; shows it after blur', async () => {
    const { rerender } = setup(owner, 'Old owner');
    const input = screen.getByRole('textbox', { name: 'Owner' }) as HTMLInputElement;
    input.focus();
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'Half-typ' } });

    // The stored value arrives late (an earlier save) while the user is still typing.
    await rerender({ value: 'Half' });
    expect(input.value).toBe('Half-typ');

    input.blur();
    await rerender({ value: 'Server value' });
    expect(input.value).toBe('Server value');
  });

  it('keeps typed text in a textarea while focused too', async () => {
    const { rerender } = setup(notes, '');
    const area = screen.getByRole('textbox', { name: 'Implementation notes' }) as HTMLTextAreaElement;
    area.focus();
    await fireEvent.input(area, { target: { value: 'Line one' } });
    await rerender({ value: 'Line' });
    expect(area.value).toBe('Line one');
    area.blur();
    await rerender({ value: 'Line one, saved' });
    expect(area.value).toBe('Line one, saved');
  });

  it('shows a new value straight away when the input is not focused', async () => {
    const { rerender } = setup(owner, 'Before');
    await rerender({ value: 'After' });
    expect((screen.getByRole('textbox', { name: 'Owner' }) as HTMLInputElement).value).toBe('After');
  });

  it('tells each save which stored value the typing started from, and keeps it while another tab changes the field', async () => {
    const { onchange, rerender } = setup(owner, 'Old owner');
    const input = screen.getByLabelText(/Owner/) as HTMLInputElement;
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'Old owner, Priya' } });
    const first = onchange.mock.lastCall![1];
    expect(first).toMatchObject({ base: 'Old owner', label: expect.stringMatching(/Owner/) });
    // Another tab saves a different owner: the field keeps what is being typed, and so does the base.
    await rerender({ field: owner, value: 'Someone else', idPrefix: 't', onchange });
    expect(input.value).toBe('Old owner, Priya');
    await fireEvent.input(input, { target: { value: 'Old owner, Priya K.' } });
    expect(onchange.mock.lastCall![1]).toEqual(first);
    // A new focus is a new edit, from what is stored now.
    await fireEvent.blur(input);
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'Someone else!' } });
    const second = onchange.mock.lastCall![1];
    expect(second.base).toBe('Someone else');
    expect(second.session).not.toBe(first.session);
  });

  it('makes every pick an edit of its own, from the value shown', async () => {
    const { onchange } = setup(field(assessmentFields, 'status'), 'not-started');
    const select = screen.getByLabelText(/Status/) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'implemented' } });
    await fireEvent.change(select, { target: { value: 'in-progress' } });
    const [a, b] = onchange.mock.calls.map((c) => c[1]);
    expect(a!.base).toBe('not-started');
    expect(a!.session).not.toBe(b!.session);
  });
});
