// Each attempt's timeout, and the fetch that sends the attempt under it: one AbortController and one timer, or
// on Node, when the call has no signal of its own and no fetch was given, the dispatcher of dispatched.ts. Any
// abort signal given to Node's fetch costs a few per cent of a loopback request by itself (undici follows it with a
// listener, a WeakRef and a FinalizationRegistry entry per request); the dispatcher applies the same timeout, and
// cancels the request as the signal would, without one. That code is Node's alone: it is loaded on the first
// attempt where the runtime names an undici version (Deno, Bun and browsers do not; workerd with nodejs_compat
// does, but has no global dispatcher, so its attempts keep the signal).

/** The sender of one attempt. */
export interface Deadline {
  /** Whether the time ran out (the attempt's failure is then a timeout). */
  readonly timedOut: boolean;
  send(url: string, init: RequestInit): Promise<Response>;
  /** Ends the attempt: its timer and any listener on the caller's signal go. */
  end(): void;
}

/** Largest delay a timer takes (a larger one fires at once). */
export const timerMs = (ms: number) => Math.min(ms, 2 ** 31 - 1);

const onNode = typeof process === 'object' && typeof process.versions?.undici === 'string';
let loading: Promise<unknown> | undefined;
let viaDispatcher: ((ms: number) => Deadline | undefined) | undefined;

/** Starts an attempt's timer: `signal` is the call's, `fetch` the one given in the options, if any. */
export function startDeadline(
  ms: number,
  signal: AbortSignal | null | undefined,
  fetch: ((request: Request) => Promise<Response>) | undefined,
): Deadline {
  if (!fetch && !signal && onNode) {
    const deadline = viaDispatcher?.(ms);
    if (deadline) return deadline;
    loading ??= import('./dispatched.js').then(
      (m) => (viaDispatcher = m.dispatchedDeadline),
      // Not loadable (a bundle that left the chunk out): every attempt keeps the signal.
      () => {},
    );
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timerMs(ms));
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    get timedOut() {
      return timedOut;
    },
    send: (url, init) => {
      init.signal = controller.signal;
      return fetch ? fetch(new Request(url, init)) : globalThis.fetch(url, init);
    },
    end() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
