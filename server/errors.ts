// Errors the web layer turns into responses: a status and a message that is safe to show, and the
// query parameter at fault when there is one (the JSON error names it: `{"error": {"parameter": …}}`).
import { FilterError } from './reports/filters.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }

  /** A filter that failed validation: its message, and its parameter named. */
  static of(error: FilterError, status = 400): HttpError {
    return new HttpError(status, error.message, error.parameter);
  }
}

/** Runs `fn`, answering a FilterError as a 400 (or `status`) naming the parameter. */
export function validating<T>(fn: () => T, status = 400): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FilterError) throw HttpError.of(error, status);
    throw error;
  }
}
