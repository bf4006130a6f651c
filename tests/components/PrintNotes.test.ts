// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RiskMatrix } from '../../src/domain/risk-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import { presetWordings } from '../../src/i18n/preset-wordings';
import CriteriaWordingOffer from '../../src/pages/CriteriaWordingOffer.svelte';
import CjkFontWarning from '../../src/ui/CjkFontWarning.svelte';

async function inLanguage(l: 'en' | 'zh-CN') {
  await setLocale(l, { remember: false });
  await loadMessages();
}

afterEach(async () => {
  cleanup();
  await inLanguage('en');
});

describe('CjkFontWarning', () => {
  it('warns in a Chinese UI when the glyphs are missing, in Chinese and in English, on the screen only', async () => {
    await inLanguage('zh-CN');
    render(CjkFontWarning, { missing: () => true });
    const warning = screen.getByRole('status');
    expect(warning.textContent).toContain('这台计算机没有中文字体');
    expect(warning.textContent).toContain('fonts-noto-cjk');
    expect(warning.querySelector('[lang="en"]')?.textContent).toContain('This computer has no font for Chinese characters');
    expect(warning.classList.contains('no-print')).toBe(true);
  });

  it('says nothing when the font is there, when it cannot tell, or in English', async () => {
    await inLanguage('zh-CN');
    for (const missing of [false, null]) {
      render(CjkFontWarning, { missing: () => missing });
      expect(screen.queryByRole('status')).toBeNull();
      cleanup();
    }
    await inLanguage('en');
    render(CjkFontWarning, { missing: () => true });
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('CriteriaWordingOffer', () => {
  it('offers the Chinese wording for a preset applied in English, and switches only when asked', async () => {
    await inLanguage('zh-CN');
    const onswitch = vi.fn<(m: RiskMatrix) => void>();
    const { rerender } = render(CriteriaWordingOffer, { matrix: presetMatrix('5x5'), onswitch });
    const offer = screen.getByRole('region', { name: '等级名称为另一种语言' });
    expect(offer.textContent).toContain('详细 5×5');
    expect(offer.textContent).toContain('32');
    expect(onswitch).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: '将措辞切换为当前语言' }));
    expect(onswitch).toHaveBeenCalledTimes(1);
    expect(onswitch.mock.calls[0]![0]).toEqual(presetMatrix('5x5', presetWordings['zh-CN']!['5x5']));
    // The page saves it and hands the switched matrix back: the offer gives way to what happened.
    await rerender({ matrix: onswitch.mock.calls[0]![0], onswitch });
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('已切换为当前显示的语言');
  });

  it('offers nothing when the words are already the language shown, or the user’s own', async () => {
    await inLanguage('en');
    render(CriteriaWordingOffer, { matrix: presetMatrix('4x4'), onswitch: () => {} });
    expect(screen.queryByRole('region')).toBeNull();
    cleanup();
    await inLanguage('zh-CN');
    render(CriteriaWordingOffer, { matrix: presetMatrix('4x4', presetWordings['zh-CN']!['4x4']), onswitch: () => {} });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
