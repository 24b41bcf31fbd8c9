import type { FeatureMethods, Handlers } from '../handler';
import { notImplemented } from '../not-implemented';

export const accountsHandlers = {
  'accounts.list': () => notImplemented('accounts.list'),
  'accounts.create': () => notImplemented('accounts.create'),
  'accounts.update': () => notImplemented('accounts.update'),
  'accounts.delete': () => notImplemented('accounts.delete'),
} satisfies Handlers<FeatureMethods<'accounts'>>;
