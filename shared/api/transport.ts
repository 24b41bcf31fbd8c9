import type { ApiError } from '../domain/common/errors';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { StagedFile } from './files';

/**
 * What crosses a process or network boundary. Errors travel as values because
 * Electron's IPC strips everything but the message from thrown errors.
 */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

export const IPC_CALL_CHANNEL = 'tickerline:call';
export const IPC_EVENT_CHANNEL = 'tickerline:event';
/** A dropped or chosen file's bytes, staged once in the backend (shared/api/files.ts). */
export const IPC_STAGE_CHANNEL = 'tickerline:stage';

/** The raw bridge the preload exposes as `window.tickerline`. */
export interface TickerlineBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
  /** Hands a file's raw bytes to the backend's staging area once; preview and import then name its id. */
  stage(fileName: string, bytes: Uint8Array): Promise<CallResult<StagedFile>>;
}

/** The typed client every UI module uses. */
export interface TickerlineClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** HTTP routes of browser mode; the token header carries the per-run secret. */
export const HTTP_TOKEN_HEADER = 'x-tickerline-token';
export const HTTP_CALL_PREFIX = '/api/call/';
export const HTTP_EVENTS_PATH = '/api/events';
/** Browser mode's upload: the file's raw bytes as the body, its name (URI-encoded) in a header. */
export const HTTP_STAGE_PATH = '/api/stage';
export const HTTP_FILE_NAME_HEADER = 'x-tickerline-file-name';
