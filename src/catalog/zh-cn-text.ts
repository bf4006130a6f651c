import text from '../../catalog/iso42001/zh-CN.json';

/** The Simplified Chinese catalog text, behind a module so that it is a lazy chunk of its own (see load-catalog.ts). */
export const zhCnText: unknown = text;
