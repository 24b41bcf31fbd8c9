import type { FeatureMethods, Handlers } from '../handler';
import { notImplemented } from '../not-implemented';

export const cashHandlers = {
  'cash.list': () => notImplemented('cash.list'),
  'cash.check': () => notImplemented('cash.check'),
  'cash.create': () => notImplemented('cash.create'),
  'cash.update': () => notImplemented('cash.update'),
  'cash.delete': () => notImplemented('cash.delete'),
  'cash.restore': () => notImplemented('cash.restore'),
  'cash.balances': () => notImplemented('cash.balances'),
} satisfies Handlers<FeatureMethods<'cash'>>;
