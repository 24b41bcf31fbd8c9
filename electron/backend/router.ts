import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '@shared/api/contract';
import type { CallResult } from '@shared/api/transport';
import { AppError, type ApiError, localizedError } from '@shared/domain/common/errors';
import { backupHandlers } from './backup/handlers';
import { chartsHandlers } from './charts/handlers';
import { demoHandlers } from './demo/handlers';
import type { BackendContext } from './context';
import { storageError } from './data-folder/storage-errors';
import { exportHandlers } from './export/handlers';
import { filesHandlers } from './files/handlers';
import type { Handler, Handlers } from './handler';
import { newsHandlers } from './news/handlers';
import { pricesHandlers } from './prices/handlers';
import { settingsHandlers } from './settings/handlers';
import { systemHandlers } from './system/handlers';
import { securitiesHandlers } from './securities/handlers';
import { transactionsHandlers } from './transactions/handlers';
import { updatesHandlers } from './updates/handlers';
import { holdingsHandlers } from './holdings/handlers';
import { accountsHandlers } from './accounts/handlers';
import { cashHandlers } from './cash/handlers';
import { returnsHandlers } from './returns/handlers';
import { incomeHandlers } from './income/handlers';

/** Every contract method's implementation; the type fails to compile if one is missing. */
export const handlers: Handlers<MethodName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...chartsHandlers,
  ...demoHandlers,
  ...securitiesHandlers,
  ...transactionsHandlers,
  ...holdingsHandlers,
  ...pricesHandlers,
  ...backupHandlers,
  ...exportHandlers,
  ...newsHandlers,
  ...accountsHandlers,
  ...cashHandlers,
  ...returnsHandlers,
  ...incomeHandlers,
  ...updatesHandlers,
  ...filesHandlers,
};

export type Dispatch = (method: string, input: unknown) => Promise<CallResult>;

/**
 * The single entry point for IPC and HTTP alike: checks the method name, parses
 * the input with the contract's schema, runs the handler and turns any failure
 * into an {code, message, details} value the UI can show. In test mode every
 * output is also parsed against the method's output schema: a handler that
 * returns something its contract does not describe fails with INTERNAL
 * (OUTPUT_MISMATCH in the details), so every test that calls it fails.
 */
export function createDispatcher(ctx: BackendContext, log: (error: unknown) => void = console.error): Dispatch {
  const checkOutputs = ctx.mode === 'test';
  /**
   * Writes take turns (issue 13 part 7). An import writes on its worker's own connection for
   * seconds; a write on the main connection meanwhile would wait inside SQLite's busy handler,
   * blocking this thread, and fail with "database is locked" after 5 s. Queued here instead,
   * it waits without blocking anything, runs once the import has committed, and succeeds.
   * Reads never wait: WAL lets them see the last committed state.
   */
  let writes: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = writes.then(fn, fn);
    writes = run.catch(() => undefined);
    return run;
  };
  return async (method, input) => {
    if (!isMethodName(method)) {
      return failure({ code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}".` });
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure({
        code: 'VALIDATION',
        message: describeIssues(parsed.error),
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
      });
    }
    try {
      const handler = handlers[method] as Handler<typeof method>;
      const run = async (): Promise<unknown> => handler(parsed.data as never, ctx);
      const value: unknown = 'mutates' in spec ? await inTurn(run) : await run();
      if (checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new OutputMismatch(method, checked.error);
      }
      const topics = 'mutates' in spec ? spec.mutates : undefined;
      if (topics && topics.length > 0) ctx.emit('data.changed', { topics: [...topics] });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toJSON());
      const storage = storageError(error, ctx.dataDir);
      if (storage) return failure(storage.toJSON());
      log(error);
      return failure(localizedError('INTERNAL', 'errors:internal', undefined, { cause: error instanceof Error ? error.message : String(error) }).toJSON());
    }
  };
}

/** A handler's value that its output schema rejects (test mode only). */
class OutputMismatch extends Error {
  constructor(method: string, error: z.ZodError) {
    super(`OUTPUT_MISMATCH: ${method} returned a value its output schema rejects: ${describeIssues(error)}`);
  }
}

function failure(error: ApiError): CallResult {
  return { ok: false, error };
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request was not valid.';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}
