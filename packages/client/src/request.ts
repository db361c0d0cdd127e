// Builds and sends each call: the URL from the path and its parameters, the headers, the body, and the
// middleware around it. It stands in for openapi-fetch's runtime (in maintenance mode, and a quarter of the
// bundle); openapi-fetch's types are still the call types, and its middleware objects work here unchanged. This
// is the only module that knows openapi-fetch.
import { ALGORITHM_HEADER, SIGNATURE_HEADERS } from '@org/nxwa-signing';
import type { Middleware } from 'openapi-fetch';

export type { MaybeOptionalInit, Middleware } from 'openapi-fetch';

export interface CallParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

export interface CallInit {
  params?: CallParams;
  headers?: HeadersInit | Record<string, unknown>;
  /** Already serialised: JSON text, or a form. */
  body?: string | FormData;
  signal?: AbortSignal | null;
}

const encode = (value: unknown) => encodeURIComponent(String(value));

/** `baseUrl` + the path with its `{parameters}` filled in + the query (arrays repeated, objects as `a[b]=c`). */
export function callUrl(baseUrl: string, path: string, params: CallParams = {}): string {
  const filled = path.replace(/\{([^{}]+)\}/g, (match, name: string) =>
    params.path?.[name] == null ? match : encode(params.path[name]),
  );
  const query: string[] = [];
  const add = (name: string, value: unknown) => value != null && query.push(`${encode(name)}=${encode(value)}`);
  for (const [name, value] of Object.entries(params.query ?? {})) {
    if (Array.isArray(value)) value.forEach((v) => add(name, v));
    else if (typeof value === 'object' && value)
      for (const [key, v] of Object.entries(value)) add(`${name}[${key}]`, v);
    else add(name, value);
  }
  return `${baseUrl.replace(/\/$/, '')}${filled}${query.length ? `?${query.join('&')}` : ''}`;
}

/** The call's headers as a record, names in lower case (the transport adds the signature to a copy per attempt). */
export function callHeaders(init: CallInit, body: CallInit['body']): Record<string, string> {
  // The usual call gives no headers of its own: no Headers object is needed to merge them.
  if (!init.headers && !init.params?.header)
    return typeof body === 'string' ? { 'content-type': 'application/json' } : {};
  const headers = new Headers();
  for (const source of [init.headers, init.params?.header]) {
    if (!source) continue;
    for (const [name, value] of source instanceof Headers
      ? source
      : Array.isArray(source)
        ? source
        : Object.entries(source)) {
      if (value === null) headers.delete(name);
      else if (Array.isArray(value)) value.forEach((v) => headers.append(name, String(v)));
      else if (value !== undefined) headers.set(name, String(value));
    }
  }
  if (typeof body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return unsigned(Object.fromEntries(headers));
}

/** Checks middleware as openapi-fetch's `use` does. */
export function checkMiddleware(middleware: readonly Middleware[]): Middleware[] {
  for (const m of middleware) {
    if (typeof m !== 'object' || !m || !('onRequest' in m || 'onResponse' in m || 'onError' in m)) {
      throw new TypeError('middleware must be objects with onRequest(), onResponse() or onError().');
    }
  }
  return [...middleware];
}

/** The headers without the signature's (lower-cased names): each attempt adds its own, so a stale one cannot ride along. */
export function unsigned(headers: Record<string, string>): Record<string, string> {
  for (const name of [...SIGNATURE_HEADERS, ALGORITHM_HEADER]) delete headers[name.toLowerCase()];
  return headers;
}
