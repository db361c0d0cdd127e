// Runs a call through its middleware (openapi-fetch's contract: onRequest in order, then onError / onResponse in
// reverse). Loaded by the client the first time a call has middleware: most clients never use it.
import { type CallParams, type Middleware, unsigned } from './request.js';
import type { Call, Read, Sent } from './transport.js';

/** A call as its middleware sees it. */
export interface MiddlewareCall {
  middleware: readonly Middleware[];
  baseUrl: string;
  /** The operation's path template (openapi-fetch's schemaPath). */
  path: string;
  url: string;
  init: RequestInit;
  params: CallParams;
}

async function runMiddleware(
  { middleware, baseUrl, path, url, init, params }: MiddlewareCall,
  fetch: (request: Request) => Promise<Response>,
): Promise<Response> {
  let request = new Request(url, init);
  const context = {
    schemaPath: path,
    params,
    options: { baseUrl, fetch, parseAs: 'stream' },
    id: Math.random().toString(36).slice(2, 11),
  } as const;
  let response: Response | undefined;
  for (const m of middleware) {
    const result = await m.onRequest?.({ ...context, request } as never);
    if (result instanceof Request) request = result;
    else if (result instanceof Response) {
      response = result;
      break;
    } else if (result) throw new Error('onRequest: must return new Request() or Response() when modifying the request');
  }
  if (!response) {
    try {
      response = await fetch(request);
    } catch (cause) {
      let error = cause;
      for (const m of [...middleware].reverse()) {
        const result = await m.onError?.({ ...context, request, error } as never);
        if (result instanceof Response) {
          response = result;
          break;
        }
        if (result instanceof Error) error = result;
        else if (result) throw new Error('onError: must return new Response() or instance of Error');
      }
      if (!response) throw error;
    }
    // As openapi-fetch: onResponse runs for a fetched (or onError) answer, not for one onRequest gave.
    for (const m of [...middleware].reverse()) {
      const result: unknown = await m.onResponse?.({ ...context, request, response } as never);
      if (result instanceof Response) response = result;
      else if (result) throw new Error('onResponse: must return new Response() when modifying the response');
    }
  }
  return response;
}

/**
 * Sends a call through its middleware. The Request a middleware lets through is sent as the transport sends a
 * call: its body is the JSON text the client made (when there is one); otherwise (multipart) the bytes it holds,
 * read once. What the transport parsed goes with the response it gave, unless a middleware replaced it.
 */
export async function sendThrough(
  call: MiddlewareCall,
  serialized: string | undefined,
  send: (call: Call) => Promise<Sent>,
): Promise<Sent> {
  const read = new WeakMap<Response, Read | undefined>();
  const response = await runMiddleware(call, async (request) => {
    const body = serialized ?? (request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()));
    const multipart = /^\s*multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
    const sent = await send({
      url: request.url,
      method: request.method,
      headers: unsigned(Object.fromEntries(request.headers)),
      body,
      multipart,
      signal: request.signal,
    });
    read.set(sent.response, sent.read);
    return sent.response;
  });
  return { response, read: read.get(response) };
}
