import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { NxcloudError, opKey } from './errors.js';
import type * as Saas from './generated/api.nxcloud.com.js';
import type * as Hk from './generated/api-hk.nxlink.ai.js';
import type * as Idn from './generated/api-idn.nxlink.ai.js';
import type * as Api2 from './generated/api2.nxcloud.com.js';
import { FILLABLE, MULTIPART, operationTable, QUERY_APPKEY, QUERY_TENANT, SENDS } from './generated/operations.js';
import { callHeaders, callUrl, checkMiddleware, type MaybeOptionalInit, type Middleware } from './request.js';
import { createTransport, loadFailures, type Op, type Sent, type TransportOptions } from './transport.js';

/** The generated `paths` type of each documented host. */
export interface HostPaths {
  'api2.nxcloud.com': Api2.paths;
  'api.nxcloud.com': Saas.paths;
  'api-idn.nxlink.ai': Idn.paths;
  'api-hk.nxlink.ai': Hk.paths;
}
export type NxcloudHost = keyof HostPaths;

export interface NxcloudClientOptions extends Omit<TransportOptions, 'host'> {
  /** Defaults to the real host, e.g. `https://api2.nxcloud.com`; point it at the local mock or another region. */
  baseUrl?: string | undefined;
  /** Middleware run around every call (openapi-fetch's middleware objects). */
  middleware?: Middleware[];
  /**
   * Allow a client in a web page. Off by default: the `accessSecret` would ship to every visitor, who could then
   * send as the account. Only for pages that are not public (an internal tool behind a login) — or a test.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** Fields every call of a host can take from the client's `defaults`. */
export interface HostDefaults {
  'api2.nxcloud.com': { appkey?: string; business_phone?: string };
  'api.nxcloud.com': { appkey?: string; business_phone?: string; tenant_id?: number };
  'api-idn.nxlink.ai': { appkey?: string; business_phone?: string; tenant_id?: number };
  'api-hk.nxlink.ai': { tenant_id?: number };
}

/** The values the specs fix, filled in by the client: optional in every call's type. */
export type FixedFields = 'messaging_product' | 'recipient_type';

// Bodies and queries as the caller writes them: the keys K optional (the client fills them in), and arrays
// readonly so that a body written `as const` is accepted.
type Loose<T, K extends PropertyKey> = T extends Blob
  ? T
  : T extends readonly (infer U)[]
    ? readonly Loose<U, K>[]
    : T extends object
      ? Omit<{ [P in keyof T]: Loose<T[P], never> }, K> & { [P in K & keyof T]?: Loose<T[P], never> }
      : T;
type LooseParameters<P, K extends PropertyKey> = P extends { query: infer Q }
  ? Omit<P, 'query'> & (RequiredKeysOf<Loose<Q, K>> extends never ? { query?: Loose<Q, K> } : { query: Loose<Q, K> })
  : P;
type LooseRequestBody<R, K extends PropertyKey> = R extends { content: infer C }
  ? Omit<R, 'content'> & { content: { [M in keyof C]: Loose<C[M], K> } }
  : R;
type LooseOperation<Op, K extends PropertyKey> = Op extends object
  ? {
      [F in keyof Op]: F extends 'requestBody'
        ? LooseRequestBody<Op[F], K>
        : F extends 'parameters'
          ? LooseParameters<Op[F], K>
          : Op[F];
    }
  : Op;
/** A host's paths as calls are typed: the fixed fields and the fields given as `defaults` optional. */
export type LoosePaths<Paths, K extends PropertyKey> = {
  [P in keyof Paths]: { [M in keyof Paths[P]]: M extends HttpMethod ? LooseOperation<Paths[P][M], K> : Paths[P][M] };
};

type Envelope<Op> = Op extends { responses: { 200: { content: { 'application/json': infer E } } } } ? E : never;
/** The success envelope of an operation (`code` 0). */
export type SuccessOf<Op> = Extract<Envelope<Op>, { code: 0 }>;
/** The `data` of an operation's success envelope. */
export type DataOf<Op> = SuccessOf<Op> extends { data?: infer D } ? D : undefined;

/** What a call gives: the success `data`, or an {@link NxcloudError} — never both. */
export type NxResult<Op> =
  | { data: DataOf<Op>; error?: undefined; traceId?: string; response: Response }
  | { data?: undefined; error: NxcloudError; traceId?: string; response?: Response };

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [Init?] : [Init];

export type NxMethod<Paths extends {}, M extends HttpMethod> = <
  P extends PathsWithMethod<Paths, M>,
  I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  url: P,
  ...init: InitParam<I>
) => Promise<NxResult<Paths[P] extends Record<M, infer Op> ? Op : never>>;

export interface NxcloudClient<Paths extends {}> {
  GET: NxMethod<Paths, 'get'>;
  POST: NxMethod<Paths, 'post'>;
  PUT: NxMethod<Paths, 'put'>;
  DELETE: NxMethod<Paths, 'delete'>;
  /** Adds middleware (openapi-fetch's contract: `onRequest`, `onResponse`, `onError`). */
  use(...middleware: Middleware[]): void;
  /** The clock offset in ms now in use (corrected after a 1004 answer). */
  readonly clockOffsetMs: number;
}

/** `values` added to `target` where it has no value: its own keys keep their order, what it gives wins. */
function fill(target: any, values: Record<string, unknown>) {
  if (target instanceof FormData) return target;
  // Copied only when something is added: the usual body already has every field.
  let filled = target ?? {};
  for (const key in values) {
    if (filled[key] === undefined && values[key] !== undefined) {
      if (filled === target) filled = { ...target };
      filled[key] = values[key];
    }
  }
  return filled;
}

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.set(key, value, (value as File).name || key);
    else form.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form;
}

/**
 * A typed client of one NxCloud host: every request signed (a fresh `ts` per attempt), a default timeout,
 * retries for what can be retried, and answers turned into `{ data }` or `{ error: NxcloudError }`.
 */
export function createNxcloudClient<H extends NxcloudHost, const D extends HostDefaults[H] = {}>(
  host: H,
  options: NxcloudClientOptions & {
    /** Fields every call would repeat (`appkey`, `business_phone`, `tenant_id`): filled in where a call leaves them out, and optional in the types. */
    defaults?: D;
  },
): NxcloudClient<LoosePaths<HostPaths[H], FixedFields | keyof D>> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined' && !options.dangerouslyAllowBrowser) {
    throw new Error(
      'This looks like a web page: the accessSecret would ship to every visitor. Call NxCloud from a server (dangerouslyAllowBrowser: true to override).',
    );
  }
  const transport = createTransport({ ...options, host });
  const table = operationTable[host] ?? {};
  const baseUrl = options.baseUrl ?? `https://${host}`;
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl))
    throw new TypeError(
      `baseUrl is ${JSON.stringify(baseUrl)}: expected an http:// or https:// URL, e.g. "https://${host}".`,
    );
  const middleware = checkMiddleware(options.middleware ?? []);
  const defaults: Record<string, unknown> = { ...options.defaults };
  for (const [key, value] of Object.entries(defaults)) {
    const expected = key === 'tenant_id' ? 'number' : 'string';
    if (typeof value !== expected || value === '')
      throw new TypeError(
        `defaults.${key} is ${value === '' ? 'empty' : typeof value}: expected a ${expected === 'number' ? 'number' : 'non-empty string'}.`,
      );
  }
  const fills: Record<string, unknown> = { messaging_product: 'whatsapp', recipient_type: 'individual', ...defaults };

  // What each operation needs on every call, worked out on its first call: its table entry and flags, the fields
  // to fill in, its URL when the path has no parameters.
  interface Plan extends Op {
    flags: number;
    wanted: Record<string, unknown>;
    url?: string;
  }
  const plan = (name: string, path: string): Plan => {
    const operation = `${name} ${path}`;
    const entry = table[opKey(operation)];
    const flags = entry?.[2] ?? 0;
    const wanted: Record<string, unknown> = {};
    // The values the specs fix, then the defaults — each only where the operation takes it (generated flags).
    FILLABLE.forEach((key, i) => flags & (4 << i) && (wanted[key] = fills[key]));
    return { operation, entry, flags, wanted, url: path.includes('{') ? undefined : callUrl(baseUrl, path) };
  };

  const method = (name: 'GET' | 'POST' | 'PUT' | 'DELETE') => {
    const plans: Record<string, Plan> = {};
    return async (path: string, init: Record<string, any> = {}): Promise<NxResult<any>> => {
      const op = (plans[path] ??= plan(name, path));
      const { operation, flags } = op;
      let given = init.body;
      if (given === undefined) {
        if (flags & (QUERY_TENANT | QUERY_APPKEY)) {
          const values = {
            ...(flags & QUERY_TENANT ? { tenant_id: defaults.tenant_id } : {}),
            ...(flags & QUERY_APPKEY ? { appkey: defaults.appkey } : {}),
          };
          init = { ...init, params: { ...init.params, query: fill(init.params?.query, values) } };
        }
      } else given = fill(given, op.wanted);
      // The JSON text is made once here; the transport signs and sends exactly it, on every attempt.
      const body =
        given === undefined || given instanceof FormData
          ? given
          : flags & MULTIPART
            ? toFormData(given)
            : JSON.stringify(given);
      const to = typeof init.body?.to === 'string' && init.body.to ? init.body.to : undefined;
      const url = op.url !== undefined && !init.params?.query ? op.url : callUrl(baseUrl, path, init.params);
      const headers = callHeaders(init, body);
      let sent: Sent;
      try {
        sent = middleware.length
          ? // The middleware path is loaded the first time a call has middleware, so that the runtime entry stays small.
            await import('./middleware.js').then((m) =>
              m.sendThrough(
                {
                  middleware,
                  baseUrl,
                  path,
                  url,
                  init: { method: name, headers, body, signal: init.signal },
                  params: init.params ?? {},
                },
                typeof body === 'string' ? body : undefined,
                (c) => transport.send(op, c, to),
              ),
            )
          : await transport.send(
              op,
              { url, method: name, headers, body, multipart: body instanceof FormData, signal: init.signal },
              to,
            );
      } catch (error) {
        if (error instanceof NxcloudError) return { error: hide(error, to) };
        throw error;
      }
      const { response, read } = sent;
      const envelope =
        read && 'json' in read
          ? (read.json as { code?: unknown; data?: unknown; traceId?: unknown } | null)
          : undefined;
      if (response.ok && envelope?.code === 0)
        return {
          data: envelope.data as never,
          traceId: typeof envelope.traceId === 'string' ? envelope.traceId : undefined,
          response,
        };
      // Anything else (a failure, or a response a middleware replaced) is read by code loaded then (see failures.ts).
      const resendable = (flags & SENDS) === 0 || options.retry?.sends === true;
      const result = await loadFailures().then((f) => f.resultOf(host, operation, response, read, resendable));
      if (result.error) hide(result.error, to);
      return result as NxResult<any>;
    };
  };
  // A server may echo the recipient in its message: errors carry it masked, as the log does.
  const hide = (error: NxcloudError, to?: string) => ((error.message = transport.hide(error.message, to)), error);

  return {
    GET: method('GET') as NxcloudClient<HostPaths[H]>['GET'],
    POST: method('POST') as NxcloudClient<HostPaths[H]>['POST'],
    PUT: method('PUT') as NxcloudClient<HostPaths[H]>['PUT'],
    DELETE: method('DELETE') as NxcloudClient<HostPaths[H]>['DELETE'],
    use: (...more) => void middleware.push(...checkMiddleware(more)),
    get clockOffsetMs() {
      return transport.state.clockOffsetMs;
    },
  };
}

/** `https://api2.nxcloud.com`: messages, one-time codes, media. */
export const createApi2Client = <const D extends HostDefaults['api2.nxcloud.com'] = {}>(
  options: NxcloudClientOptions & { defaults?: D },
) => createNxcloudClient('api2.nxcloud.com', options);
/** `https://api.nxcloud.com`: SaaS template sends. */
export const createSaasClient = <const D extends HostDefaults['api.nxcloud.com'] = {}>(
  options: NxcloudClientOptions & { defaults?: D },
) => createNxcloudClient('api.nxcloud.com', options);
/** `https://api-idn.nxlink.ai`: SaaS template sends, Indonesia region (phone number or BSUID). */
export const createIdnClient = <const D extends HostDefaults['api-idn.nxlink.ai'] = {}>(
  options: NxcloudClientOptions & { defaults?: D },
) => createNxcloudClient('api-idn.nxlink.ai', options);
/** `https://api-hk.nxlink.ai`: templates, flows and template media, Hong Kong / APAC region. */
export const createHkClient = <const D extends HostDefaults['api-hk.nxlink.ai'] = {}>(
  options: NxcloudClientOptions & { defaults?: D },
) => createNxcloudClient('api-hk.nxlink.ai', options);
