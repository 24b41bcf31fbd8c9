import type { MethodName, MethodOutput, ParsedInput } from '@shared/api/contract';
import type { BackendContext } from './context';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: BackendContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** A feature's handlers: `export const handlers = {...} satisfies Handlers<'x.a' | 'x.b'>`. */
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };

/** Method names of one feature, by prefix: FeatureMethods<'settings'>. */
export type FeatureMethods<P extends string> = Extract<MethodName, `${P}.${string}`>;
