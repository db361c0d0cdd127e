import { checkMiddleware, sendCall, type MaybeOptionalInit, type Middleware } from './request.js';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { NxcloudError, opKey } from './errors.js';
import type * as Api2 from './generated/api2.nxcloud.com.js';
import type * as Saas from './generated/api.nxcloud.com.js';
import type * as Idn from './generated/api-idn.nxlink.ai.js';
import type * as Hk from './generated/api-hk.nxlink.ai.js';
import { MULTIPART, operationTable } from './generated/operations.js';
import { apiError, createTransport, httpLabels, parsed, serverMessage, type TransportOptions } from './transport.js';

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
  baseUrl?: string;
  /** Middleware run around every call (openapi-fetch's middleware objects). */
  middleware?: Middleware[];
  /**
   * Allow a client in a web page. Off by default: the `accessSecret` would ship to every visitor, who could then
   * send as the account. Only for pages that are not public (an internal tool behind a login) — or a test.
   */
  dangerouslyAllowBrowser?: boolean;
}

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

export type NxMethod<Paths extends {}, M extends HttpMethod> = <P extends PathsWithMethod<Paths, M>, I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>>(
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

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.set(key, value, (value as File).name || key);
    else form.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form;
}

const isEnvelope = (v: unknown): v is { code: number; message?: unknown; data?: unknown; traceId?: unknown } =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'number';

/**
 * A typed client of one NxCloud host: every request signed (a fresh `ts` per attempt), a default timeout,
 * retries for what can be retried, and answers turned into `{ data }` or `{ error: NxcloudError }`.
 */
export function createNxcloudClient<H extends NxcloudHost>(host: H, options: NxcloudClientOptions): NxcloudClient<HostPaths[H]> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined' && !options.dangerouslyAllowBrowser) {
    throw new Error(
      'createNxcloudClient: this looks like a web page (window and document exist), and the accessSecret would ship to every visitor. Call NxCloud from a server; pass dangerouslyAllowBrowser: true only if the page is not public.',
    );
  }
  const transport = createTransport({ ...options, host });
  const table = operationTable[host] ?? {};
  const baseUrl = options.baseUrl ?? `https://${host}`;
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) throw new TypeError(`baseUrl is ${JSON.stringify(baseUrl)}: expected an http:// or https:// URL, e.g. "https://${host}".`);
  const middleware = checkMiddleware(options.middleware ?? []);

  const method = (name: 'GET' | 'POST' | 'PUT' | 'DELETE') =>
    async (path: string, init: Record<string, any> = {}): Promise<NxResult<any>> => {
      const operation = `${name} ${path}`;
      const multipart = ((table[opKey(operation)]?.[2] ?? 0) & MULTIPART) !== 0;
      // The JSON text is made once here; the transport signs and sends exactly it, on every attempt.
      const body = init.body === undefined || init.body instanceof FormData ? init.body : multipart ? toFormData(init.body) : JSON.stringify(init.body);
      const to = typeof init.body?.to === 'string' && init.body.to ? init.body.to : undefined;
      const result = await call(operation, path, name, init, body, to);
      // A server may echo the recipient in its message: errors carry it masked, as the log does.
      if (result.error && to) result.error.message = transport.hide(result.error.message, to);
      return result;
    };

  const call = async (operation: string, path: string, name: string, init: Record<string, any>, body: unknown, to?: string): Promise<NxResult<any>> => {
    let response: Response;
    try {
      response = await sendCall(middleware, name, baseUrl, path, { ...init, body: body as string | FormData | undefined }, transport.fetchFor(operation, typeof body === 'string' ? body : undefined, to));
    } catch (error) {
      if (error instanceof NxcloudError) return { error };
      throw error;
    }
    // Not parsed by the transport: a non-200 answer (read, and handed on as a copy), or a response a middleware
    // replaced.
    let read = parsed.get(response);
    let text = '';
    if (!read) {
      text = await response.text();
      try {
        read = { json: JSON.parse(text) };
      } catch (error) {
        read = { error };
      }
    }
    if ('error' in read && response.ok) {
      return { error: new NxcloudError({ kind: 'invalid-response', status: response.status, message: `${operation} answered with a body that is not JSON.`, operation, host, cause: read.error }), response };
    }
    const envelope = 'json' in read ? read.json : undefined;
    if (!response.ok && !isEnvelope(envelope)) {
      const message = `${operation} answered HTTP ${response.status}${serverMessage(envelope ?? text)}.`;
      return { error: new NxcloudError({ kind: 'http', status: response.status, message, operation, host, ...httpLabels(response.status) }), response };
    }
    if (!isEnvelope(envelope)) {
      return { error: new NxcloudError({ kind: 'invalid-response', status: response.status, message: `${operation} answered without the {code, message, data} envelope.`, operation, host }), response };
    }
    const traceId = typeof envelope.traceId === 'string' ? envelope.traceId : undefined;
    if (envelope.code === 0 && response.ok) return { data: envelope.data as never, traceId, response };
    return { error: await apiError(host, operation, envelope, response.status), traceId, response };
  };

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
export const createApi2Client = (options: NxcloudClientOptions) => createNxcloudClient('api2.nxcloud.com', options);
/** `https://api.nxcloud.com`: SaaS template sends. */
export const createSaasClient = (options: NxcloudClientOptions) => createNxcloudClient('api.nxcloud.com', options);
/** `https://api-idn.nxlink.ai`: SaaS template sends, Indonesia region (phone number or BSUID). */
export const createIdnClient = (options: NxcloudClientOptions) => createNxcloudClient('api-idn.nxlink.ai', options);
/** `https://api-hk.nxlink.ai`: templates, flows and template media, Hong Kong / APAC region. */
export const createHkClient = (options: NxcloudClientOptions) => createNxcloudClient('api-hk.nxlink.ai', options);
