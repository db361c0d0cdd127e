// Node only (see deadline.ts): an attempt's timeout without an abort signal. The attempt hands Node's fetch a
// dispatcher of its own: a pass-through to the global dispatcher, the one fetch would have used, that learns the
// request's abort from undici's handler API and calls it when the time is up, so that the request is cancelled (its
// socket closed) as a signal would cancel it. The attempt's promise is rejected at that moment too, so the timeout
// is exact even where fetch never calls the dispatcher (a fetch replaced by a test library); such a fetch, once
// seen answering without it, is given a signal from then on.
import { type Deadline, timerMs } from './deadline.js';

/** A request handler of undici's dispatcher API (fetch's own, which ours wraps). */
type Handler = Record<string, (...args: any[]) => any>;
type Dispatcher = { dispatch(options: object, handler: object): boolean; isMockActive?: boolean };
type Fetch = (input: string, init: RequestInit & { dispatcher?: unknown }) => Promise<Response>;

// Node's undici keeps its global dispatcher under `.1` in undici 6 and 7 (Node 20 to 24), whose handlers have the
// onConnect/onHeaders API, and under `.2` in undici 8 (Node 26), whose handlers have onRequestStart/onResponseStart.
const GLOBAL_DISPATCHER = Symbol.for(
  `undici.globalDispatcher.${Number.parseInt(process.versions.undici!, 10) >= 8 ? 2 : 1}`,
);
const global = globalThis as typeof globalThis & Record<symbol, Dispatcher | undefined>;
/** The last fetch seen answering without calling the dispatcher it was given. */
let ignoresDispatcher: unknown;

/** An attempt through the dispatcher, or undefined where it cannot be: then the attempt takes a signal. */
export function dispatchedDeadline(ms: number): Deadline | undefined {
  // The global dispatcher exists once Node's fetch has sent a first request.
  return global[GLOBAL_DISPATCHER] && global.fetch !== ignoresDispatcher ? new Dispatched(ms, global.fetch) : undefined;
}

/** An attempt through Node's fetch: it is also the dispatcher fetch is given. */
class Dispatched implements Deadline {
  private timer: ReturnType<typeof setTimeout>;
  private fail?: (reason: unknown) => void;
  /** The request's abort, from the moment undici starts it. */
  private cancel?: (reason: Error) => void;
  /** Why the attempt ended, once the time ran out. */
  private reason?: Error;
  private dispatched = false;

  constructor(
    ms: number,
    private readonly fetch: Fetch,
  ) {
    this.timer = setTimeout(() => this.expire(), timerMs(ms));
  }

  send(url: string, init: RequestInit & { dispatcher?: unknown }): Promise<Response> {
    init.dispatcher = this;
    return new Promise((resolve, reject) => {
      this.fail = reject;
      this.fetch(url, init).then((response) => {
        if (!this.dispatched) ignoresDispatcher = this.fetch;
        resolve(response);
      }, reject);
    });
  }

  get timedOut() {
    return this.reason !== undefined;
  }

  end() {
    clearTimeout(this.timer);
  }

  /** Fetch reads this of its dispatcher to tell a mock (undici's MockAgent) apart: it is the global one's. */
  get isMockActive() {
    return global[GLOBAL_DISPATCHER]?.isMockActive;
  }

  dispatch(options: object, handler: Handler): boolean {
    this.dispatched = true;
    // A handler of neither API is handed on as it is: the timeout then ends the attempt without cancelling it.
    return global[GLOBAL_DISPATCHER]!.dispatch(
      options,
      handler.onConnect
        ? new LegacyHandler(this, handler)
        : handler.onRequestStart
          ? new CurrentHandler(this, handler)
          : handler,
    );
  }

  /** Undici starts the request: `abort` cancels it. False when the time has already run out (it is cancelled). */
  started(abort: (reason: Error) => void): boolean {
    if (this.reason) {
      abort(this.reason);
      return false;
    }
    this.cancel = abort;
    return true;
  }

  private expire() {
    this.reason = new Error('timeout');
    this.fail?.(this.reason);
    this.cancel?.(this.reason);
  }
}

// The handler fetch gave, with every call passed on, and the request's abort taken from its start: one of undici 6
// and 7 (onConnect gives the abort itself)…
class LegacyHandler {
  constructor(
    private readonly attempt: Dispatched,
    private readonly h: Handler,
  ) {}
  onConnect(abort: (reason: Error) => void, context: unknown) {
    if (this.attempt.started(abort)) return this.h.onConnect(abort, context);
  }
  onResponseStarted() {
    return this.h.onResponseStarted?.();
  }
  onHeaders(status: number, headers: unknown, resume: unknown, statusText: string) {
    return this.h.onHeaders(status, headers, resume, statusText);
  }
  onData(chunk: unknown) {
    return this.h.onData(chunk);
  }
  onComplete(trailers: unknown) {
    return this.h.onComplete(trailers);
  }
  onError(error: unknown) {
    return this.h.onError(error);
  }
  onUpgrade(status: number, headers: unknown, socket: unknown) {
    return this.h.onUpgrade?.(status, headers, socket);
  }
  onBodySent(chunk: unknown) {
    return this.h.onBodySent?.(chunk);
  }
  onRequestSent() {
    return this.h.onRequestSent?.();
  }
}

// …and one of undici 8 (onRequestStart gives a controller that aborts).
class CurrentHandler {
  constructor(
    private readonly attempt: Dispatched,
    private readonly h: Handler,
  ) {}
  onRequestStart(controller: { abort(reason: Error): void }, context: unknown) {
    if (this.attempt.started((reason) => controller.abort(reason))) return this.h.onRequestStart(controller, context);
  }
  onRequestUpgrade(controller: unknown, status: number, headers: unknown, socket: unknown) {
    return this.h.onRequestUpgrade?.(controller, status, headers, socket);
  }
  onResponseStarted() {
    return this.h.onResponseStarted?.();
  }
  onResponseStart(controller: unknown, status: number, headers: unknown, statusText: string) {
    return this.h.onResponseStart(controller, status, headers, statusText);
  }
  onResponseData(controller: unknown, chunk: unknown) {
    return this.h.onResponseData(controller, chunk);
  }
  onResponseEnd(controller: unknown, trailers: unknown) {
    return this.h.onResponseEnd(controller, trailers);
  }
  onResponseError(controller: unknown, error: unknown) {
    return this.h.onResponseError(controller, error);
  }
  onBodySent(chunk: unknown) {
    return this.h.onBodySent?.(chunk);
  }
}
