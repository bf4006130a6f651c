import { afterEach, describe, expect, it } from 'vitest';
import { sheetHeaders as enHeaders } from '../../src/i18n/en/sheet-headers';
import { sheetHeaders as zhHeaders } from '../../src/i18n/zh-CN/sheet-headers';
import { setLocale } from '../../src/i18n/i18n';
import { loadLocaleTables } from '../../src/i18n/locale-tables';
import { sanitizeSheetName, MAX_SHEET_NAME } from '../../src/io/sheets/sheet-names';
import { headerAliases, headerText, optionLabels, sheetNameAliases, sheetNameText } from '../../src/io/sheets/sheet-labels';
import { registerSheets } from '../../src/io/sheets/sheet-registers';
import { enumFromCell } from '../../src/io/sheets/sheet-cells';
import { riskStatuses } from '../../src/domain/risk-schema';

/** The English texts the export writes as headers and sheet names, from the declarations and the read-only sheets. */
const READ_ONLY_SHEETS = ['About', 'Impact assessments', 'Impacts'];
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

afterEach(async () => {
  await setLocale('en', { remember: false });
});

describe('spreadsheet headers and sheet names in the message catalogue', () => {
  it('has an entry for every register sheet and each of its headers, whose English text is the declaration itself', () => {
    const missing: string[] = [];
    for (const sheet of registerSheets) {
      for (const h of [sheet.idHeader, ...sheet.columns.map((c) => c.header)]) {
        const key = `sheetCol.${h}` as keyof typeof enHeaders;
        if (enHeaders[key] !== h) missing.push(`${sheet.name}: ${h}`);
      }
      if (enHeaders[`sheetName.${sheet.name}` as keyof typeof enHeaders] !== sheet.name) missing.push(`sheet ${sheet.name}`);
    }
    for (const name of READ_ONLY_SHEETS) if (!(`sheetName.${name}` in enHeaders)) missing.push(`sheet ${name}`);
    expect(missing).toEqual([]);
    // And every entry's English text is its key's (a renamed declaration cannot leave a stale one behind unnoticed).
    for (const [key, text] of Object.entries(enHeaders)) expect(key.replace(/^sheet(Col|Name)\./, '')).toBe(text);
  });

  it('gives each column of a sheet its own header in every language, and no header of one column names another', async () => {
    await loadLocaleTables();
    const clashes: string[] = [];
    for (const sheet of registerSheets) {
      // By column position: two columns with one English header clash too.
      const owner = new Map<string, number>();
      [sheet.idHeader, ...sheet.columns.map((c) => c.header)].forEach((h, i) => {
        for (const alias of headerAliases(h)) {
          const prev = owner.get(norm(alias));
          if (prev !== undefined && prev !== i) clashes.push(`${sheet.name}: "${alias}" names columns ${prev} and ${i}`);
          owner.set(norm(alias), i);
        }
      });
    }
    expect(clashes).toEqual([]);
  });

  it('translates every header and sheet name into Chinese, with sheet names Excel accepts and no two sheets alike in any language', async () => {
    await setLocale('zh-CN', { remember: false });
    await loadLocaleTables();
    for (const [key, text] of Object.entries(zhHeaders)) {
      // Chinese text (the id column keeps "ID": a uuid column people recognise).
      if (key !== 'sheetCol.Id') expect(/[\u4e00-\u9fff]/.test(text), `${key}: ${text}`).toBe(true);
    }
    const names = [...registerSheets.map((s) => s.name), ...READ_ONLY_SHEETS];
    const seen = new Map<string, string>();
    for (const name of names) {
      const zh = sheetNameText(name);
      expect(zh).not.toBe(name);
      expect(sanitizeSheetName(zh)).toBe(zh);
      expect(zh.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      for (const alias of sheetNameAliases(name)) {
        expect(seen.get(norm(alias)) ?? name, `"${alias}"`).toBe(name);
        seen.set(norm(alias), name);
      }
    }
    expect(headerText('Inherent likelihood')).toBe('固有可能性');
    expect(headerText('not a declared header')).toBe('not a declared header');
  });

  it('reads a choice by its label in any loaded language, whatever the active one, and by its value', async () => {
    await loadLocaleTables();
    const labels = optionLabels('risk.statusValue', riskStatuses[0]);
    expect(labels.length).toBe(2);
    for (const active of ['en', 'zh-CN'] as const) {
      await setLocale(active, { remember: false });
      for (const status of riskStatuses) {
        for (const text of [status, ...optionLabels('risk.statusValue', status)]) {
          expect(enumFromCell(text, riskStatuses, 'risk.statusValue', false), `${active}: ${text}`).toEqual({ ok: true, value: status });
        }
      }
      expect(enumFromCell('no such status', riskStatuses, 'risk.statusValue', false).ok).toBe(false);
    }
  });
});
