// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { setLocale } from '../../src/i18n/i18n';
import RiskCriteriaPage from '../../src/pages/RiskCriteriaPage.svelte';
import { makeWorkspace } from '../support/factories';

const saved = vi.hoisted(() => [] as RiskMatrix[]);
vi.mock('../../src/state/workspace-commands', () => ({
  saveMatrix: vi.fn((_ws: string, m: RiskMatrix) => {
    saved.push(structuredClone(m));
    return Promise.resolve();
  }),
}));

// jsdom's HTMLDialogElement has no showModal/close (see ConfirmDialog.test.ts).
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof proto.close !== 'function') {
    proto.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
  // jsdom's Blob has no text(); browsers do.
  if (typeof Blob.prototype.text !== 'function') {
    Blob.prototype.text = function (this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(this);
      });
    };
  }
});

beforeEach(() => {
  saved.length = 0;
});

function setup() {
  const workspace = makeWorkspace({ riskMatrix: presetMatrix('5x5') });
  return render(RiskCriteriaPage, { workspace });
}

const grid = () => screen.getByRole('table', { name: /risk level for each likelihood/ });
const fixture = (name: string) => readFileSync(`tests/fixtures/matrices/${name}`, 'utf8');
const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ') ?? '';

async function pick(text: string, name = 'matrix.json', size?: number) {
  const file = new File([text], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  const input = screen.getByLabelText('Import a matrix (CISO Assistant YAML or JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
}

// Mounting the whole page can take seconds on a busy machine (other suites run alongside).
describe('RiskCriteriaPage', { timeout: 15_000 }, () => {
  it('shows the stored matrix as a grid and saves a changed cell', async () => {
    setup();
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
    const cell = screen.getByRole('combobox', { name: 'Likelihood 1 (Rare) × Impact 5 (Severe)' }) as HTMLSelectElement;
    cell.value = '4';
    await fireEvent.change(cell);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.grid[0]![4]).toBe(4);
  });

  it('never saves a half-typed matrix: problems are announced, the next valid state is saved', async () => {
    setup();
    const name = screen.getByLabelText('Name of likelihood level 2') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: '' } });
    expect(text(screen.getByRole('alert'))).toContain('Likelihood level 2: name is missing or empty.');
    expect(saved).toEqual([]);
    await fireEvent.input(name, { target: { value: 'Improbable ' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.probability[1]!.name).toBe('Improbable');
  });

  it('keeps what is being typed when its own save comes back, and adopts a change made elsewhere', async () => {
    const workspace = makeWorkspace({ riskMatrix: presetMatrix('5x5') });
    const { rerender } = render(RiskCriteriaPage, { workspace });
    const name = screen.getByLabelText('Matrix name') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: 'Ours ' } });
    await fireEvent.input(name, { target: { value: 'Ours v' } });
    expect(saved.map((m) => m.name)).toEqual(['Ours', 'Ours v']);
    // The database answers with the first, trimmed save while the second is on its way.
    await rerender({ workspace: { ...workspace, riskMatrix: saved[0]! } });
    expect(name.value).toBe('Ours v');
    await rerender({ workspace: { ...workspace, riskMatrix: saved[1]! } });
    expect(name.value).toBe('Ours v');
    // Another tab applies a preset.
    await rerender({ workspace: { ...workspace, riskMatrix: presetMatrix('4x4') } });
    expect(name.value).toBe('Standard 4×4');
    expect(within(grid()).getAllByRole('row')).toHaveLength(5);
    expect(saved).toHaveLength(2);
  });

  it('warns before removing the highest likelihood level that rated risks get flagged, not remapped', async () => {
    setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove the highest likelihood level' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove likelihood level 5, "Almost certain"?' });
    expect(text(dialog)).toContain('flagged for review');
    expect(text(dialog)).toContain('never moved to another level');
    expect(saved).toEqual([]);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Remove "Almost certain"' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.probability.map((l) => l.name)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely']);
    expect(saved[0]!.grid).toEqual(presetMatrix('5x5').grid.slice(0, 4));
    expect(within(grid()).getAllByRole('row')).toHaveLength(5);
  });

  it('previews a preset with every level and cell it changes, by name, and applies it only when asked', async () => {
    setup();
    await fireEvent.change(screen.getByLabelText('Preset'), { target: { value: '3x3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview preset' }));
    const preview = screen.getByRole('region', { name: 'Preview: Simple 3×3' });
    expect(text(preview)).toContain('15 of 15 levels and 23 of 25 cells change: likelihood 5 → 3, impact 5 → 3, risk levels 5 → 3.');
    expect(text(preview)).toContain('flagged for review');
    const levels = within(preview).getByRole('list', { name: 'Levels that change (15)' });
    expect(within(levels).getAllByRole('listitem').map(text)).toContain('Likelihood: Rare → Unlikely, with a new abbreviation and description');
    expect(within(levels).getAllByRole('listitem').map(text)).toContain('Likelihood: "Almost certain" is removed');
    const cells = within(preview).getByRole('list', { name: 'Cells that change (23)' });
    expect(within(cells).getAllByRole('listitem').map(text)).toContain('Rare × Negligible: Very low → Low');
    expect(within(cells).getAllByRole('listitem').map(text)).toContain('Almost certain × Severe: Very high, removed with its level');
    // "Low" stays the threshold: no line for it.
    expect(text(preview)).not.toContain('Acceptance threshold');
    await fireEvent.click(within(preview).getByRole('button', { name: 'Keep the current matrix' }));
    expect(saved).toEqual([]);
    expect(screen.queryByRole('region', { name: /^Preview/ })).toBeNull();
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);

    await fireEvent.click(screen.getByRole('button', { name: 'Preview preset' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Apply "Simple 3×3"' }));
    expect(saved).toEqual([presetMatrix('3x3')]);
    expect(within(grid()).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('region', { name: /^Preview/ })).toBeNull();
  });

  it('shows a cell the user edited as a change the preset would undo, where the level count alone said nothing changes', async () => {
    setup();
    const cell = screen.getByRole('combobox', { name: 'Likelihood 1 (Rare) × Impact 5 (Severe)' }) as HTMLSelectElement;
    cell.value = '4';
    await fireEvent.change(cell);
    await fireEvent.change(screen.getByLabelText('Preset'), { target: { value: '5x5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview preset' }));
    const preview = screen.getByRole('region', { name: 'Preview: Detailed 5×5' });
    expect(text(preview)).toContain('0 of 15 levels and 1 of 25 cells change');
    const cells = within(preview).getByRole('list', { name: 'Cells that change (1)' });
    expect(within(cells).getAllByRole('listitem').map(text)).toEqual(['Rare × Severe: Very high → Medium']);
    expect(within(preview).queryByRole('list', { name: /^Levels that change/ })).toBeNull();
    // No level number and no position anywhere in the preview: levels by their names only.
    expect(text(preview)).not.toMatch(/level \d|\[\d|index/i);

    // An edit made while the preview is open shows up in it at once.
    cell.value = '2';
    await fireEvent.change(cell);
    expect(text(preview)).toContain('Nothing changes: the matrix is already the same.');
  });

  it('refuses an invalid file with a clear error and changes nothing', async () => {
    setup();
    await pick(fixture('invalid-grid-shape.json'));
    await waitFor(() => expect(text(screen.getByRole('alert'))).toContain('grid row 2 has 2 cells; the impact scale has 3 levels.'));
    expect(screen.queryByRole('heading', { name: /^Preview/ })).toBeNull();
    expect(saved).toEqual([]);
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
  });

  it('names a grid number too large to read (1e400) by its row and cell, not as "null"', async () => {
    setup();
    await pick(fixture('ciso/library-single-object.yaml').replace('- [0, 1, 2]', '- [0, 1e400, 2]'), 'matrix.yaml');
    await waitFor(() =>
      expect(text(screen.getByRole('alert'))).toContain(
        'grid row 2, cell 2: the number is too large to read (beyond ±1.8e308); it must be one of the 3 risk levels.',
      ),
    );
    expect(text(screen.getByRole('alert'))).not.toContain('null');
    expect(saved).toEqual([]);
  });

  it("rewords a refused file's problems when the language changes", async () => {
    setup();
    await pick(fixture('invalid-grid-shape.json'));
    await waitFor(() => expect(text(screen.getByRole('alert'))).toContain('grid row 2 has 2 cells'));
    try {
      await setLocale('zh-CN', { remember: false });
      await waitFor(() => expect(text(screen.getByRole('alert'))).toContain('grid 第 2 行有 2 个单元格；影响刻度有 3 个等级。'));
    } finally {
      await setLocale('en', { remember: false });
    }
  });

  it('refuses a file over 1 MB without reading it', async () => {
    setup();
    const read = vi.spyOn(Blob.prototype, 'text');
    await pick('{ not even json', 'huge.json', 2 * 1024 * 1024);
    await waitFor(() => expect(text(screen.getByRole('alert'))).toContain('The file is 2 MB; a matrix file may be at most 1 MB. It was not read.'));
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('previews an imported matrix and applies it only when asked', async () => {
    setup();
    await pick(fixture('matrix-4x3.json'));
    const preview = await screen.findByRole('region', { name: 'Preview: Pilot 4×3 matrix' });
    const table = within(preview).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(3);
    expect(text(preview)).toContain('It is set to "Green"');
    expect(saved).toEqual([]);
    await fireEvent.click(within(preview).getByRole('button', { name: 'Replace the current matrix' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('Pilot 4×3 matrix');
    expect(saved[0]!.grid).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 1, 2],
      [1, 2, 2],
    ]);
    expect(text(screen.getByRole('status'))).toContain('Imported "Pilot 4×3 matrix".');
    expect(screen.queryByRole('region', { name: /^Preview/ })).toBeNull();
  });
});
