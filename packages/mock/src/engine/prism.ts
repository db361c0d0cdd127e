// The engine: Prism's HTTP mocker, in this process. It gets a request that the checks have already read, parsed and
// validated, picks the answer from the spec's examples (a `Prefer` header chooses one) and knows nothing of sockets.
import type { getHttpOperationsFromSpec, IHttpRequest } from '@stoplight/prism-http';
import type { Spec } from '../http/hosts.js';
import { createInstance } from './instance.cjs';
import { preparedAnswers } from './prepared.js';

export interface EngineRequest {
  method: string;
  path: string;
  /** The operation the checks matched (its path template in the spec), so that the engine need not route again. */
  operationPath?: string;
  query: Record<string, string | string[]>;
  /** The request's headers as received: the engine passes Prism those that are not the mock's own. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: unknown;
}

export interface EngineAnswer {
  status: number;
  contentType: string;
  /** The answer's body, still a value (JSON is serialised when written). */
  body: unknown;
}

export interface Engine {
  /** The answer; at once (no promise) when it is one kept from an earlier request. */
  answer(request: EngineRequest): EngineAnswer | Promise<EngineAnswer>;
  /** Whether the engine answers: one real round trip through Prism. */
  healthy(): Promise<boolean>;
  /** Stops answering (what a crashed engine looks like to /__health). */
  stop(): void;
}

// Prism logs every request body at `info`; the mock logs its own one line per request and never a body.
const silent: any = { level: 'silent' };
for (const name of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success']) silent[name] = () => {};
silent.child = () => silent;

// The mock's own request headers, never passed to Prism.
const OWN_HEADERS = new Set([
  'x-nxwa-callbacks',
  'x-nxwa-fault',
  'host',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'content-length',
]);

const prismHeaders = (headers: EngineRequest['headers']) => {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !OWN_HEADERS.has(name)) out[name] = String(value);
  }
  return out;
};

/** `Prefer: example=…, code=…` → Prism's per-request choice. Dynamic answers stay off: examples only. */
export function preferences(prefer: string | undefined): { exampleKey?: string; code?: number; error?: string } {
  if (!prefer) return {};
  const out: { exampleKey?: string; code?: number; error?: string } = {};
  for (const part of prefer.split(/[,;]/)) {
    const [key, ...rest] = part.split('=');
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    switch (key.trim().toLowerCase()) {
      case 'example':
        out.exampleKey = value;
        break;
      case 'code':
        if (/^\d{3}$/.test(value)) out.code = Number(value);
        else out.error = `Prefer: code must be a three-digit HTTP status; got ${JSON.stringify(value)}`;
        break;
    }
  }
  return out;
}

/** Prism's reader of specs. A CommonJS module: its exports are its default export in the bundle's chunk, and named too under Node. */
async function readerOfSpecs(): Promise<typeof getHttpOperationsFromSpec> {
  const prismHttp: any = await import('@stoplight/prism-http');
  return (prismHttp.default ?? prismHttp).getHttpOperationsFromSpec;
}

/** The engine of one spec; `operations` are Prism's reading of it when already made (the build writes them). */
export async function createEngine(spec: Spec, prepared?: unknown[]): Promise<Engine> {
  // Prism reads the document it is given into its own operations; it gets a copy. Its reader is loaded only here.
  const operations =
    (prepared as Awaited<ReturnType<typeof getHttpOperationsFromSpec>> | undefined) ??
    (await (
      await readerOfSpecs()
    )(structuredClone(spec) as any));
  // Our checks run before the engine (headers, signature, every parameter and the body against the spec with ajv):
  // Prism does not check security or validate again, and does not validate its own answers.
  const prism = createInstance(
    {
      mock: { dynamic: false },
      checkSecurity: false,
      validateRequest: false,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger: silent },
  );
  // Prism's operation of a method and path, by method, then path: found per request with no key made for it.
  const byOperation = new Map<string, Map<string, (typeof operations)[number]>>();
  for (const o of operations) {
    if (!byOperation.has(o.method)) byOperation.set(o.method, new Map());
    byOperation.get(o.method)!.set(o.path, o);
  }
  const operationOf = (method: string, path: string | undefined) =>
    path === undefined ? undefined : byOperation.get(method.toLowerCase())?.get(path);
  let stopped = false;
  const ask = preparedAnswers(
    async (request: EngineRequest): Promise<EngineAnswer> => {
      const prefer = preferences(request.headers.prefer === undefined ? undefined : String(request.headers.prefer));
      if (prefer.error)
        return {
          status: 422,
          contentType: 'application/problem+json',
          body: { title: 'Invalid Prefer header', status: 422, detail: prefer.error },
        };
      const input: IHttpRequest = {
        method: request.method.toLowerCase() as IHttpRequest['method'],
        url: { path: request.path, query: request.query },
        headers: prismHeaders(request.headers),
        body: request.body,
      };
      const matched = operationOf(input.method, request.operationPath);
      const result = await prism.request(input, matched ? [matched] : operations, {
        mock: { dynamic: false, exampleKey: prefer.exampleKey, code: prefer.code },
      } as any)();
      if (result._tag === 'Left') {
        // As Prism's own server writes it: a problem document with the error's status.
        const e = result.left as Error & { status?: number; detail?: string; name: string };
        return {
          status: e.status ?? 500,
          contentType: 'application/problem+json',
          body: { type: e.name, title: e.message, status: e.status ?? 500, detail: e.detail ?? '' },
        };
      }
      const { output } = result.right;
      const headers = Object.fromEntries(Object.entries(output.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return {
        status: output.statusCode,
        contentType: headers['content-type'] ?? 'application/json',
        body: output.body,
      };
    },
    {
      keeps: (request) => !operationOf(request.method, request.operationPath)?.callbacks?.length,
    },
  );
  // Not an async function: a kept answer is handed on as it is, with no promise around it.
  const answer = (request: EngineRequest): EngineAnswer | Promise<EngineAnswer> =>
    stopped ? Promise.reject(new Error('the engine is stopped')) : ask(request);
  const first = operations[0];
  return {
    answer,
    async healthy() {
      if (stopped || !first) return false;
      try {
        const probe = await answer({
          method: first.method,
          path: first.path.replace(/\{[^}]+\}/g, 'health'),
          query: {},
          headers: {},
          body: undefined,
        });
        return probe.status < 500;
      } catch {
        return false;
      }
    },
    stop() {
      stopped = true;
    },
  };
}
