import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes, t, tOption } from '../../src/i18n/i18n';
import { en } from '../../src/i18n/messages-en';
import { declarationKeys } from '../support/cycle';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('messages', () => {
  it('fills named parameters and leaves unknown ones visible', () => {
    expect(t('workspaces.deleteConfirm', { name: 'Acme' })).toBe('Delete "Acme"');
    expect(t('workspaces.deleteConfirm')).toBe('Delete "{name}"');
  });

  it('labels every option of every declared enum field', async () => {
    const { assessmentFields, soaFields } = await import('../../src/domain/assessment-schema');
    const { profileFields } = await import('../../src/domain/workspace-schema');
    for (const field of [...assessmentFields, ...soaFields, ...profileFields]) {
      expect(field.label in en, field.label).toBe(true);
      for (const option of field.options ?? []) {
        expect(`${field.optionPrefix}.${option}` in en, `${field.optionPrefix}.${option}`).toBe(true);
        expect(tOption(field.optionPrefix!, option)).not.toBe(option);
      }
    }
  });

  it('has no unused message keys (each is referenced from src)', () => {
    // The catalogues themselves do not count; the wording modules beside them (value-text …) do.
    const source = files('src')
      .filter((f) => /\.(ts|svelte)$/.test(f) && !/\/i18n\/(en|zh-CN)\/|\/i18n\/messages-/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Option labels are looked up through the field declarations (optionPrefix + value).
    const modules = import.meta.glob<Record<string, unknown>>('../../src/domain/*.ts', { eager: true });
    const optionKeys = new Set<string>();
    for (const mod of Object.values(modules)) {
      for (const exported of Object.values(mod)) {
        // A declared register (defineRegister) lists its plain fields as `inputs`.
        const value = exported && typeof exported === 'object' && 'inputs' in exported ? (exported as { inputs: unknown }).inputs : exported;
        if (!Array.isArray(value)) continue;
        for (const f of value as { optionPrefix?: string; options?: readonly string[]; column?: string }[]) {
          if (f && typeof f === 'object' && f.column && f.optionPrefix) for (const o of f.options ?? []) optionKeys.add(`${f.optionPrefix}.${o}`);
        }
      }
    }
    // Keys built in templates from a value: `status.${s}`, `soa.gap.${g}` …
    const dynamicPrefixes = [
      'status.',
      'soa.gap.',
      'soa.applicable.',
      'validation.',
      'risks.flag.',
      'state.',
      'export.table.',
      'import.note.',
      'io.problem.',
      'io.detail.zipNamePart.',
      'sheets.register.',
      'cycleUi.create.',
      'cycleUi.link.',
      'cycle.rule.',
      'readiness.check.',
      'readiness.why.',
      'readiness.gap.',
      'dashboard.iaState.',
      'dashboard.rating.',
      'tasks.state.',
      'sheetCol.',
      'sheetName.',
    ];
    // The management-system registers' labels, options and names come from their declarations.
    for (const k of declarationKeys()) optionKeys.add(k);
    const unused = Object.keys(en).filter((k) => !source.includes(`'${k}'`) && !optionKeys.has(k) && !dynamicPrefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
  });
});
