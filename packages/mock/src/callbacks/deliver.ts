// Delivering one signed callback to a webhook, retried with backoff until the webhook takes it (2xx) or the attempts
// run out. Every kind of callback goes through here: message statuses, inbound messages, template events.
import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { signatureHeaders } from '@org/nxwa-signing';

/** Tries per callback, the first included. */
export const CALLBACK_ATTEMPTS = 5;
/**
 * Callbacks waiting for their webhooks at once (retries included), at most; a further one is dropped, and says so.
 * A busy mock has many under way with a webhook that answers them all: 2,400 at once at 1,600 sends a second with 100
 * in flight (the bench's sustained run), each send making three.
 */
export const MAX_PENDING_CALLBACKS = 4_000;
/** Bytes of callback bodies waiting at once, at most: an inbound message's callback carries its whole text. */
export const MAX_PENDING_CALLBACK_BYTES = 16 * 1024 * 1024;
/**
 * Connections to one webhook at once. A send has up to four callbacks, each taking a connection for its round trip:
 * with fewer than four per send in flight, callbacks fall behind a sustained load until the bound above drops them.
 * Enough for 256 sends in flight; idle ones are closed down to Node's default of 256 kept.
 */
export const CALLBACK_SOCKETS = 1_024;
/** Longest wait for a webhook's answer, per attempt. */
export const CALLBACK_TIMEOUT_MS = 5_000;

export interface DeliveryAttempt {
  url: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** ISO 8601 time the attempt ended. */
  at: string;
  /** The webhook's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why the attempt did not count as delivered. */
  error?: string;
}

export interface CallbackCredentials {
  accessKey: string;
  accessSecret: string;
}

/** Which documented callback a delivery is: its host and the spec's name of the webhook (`messageStatus`). */
export interface DocumentedCallback {
  host: string;
  webhook: string;
}

export interface DeliverOptions {
  /** Names the callback in the log (never a body or a secret); `callback` by default. */
  label?: string;
  /** The documented callback it is, told with each attempt to those watching them (the coverage). */
  callback?: DocumentedCallback;
  /** Aborting it cancels the attempts still to come (a reset of the message store does). */
  signal?: AbortSignal;
}

export interface DeliveryOptions {
  /** The wait before the first retry, in ms; doubled before each further one. */
  retryBaseMs: number;
  log: (line: string) => void;
  /** At most this many callbacks wait at once ({@link MAX_PENDING_CALLBACKS} by default). */
  maxPending?: number;
  /** At most this many bytes of their bodies ({@link MAX_PENDING_CALLBACK_BYTES} by default). */
  maxPendingBytes?: number;
}

export function createDelivery({
  retryBaseMs,
  log,
  maxPending = MAX_PENDING_CALLBACKS,
  maxPendingBytes = MAX_PENDING_CALLBACK_BYTES,
}: DeliveryOptions) {
  // node:http rather than fetch: a fraction of the cost per callback, and it never follows a redirect.
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: CALLBACK_SOCKETS }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: CALLBACK_SOCKETS }),
  };
  // One canceller per delivery still under way.
  const pending = new Set<() => void>();
  const settledListeners = new Set<(taken: boolean) => void>();
  const attemptWatchers = new Set<(attempt: DeliveryAttempt, callback: DocumentedCallback | undefined) => void>();
  const told =
    (callback: DocumentedCallback | undefined, onAttempt?: (attempt: DeliveryAttempt) => void) =>
    (attempt: DeliveryAttempt) => {
      onAttempt?.(attempt);
      for (const watch of attemptWatchers) watch(attempt, callback);
    };
  let taken = 0;
  let stopped = false;
  let pendingBytes = 0;

  // Requests under way, and those waiting for one of them to end: a request is made when it can have a connection,
  // not before — one waiting in the agent's queue held far more memory than its callback.
  let posting = 0;
  const waitingPosts: (() => void)[] = [];
  const posted = () => {
    posting--;
    waitingPosts.shift()?.();
  };

  function post(url: string, headers: Record<string, string>, body: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      const start = () => {
        posting++;
        let req: ClientRequest;
        try {
          if (stopped) throw new Error('the mock stopped');
          const u = new URL(url);
          const secure = u.protocol === 'https:';
          req = (secure ? httpsRequest : httpRequest)(
            u,
            {
              method: 'POST',
              headers: { ...headers, 'content-length': String(body.length) },
              agent: secure ? agents.https : agents.http,
              timeout: CALLBACK_TIMEOUT_MS,
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
              res.on('error', reject);
            },
          );
        } catch (error) {
          // No request was made: its place goes to the next (a throw here must not reach the request that ended).
          posted();
          return reject(error);
        }
        req.on('close', posted);
        req.on('timeout', () => req.destroy(new Error(`no answer within ${CALLBACK_TIMEOUT_MS / 1000} s`)));
        req.on('error', reject);
        req.end(body);
      };
      if (posting < CALLBACK_SOCKETS) start();
      else waitingPosts.push(start);
    });
  }

  return {
    /**
     * Posts `body` (JSON text) to `url`, signed with the account's credentials and the action `callback` (the vendor
     * does not document which action its callbacks carry) — signed afresh on every attempt, so that a retry is
     * neither stale nor taken for a replay. Tries up to {@link CALLBACK_ATTEMPTS} times, `retryBaseMs` × 2ⁿ apart,
     * until the webhook answers 2xx. A redirect is never followed (node:http does not): the signed callback must
     * not go anywhere but the address that was allowed. `onAttempt` is told of every attempt; resolves with whether
     * the webhook took the callback (false too when it was cancelled first: `signal`, or the mock stopped).
     */
    deliver(
      url: string,
      body: string,
      credentials: CallbackCredentials,
      onAttempt?: (attempt: DeliveryAttempt) => void,
      { label = 'callback', signal, callback }: DeliverOptions = {},
    ): Promise<boolean> {
      const report = told(callback, onAttempt);
      if (stopped || signal?.aborted) return Promise.resolve(false);
      // A webhook that never answers must not hold a run's worth of callbacks: the one over a bound is not sent.
      const size = Buffer.byteLength(body);
      const over =
        pending.size >= maxPending
          ? `${maxPending} callbacks were already waiting for their webhooks`
          : pendingBytes + size > maxPendingBytes
            ? `callbacks of ${pendingBytes} bytes were already waiting for their webhooks, and this one's ${size} would pass ${maxPendingBytes}`
            : undefined;
      if (over) {
        const error = `dropped, not sent: ${over} (the mock's bound)`;
        report({ url, attempt: 1, at: new Date().toISOString(), error });
        log(`${label} ${error}`);
        return Promise.resolve(false);
      }
      // Kept as bytes for its retries, outside V8's heap.
      const bytes = Buffer.from(body);
      return new Promise((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const cancel = () => {
          clearTimeout(timer);
          if (pending.delete(cancel)) pendingBytes -= bytes.length;
          signal?.removeEventListener('abort', cancel);
          resolve(false);
          for (const listener of settledListeners) listener(false);
        };
        pending.add(cancel);
        pendingBytes += bytes.length;
        signal?.addEventListener('abort', cancel, { once: true });
        const done = (ok: boolean) => {
          if (pending.delete(cancel)) pendingBytes -= bytes.length;
          signal?.removeEventListener('abort', cancel);
          if (ok) taken++;
          resolve(ok);
          for (const listener of settledListeners) listener(ok);
        };
        const attempt = async (n: number) => {
          const headers = {
            'content-type': 'application/json',
            ...signatureHeaders({ ...credentials, action: 'callback', bizType: '2', ts: Date.now(), body: bytes }),
          };
          let httpStatus: number | undefined;
          let error: string | undefined;
          try {
            httpStatus = await post(url, headers, bytes);
            if (httpStatus >= 300 && httpStatus < 400) error = 'a redirect, not followed';
            else if (httpStatus < 200 || httpStatus >= 300) error = `HTTP ${httpStatus}, not 2xx`;
          } catch (e) {
            error = (e as Error).message;
          }
          // Stopped meanwhile: nothing more is recorded or tried.
          if (!pending.has(cancel)) return;
          report({
            url,
            attempt: n,
            at: new Date().toISOString(),
            ...(httpStatus !== undefined ? { httpStatus } : {}),
            ...(error ? { error } : {}),
          });
          const last = n >= CALLBACK_ATTEMPTS;
          log(
            `${label} attempt ${n} → ${httpStatus ?? 'no answer'}${error ? `: ${error}` : ''}${error ? (last ? '; giving up' : '; will retry') : ''}`,
          );
          if (!error) return done(true);
          if (last) return done(false);
          timer = setTimeout(() => void attempt(n + 1), retryBaseMs * 2 ** (n - 1));
          timer.unref?.();
        };
        void attempt(1);
      });
    },
    /** Callbacks the webhooks took (answered 2xx) since the start. */
    get taken(): number {
      return taken;
    },
    /** Calls `watch` with every attempt of every delivery and the documented callback it is; returns the call that stops it. */
    watchAttempts(watch: (attempt: DeliveryAttempt, callback: DocumentedCallback | undefined) => void): () => void {
      attemptWatchers.add(watch);
      return () => void attemptWatchers.delete(watch);
    },
    /** Calls `listener` each time a delivery ends, taken or given up; returns the call that stops it. */
    onSettled(listener: (taken: boolean) => void): () => void {
      settledListeners.add(listener);
      return () => void settledListeners.delete(listener);
    },
    /** Deliveries still under way (retries included). */
    get pending(): number {
      return pending.size;
    },
    /** Cancels every delivery and retry still to come; nothing is sent after it. */
    cancelAll(): void {
      stopped = true;
      for (const cancel of [...pending]) cancel();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
