import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { EventName, EventPayload } from '@shared/api/events';
import type { StagedFile } from '@shared/api/files';
import {
  HTTP_CALL_PREFIX,
  HTTP_EVENTS_PATH,
  HTTP_FILE_NAME_HEADER,
  HTTP_STAGE_PATH,
  type CallResult,
  type TickerlineBridge,
  type TickerlineClient,
} from '@shared/api/transport';
import type { ApiError, ErrorCode } from '@shared/domain/common/errors';
import { flattenParams, type LooseTextParams, type TextParams, type TextValue } from '@shared/i18n/errorText';
import { FALLBACK_LANGUAGE } from '@shared/i18n/languages';
import { i18n } from '@renderer/i18n/i18n';
import { heldFiles } from './heldFiles';

declare global {
  interface Window {
    tickerline?: TickerlineBridge;
  }
}

/** A failed call, with the backend's code and user-readable message. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly key: string | undefined;
  readonly params: TextParams | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
    this.key = error.key;
    this.params = error.params;
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
    stage: (fileName, bytes) => upload(new File([bytes as Uint8Array<ArrayBuffer>], fileName)),
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
          error: { code: 'INTERNAL', message: i18n.t('errors:backendUnreachable'), key: 'errors:backendUnreachable' },
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

const unreachable = (): CallResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: i18n.t('errors:backendUnreachable'), key: 'errors:backendUnreachable' },
});

/** Browser mode's upload: the file itself is the body, so the browser streams it from disk; no base64, no copy in the page. */
async function upload(file: File): Promise<CallResult<StagedFile>> {
  try {
    const response = await fetch(HTTP_STAGE_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [HTTP_FILE_NAME_HEADER]: encodeURIComponent(file.name) },
      body: file,
    });
    return (await response.json()) as CallResult<StagedFile>;
  } catch {
    return unreachable();
  }
}

const bridge = createBridge();

/**
 * A leaving page's last calls: browser mode sends them as keepalive requests, which the browser
 * completes after the page is gone (a plain fetch would be cancelled with it); the desktop
 * bridge's IPC message is on its way as soon as it is sent.
 */
const held = heldFiles((stagedIds) => {
  if (window.tickerline) {
    void window.tickerline.call('files.discardMany', { stagedIds }).catch(() => undefined);
    return;
  }
  void fetch(`${HTTP_CALL_PREFIX}${encodeURIComponent('files.discardMany')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ stagedIds }),
    keepalive: true,
  }).catch(() => undefined);
});
// A page put in the back/forward cache (persisted) may come back with its cards: its files stay (the idle sweep is their limit).
if (typeof window.addEventListener === 'function') {
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) held.releaseAll();
  });
}

/**
 * A picked, dropped or pasted file staged once in the backend; preview, mapping changes and
 * import then name its id. The desktop app hands the bytes over IPC (a structured clone that
 * lives only for the call); browser mode uploads the file as its raw bytes.
 */
export async function stageFile(file: File): Promise<StagedFile> {
  const result = window.tickerline ? await bridge.stage(file.name, new Uint8Array(await file.arrayBuffer())) : await upload(file);
  if (!result.ok) throw new ApiCallError(result.error);
  held.staged(result.value.stagedId);
  return result.value;
}

/** Lets a staged file go (removed or cancelled); a failure only means it was gone already. */
export function discardStaged(stagedId: string): void {
  held.discarded(stagedId);
  void bridge.call('files.discard', { stagedId }).catch(() => undefined);
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

export const api: TickerlineClient = createClient(bridge);

/** The general message per code, for an error the backend sent without a catalogue key. */
const CODE_MESSAGES = {
  VALIDATION: 'errors:code.VALIDATION',
  NOT_FOUND: 'errors:code.NOT_FOUND',
  CONFLICT: 'errors:code.CONFLICT',
  UNKNOWN_METHOD: 'errors:code.UNKNOWN_METHOD',
  IMPORT_REJECTED: 'errors:code.IMPORT_REJECTED',
  UNSUPPORTED_FILE: 'errors:code.UNSUPPORTED_FILE',
  FORBIDDEN: 'errors:code.FORBIDDEN',
  STORAGE: 'errors:code.STORAGE',
  TOO_LARGE: 'errors:code.TOO_LARGE',
  INTERNAL: 'errors:code.INTERNAL',
  NOT_IMPLEMENTED: 'errors:code.NOT_IMPLEMENTED',
} as const satisfies Record<ErrorCode, string>;

/**
 * A failure in the reader's language: the backend's catalogue key with its
 * values where it sent one; otherwise its English text to an English reader and
 * the general message for the error's code to everyone else, so nobody reads a
 * refusal in a language they did not choose.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.key !== undefined) {
      const text = localText(error.key, error.params);
      if (text !== null) return text;
    }
    if (i18n.language === FALLBACK_LANGUAGE) return error.message;
    return i18n.t(CODE_MESSAGES[error.code]);
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A catalogue message (the backend's key and values, a nested message among them) in the
 * reader's language, or null when this catalogue does not have the key.
 */
export function localText(key: string, params?: LooseTextParams): string | null {
  // The key is the backend's string; the cast names one catalogue key so t() accepts it.
  const translate = (k: string, p: Record<string, TextValue>): string => (i18n.exists(k, p) ? i18n.t(k as 'errors:internal', p) : k);
  const values = flattenParams(params, translate);
  // exists() needs the values too: a plural key exists only as its _one/_other forms.
  return i18n.exists(key, values) ? i18n.t(key as 'errors:internal', values) : null;
}

/**
 * A problem the backend reported with English text (`message` or `reason`) and, where its reader
 * gave one, a catalogue key: the key's text in the reader's language, else the English words.
 */
export function problemText(problem: { message?: string; reason?: string; key?: string | undefined; params?: LooseTextParams | undefined }): string {
  const english = problem.message ?? problem.reason ?? '';
  if (problem.key === undefined) return english;
  return localText(problem.key, problem.params) ?? english;
}
