import { englishText, type ErrorKey, type TextParams } from '../../i18n/errorText';

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
  params?: TextParams;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  key?: string;
  /** Values of the message; a value may be a message of its own ({ key, params }), written in the same language. */
  params?: TextParams;
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
export function localizedError(code: ErrorCode, key: ErrorKey, params?: TextParams, details?: unknown): AppError {
  return new AppError(code, englishText(key, params), details, params ? { key, params } : { key });
}

/** A catalogue message with its values and its English text, for results that carry a reason rather than throw one. */
export function keyedText(key: ErrorKey, params?: TextParams): ErrorText & { message: string } {
  return params ? { key, params, message: englishText(key, params) } : { key, message: englishText(key) };
}

/** localizedError for a message already made with keyedText (or a parser's ErrorText). */
export function textError(code: ErrorCode, text: ErrorText, details?: unknown): AppError {
  return localizedError(code, text.key, text.params, details);
}

/**
 * The VALIDATION error for a form's field problems: the first problem's text (with how many
 * more there are), and every field with its key and values in details.fields for the form.
 */
export function fieldsError(errors: readonly (ErrorText & { field: string; message: string })[]): AppError {
  const [first, ...rest] = errors;
  const fields = errors.map((e) => ({ field: e.field, message: e.message, key: e.key, ...(e.params ? { params: e.params } : {}) }));
  if (first === undefined) return localizedError('VALIDATION', 'errors:code.VALIDATION', undefined, { fields });
  const problem = first.params ? { key: first.key, params: first.params } : { key: first.key };
  return rest.length === 0 ? textError('VALIDATION', first, { fields }) : localizedError('VALIDATION', 'errors:validation.fieldsMore', { problem, count: rest.length }, { fields });
}

/** An AppError again from its JSON form (a worker's failure), keeping code, message, details and catalogue key. */
export function appErrorFromJson(error: ApiError): AppError {
  const text = error.key === undefined ? undefined : { key: error.key as ErrorKey, ...(error.params ? { params: error.params } : {}) };
  return new AppError(error.code, error.message, error.details, text);
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
