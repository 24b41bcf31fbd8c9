import type { z } from 'zod';
import type { Topic } from './topics';

/**
 * One backend method: the zod schema its input must pass (checked by the router
 * before any handler runs) and the schema of what it returns (types only in the
 * app; in test mode the router parses every output against it, so a handler
 * that drifts from its contract fails the tests).
 */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Methods that change stored data; the router announces them as `data.changed`. */
  mutates?: readonly Topic[];
}

export type MethodMap = Record<string, MethodSpec>;

/** Identity helper that keeps the literal method names of a feature's slice. */
export function defineMethods<const T extends MethodMap>(methods: T): T {
  return methods;
}
