/** An answer of the API that is not a success: status + ApiError body ({error, message, expected?}). */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly expected: number | undefined;
  /** Seconds after which a retry may succeed, sent as Retry-After (a busy server's 503). */
  retryAfter: number | undefined = undefined;

  constructor(status: number, code: string, message: string, expected?: number) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.expected = expected;
  }
}

export const unauthorized = (message = 'Sign in again: the session token is missing, wrong or expired.') =>
  new ApiFailure(401, 'unauthorized', message);
