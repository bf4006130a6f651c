import { core } from './en/core';
import { registers } from './en/registers';
import { criteria } from './en/criteria';
import { impact } from './en/impact';
import { registerUi } from './en/register-ui';

/**
 * Every UI string, English. Parameters are named ({name}) so that a translation can move them
 * to wherever its word order needs them; never build sentences by concatenation. Each area keeps
 * its strings in its own file under ./en; they are merged here into one catalogue.
 */
export const en = { ...core, ...registers, ...registerUi, ...criteria, ...impact } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
