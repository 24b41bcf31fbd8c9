import type { FeatureMethods, Handlers } from '../handler';
import { notImplemented } from '../not-implemented';

export const incomeHandlers = {
  'income.report': () => notImplemented('income.report'),
} satisfies Handlers<FeatureMethods<'income'>>;
