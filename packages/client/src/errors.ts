import { errorEntries, operationErrors } from './generated/errors.js';

/** How to think about a failure: fix the credentials, fix the request, fix the account, or try again later. */
export type ErrorCategory = 'auth' | 'parameter' | 'business' | 'transient';

/** Where a failure came from. */
export type ErrorKind =
  /** NxCloud answered with a non-zero `code`. */
  | 'api'
  /** An HTTP status other than 200 (e.g. 429, 502). */
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
  readonly kind: ErrorKind;
  /** NxCloud's result code (kind `api`). */
  readonly code?: number;
  readonly traceId?: string;
  /** Meta's error, when `code` is 9099. */
  readonly meta?: MetaErrorDetails;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
  /** `"<METHOD> <path>"` of the operation. */
  readonly operation?: string;
  readonly host?: string;
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  /** What the code means, from the specs. */
  readonly meaning?: string;
  /** What to do about it, from the specs. */
  readonly remedy?: string;

  constructor(init: NxcloudErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.traceId = init.traceId;
    this.meta = init.meta;
    this.status = init.status;
    this.operation = init.operation;
    this.host = init.host;
    this.category = init.category ?? 'transient';
    this.retryable = init.retryable ?? false;
    this.meaning = init.meaning;
    this.remedy = init.remedy;
  }
}

export interface DocumentedCode {
  code: number;
  message: string;
  meaning: string;
  remedy: string;
  category: ErrorCategory;
  retryable: boolean;
}

/** The codes the specs document for an operation (`key` is `"<method> <path>"`, e.g. `"post /api/wa/mt"`). */
export function documentedCodes(host: string, key: string): DocumentedCode[] {
  return (operationErrors[host]?.[key] ?? []).map((i) => {
    const [code, message, meaning, remedy, category, retryable] = errorEntries[i];
    return { code, message, meaning, remedy, category, retryable };
  });
}

/** What the specs say of `code` for this operation; else of the same code on another operation of the host. */
export function describeCode(host: string, key: string, code: number): DocumentedCode | undefined {
  const own = documentedCodes(host, key).find((c) => c.code === code);
  if (own) return own;
  for (const other of Object.keys(operationErrors[host] ?? {})) {
    const found = documentedCodes(host, other).find((c) => c.code === code);
    if (found) return found;
  }
  return undefined;
}
