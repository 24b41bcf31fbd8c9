import { englishText, type ErrorKey } from '../../i18n/errorText';

/**
 * Every failure that reaches the UI carries a stable code (for logic and tests)
 * and a message written for a private investor, not a programmer.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'IMPORT_REJECTED',
  'UNSUPPORTED_FILE',
  'FORBIDDEN',
  /** The data folder refused a write: read-only, no permission, or a full disk. */
  'STORAGE',
  /** A file or request over a size limit, or the staging area full; details carry limitBytes. */
  'TOO_LARGE',
  'INTERNAL',
  /** A contract method whose handler is not written yet. */
  'NOT_IMPLEMENTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The catalogue message an error is shown with ('errors:…' key and its values);
 * the UI picks the text in the reader's language, `message` is the English one.
 */
export interface ErrorText {
  key: ErrorKey;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  key?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly text: ErrorText | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, text?: ErrorText) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.text = text;
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.text ? { key: this.text.key, ...(this.text.params ? { params: this.text.params } : {}) } : {}),
    };
  }
}

/**
 * An error whose message comes from the errors catalogue: English in `message`
 * (logs, tests, the English UI), the key and values for every other language.
 */
export function localizedError(code: ErrorCode, key: ErrorKey, params?: Record<string, string | number>, details?: unknown): AppError {
  return new AppError(code, englishText(key, params), details, params ? { key, params } : { key });
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
