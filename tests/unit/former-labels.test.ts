import { afterEach, describe, expect, it } from 'vitest';
import { aiSystemRoles } from '../../src/domain/ai-system-schema';
import { formerLabels } from '../../src/i18n/former-labels';
import { setLocale, t, type MessageKey } from '../../src/i18n/i18n';
import { loadLocaleTables, messageIn } from '../../src/i18n/locale-tables';
import { enumFromCell } from '../../src/io/sheets/sheet-cells';
import { headerAliases } from '../../src/io/sheets/sheet-labels';

afterEach(async () => {
  await setLocale('en', { remember: false });
});

describe('labels an earlier version wrote into workbooks', () => {
  it('still read back as the same choice after a rewording, with the UI in either language', async () => {
    await loadLocaleTables();
    for (const ui of ['en', 'zh-CN'] as const) {
      await setLocale(ui, { remember: false });
      // 我们 became 本组织 in stop 6: a Chinese workbook sent to a client before then still imports.
      expect(enumFromCell('提供者（我们将其投放市场或投入使用）', aiSystemRoles, 'ai.role', true)).toEqual({ ok: true, value: 'provider' });
      expect(enumFromCell('部署者 / 运营者（我们在业务中使用它）', aiSystemRoles, 'ai.role', true)).toEqual({ ok: true, value: 'deployer' });
      expect(headerAliases('Residual level')).toContain('剩余风险等级');
    }
  });

  it('are never what the app writes now, and each names a key the catalogue still has', async () => {
    await loadLocaleTables();
    for (const [locale, table] of Object.entries(formerLabels)) {
      for (const [key, olds] of Object.entries(table ?? {})) {
        const now = messageIn(locale as 'zh-CN', key);
        expect(now, `${locale} ${key}`).toBeDefined();
        for (const old of olds ?? []) expect(old, `${locale} ${key}`).not.toBe(now);
      }
    }
    expect(t('ai.role.provider' as MessageKey)).not.toBe('');
  });
});
