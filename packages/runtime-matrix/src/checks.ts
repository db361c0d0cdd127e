// The one check script every runtime runs (bundled by esbuild, built dist of the packages inside): signing, the
// client over real HTTP to the test's server, callbacks, abort and retry. It uses only web-standard globals, so
// that it runs unchanged in Node, Deno, Bun, workerd and Chromium, and reports instead of throwing.
import { createApi2Client, createHkClient, type NxcloudClientOptions, type NxcloudError } from '@org/nxwa-client';
import { CallbackError, parseCallback } from '@org/nxwa-client/callbacks';
import {
  computeSignature,
  createSignedFetch,
  type HashImplementation,
  hasNativeHash,
  signatureHeaders,
  stringToSign,
  verifySignature,
} from '@org/nxwa-signing';
// The official vectors, from the signing package's own tests: one source for every runtime.
import { credentials as vectorCredentials, operation as vectorOperation, vectors } from '../../signing/test/vectors.js';
import {
  type CheckResult,
  credentials,
  inboundCallback,
  type MatrixConfig,
  type MatrixReport,
  type Scenario,
  textMessage,
} from './fixtures.js';

/** Longest a single check may take before it is reported as stuck (a bound, not a measure: far above normal). */
const CHECK_BOUND_MS = 60_000;

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

const describeError = (error: NxcloudError | undefined) =>
  error
    ? `${error.kind}${error.code === undefined ? '' : ` ${error.code}`}${error.status === undefined ? '' : ` (HTTP ${error.status})`}: ${error.message}`
    : undefined;

const hosts = { api2: 'api2.nxcloud.com', hk: 'api-hk.nxlink.ai' } as const;
const baseUrl = (config: MatrixConfig, scenario: Scenario, host: string) =>
  `${config.origin}/${config.runId}/${scenario}/${host}`;
const templateList = {
  params: { path: { phone: '8615800001795' }, query: { tenant_id: 1, page_number: 1, page_size: 20 } },
};

/**
 * The client options every check uses. `dangerouslyAllowBrowser` is passed for Chromium, where the client is
 * meant to refuse to start without it; clients that do not know the option ignore it.
 */
const clientOptions = (
  config: MatrixConfig,
  scenario: Scenario,
  host: string,
  extra: Partial<NxcloudClientOptions> = {},
) => {
  const options = {
    ...credentials,
    baseUrl: baseUrl(config, scenario, host),
    dangerouslyAllowBrowser: true as const,
    timeoutMs: 30_000,
    retry: { attempts: 1 },
    ...extra,
  };
  return options;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (bounded) until the server counts `count` requests of a scenario of this run: received (`seen`), or left
 * unanswered and closed by the client (`closed`).
 */
async function serverCounts(
  config: MatrixConfig,
  what: 'seen' | 'closed',
  scenario: Scenario,
  count: number,
): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    const answer = (await (await fetch(`${baseUrl(config, what, scenario)}`)).json()) as { count: number };
    if (answer.count >= count) return;
    await sleep(25);
  }
  throw new Error(
    what === 'seen'
      ? `the server never received ${count} ${scenario} request(s)`
      : `the client never closed ${count} ${scenario} request(s)`,
  );
}

type Check = [name: string, run: (config: MatrixConfig) => Promise<void>];

export const checks: Check[] = [
  [
    'signing: the official vectors, md5 and sha256, with every hash implementation',
    async () => {
      equal(
        stringToSign({ ...vectorCredentials, ...vectorOperation, body: vectors[0].body }),
        'accessKey=fme2na3kdi3ki&action=send&bizType=1&ts=1655710885431&body={"name":"牛小信","id":10001}&accessSecret=abciiiko2k3',
        'string to sign',
      );
      const implementations: HashImplementation[] = hasNativeHash
        ? ['auto', 'portable', 'native']
        : ['auto', 'portable'];
      for (const hashImplementation of implementations) {
        for (const v of vectors) {
          const input = { ...vectorCredentials, ...vectorOperation, body: v.body, hashImplementation };
          equal(computeSignature(input), v.md5, `md5 (${hashImplementation}) of ${v.body ?? 'no body'}`);
          equal(
            computeSignature({ ...input, algorithm: 'sha256' }),
            v.sha256,
            `sha256 (${hashImplementation}) of ${v.body ?? 'no body'}`,
          );
        }
        const bytes = new TextEncoder().encode(vectors[0].body);
        equal(
          computeSignature({ ...vectorCredentials, ...vectorOperation, body: bytes, hashImplementation }),
          vectors[0].md5,
          `md5 (${hashImplementation}) of the bytes of the first vector`,
        );
      }
    },
  ],
  [
    'signing: verifySignature accepts fresh headers and refuses a changed body',
    async () => {
      const body = JSON.stringify(textMessage);
      for (const algorithm of ['md5', 'sha256'] as const) {
        const headers = signatureHeaders({
          ...credentials,
          action: 'mt',
          bizType: '2',
          ts: Date.now(),
          body,
          algorithm,
        });
        const good = verifySignature({
          headers,
          body: new TextEncoder().encode(body),
          accessSecret: credentials.accessSecret,
          action: 'mt',
        });
        equal(good.valid, true, `${algorithm}: valid`);
        const bad = verifySignature({
          headers,
          body: body.replace('shipped', 'shipper'),
          accessSecret: credentials.accessSecret,
        });
        equal(bad.valid ? 'valid' : bad.reason, 'bad-signature', `${algorithm}: a changed body`);
      }
    },
  ],
  [
    'signing: createSignedFetch sends a request the server accepts',
    async (config) => {
      const signedFetch = createSignedFetch(credentials);
      const response = await signedFetch(`${baseUrl(config, 'signed-fetch', hosts.api2)}/api/wa/mt`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', action: 'mt', bizType: '2' },
        body: JSON.stringify(textMessage),
      });
      equal(response.status, 200, 'HTTP status');
      const answer = (await response.json()) as { code: number; message: string };
      equal([answer.code, answer.message], [0, 'Request successful'], 'answer');
    },
  ],
  [
    'client: a send over HTTP, md5 and sha256, is accepted',
    async (config) => {
      for (const algorithm of ['md5', 'sha256'] as const) {
        const api2 = createApi2Client(clientOptions(config, 'send', hosts.api2, { algorithm }));
        const { data, error } = await api2.POST('/api/wa/mt', { body: textMessage });
        equal(describeError(error), undefined, `${algorithm}: error`);
        equal(data?.messages?.[0]?.id?.startsWith('wamid.'), true, `${algorithm}: a message id`);
      }
    },
  ],
  [
    'client: a send signed with a wrong secret is refused with 1003',
    async (config) => {
      const api2 = createApi2Client({
        ...clientOptions(config, 'refused', hosts.api2),
        accessSecret: 'not-the-secret',
      });
      const { data, error } = await api2.POST('/api/wa/mt', { body: textMessage });
      equal(data, undefined, 'data');
      equal([error?.kind, error?.code], ['api', 1003], 'error');
    },
  ],
  [
    'callback: a signed callback is parsed and verified over its raw body',
    async (config) => {
      const response = await fetch(`${baseUrl(config, 'callback', hosts.api2)}/`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const callback = parseCallback(bytes, { headers: response.headers, accessSecret: credentials.accessSecret });
      equal(callback.kind, 'inbound-message', 'kind');
      if (callback.kind !== 'inbound-message') return;
      const [message] = callback.messages;
      equal(message.id, inboundCallback.messages[0].id, 'message id');
      equal(message.type === 'text' ? message.text?.body : message.type, inboundCallback.messages[0].text.body, 'text');

      const refusal = (body: Uint8Array, accessSecret: string) => {
        try {
          parseCallback(body, { headers: response.headers, accessSecret });
          return 'accepted';
        } catch (error) {
          return error instanceof CallbackError ? error.reason : String(error);
        }
      };
      const changed = bytes.slice();
      changed[changed.indexOf(0x31)] = 0x32; // the first '1' becomes '2': still JSON, no longer what was signed
      equal(refusal(changed, credentials.accessSecret), 'signature', 'a changed body');
      equal(refusal(bytes, 'not-the-secret'), 'signature', 'a wrong secret');
    },
  ],
  [
    'client: a call in flight is aborted',
    async (config) => {
      const hk = createHkClient(clientOptions(config, 'hang', hosts.hk, { timeoutMs: 120_000 }));
      const controller = new AbortController();
      const pending = hk.GET('/saas/wa/template/{phone}', { ...templateList, signal: controller.signal });
      // Abort only once the server holds the request, so that the abort always lands mid-flight.
      await serverCounts(config, 'seen', 'hang', 1);
      controller.abort();
      const { data, error } = await pending;
      equal(data, undefined, 'data');
      equal(error?.kind, 'aborted', 'error kind');
    },
  ],
  [
    'client: an attempt with no answer times out, and its request is cancelled',
    async (config) => {
      const hk = createHkClient(clientOptions(config, 'timeout', hosts.hk, { timeoutMs: 300 }));
      // What the attempt gives fetch, seen by a pass-through: in Node a dispatcher of the client's (its fetch is
      // undici's), elsewhere an abort signal. Either way the server must see the request's connection closed.
      const runtimeFetch = globalThis.fetch;
      const given: string[] = [];
      globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit & { dispatcher?: unknown }) => {
        given.push(init?.dispatcher ? 'dispatcher' : init?.signal ? 'signal' : 'nothing');
        return runtimeFetch(input, init);
      }) as typeof fetch;
      try {
        const { data, error } = await hk.GET('/saas/wa/template/{phone}', templateList);
        equal(data, undefined, 'data');
        equal(error?.kind, 'timeout', 'error kind');
      } finally {
        globalThis.fetch = runtimeFetch;
      }
      // (workerd with nodejs_compat names an undici version too, but has no undici dispatcher: a signal there.)
      equal(given, [runtimeName().startsWith('Node ') ? 'dispatcher' : 'signal'], 'what the attempt gave fetch');
      await serverCounts(config, 'closed', 'timeout', 1);
    },
  ],
  [
    'client: a read is retried after 503 and 429, each attempt signed',
    async (config) => {
      const retries: { attempt: number; status?: number }[] = [];
      const hk = createHkClient(
        clientOptions(config, 'retry', hosts.hk, {
          retry: {
            attempts: 3,
            baseDelayMs: 1,
            maxDelayMs: 10,
            onRetry: ({ attempt, error }) => retries.push({ attempt, status: error.status }),
          },
        }),
      );
      const { data, error } = await hk.GET('/saas/wa/template/{phone}', templateList);
      equal(describeError(error), undefined, 'error');
      equal(
        data?.list?.map((t) => t.name),
        ['order_shipped'],
        'templates',
      );
      equal(
        retries,
        [
          { attempt: 2, status: 503 },
          { attempt: 3, status: 429 },
        ],
        'retries',
      );
    },
  ],
];

/** The name under which the runtime describes itself. */
function runtimeName(): string {
  const g = globalThis as {
    Deno?: { version: { deno: string } };
    Bun?: { version: string };
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
    document?: unknown;
  };
  if (g.Deno) return `Deno ${g.Deno.version.deno}`;
  if (g.Bun) return `Bun ${g.Bun.version}`;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.versions?.node && g.document === undefined) return `Node ${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}

/** Runs every check, one after another, and reports each. */
export async function runChecks(config: MatrixConfig): Promise<MatrixReport> {
  const results: CheckResult[] = [];
  for (const [name, run] of checks) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        run(config),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`did not finish within ${CHECK_BOUND_MS / 1000} s`)),
            CHECK_BOUND_MS,
          );
        }),
      ]);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({
        name,
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    } finally {
      clearTimeout(timer);
    }
  }
  return { runtime: runtimeName(), nativeHash: hasNativeHash, checks: results };
}
