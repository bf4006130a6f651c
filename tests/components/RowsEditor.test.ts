// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { registerOf } from '../../src/domain/cycle/registry';
import RowsEditor from '../../src/ui/RowsEditor.svelte';

const readings = registerOf('objective').rows.find((r) => r.key === 'readings')!;
type Rows = Record<string, unknown>[];

/**
 * The page's part: a save that is only seen in `rows` when the test says the store answered
 * (the live query comes back some milliseconds after the write, later than the next click).
 */
function setup(initial: Rows) {
  const saves: { rows: Rows; done: (ok: boolean) => void }[] = [];
  const view = render(RowsEditor, {
    def: readings,
    rows: initial,
    idPrefix: 'rec-readings',
    onchange: (rows: Rows, done: (ok: boolean) => void) => saves.push({ rows, done }),
  });
  /** The store answers with save `n`: accepted, and its rows come back through the prop. */
  const answer = async (n: number) => {
    saves[n]!.done?.(true);
    await view.rerender({ rows: saves[n]!.rows });
  };
  return { saves, answer, view };
}

const addButton = () => screen.getByRole('button', { name: 'Add a row to Measurements' });
const value = (row: number) => screen.getByRole('spinbutton', { name: `Value, row ${row}` }) as HTMLInputElement;

describe('RowsEditor keeps what was typed while its saves are on their way', () => {
  it('a value typed, then "Add a row" clicked before the save came back: both saves keep the value', async () => {
    const { saves, answer } = setup([]);
    await fireEvent.click(addButton());
    await answer(0);
    const input = value(1);
    await fireEvent.focusIn(input);
    await fireEvent.input(input, { target: { value: '6.1' } });
    // Focus leaves the table for the button before the store has the 6.1.
    await fireEvent.focusOut(input);
    await fireEvent.click(addButton());
    expect(saves).toHaveLength(3);
    expect(saves[1]!.rows[0]!.value).toBe(6.1);
    expect(saves[2]!.rows).toHaveLength(2);
    expect(saves[2]!.rows[0]!.value).toBe(6.1);
    expect(value(1).value).toBe('6.1');
    // The first save's rows arrive late: older than the screen, not shown.
    await answer(1);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(2);
    expect(value(1).value).toBe('6.1');
    await answer(2);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(2);
    expect(value(1).value).toBe('6.1');
  });

  it('once its saves are in, the table follows the stored rows again (another tab’s change)', async () => {
    const { saves, answer, view } = setup([]);
    await fireEvent.click(addButton());
    await answer(0);
    const row = saves[0]!.rows[0]!;
    await view.rerender({ rows: [{ ...row, value: 42 }] });
    expect(value(1).value).toBe('42');
  });

  it('a refused save puts the stored rows back in view', async () => {
    const stored = [{ id: 'a', date: '2026-01-15', value: 1, note: '' }];
    const { saves } = setup(stored);
    const input = value(1);
    await fireEvent.focusIn(input);
    await fireEvent.input(input, { target: { value: '7' } });
    await fireEvent.focusOut(input);
    expect(value(1).value).toBe('7');
    saves[0]!.done(false);
    await Promise.resolve();
    expect(value(1).value).toBe('1');
  });
});
