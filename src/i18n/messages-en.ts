import { core } from './en/core';
import { registers } from './en/registers';
import { criteria } from './en/criteria';
import { impact } from './en/impact';
import { registerUi } from './en/register-ui';
import { exchange } from './en/exchange';
import { sheets } from './en/sheets';
import { sheetHeaders } from './en/sheet-headers';
import { sheetProblems } from './en/sheet-problems';
import { mapping } from './en/mapping';
import { cycle } from './en/cycle';
import { cycleUi } from './en/cycle-ui';
import { readinessMessages } from './en/readiness';
import { tasksMessages } from './en/tasks';
import { historyMessages } from './en/history';
import { printMessages } from './en/print';
import { conflictMessages } from './en/conflict';
import { oscalMessages } from './en/oscal';
import { crosswalkMessages } from './en/crosswalk';
import { iso27001Messages } from './en/iso27001';
import { mergeMessages } from './en/merge';
import { shellMessages } from './en/shell';

/**
 * Every UI string, English. Parameters are named ({name}) so that a translation can move them
 * to wherever its word order needs them; never build sentences by concatenation. Each area keeps
 * its strings in its own file under ./en; they are merged here into one catalogue. The bundle
 * report's strings (./en/report.ts) are used only inside the export worker, so they stay out of
 * the page's catalogue and its first-screen weight.
 */
export const en = {
  ...core,
  ...registers,
  ...registerUi,
  ...criteria,
  ...impact,
  ...exchange,
  ...sheets,
  ...sheetHeaders,
  ...sheetProblems,
  ...mapping,
  ...cycle,
  ...cycleUi,
  ...readinessMessages,
  ...tasksMessages,
  ...printMessages,
  ...historyMessages,
  ...conflictMessages,
  ...oscalMessages,
  ...crosswalkMessages,
  ...iso27001Messages,
  ...mergeMessages,
  ...shellMessages,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
