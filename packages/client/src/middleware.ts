// Runs a call through its middleware (openapi-fetch's contract: onRequest in order, then onError / onResponse in
// reverse). Loaded by request.ts the first time a call has middleware: most clients never use it.
import { unsigned, type CallParams, type Middleware } from './request.js';
import type { Call } from './transport.js';

export async function runMiddleware(
  middleware: readonly Middleware[],
  baseUrl: string,
  path: string,
  url: string,
  requestInit: RequestInit,
  params: CallParams,
  fetch: (request: Request) => Promise<Response>,
): Promise<Response> {
  let request = new Request(url, requestInit);
  const context = { schemaPath: path, params, options: { baseUrl, fetch, parseAs: 'stream' }, id: Math.random().toString(36).slice(2, 11) } as const;
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
 * The Request a middleware let through, as the transport sends it: its body is the JSON text the client made (when
 * there is one); otherwise (multipart) the bytes it holds, read once.
 */
export async function toCall(request: Request, serialized: string | undefined): Promise<Call> {
  const body = serialized ?? (request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()));
  return { url: request.url, method: request.method, headers: unsigned(Object.fromEntries(request.headers)), body, multipart: /^\s*multipart\/form-data/i.test(request.headers.get('content-type') ?? ''), signal: request.signal };
}
