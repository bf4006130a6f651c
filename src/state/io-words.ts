import { formatBytes, hasMessage, locale, t, tOption, type Locale } from '../i18n/i18n';
import { formerTexts } from '../i18n/former-labels';
import { localeTablesRevision, messageIn, tableLocales } from '../i18n/locale-tables';
import type { ReportMessages } from '../io/report/report-text';
import { installWords, type Words } from '../io/words';

/** What only README.txt and report.html need: their tables and the value wording; the bundle worker brings them. */
export type ReportWords = Pick<Words, 'valueText' | 'recordNames' | 'riskFlagText'> & { tables: Readonly<Record<Locale, ReportMessages>> };

/**
 * The words src/io writes and reads, from the message catalogue in the language set now (src/io
 * never imports src/i18n). The page and the spreadsheet worker install them as they load (light:
 * the first screen carries this); the bundle worker adds the report's words, which only its chunk carries.
 */
export function ioWords(report?: ReportWords): Words {
  const need = (): ReportWords => {
    if (!report) throw new Error('io: the report words are installed by the bundle worker only');
    return report;
  };
  return {
    locale,
    t,
    has: hasMessage,
    option: tOption,
    formatBytes,
    tableLocales: () => tableLocales,
    messageIn,
    formerIn: formerTexts,
    tablesRevision: localeTablesRevision,
    reportMessages: (l) => need().tables[l],
    valueText: (kind, value, ctx) => need().valueText(kind, value, ctx),
    recordNames: (records) => need().recordNames(records),
    riskFlagText: (flag, ev, matrix) => need().riskFlagText(flag, ev, matrix),
  };
}

export function installIoWords(report?: ReportWords): void {
  installWords(ioWords(report));
}
