import { formatBytes, hasMessage, locale, t, tOption, type Locale } from '../i18n/i18n';
import { localeTablesRevision, messageIn, tableLocales } from '../i18n/locale-tables';
import { riskFlagText } from '../i18n/risk-flag-text';
import { recordNames } from '../i18n/value-context';
import { valueText } from '../i18n/value-text';
import type { ReportMessages } from '../io/report-text';
import { installWords, type Words } from '../io/words';

/**
 * The words src/io writes and reads, from the message catalogue in the language set now (src/io
 * never imports src/i18n). The page and the spreadsheet worker install them as they load; the
 * bundle worker adds the tables of README.txt and report.html, which only its chunk carries.
 */
export function ioWords(reportTables?: Readonly<Record<Locale, ReportMessages>>): Words {
  return {
    locale,
    t,
    has: hasMessage,
    option: tOption,
    formatBytes,
    tableLocales: () => tableLocales,
    messageIn,
    tablesRevision: localeTablesRevision,
    reportMessages: (l) => {
      const table = reportTables?.[l];
      if (!table) throw new Error('io: the report tables are installed by the bundle worker only');
      return table;
    },
    valueText,
    recordNames,
    riskFlagText,
  };
}

export function installIoWords(reportTables?: Readonly<Record<Locale, ReportMessages>>): void {
  installWords(ioWords(reportTables));
}
