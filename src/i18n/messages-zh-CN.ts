import type { MessageKey } from './messages-en';

/**
 * Every UI string in Simplified Chinese: the files under ./zh-CN (one per area, the same names and
 * export names as ./en) merged into one catalogue, like messages-en.ts. Each file is typed against its
 * English counterpart, so it has every key; an area without a file yet simply shows in English
 * (i18n.ts lays these strings over the English ones). The bundle report's strings (report.ts) are used
 * only inside the export worker and stay out of the page's catalogue.
 */
const areas = import.meta.glob<Record<string, Record<string, string>>>(['./zh-CN/*.ts', '!./zh-CN/report.ts'], { eager: true });

export const zhCN: Partial<Record<MessageKey, string>> = Object.assign({}, ...Object.values(areas).flatMap((m) => Object.values(m)));
