import { z } from 'zod';

/**
 * What stored data a change touches. A method lists the topics it changes
 * (`mutates` in its spec); the router announces them as `data.changed`, and each
 * screen refetches when a topic it shows is among them. A new kind of stored
 * data adds its topic here.
 */
export const TOPICS = ['settings', 'securities', 'transactions', 'prices', 'news', 'demo', 'holdings', 'backup', 'accounts', 'cash'] as const;
export type Topic = (typeof TOPICS)[number];
export const Topic = z.enum(TOPICS);

/** Whether a change announced with `changed` concerns a screen that shows `shown`. */
export function touches(changed: readonly Topic[], shown: readonly Topic[]): boolean {
  return changed.some((t) => shown.includes(t));
}
