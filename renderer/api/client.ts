import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { EventName, EventPayload } from '@shared/api/events';
import {
  HTTP_CALL_PREFIX,
  HTTP_EVENTS_PATH,
  type CallResult,
  type TickerlineBridge,
  type TickerlineClient,
} from '@shared/api/transport';
import type { ApiError, ErrorCode } from '@shared/domain/common/errors';

declare global {
  interface Window {
    tickerline?: TickerlineBridge;
  }
}

/** A failed call, with the backend's code and user-readable message. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/**
 * The one place the UI talks to the backend. In the desktop app that is the
 * preload bridge (IPC); in browser mode the same calls go over HTTP to
 * 127.0.0.1, authorised by the HttpOnly session cookie the server set when the
 * printed address was opened (the page's scripts never see the secret).
 */
function createBridge(): TickerlineBridge {
  if (window.tickerline) return window.tickerline;
  return {
    async call(method, input) {
      try {
        const response = await fetch(`${HTTP_CALL_PREFIX}${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as CallResult;
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Tickerline’s backend is not reachable. Is `npm run web` still running?' },
        };
      }
    },
    on(listener) {
      const source = new EventSource(HTTP_EVENTS_PATH);
      const onMessage = (message: MessageEvent<string>): void => {
        const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
        listener(event, payload);
      };
      source.addEventListener('message', onMessage);
      return () => source.close();
    },
  };
}

function createClient(bridge: TickerlineBridge): TickerlineClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribeBridge: (() => void) | undefined;
  const ensureSubscribed = (): void => {
    unsubscribeBridge ??= bridge.on((event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await bridge.call(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      ensureSubscribed();
      const set = listeners.get(event) ?? new Set();
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      listeners.set(event, set);
      return () => set.delete(untyped);
    },
  };
}

export const api: TickerlineClient = createClient(createBridge());

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
