import { createSignedFetch, operations, type SignatureAlgorithm } from '@org/nxwa-signing';
import { describeCode, NxcloudError, type MetaErrorDetails } from './errors.js';
import { operationTraits } from './generated/traits.js';

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
   * reset connection, a 5xx, a transient code). Off by default: such a retry can send the message twice. Set a
   * unique `cus_message_id` so that a duplicate can at least be recognised.
   */
  sends?: boolean;
  /** Called before each retry. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** Why the previous attempt failed. */
  error: NxcloudError;
  operation: string;
}

export interface TransportOptions {
  host: string;
  accessKey: string;
  accessSecret: string;
  algorithm?: SignatureAlgorithm;
  fetch?: (request: Request) => Promise<Response>;
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Correct the clock offset from the `Date` header of a 1004 answer and try once more. Default true. */
  correctClockSkew?: boolean;
  /** Initial clock offset in ms, added to the local time of every `ts`. */
  clockOffsetMs?: number;
  now?: () => number;
  /** Waits between retries; replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal | null) => Promise<void>;
  random?: () => number;
}

const abortableSleep = (ms: number, signal: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

interface Outcome {
  response?: Response;
  error?: NxcloudError;
  /** Whether a retry is safe for an operation that sends a message (the server cannot have acted on it). */
  safeForSends?: boolean;
  /** A 1004 answer whose Date header gives the server's clock. */
  serverTime?: number;
}

/**
 * Sends each call of the client: signs every attempt afresh (a new `ts`), applies the timeout, corrects the
 * clock on 1004, and retries with exponential backoff and jitter what can be retried.
 */
export function createTransport(options: TransportOptions) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retry = options.retry ?? {};
  const maxAttempts = Math.max(1, retry.attempts ?? 3);
  const table = operations[options.host as keyof typeof operations] as Record<string, { action: string; bizType: string }>;
  const traits = operationTraits[options.host] ?? {};
  const state = { clockOffsetMs: options.clockOffsetMs ?? 0 };
  const signedFetch = createSignedFetch({
    accessKey: options.accessKey,
    accessSecret: options.accessSecret,
    algorithm: options.algorithm,
    fetch: options.fetch ?? ((r) => globalThis.fetch(r)),
    now,
    clockOffsetMs: () => state.clockOffsetMs,
  });

  async function attempt(request: Request, operation: string): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), timeoutMs);
    const signal = AbortSignal.any([request.signal, timeout.signal]);
    try {
      const response = await signedFetch(new Request(request.clone(), { signal }));
      if (response.status === 429 || response.status >= 500) {
        const error = new NxcloudError({ kind: 'http', status: response.status, message: `HTTP ${response.status} from ${operation}.`, operation, host: options.host, category: 'transient', retryable: true });
        return { response, error, safeForSends: response.status === 429 };
      }
      if (response.status !== 200) return { response };
      const body = await response.clone().json().catch(() => undefined);
      const code = typeof body?.code === 'number' ? body.code : undefined;
      if (code === undefined || code === 0) return { response };
      const known = describeCode(options.host, opKey(operation), code);
      const error = apiError(options.host, operation, body, response.status);
      if (code === 1004) {
        const date = Date.parse(response.headers.get('date') ?? '');
        return { response, error, serverTime: Number.isNaN(date) ? undefined : date, safeForSends: true };
      }
      return known?.retryable ? { response, error } : { response };
    } catch (cause) {
      if (request.signal.aborted) {
        throw new NxcloudError({ kind: 'aborted', message: `${operation} was aborted.`, operation, host: options.host, category: 'transient', retryable: false, cause: request.signal.reason });
      }
      if (timeout.signal.aborted) {
        return { error: new NxcloudError({ kind: 'timeout', message: `${operation} got no answer within ${timeoutMs} ms.`, operation, host: options.host, category: 'transient', retryable: true }) };
      }
      if (cause instanceof NxcloudError || (cause as Error)?.name === 'SigningError') throw cause;
      const refused = /ECONNREFUSED/.test(String((cause as { cause?: { code?: string } })?.cause?.code ?? ''));
      return {
        error: new NxcloudError({ kind: 'network', message: `${operation} failed: ${(cause as Error)?.message ?? String(cause)}.`, operation, host: options.host, category: 'transient', retryable: true, cause }),
        safeForSends: refused,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The fetch of one call of `<METHOD> <path>`. */
  return {
    state,
    fetchFor(operation: string): (request: Request) => Promise<Response> {
      const key = opKey(operation);
      const signing = table[key];
      const isSend = traits[key]?.sends === true;
      return async (request) => {
        if (!signing) throw new NxcloudError({ kind: 'invalid-response', message: `${operation} is not an operation of ${options.host}.`, operation, host: options.host });
        request.headers.set('action', signing.action);
        request.headers.set('bizType', signing.bizType);
        const started = now();
        let clockCorrected = false;
        for (let n = 1; ; n++) {
          const outcome = await attempt(request, operation);
          if (!outcome.error) return outcome.response!;
          const error = outcome.error;
          let delayMs: number | undefined;
          if (outcome.serverTime !== undefined) {
            if (options.correctClockSkew === false || clockCorrected) return outcome.response!;
            clockCorrected = true;
            state.clockOffsetMs = outcome.serverTime - now();
            delayMs = 0;
          } else {
            const allowed = !isSend || retry.sends === true || outcome.safeForSends === true;
            if (!allowed || n >= maxAttempts) return finish(outcome);
            const retryAfter = Number(outcome.response?.headers.get('retry-after'));
            const backoff = Math.min(retry.maxDelayMs ?? 8_000, (retry.baseDelayMs ?? 250) * 2 ** (n - 1));
            delayMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Math.round(backoff * (0.5 + random() / 2));
            if (now() + delayMs - started > (retry.deadlineMs ?? 60_000)) return finish(outcome);
          }
          retry.onRetry?.({ attempt: n + 1, delayMs, error, operation });
          if (delayMs > 0) {
            try {
              await sleep(delayMs, request.signal);
            } catch (cause) {
              throw new NxcloudError({ kind: 'aborted', message: `${operation} was aborted.`, operation, host: options.host, retryable: false, cause });
            }
          }
        }
      };
    },
  };
}

function finish(outcome: Outcome): Response {
  if (outcome.response) return outcome.response;
  throw outcome.error;
}

/** `"POST /api/wa/mt"` → `"post /api/wa/mt"`, the key of the generated tables. */
export const opKey = (operation: string) => {
  const space = operation.indexOf(' ');
  return `${operation.slice(0, space).toLowerCase()} ${operation.slice(space + 1)}`;
};

/** The error for an envelope whose `code` is not 0. */
export function apiError(host: string, operation: string, body: { code: number; message?: unknown; traceId?: unknown; data?: any }, status?: number): NxcloudError {
  const known = describeCode(host, opKey(operation), body.code);
  const meta: MetaErrorDetails | undefined = body.code === 9099 && body.data && typeof body.data.error === 'object' ? body.data.error : undefined;
  const serverMessage = typeof body.message === 'string' && body.message ? body.message : known?.message ?? 'no message';
  return new NxcloudError({
    kind: 'api',
    code: body.code,
    message: `${operation} failed with code ${body.code}: ${serverMessage}${meta?.message ? ` (Meta: ${meta.message})` : ''}`,
    traceId: typeof body.traceId === 'string' ? body.traceId : undefined,
    meta,
    status,
    operation,
    host,
    category: known?.category ?? 'business',
    retryable: known?.retryable ?? false,
    meaning: known?.meaning ?? 'This code is not documented for the operation.',
    remedy: known?.remedy,
  });
}
