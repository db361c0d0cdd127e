// The retry policy, in one place: which failures another attempt can cure, which of them are safe to try again for
// an operation that sends a message; how long to wait is in backoff.ts, loaded after a failure only.
// Every error's `retryable` is this policy's verdict, and the retry loop follows `retryable`: they cannot disagree.

export interface RetryOptions {
  /** Attempts in all, the first included. Default 3; 1 turns retries off. */
  attempts?: number;
  /** First backoff delay in ms (doubled each retry, with jitter). Default 250. */
  baseDelayMs?: number;
  /** Largest backoff delay in ms. Default 8 000. */
  maxDelayMs?: number;
  /** No retry starts later than this many ms after the call began. Default 60 000. */
  deadlineMs?: number;
  /**
   * Also retry operations that send a message after a failure that may have reached the server (a timeout, a
   * reset connection, a 5xx: `error.outcome === 'unknown'`). Off by default: such a retry can send the message
   * twice. Set a unique `cus_message_id` so that a duplicate can at least be recognised.
   */
  sends?: boolean;
  /** Called before each retry. */
  onRetry?: (info: import('./transport.js').RetryInfo) => void;
}

/**
 * Whether the server may have carried out the failed request: `not-carried-out` when it answered that it did not
 * (an error code, a 4xx, a 429) or never got it (a refused connection, a name that does not resolve, an abort
 * before sending); `unknown` when it may have (a 5xx, a 408, a timeout, a reset connection, an abort in flight).
 */
export type Outcome = 'not-carried-out' | 'unknown';

/** HTTP statuses another attempt can cure: the server timed out waiting (408), throttled (429), or failed (5xx). */
export const transientStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** A 429 is refused before any work; a 5xx may come after it (the server acted, then failed), and so may a proxy's 408. */
export const statusOutcome = (status: number): Outcome =>
  status === 408 || status >= 500 ? 'unknown' : 'not-carried-out';

/** Network failures that happen before a request leaves: the connection was refused, or the name did not resolve. */
export const networkOutcome = (code: string): Outcome =>
  code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'not-carried-out' : 'unknown';

/** Every network failure can pass, but a host name that does not exist (a wrong baseUrl). */
export const transientNetwork = (code: string) => code !== 'ENOTFOUND';

/**
 * The verdict: another attempt can help (`transient`), and it cannot carry the request out twice — the first one
 * was not carried out, or the operation sends no message (`resendable`), or the caller allowed resending sends.
 */
export const mayRetry = (transient: boolean, outcome: Outcome, resendable: boolean) =>
  transient && (resendable || outcome === 'not-carried-out');
