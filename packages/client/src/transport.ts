import { assertCredentials, type SignatureAlgorithm, signatureHeaders } from '@org/nxwa-signing';
import { startDeadline } from './deadline.js';
import { classifyCode, type ErrorKind, NxcloudError, type NxcloudErrorInit, opKey } from './errors.js';
import { BODILESS, BODILESS_CONTENT_TYPE, type OperationEntry, SENDS } from './generated/operations.js';
import { mayRetry, type RetryOptions, statusOutcome, transientStatus } from './retry.js';

export type { RetryOptions } from './retry.js';

/** What one attempt was, as logged. */
export interface AttemptLog {
  operation: string;
  attempt: number;
  ms: number;
  status?: number;
  code?: number;
  traceId?: string;
  /** The failure's kind, when the attempt failed. */
  error?: string;
  /** The recipient, masked unless `maskRecipients: false`. */
  to?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Partial<Record<LogLevel, (line: string, fields: AttemptLog) => void>>;

/** `8613600009759` → `861********59`: enough to tell numbers apart in a log, not enough to message them. */
export const maskNumber = (value: string) =>
  value.length <= 5
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 5)}${value.slice(-2)}`;

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
  /** Largest clock offset in ms a 1004 answer's `Date` header may set; a larger one is refused. Default one day. */
  maxClockOffsetMs?: number;
  /** Largest answer read, in bytes; a larger one fails the call. Default 4 MiB. */
  maxResponseBytes?: number;
  /** Initial clock offset in ms (server time minus local time), added to the local time of every `ts`. */
  clockOffsetMs?: number;
  /**
   * Gets one line per attempt (`info` for an answer with code 0, `warn` otherwise): operation, HTTP status, `code`,
   * attempt, ms, `traceId`, and the recipient masked. `console` works. The secret is never in it.
   */
  logger?: Logger;
  /** Recipients (`to`) in log lines and error messages are masked (`861********59`) unless this is false. */
  maskRecipients?: boolean;
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

/** What the transport parsed of an answer with HTTP 200: the JSON, or why it is not JSON. */
export type Read = { json: unknown } | { error: unknown };

/** What a call got: the response, and what was parsed of it (nothing for a non-200 answer, handed on as a copy). */
export interface Sent {
  response: Response;
  read?: Read;
}

/** What one attempt got: an answer, a failure (its `retryable` is the retry policy's verdict), or both. */
interface Attempted {
  response?: Response;
  read?: Read;
  error?: NxcloudError;
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
  const state = { clockOffsetMs: options.clockOffsetMs ?? 0 };
  const maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const maxClockOffsetMs = options.maxClockOffsetMs ?? 86_400_000;
  assertCredentials(options);

  // A failure of the transport itself (not an answer of NxCloud's): `retryable` is the retry policy's verdict
  // (mayRetry), given by the caller where the failure can pass; it is false, and the outcome unknown, unless given.
  const failure = (
    kind: Exclude<ErrorKind, 'api'>,
    operation: string,
    message: string,
    extra: Partial<NxcloudErrorInit> = {},
  ) => new NxcloudError({ kind, message: `${operation} ${message}`, operation, host: options.host, ...extra });

  /** One network attempt: signed now, over the bytes read once for the whole call. */
  async function attempt(
    call: Call,
    operation: string,
    entry: OperationEntry,
    resendable: boolean,
  ): Promise<Attempted> {
    const { signal } = call;
    // The timeout (and the caller's signal) of this attempt: see deadline.ts.
    const deadline = startDeadline(timeoutMs, signal, options.fetch);
    let sent = true;
    try {
      // An already-aborted signal fires no event: nothing is sent.
      if (signal?.aborted) {
        sent = false;
        throw signal.reason;
      }
      const signed = signatureHeaders({
        accessKey: options.accessKey,
        accessSecret: options.accessSecret,
        algorithm: options.algorithm,
        action: entry[0],
        bizType: entry[1],
        ts: Math.round(now() + state.clockOffsetMs),
        body: call.multipart ? undefined : (call.body as string | Uint8Array | undefined),
      });
      // Object.assign, not a spread nor names added one by one: each of those was the client's costliest line in
      // the profile (a few µs per call on Node 20).
      const headers: Record<string, string> = Object.assign({}, call.headers, signed);
      // The API never redirects: a redirect is refused, so that the signed request never goes elsewhere.
      const response = await deadline.send(call.url, {
        method: call.method,
        headers,
        body: call.body,
        redirect: 'manual',
      });
      const { status } = response;
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        const target = response.headers.get('location');
        return {
          error: failure(
            'http',
            operation,
            `was redirected${status ? ` (HTTP ${status})` : ''} to ${target ? new URL(target, call.url).href : 'an undisclosed address'}; the API never redirects: check baseUrl.`,
            { status: status || undefined, category: 'config', outcome: 'not-carried-out' },
          ),
        };
      }
      // Every answer is read here, under the timeout and the caller's signal, and at most maxResponseBytes of it.
      const text = await readText(response, maxResponseBytes);
      if (text === undefined) {
        throw failure(
          'invalid-response',
          operation,
          `answered more than maxResponseBytes (${maxResponseBytes} bytes).`,
          { status },
        );
      }
      if (status !== 200) {
        // The client reads a non-200 answer itself: it gets a copy of what was read.
        const copy = new Response(text || null, { status, statusText: response.statusText, headers: response.headers });
        // Only a failure the policy may retry is labelled here; the client labels the rest from the answer.
        if (!transientStatus(status)) return { response: copy };
        const outcome = statusOutcome(status);
        const retryable = mayRetry(true, outcome, resendable);
        return {
          response: copy,
          error: failure('http', operation, `answered HTTP ${status}.`, { status, outcome, retryable }),
        };
      }
      // The answer is parsed here, once; the client takes `read` without reading the response again.
      let body: any;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return { response, read: { error } };
      }
      const read = { json: body };
      const code = typeof body?.code === 'number' ? body.code : undefined;
      if (code === undefined || code === 0) return { response, read };
      // The error is built here only when a retry may follow; the client builds the one it returns.
      if (code !== 1004 && !classifyCode(options.host, opKey(operation), code)?.retryable) return { response, read };
      const error = await apiError(options.host, operation, body, status);
      if (code === 1004) {
        const date = Date.parse(response.headers.get('date') ?? '');
        return { response, read, error, serverTime: Number.isNaN(date) ? undefined : date };
      }
      return { response, read, error };
    } catch (cause) {
      if (signal?.aborted)
        throw failure('aborted', operation, 'was aborted.', {
          cause: signal.reason,
          category: 'cancelled',
          outcome: sent ? 'unknown' : 'not-carried-out',
        });
      if (deadline.timedOut) {
        const retryable = mayRetry(true, 'unknown', resendable);
        return { error: failure('timeout', operation, `got no answer within ${timeoutMs} ms.`, { retryable }) };
      }
      if (cause instanceof NxcloudError) throw cause;
      return { error: (await loadFailures()).networkFailure(options.host, operation, call.url, cause, resendable) };
    } finally {
      deadline.end();
    }
  }

  function log(
    operation: string,
    attempt: number,
    began: number,
    to: string | undefined,
    { response, read, error }: Attempted,
  ) {
    const { logger } = options;
    if (!logger) return;
    const json = read as { json?: { code?: unknown; traceId?: unknown } } | undefined;
    const code = typeof json?.json?.code === 'number' ? json.json.code : undefined;
    const fields: AttemptLog = {
      operation,
      attempt,
      ms: Math.round(now() - began),
      status: response?.status ?? error?.status,
      code,
      traceId: typeof json?.json?.traceId === 'string' ? json.json.traceId : undefined,
      error: error?.kind,
      to: to && (options.maskRecipients === false ? to : maskNumber(to)),
    };
    const line = `${operation} attempt ${attempt}: ${fields.status ? `HTTP ${fields.status}` : (error?.kind ?? 'no answer')}${code === undefined ? '' : ` code ${code}`} in ${fields.ms} ms${fields.traceId ? ` traceId ${fields.traceId}` : ''}${fields.to ? ` to ${fields.to}` : ''}`;
    (code === 0 ? logger.info : logger.warn)?.call(logger, line, fields);
  }

  /** The fetch of one call of `<METHOD> <path>`. */
  return {
    state,
    /** Hides the recipient in a text (a log line, an error message) unless told not to. */
    hide(text: string, to?: string) {
      return to && options.maskRecipients !== false ? text.split(to).join(maskNumber(to)) : text;
    },
    /** Sends one call of an operation: every attempt signed afresh, retried as the options say. */
    async send(op: Op, call: Call, to?: string): Promise<Sent> {
      const { operation, entry } = op;
      if (!entry)
        throw new NxcloudError({
          kind: 'invalid-response',
          message: `${operation} is not an operation of ${options.host}.`,
          operation,
          host: options.host,
        });
      // Whether the policy may try the operation again after a failure that may have been carried out.
      const resendable = (entry[2] & SENDS) === 0 || retry.sends === true;
      // A bodiless call whose document gives a Content-Type carries it (x-nxcloud-content-type): 1003 without it.
      if (call.body == null && entry[2] & BODILESS && !('content-type' in call.headers))
        call.headers['content-type'] = BODILESS_CONTENT_TYPE;
      const started = now();
      let clockCorrected = false;
      for (let n = 1; ; n++) {
        // The test clock of the retry tests ticks on every read: read it only for the log.
        const began = options.logger ? now() : 0;
        let outcome: Attempted;
        try {
          outcome = await attempt(call, operation, entry, resendable);
        } catch (error) {
          log(operation, n, began, to, { error: error as NxcloudError });
          throw error;
        }
        log(operation, n, began, to, outcome);
        if (!outcome.error) return outcome as Sent;
        const error = outcome.error;
        let delayMs: number | undefined;
        if (outcome.serverTime !== undefined) {
          if (options.correctClockSkew === false || clockCorrected) return outcome as Sent;
          clockCorrected = true;
          const offset = outcome.serverTime - now();
          if (Math.abs(offset) > maxClockOffsetMs) {
            throw new NxcloudError({
              ...error,
              message: `${error.message} The server's Date is ${offset} ms off this clock, more than maxClockOffsetMs (${maxClockOffsetMs} ms): not applied; check this machine's clock.`,
            });
          }
          state.clockOffsetMs = offset;
          delayMs = 0;
        } else {
          // The error's label is the policy's verdict: the loop follows it, within the attempts and the deadline.
          if (!error.retryable || n >= maxAttempts) return finish(outcome);
          // The backoff is needed after a failure only: it is loaded with the code that builds errors.
          delayMs = (await loadFailures()).retryDelay(
            n,
            outcome.response?.headers.get('retry-after'),
            retry,
            () => now() + state.clockOffsetMs,
            random,
          );
          if (now() + delayMs - started > (retry.deadlineMs ?? 60_000)) return finish(outcome);
        }
        retry.onRetry?.({ attempt: n + 1, delayMs, error, operation });
        if (delayMs > 0) {
          try {
            await sleep(delayMs, call.signal ?? null);
          } catch (cause) {
            // The attempt before the wait failed as `error` says: what it may have carried out stands.
            throw failure('aborted', operation, 'was aborted.', {
              cause,
              category: 'cancelled',
              outcome: error.outcome,
            });
          }
        }
      }
    },
  };
}

/** An operation as the client works it out once: `<METHOD> <path>` and its line of the operation table. */
export interface Op {
  operation: string;
  entry?: OperationEntry;
}

/** One call, as every attempt sends it. */
export interface Call {
  url: string;
  method: string;
  /** Names in lower case. */
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | FormData;
  multipart: boolean;
  signal?: AbortSignal | null;
}

/** The answer's text, read up to `limit` bytes; more fails the call (a hostile or broken server cannot fill memory). */
function readText(response: Response, limit: number): Promise<string | undefined> {
  const length = response.headers.get('content-length');
  if (Number(length) > limit) {
    // Not awaited: a tee'd body (a cloned response) settles its cancel only when every branch is cancelled.
    response.body?.cancel().catch(() => {});
    return Promise.resolve(undefined);
  }
  // A declared length within the limit: fetch holds the body to it, so the native read is safe, and it is the
  // fast path (a reader and a decoder per answer were a tenth of the client's time in the profile). Not an async
  // function: the text's own promise is handed on, without one more around it. A compressed answer's length is
  // that of its compressed bytes, not of what they decode to: it is read counted.
  return (length && !response.headers.has('content-encoding')) || !response.body
    ? response.text()
    : readCapped(response.body, limit);
}

async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<string | undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function finish(outcome: Attempted): Sent {
  if (outcome.response) return outcome as Sent;
  throw outcome.error;
}

// Building an error is needed on a failure only: that code is loaded then (see failures.ts).
export const loadFailures = () => import('./failures.js');

/** The error for an envelope whose `code` is not 0. */
export const apiError: typeof import('./failures.js')['apiError'] = async (...args) =>
  (await loadFailures()).apiError(...args);
