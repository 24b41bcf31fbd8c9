import { z } from 'zod';
import { defineMethods } from './define';

export const DemoStatus = z.object({
  loaded: z.boolean(),
  securities: z.number().int(),
  transactions: z.number().int(),
  bars: z.number().int(),
  events: z.number().int(),
});
export type DemoStatus = z.infer<typeof DemoStatus>;

/** The sample portfolio: generated data, clearly labelled, removable exactly. */
export const demoMethods = defineMethods({
  'demo.status': { input: z.object({}).strict(), output: DemoStatus },
  'demo.load': {
    input: z.object({}).strict(),
    output: DemoStatus,
    mutates: ['securities', 'transactions', 'prices', 'news', 'demo'],
  },
  'demo.remove': {
    input: z.object({}).strict(),
    output: DemoStatus,
    mutates: ['securities', 'transactions', 'prices', 'news', 'demo'],
  },
});
