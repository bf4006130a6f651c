import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyZodLocale } from '../../src/i18n/zod-locale';

const message = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]!.message;
};

describe("zod's own messages follow the UI language in the workers", () => {
  afterEach(async () => {
    await applyZodLocale('en');
  });

  it('words a schema problem in Chinese with the UI in Chinese, and in English again after switching back', async () => {
    const schema = z.object({ title: z.string() });
    const english = message(schema, { title: 5 });
    expect(english).toMatch(/expected string/i);
    await applyZodLocale('zh-CN');
    const chinese = message(schema, { title: 5 });
    expect(chinese).not.toBe(english);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    await applyZodLocale('en');
    expect(message(schema, { title: 5 })).toBe(english);
  });
});
