import { assertCredentials, signatureHeaders, type SignatureAlgorithm } from '@org/nxwa-signing';
import { classifyCode, describeCode, NxcloudError, type MetaErrorDetails, type NxcloudErrorInit } from './errors.js';
import { operationTable, SENDS } from './generated/operations.js';

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
  /** Only ever hashed: never sent, logged or put in an error. */
  accessSecret: string;
  /** `md5` (default) or `sha256`. */
  algorithm?: SignatureAlgorithm;
  /** The fetch that sends each attempt; `globalThis.fetch` by default. */
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Correct the clock offset from the `Date` header of a 1004 answer and try once more. Default true. */
  correctClockSkew?: boolean;
  /** Initial clock offset in ms (server time minus local time), added to the local time of every `ts`. */
  clockOffsetMs?: number;
  /** Seams for tests: the clock, the wait between retries, the jitter. */
  now?: () => number;
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
  const table = operationTable[options.host] ?? {};
  const state = { clockOffsetMs: options.clockOffsetMs ?? 0 };
  assertCredentials(options);

  // A failure of the transport itself (not an answer of NxCloud's): all are transient.
  const failure = (kind: 'http' | 'network' | 'timeout' | 'aborted', operation: string, message: string, extra: Partial<NxcloudErrorInit> = {}) =>
    new NxcloudError({ kind, message: `${operation} ${message}`, operation, host: options.host, category: 'transient', retryable: kind !== 'aborted', ...extra });

  /** One network attempt: signed now, over the bytes read once for the whole call. */
  async function attempt(call: Call, operation: string): Promise<Outcome> {
    const controller = new AbortController();
    const { signal } = call;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    try {
      const { headers } = call;
      const signed = signatureHeaders({
        accessKey: options.accessKey,
        accessSecret: options.accessSecret,
        algorithm: options.algorithm,
        action: call.action,
        bizType: call.bizType,
        ts: Math.round(now() + state.clockOffsetMs),
        body: call.multipart ? undefined : (call.body as string | Uint8Array | undefined),
      });
      for (const name in signed) headers.set(name, signed[name]);
      const init = { method: call.method, headers, body: call.body, signal: controller.signal };
      const response = await (options.fetch ? options.fetch(new Request(call.url, init)) : globalThis.fetch(call.url, init));
      if (response.status === 429 || response.status >= 500) {
        const error = failure('http', operation, `answered HTTP ${response.status}.`, { status: response.status });
        return { response, error, safeForSends: response.status === 429 };
      }
      if (response.status !== 200) return { response };
      // The answer is read and parsed here, once; the client takes the result from `parsed` (openapi-fetch, told
      // to parse as a stream, hands the response on without reading it).
      const text = await response.text();
      let body: any;
      try {
        body = JSON.parse(text);
        parsed.set(response, { json: body });
      } catch (error) {
        parsed.set(response, { error });
        return { response };
      }
      const code = typeof body?.code === 'number' ? body.code : undefined;
      if (code === undefined || code === 0) return { response };
      // The error is built here only when a retry may follow; the client builds the one it returns.
      if (code !== 1004 && !classifyCode(options.host, opKey(operation), code)?.retryable) return { response };
      const error = await apiError(options.host, operation, body, response.status);
      if (code === 1004) {
        const date = Date.parse(response.headers.get('date') ?? '');
        return { response, error, serverTime: Number.isNaN(date) ? undefined : date, safeForSends: true };
      }
      return { response, error };
    } catch (cause) {
      if (signal?.aborted) throw failure('aborted', operation, 'was aborted.', { cause: signal.reason });
      if (timedOut) return { error: failure('timeout', operation, `got no answer within ${timeoutMs} ms.`) };
      if (cause instanceof NxcloudError) throw cause;
      const refused = /ECONNREFUSED/.test(String((cause as { cause?: { code?: string } })?.cause?.code ?? ''));
      return { error: failure('network', operation, `failed: ${(cause as Error)?.message ?? String(cause)}.`, { cause }), safeForSends: refused };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The fetch of one call of `<METHOD> <path>`. */
  return {
    state,
    fetchFor(operation: string, serialized?: () => string | undefined): (request: Request | PlannedRequest) => Promise<Response> {
      const key = opKey(operation);
      const entry = table[key];
      const isSend = ((entry?.[2] ?? 0) & SENDS) !== 0;
      return async (request) => {
        if (!entry) throw new NxcloudError({ kind: 'invalid-response', message: `${operation} is not an operation of ${options.host}.`, operation, host: options.host });
        let call: Call;
        if (request instanceof PlannedRequest) {
          const { method, headers, body, signal } = request.init;
          // openapi-fetch built these headers for this call alone; each attempt overwrites the signature headers.
          const own = headers instanceof Headers ? headers : new Headers(headers);
          call = { url: request.url, method: method ?? 'GET', headers: own, body: body as Call['body'], multipart: body instanceof FormData, signal, action: entry[0], bizType: entry[1] };
        } else {
          // A real Request (middleware is in use): its body is the JSON text openapi-fetch serialised, when it
          // says so; otherwise (multipart) the bytes it holds, read once.
          const contentType = request.headers.get('content-type') ?? '';
          const body = serialized?.() ?? (request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()));
          call = { url: request.url, method: request.method, headers: new Headers(request.headers), body, multipart: /^\s*multipart\/form-data/i.test(contentType), signal: request.signal, action: entry[0], bizType: entry[1] };
        }
        const started = now();
        let clockCorrected = false;
        for (let n = 1; ; n++) {
          const outcome = await attempt(call, operation);
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
              await sleep(delayMs, call.signal ?? null);
            } catch (cause) {
              throw failure('aborted', operation, 'was aborted.', { cause });
            }
          }
        }
      };
    },
  };
}

/**
 * What openapi-fetch builds for a call when no middleware needs a real `Request`: the URL and init, kept as they
 * are, so that each attempt goes to `fetch(url, init)` without a Request (and its body stream) built and read
 * back in between.
 */
export class PlannedRequest {
  readonly url: string;
  readonly init: RequestInit;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
  }
}

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body?: string | Uint8Array<ArrayBuffer> | FormData;
  multipart: boolean;
  signal?: AbortSignal | null;
  action: string;
  bizType: string;
}

/** The answers the transport has read and parsed, by the response handed to openapi-fetch. */
export const parsed = new WeakMap<Response, { json: unknown } | { error: unknown }>();

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
export async function apiError(host: string, operation: string, body: { code: number; message?: unknown; traceId?: unknown; data?: any }, status?: number): Promise<NxcloudError> {
  const known = await describeCode(host, opKey(operation), body.code);
  const meta: MetaErrorDetails | undefined = body.code === 9099 && body.data && typeof body.data.error === 'object' ? body.data.error : undefined;
  const serverMessage = typeof body.message === 'string' && body.message ? body.message : known?.meaning ?? 'no message';
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
