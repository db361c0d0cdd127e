import { errorEntries, operationTable } from './generated/operations.js';
import type { Outcome } from './retry.js';

export type { Outcome } from './retry.js';

/**
 * How to think about a failure: fix the credentials (`auth`), fix the request (`parameter`), fix the account
 * (`business`), fix the client's set-up — `baseUrl`, a redirect, an unknown host (`config`) — , it was cancelled by
 * the caller (`cancelled`), or try again later (`transient`).
 */
export type ErrorCategory = 'auth' | 'parameter' | 'business' | 'config' | 'cancelled' | 'transient';

/** Where a failure came from. */
export type ErrorKind =
  /** NxCloud answered with a non-zero `code`. */
  | 'api'
  /** An HTTP status other than 200 (e.g. 429, 502, 404), whatever body it carries, or a redirect. */
  | 'http'
  /** The request never got an answer (connection refused, reset, DNS). */
  | 'network'
  /** An attempt took longer than the timeout, or the retries ran past their deadline. */
  | 'timeout'
  /** The caller aborted the request. */
  | 'aborted'
  /** The answer was not the JSON envelope the spec describes. */
  | 'invalid-response';

/** Meta's error object, carried by code 9099. */
export interface MetaErrorDetails {
  code?: number | string;
  message?: string;
  type?: string;
  fbtrace_id?: string;
  error_data?: { messaging_product?: string; details?: string };
}

export interface NxcloudErrorInit {
  kind: ErrorKind;
  message: string;
  code?: number;
  traceId?: string;
  meta?: MetaErrorDetails;
  status?: number;
  operation?: string;
  host?: string;
  category?: ErrorCategory;
  retryable?: boolean;
  outcome?: Outcome;
  meaning?: string;
  remedy?: string;
  cause?: unknown;
}

/**
 * A failed call. For an NxCloud failure (`kind: 'api'`) it carries the `code`, the server's `message`, the
 * `traceId`, Meta's error for 9099, and — from the specs — what the code means, the documented remedy, its
 * category and whether a retry can help.
 */
export class NxcloudError extends Error {
  override readonly name = 'NxcloudError';
  declare readonly kind: ErrorKind;
  /** NxCloud's result code (kind `api`). */
  declare readonly code?: number;
  declare readonly traceId?: string;
  /** Meta's error, when `code` is 9099. */
  declare readonly meta?: MetaErrorDetails;
  /** The HTTP status, when there was an answer. */
  declare readonly status?: number;
  /** `"<METHOD> <path>"` of the operation. */
  declare readonly operation?: string;
  declare readonly host?: string;
  declare readonly category: ErrorCategory;
  /**
   * Whether the client's retry policy tries this failure again (signed afresh): it can pass, and trying again
   * cannot carry the request out twice. A send whose `outcome` is `unknown` is not retryable unless
   * `retry: { sends: true }`.
   */
  declare readonly retryable: boolean;
  /**
   * Whether the server may have carried the request out: `not-carried-out` (it answered that it did not, or never
   * got it) or `unknown` (a 5xx, a timeout, a reset connection: a send may have gone out — look for it before
   * sending again).
   */
  declare readonly outcome: Outcome;
  /** What the code means, from the specs. */
  declare readonly meaning?: string;
  /** What to do about it, from the specs. */
  declare readonly remedy?: string;

  constructor({ message, cause, ...fields }: NxcloudErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { category: 'transient', retryable: false, outcome: 'unknown' }, fields);
  }
}

export interface DocumentedCode {
  code: number;
  meaning: string;
  remedy: string;
  category: ErrorCategory;
  retryable: boolean;
}

interface CodeClass {
  code: number;
  category: ErrorCategory;
  retryable: boolean;
  /** Index of the entry in the generated tables. */
  index: number;
}

export const codesOf = (host: string, key: string): CodeClass[] =>
  (operationTable[host]?.[opKey(key)]?.[3] ?? []).map((index) => {
    const [code, category, retryable] = errorEntries[index];
    return { code, category, retryable, index };
  });

/** `"POST /api/wa/mt"` → `"post /api/wa/mt"`, the key of the generated tables. */
export const opKey = (operation: string) => {
  const space = operation.indexOf(' ');
  return `${operation.slice(0, space).toLowerCase()} ${operation.slice(space + 1)}`;
};

/**
 * How the specs class `code` for this operation (`key` is `"<METHOD> <path>"`, e.g. `"POST /api/wa/mt"`); else
 * for another operation of the host that documents it.
 */
export function classifyCode(host: string, key: string, code: number): CodeClass | undefined {
  const own = codesOf(host, key).find((c) => c.code === code);
  if (own) return own;
  for (const other of Object.keys(operationTable[host] ?? {})) {
    const found = codesOf(host, other).find((c) => c.code === code);
    if (found) return found;
  }
  return undefined;
}

// The texts are loaded on the first failure only: they are most of the catalogue's weight.
export const loadTexts = () => import('./generated/error-texts.js').then((m) => m.errorTexts);

/**
 * Every code the specs document for an operation (`"POST /api/wa/mt"` or `"post /api/wa/mt"`, as in
 * `error.operation`), with its meaning and remedy. Throws for a host or operation the specs do not have.
 */
export const documentedCodes = async (host: string, key: string): Promise<DocumentedCode[]> =>
  // Loaded with the texts, on first use: it is failure-time code, as the texts are.
  (await import('./failures.js')).documentedCodes(host, key);

/** What the specs say of `code` for this operation (or, failing that, for another operation of the host). */
export const describeCode = async (host: string, key: string, code: number): Promise<DocumentedCode | undefined> =>
  // Loaded with the texts, on first use: it is failure-time code, as the texts are.
  (await import('./failures.js')).describeCode(host, key, code);
