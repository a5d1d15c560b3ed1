// The failures a source can have, each saying what happens next (see docs/operations.md, "When things go wrong").

/** The input is not something we can read at all: empty, truncated, corrupt, the wrong kind of file. */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
}

/**
 * The page or file is readable but no longer looks like the one the parser knows (a table or column is
 * missing). The source stops, keeps everything already stored, and reports "layout changed".
 */
export class LayoutChangedError extends Error {
  override readonly name = 'LayoutChangedError';
}

/** A network failure that retrying later may fix (timeouts, 5xx, 429, connection resets). */
export class RetryableFetchError extends Error {
  override readonly name = 'RetryableFetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A fetch that must not be retried: 404, a refused host, a response over the size limit. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
