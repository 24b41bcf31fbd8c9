import { AppError } from '@shared/domain/common/errors';

/** A contract method whose handler is still being written: fails with a code the UI can show. */
export function notImplemented(method: string): never {
  throw new AppError('NOT_IMPLEMENTED', `${method} is not available yet.`, { method });
}
