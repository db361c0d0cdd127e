// One host's server: read → check (route, headers, signature, request against the spec) → engine → callbacks →
// write. Every stage but the engine answers in NxCloud's envelope with the host's documented codes.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, envelope, familyOf } from './answer.js';
import type { Inbound } from './callbacks/inbound.js';
import type { Lifecycles } from './callbacks/lifecycle.js';
import { callbackAllowed, refusedTarget, wantedStatuses } from './callbacks/status.js';
import { checkCommonHeaders, checkContentType, checkOperationHeaders } from './checks/headers.js';
import { bodyProblems, parameterProblems, pathParameters, problemsAnswer } from './checks/request.js';
import { checkSignature } from './checks/signature.js';
import { createValidator } from './checks/validation.js';
import type { Engine } from './engine/prism.js';
import { afterAnswer, beforeAnswer, ConnectionReset, type Fault, type Faults } from './faults/faults.js';
import type { Spec } from './hosts.js';
import { createInspector } from './inspector/index.js';
import { HttpFailure, readBody } from './read.js';
import { compileRoutes } from './routes.js';
import type { Sandbox } from './sandbox/index.js';
import { inspect } from './state/inspect.js';
import { type MessageStore, newMessageId } from './state/messages.js';
import { plannedStatuses } from './state/recipients.js';

export interface HostServerOptions {
  host: string;
  spec: Spec;
  engine: Engine;
  accounts: ReadonlyMap<string, string>;
  lifecycles: Lifecycles;
  inbound: Inbound;
  faults: Faults;
  messages: MessageStore;
  /** Media and templates: answers the operations that act on them. */
  sandbox: Sandbox;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  maxBodyBytes: number;
  log: (line: string) => void;
}

// The mock's own request headers, never passed to the engine.
const OWN_HEADERS = new Set([
  'x-nxwa-callbacks',
  'x-nxwa-fault',
  'host',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'content-length',
]);

export function createHostServer(options: HostServerOptions) {
  const { host, spec, engine, accounts, lifecycles, messages, maxBodyBytes, log } = options;
  const routes = compileRoutes(spec);
  const validator = createValidator(host, spec);
  const family = familyOf(host);
  const inspector = createInspector({ host, messages, log });

  // `faulted` is told the fault the request got (accepted-then-500 is applied to the answer).
  async function handle(req: IncomingMessage, faulted: { fault?: Fault }): Promise<Answer> {
    // Concatenated, not resolved: a path starting with // is a path here, not a protocol-relative URL.
    const target = req.url ?? '/';
    let url: URL;
    try {
      url = new URL(`http://mock.invalid${target.startsWith('/') ? '' : '/'}${target}`);
    } catch {
      throw new HttpFailure(
        400,
        -1,
        `The request target ${JSON.stringify(target.slice(0, 100))} is not a valid URL path.`,
      );
    }
    if (req.method === 'GET' && url.pathname === '/__health') {
      const ok = await engine.healthy();
      return {
        status: ok ? 200 : 503,
        body: JSON.stringify(
          ok ? { status: 'ok', host } : { status: 'down', host, reason: 'the engine does not answer' },
        ),
      };
    }
    if (url.pathname === '/__nxwa/inbound')
      return options.inbound.answer(req.method ?? 'GET', await readBody(req, maxBodyBytes));
    if (url.pathname.startsWith('/__nxwa/')) {
      req.resume();
      return options.sandbox.inspect(req.method ?? 'GET', url) ?? inspect(req.method ?? 'GET', url, messages)!;
    }
    const raw = await readBody(req, maxBodyBytes);
    const method = (req.method ?? 'GET').toLowerCase();
    const route = routes.find((r) => r.method === method && r.regex.test(url.pathname));
    if (!route) {
      const other = routes.find((r) => r.regex.test(url.pathname));
      return other
        ? {
            status: 405,
            body: envelope(
              family,
              -1,
              `${req.method} is not allowed on ${url.pathname}; use ${other.method.toUpperCase()}.`,
            ),
          }
        : { status: 404, body: envelope(family, -1, `No operation ${req.method} ${url.pathname} on ${host}.`) };
    }

    // What the real servers check, in this order.
    const headers = req.headers;
    const missing = checkCommonHeaders(family, headers);
    if (missing) return missing;
    const signed = checkSignature(family, headers, raw, accounts);
    if (signed.answer) return signed.answer;
    // Faults apply to authentic requests only: an unsigned one is refused as ever.
    let fault: Fault | undefined;
    try {
      fault = options.faults.pick(host, route.op.operationId, headers['x-nxwa-fault']);
    } catch (error) {
      return { status: 400, code: -1, body: envelope(family, -1, `x-nxwa-fault: ${(error as Error).message}`) };
    }
    if (fault) {
      faulted.fault = fault;
      const replaced = await beforeAnswer(fault, family);
      if (replaced) return replaced;
    }
    const operation = checkOperationHeaders(family, route, headers);
    if (operation) return operation;
    const problems = parameterProblems(route, validator, url);
    const wrongType = checkContentType(host, family, route, headers['content-type']);
    if (wrongType) return wrongType;
    const parsed = await bodyProblems(route, validator, headers, raw, maxBodyBytes);
    const rejected = problemsAnswer(family, route, [...problems, ...parsed.problems]);
    if (rejected) return rejected;
    const body = parsed.body as Record<string, any> | undefined;

    // Media and templates are answered from the sandbox's stores (unless a Prefer header asks the engine for a
    // documented answer).
    if (!headers.prefer) {
      const base = `http://${headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`}`;
      const own = options.sandbox.answer({
        host,
        family,
        route,
        url,
        path: pathParameters(route, url),
        body,
        files: parsed.files,
        accessKey: String(headers.accesskey),
        base,
      });
      if (own) return own;
    }

    // The engine answers from the spec's examples.
    const engineHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined && !OWN_HEADERS.has(name)) engineHeaders[name] = String(value);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? all[0] : all;
    }
    const answer = await engine.answer({
      method,
      path: url.pathname,
      operationPath: route.path,
      query,
      headers: engineHeaders,
      body,
    });
    if (answer.status === 422) {
      const c = route.genericParameterCode;
      const detail = (answer.body as { detail?: string } | undefined)?.detail;
      return {
        status: 200,
        code: c.code,
        body: envelope(family, c.code, `${c.message}: ${detail || 'the request does not match the spec'}`),
      };
    }
    let out = answer.body as Record<string, any> | undefined;
    const code = typeof out?.code === 'number' ? out.code : undefined;
    if (route.sends && code === 0 && body) {
      // Every accepted send gets its own message ID; as on the real server, a cus_message_id is the message's ID in
      // the answer and in its callbacks. (The engine's answer may be the spec's own example object: changed on a
      // copy.)
      const id = typeof body.cus_message_id === 'string' && body.cus_message_id ? body.cus_message_id : newMessageId();
      out = structuredClone(out!);
      if (out.data?.messages?.[0]) out.data.messages[0].id = id;
      else if (out.data && 'message_id' in out.data) out.data.message_id = id;
      const messageId = String(out?.data?.messages?.[0]?.id ?? out?.data?.message_id ?? id);
      const to = body.to ?? body.recipient;
      let webhook: string | undefined = body.dr_webhook ?? options.webhookUrl;
      if (webhook && !callbackAllowed(webhook, options.allowAnyCallbackTarget)) {
        log(refusedTarget('callback', webhook));
        webhook = undefined;
      }
      const recorded = messages.record({
        id: messageId,
        host,
        operation: `${route.method.toUpperCase()} ${route.path}`,
        accessKey: String(headers.accesskey),
        to: typeof to === 'string' ? to : undefined,
        // Kept whole up to 64 KiB: the store must not hold a run's worth of large bodies.
        body: raw.length <= 64 * 1024 ? body : { omitted: `a body of ${raw.length} bytes is not kept` },
        webhook: webhook ?? null,
      });
      // The timeline advances with or without a webhook; its statuses become callbacks when there is one.
      lifecycles.start({
        message: recorded,
        family,
        statuses: plannedStatuses(to, wantedStatuses(headers['x-nxwa-callbacks'])),
        webhook: webhook
          ? { url: webhook, credentials: { accessKey: String(headers.accesskey), accessSecret: signed.secret! } }
          : undefined,
      });
    }
    const text = typeof out === 'string' ? out : out === undefined ? '' : JSON.stringify(out);
    return { status: answer.status, code, body: text, contentType: answer.contentType };
  }

  const server = createServer(async (req, res) => {
    // The live inspector's page and event stream (/__nxwa/, /__nxwa/events) answer by themselves.
    if (inspector.serve(req, res)) return;
    const started = Date.now();
    let result: Answer;
    const faulted: { fault?: Fault } = {};
    try {
      const answer = await handle(req, faulted);
      result = afterAnswer(faulted.fault, answer, family);
    } catch (error) {
      if (error instanceof ConnectionReset) {
        // A TCP RST where the platform offers it, else a plain close: either way, no answer.
        const socket = req.socket as typeof req.socket & { resetAndDestroy?: () => void };
        if (socket.resetAndDestroy) socket.resetAndDestroy();
        else socket.destroy();
        log(
          `${host} ${req.method} ${(req.url ?? '').split('?')[0]} → connection reset (fault) ${Date.now() - started}ms`,
        );
        return;
      }
      const known = error instanceof HttpFailure;
      if (!known) log(`${host} ${req.method} internal error: ${(error as Error).stack ?? (error as Error).message}`);
      const status = known ? error.status : 500;
      const code = known ? (error.code ?? routes[0]?.genericParameterCode.code ?? -1) : -1;
      result = {
        status,
        code,
        body: envelope(family, code, known ? error.message : `The mock failed: ${(error as Error).message}`),
      };
    }
    if (!res.headersSent) {
      res.writeHead(result.status, {
        ...result.headers,
        'content-type': result.contentType ?? 'application/json',
        connection: result.status === 413 ? 'close' : 'keep-alive',
      });
      res.end(result.body);
    }
    log(
      `${host} ${req.method} ${(req.url ?? '').split('?')[0]} → ${result.status}${result.code !== undefined ? ` code ${result.code}` : ''} ${Date.now() - started}ms`,
    );
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  return {
    listen(port: number, address: string): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        inspector.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
