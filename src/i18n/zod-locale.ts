import { z } from 'zod';
import type { Locale } from './i18n';

/**
 * zod words the problems it finds (shown, for instance, for a record of a bundle that breaks its
 * schema) in English by default; with the UI in another language its own translation is used (a
 * small lazy chunk of zod's). English is the wording zod started with, kept at the first switch.
 * Applied in the spreadsheet and bundle workers (a check or a bundle import words its problems
 * there); the page keeps zod in English: importing zod here from the page split zod into one more
 * first-screen chunk (+1 KB).
 */
let english: ReturnType<typeof z.config>['localeError'];
const translations: Record<Exclude<Locale, 'en'>, () => Promise<{ default: () => Parameters<typeof z.config>[0] }>> = {
  'zh-CN': () => import('zod/v4/locales/zh-CN.js'),
};

export async function applyZodLocale(l: Locale): Promise<void> {
  english ??= z.config().localeError;
  if (l === 'en') z.config({ localeError: english });
  else z.config((await translations[l]()).default());
}
