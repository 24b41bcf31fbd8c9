import type { FeatureMethods, Handlers } from '../handler';
import { notImplemented } from '../not-implemented';

export const returnsHandlers = {
  'returns.summary': () => notImplemented('returns.summary'),
  'returns.series': () => notImplemented('returns.series'),
  'returns.rolling': () => notImplemented('returns.rolling'),
} satisfies Handlers<FeatureMethods<'returns'>>;
