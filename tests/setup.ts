// IndexedDB for db and component tests under Node: an in-memory implementation.
import 'fake-indexeddb/auto';

// The app loads the lazy part of its message catalogue before any page that needs it; tests render those pages directly.
import { loadMessages } from '../src/i18n/i18n';
await loadMessages();

// src/io is handed its words by its caller (the page, each worker): here, the catalogue's, with the report's tables.
import { installIoWords } from '../src/state/io-words';
import { report as reportEn } from '../src/i18n/en/report';
import { report as reportZh } from '../src/i18n/zh-CN/report';
import { riskFlagText } from '../src/i18n/risk-flag-text';
import { recordNames } from '../src/i18n/value-context';
import { valueText } from '../src/i18n/value-text';
installIoWords({ tables: { en: reportEn, 'zh-CN': reportZh }, valueText, recordNames, riskFlagText });
