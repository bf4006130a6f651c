// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import { presetWordings } from '../../src/i18n/preset-wordings';
import RiskCriteriaPage from '../../src/pages/RiskCriteriaPage.svelte';
import { makeWorkspace } from '../support/factories';

const saved = vi.hoisted(() => [] as RiskMatrix[]);
vi.mock('../../src/state/workspace-commands', () => ({
  saveMatrix: vi.fn((_ws: string, m: RiskMatrix) => {
    saved.push(structuredClone(m));
    return Promise.resolve();
  }),
}));

const zh = presetWordings['zh-CN']!;

beforeEach(async () => {
  saved.length = 0;
  await setLocale('zh-CN', { remember: false });
  await loadMessages();
});

afterEach(async () => {
  cleanup();
  await setLocale('en', { remember: false });
});

/** A preset's words were English whatever the language shown, so a Chinese print showed "Very high". */
describe('RiskCriteriaPage in Chinese', { timeout: 15_000 }, () => {
  it('offers and applies the presets in the language shown', async () => {
    render(RiskCriteriaPage, { workspace: makeWorkspace({ riskMatrix: presetMatrix('5x5', zh['5x5']) }) });
    const choice = screen.getByLabelText('预设') as HTMLSelectElement;
    expect([...choice.options].map((o) => o.textContent)).toEqual(['简易 3×3', '标准 4×4', '详细 5×5']);
    await fireEvent.change(choice, { target: { value: '3x3' } });
    await fireEvent.click(screen.getByRole('button', { name: '预览预设' }));
    await fireEvent.click(screen.getByRole('button', { name: '应用“简易 3×3”' }));
    expect(saved).toEqual([presetMatrix('3x3', zh['3x3'])]);
    expect(saved[0]!.risk.map((l) => l.name)).toEqual(['低', '中', '高']);
  });

  it('switches a matrix still in a preset’s English words when asked, keeping what the user wrote', async () => {
    const mine = presetMatrix('5x5');
    mine.risk[4]!.name = 'Stop';
    render(RiskCriteriaPage, { workspace: makeWorkspace({ riskMatrix: mine }) });
    const offer = screen.getByRole('region', { name: '等级名称为另一种语言' });
    expect(saved).toEqual([]);
    await fireEvent.click(within(offer).getByRole('button', { name: '将措辞切换为当前语言' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('详细 5×5');
    expect(saved[0]!.risk.map((l) => l.name)).toEqual(['极低', '低', '中', '高', 'Stop']);
    expect(saved[0]!.grid).toEqual(mine.grid);
    expect((screen.getByLabelText('矩阵名称') as HTMLInputElement).value).toBe('详细 5×5');
    expect(screen.queryByRole('region', { name: '等级名称为另一种语言' })).toBeNull();
  });
});
