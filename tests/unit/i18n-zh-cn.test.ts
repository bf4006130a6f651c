import { afterEach, describe, expect, it, vi } from 'vitest';
import { basename } from 'node:path';
import { formatDate, formatNumber, hasMessage, loadMessages, locale, locales, preferredLocale, setLocale, t, tOption } from '../../src/i18n/i18n';
import { en } from '../../src/i18n/messages-en';
import { messageParams } from '../../src/i18n/message-format';

type Area = Record<string, string>;

/** One object per file: the area's strings (its only export). */
function areasOf(modules: Record<string, Record<string, unknown>>): Map<string, Area> {
  const out = new Map<string, Area>();
  for (const [path, mod] of Object.entries(modules)) {
    const values = Object.values(mod).filter((v): v is Area => typeof v === 'object' && v !== null);
    out.set(basename(path, '.ts'), Object.assign({}, ...values) as Area);
  }
  return out;
}

const english = areasOf(import.meta.glob<Record<string, unknown>>('../../src/i18n/en/*.ts', { eager: true }));
const chinese = areasOf(import.meta.glob<Record<string, unknown>>('../../src/i18n/zh-CN/*.ts', { eager: true }));
// A plural block's variable counts as its placeholder: "{count, plural, one {# risk} other {# risks}}" matches "{count} 个风险".
const params = (s: string) => messageParams(s);

describe('zh-CN translation files', () => {
  it('exist only for English areas, with the same export names', async () => {
    for (const area of chinese.keys()) expect(english.has(area), `src/i18n/zh-CN/${area}.ts has no English counterpart`).toBe(true);
    const en = import.meta.glob<Record<string, unknown>>('../../src/i18n/en/*.ts', { eager: true });
    const zh = import.meta.glob<Record<string, unknown>>('../../src/i18n/zh-CN/*.ts', { eager: true });
    for (const [path, mod] of Object.entries(zh)) {
      expect(Object.keys(mod).sort(), path).toEqual(Object.keys(en[path.replace('/zh-CN/', '/en/')]!).sort());
    }
  });

  // Every area whose zh-CN file exists must be complete: each English key, with the same {params}, and nothing else.
  for (const [area, source] of english) {
    const target = chinese.get(area);
    it.skipIf(!target)(`${area}: every key translated with the same {params}${target ? '' : ' (no zh-CN file yet: shows in English)'}`, () => {
      const problems: string[] = [];
      for (const [key, text] of Object.entries(source)) {
        const zh = target![key];
        if (zh === undefined) problems.push(`${key}: missing`);
        else if (zh.trim() === '') problems.push(`${key}: empty`);
        else if (params(zh).join() !== params(text).join()) problems.push(`${key}: params ${params(zh).join()} ≠ ${params(text).join()}`);
      }
      for (const key of Object.keys(target!)) if (!(key in source)) problems.push(`${key}: not an English key`);
      expect(problems).toEqual([]);
    });
  }

  it('lists which areas are translated (informational)', () => {
    const done = [...english.keys()].filter((a) => chinese.has(a));
    const pending = [...english.keys()].filter((a) => !chinese.has(a));
    console.info(`zh-CN areas translated: ${done.join(', ') || 'none'}; still English: ${pending.join(', ') || 'none'}`);
    // The areas of this change are always there.
    for (const area of ['core', 'registers', 'register-ui', 'criteria', 'impact']) expect(done).toContain(area);
  });
});

describe('setLocale', () => {
  afterEach(async () => {
    await setLocale('en', { remember: false });
    vi.unstubAllGlobals();
  });

  it('offers English and Simplified Chinese, English by default', () => {
    expect(locales).toEqual(['en', 'zh-CN']);
    expect(locale()).toBe('en');
    expect(t('nav.dashboard')).toBe('Dashboard');
  });

  it('switches the core strings, keeps {params}, and switches back', async () => {
    await setLocale('zh-CN', { remember: false });
    expect(locale()).toBe('zh-CN');
    expect(t('nav.dashboard')).toBe('仪表板');
    expect(t('workspaces.deleteConfirm', { name: 'Acme' })).toBe('删除“Acme”');
    expect(tOption('status', 'implemented')).toBe('已实施');
    await setLocale('en', { remember: false });
    expect(t('nav.dashboard')).toBe('Dashboard');
  });

  it('loads the lazy part of the locale with the full catalogue, and a key without translation shows in English', async () => {
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(t('risks.title')).toBe('AI风险登记册');
    expect(t('criteria.backToRisks')).toBe('返回风险登记册');
    // Every key of the catalogue resolves to text, never to the raw key.
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(hasMessage(key), key).toBe(true);
      expect(t(key), key).not.toBe(key);
    }
    // An area without a zh-CN file falls back to English.
    for (const [area, source] of english) {
      if (area === 'report' || chinese.has(area)) continue;
      const [key, text] = Object.entries(source)[0]!;
      expect(t(key as keyof typeof en)).toBe(text);
    }
  });

  it('the last of two overlapping switches wins', async () => {
    const a = setLocale('zh-CN', { remember: false });
    const b = setLocale('en', { remember: false });
    await Promise.all([a, b]);
    expect(locale()).toBe('en');
    expect(t('nav.dashboard')).toBe('Dashboard');
  });

  it('formats dates and numbers for the active locale', async () => {
    expect(formatDate('2026-03-05')).toBe('Mar 5, 2026');
    await setLocale('zh-CN', { remember: false });
    expect(formatDate('2026-03-05')).toBe('2026年3月5日');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('remembers the choice per browser and prefers a Chinese browser language the first time', async () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    vi.stubGlobal('navigator', { languages: ['zh-TW', 'en'], language: 'zh-TW' });
    expect(preferredLocale()).toBe('zh-CN');
    vi.stubGlobal('navigator', { languages: ['de-DE', 'en-GB'], language: 'de-DE' });
    expect(preferredLocale()).toBe('en');
    await setLocale('zh-CN');
    expect(store.get('aims.locale')).toBe('zh-CN');
    expect((document as unknown as { documentElement: { lang: string } }).documentElement.lang).toBe('zh-CN');
    expect(preferredLocale()).toBe('zh-CN');
    store.set('aims.locale', 'klingon');
    expect(preferredLocale()).toBe('en');
  });

  it('works without storage (Node, blocked storage)', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    });
    expect(preferredLocale()).toBe('en');
    await expect(setLocale('zh-CN')).resolves.toBeUndefined();
    expect(locale()).toBe('zh-CN');
  });
});
