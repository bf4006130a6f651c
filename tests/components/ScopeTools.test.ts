// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMessages, setLocale } from '../../src/i18n/i18n';
import ScopeTools from '../../src/pages/ScopeTools.svelte';
import { buildCycleRecord, makeAiSystem } from '../support/factories';

/** The composed scope statement is text people print and sign: its list of systems follows the UI language. */
afterEach(async () => {
  cleanup();
  await setLocale('en', { remember: false });
});

function compose(buttonName: string) {
  const systems = ['贷款评分模型', '理赔分拣', '客服助手'].map((name) => makeAiSystem('ws-1', { name }));
  const record = buildCycleRecord('ws-1', 'scope', { aiSystemIds: systems.map((s) => s.id) });
  const save = vi.fn<(patch: Record<string, unknown>) => void>();
  render(ScopeTools, { record, systems, save });
  return fireEvent.click(screen.getByRole('button', { name: buttonName })).then(() => String(save.mock.calls[0]?.[0]?.statement ?? ''));
}

describe('ScopeTools: the composed statement', () => {
  it('lists the AI systems the Chinese way (、 and 和), in a Chinese sentence', async () => {
    await setLocale('zh-CN', { remember: false });
    await loadMessages();
    expect(await compose('根据各部分生成声明')).toBe('适用于以下AI系统：贷款评分模型、理赔分拣和客服助手。');
  });

  it('lists them the English way in English', async () => {
    expect(await compose('Compose the statement from the parts')).toBe('It applies to these AI systems: 贷款评分模型, 理赔分拣, and 客服助手.');
  });
});
