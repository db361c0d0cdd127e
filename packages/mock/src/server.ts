// One host's server: read → check (route, headers, signature, request against the spec) → sandbox or engine →
// record a send → write. The checks run in the order of CHECKS, as the real servers make them; every stage but the
// engine answers in NxCloud's envelope with the host's documented codes. The mock's own /__nxwa paths go to the
// admin table instead.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Admin } from './admin/index.js';
import type { Journal } from './admin/journal.js';
import { checkCommonHeaders, checkContentType, checkOperationHeaders, commonHeaders } from './checks/headers.js';
import { type BodyCheck, bodyProblems, parameterProblems, pathParameters, problemsAnswer } from './checks/request.js';
import { checkSignature } from './checks/signature.js';
import { createValidator, type Problem, type Validator } from './checks/validation.js';
import type { Engine, EngineAnswer } from './engine/prism.js';
import { afterAnswer, beforeAnswer, ConnectionReset, type Fault, type Faults } from './faults/faults.js';
import { type Answer, envelope, type Family, familyOf, writeAnswer } from './http/answer.js';
import { HttpFailure, onBody, type UploadedFile } from './http/body.js';
import type { Spec } from './http/hosts.js';
import { closeNow, listenOn } from './http/listen.js';
import { compileRoutes, type Route } from './http/routes.js';
import { lowercaser } from './http/texts.js';
import type { ProxyHost, Replay } from './proxy/index.js';
import type { Sandbox } from './sandbox/index.js';
import type { Sends } from './sandbox/messages/send.js';

export interface HostServerOptions {
  host: string;
  spec: Spec;
  engine: Engine;
  accounts: ReadonlyMap<string, string>;
  faults: Faults;
  /** Media and templates: answers the operations that act on them. */
  sandbox: Sandbox;
  /** Records accepted sends and starts their timelines. */
  sends: Sends;
  /** This port's /__nxwa paths. */
  admin: Admin;
  maxBodyBytes: number;
  log: (line: string) => void;
  /** Whether a line is logged per request (not for a mock that logs nothing: the line is not made). */
  logRequests: boolean;
  /** Records every answered request with its verdict. */
  journal?: Journal;
  /** Proxy mode: every request goes to the upstream, checked here all the same. */
  proxy?: ProxyHost;
  /** Recorded answers, served before the sandbox's. */
  replay?: Replay;
}

/** One request to an operation, as the stages see it; the checks fill in what they establish. */
export interface Exchange {
  req: IncomingMessage;
  url: URL;
  host: string;
  family: Family;
  route: Route;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  validator: Validator;
  /** The headers every operation of the host takes (from its spec). */
  commonHeaders: readonly string[];
  maxBodyBytes: number;
  accounts: ReadonlyMap<string, string>;
  faults: Faults;
  /** The account's secret, once the signature is verified. */
  secret?: string;
  /** The fault the request got (accepted-then-500 is applied to the answer). */
  fault?: Fault;
  body?: Record<string, any>;
  /** A JSON body's text, as sent. */
  text?: string;
  files?: Map<string, UploadedFile>;
  /** The parameter and body problems, once checked. */
  problems?: Problem[];
  /** Every check passed: the sandbox or the engine answered. */
  checked?: boolean;
}

/** Method and path pairs whose routes are kept once found. */
const ROUTES_KEPT = 1_024;
/** Request targets whose URLs are kept once made. */
const URLS_KEPT = 1_024;
/** A request's method as the routes name it (any token is a method to Node: only so many are kept). */
const lowerMethod = lowercaser();

/** A stage answers (and so ends the request) or returns undefined to go on. */
export type Stage = (x: Exchange) => Answer | undefined | Promise<Answer | undefined>;

/** The request with its body read and checked: the answer naming every field at fault, if any is. */
function bodyChecked(x: Exchange, problems: Problem[], parsed: BodyCheck): Answer | undefined {
  x.body = parsed.body as Record<string, any> | undefined;
  x.text = parsed.text;
  x.files = parsed.files;
  x.problems = problems.length === 0 ? parsed.problems : [...problems, ...parsed.problems];
  return problemsAnswer(x.family, x.route, x.problems);
}

/** What the real servers check, in this order, each named for what it checks. */
export const CHECKS = [
  { name: 'common headers', run: (x) => checkCommonHeaders(x.family, x.headers, x.commonHeaders) },
  {
    name: 'signature',
    run: (x) => {
      const signed = checkSignature(x.family, x.headers, x.raw, x.accounts);
      x.secret = signed.secret;
      return signed.answer;
    },
  },
  // Faults apply to authentic requests only: an unsigned one is refused as ever.
  {
    name: 'faults',
    run: (x) => {
      try {
        x.fault = x.faults.pick(x.host, x.route.op.operationId, x.headers['x-nxwa-fault']);
      } catch (error) {
        return { status: 400, code: -1, body: envelope(x.family, -1, `x-nxwa-fault: ${(error as Error).message}`) };
      }
      return x.fault ? beforeAnswer(x.fault, x.family) : undefined;
    },
  },
  { name: 'operation headers', run: (x) => checkOperationHeaders(x.family, x.route, x.headers) },
  { name: 'content type', run: (x) => checkContentType(x.family, x.route, x.headers['content-type']) },
  // Parameters and body together: one answer names every field at fault.
  {
    name: 'parameters and body',
    run: (x) => {
      const problems = parameterProblems(x.route, x.validator, x.url);
      const parsed = bodyProblems(x.route, x.validator, x.headers, x.raw, x.maxBodyBytes);
      return parsed instanceof Promise
        ? parsed.then((p) => bodyChecked(x, problems, p))
        : bodyChecked(x, problems, parsed);
    },
  },
] as const satisfies readonly { name: string; run: Stage }[];

// Proxy mode checks all but the signature (the proxy has no secret: the upstream checks it) and the faults (the
// upstream's own answer is the point).
export const PROXY_CHECKS = CHECKS.filter((c) => c.name !== 'signature' && c.name !== 'faults');

export function createHostServer(options: HostServerOptions) {
  const { host, spec, engine, accounts, admin, sends, maxBodyBytes, log } = options;
  const routes = compileRoutes(spec);
  // The route of a method and path, found once (kept by method, then path: no key built per request): a send's path
  // is the same every time. Paths with IDs in them are many; past the bound (and for a long path) they are matched
  // afresh.
  const routed = new Map<string, Map<string, Route | undefined>>();
  let routesKept = 0;
  const routeOf = (method: string, path: string) => {
    let byPath = routed.get(method);
    if (byPath?.has(path)) return byPath.get(path);
    const route = routes.find((r) => r.method === method && r.regex.test(path));
    if (routesKept < ROUTES_KEPT && path.length <= 256) {
      if (!byPath) routed.set(method, (byPath = new Map()));
      byPath.set(path, route);
      routesKept++;
    }
    return route;
  };
  const validator = createValidator(host, spec);
  const common = commonHeaders(spec);
  if (common.length === 0) throw new Error(`The spec of ${host} declares no header security schemes.`);
  const family = familyOf(host);

  /** Media and templates are answered from the sandbox's stores (unless a Prefer header asks for a documented answer). */
  function fromSandbox(x: Exchange): Answer | undefined {
    if (x.headers.prefer) return undefined;
    return options.sandbox.answer({
      host,
      family,
      route: x.route,
      url: x.url,
      path: pathParameters(x.route, x.url),
      body: x.body,
      files: x.files,
      accessKey: String(x.headers.accesskey),
      base: `http://${x.headers.host ?? `${x.req.socket.localAddress}:${x.req.socket.localPort}`}`,
    });
  }

  /** A recorded answer (--replay); with --replay-strict, a refusal for a request no cassette holds. */
  function fromReplay(x: Exchange): Answer | undefined {
    const replay = options.replay;
    if (!replay) return undefined;
    const operationId = x.route.op.operationId as string;
    const target = { method: x.req.method ?? 'GET', target: x.req.url ?? '/', body: x.raw };
    const answer = replay.answer(host, operationId, target, pathParameters(x.route, x.url));
    if (answer || !replay.strict) return answer;
    return {
      status: 404,
      code: -1,
      body: envelope(family, -1, `No cassette holds this ${operationId} request (--replay-strict).`),
    };
  }

  /** The engine answers from the spec's examples (at once when it kept the answer); an accepted send is recorded. */
  function fromEngine(x: Exchange): Answer | Promise<Answer> {
    const query: Record<string, string | string[]> = {};
    if (x.url.search !== '')
      for (const key of new Set(x.url.searchParams.keys())) {
        const all = x.url.searchParams.getAll(key);
        query[key] = all.length === 1 ? all[0] : all;
      }
    const answer = engine.answer({
      method: x.route.method,
      path: x.url.pathname,
      operationPath: x.route.path,
      query,
      headers: x.headers,
      body: x.body,
    });
    return answer instanceof Promise ? answer.then((a) => fromEngineAnswer(x, a)) : fromEngineAnswer(x, answer);
  }

  function fromEngineAnswer(x: Exchange, answer: EngineAnswer): Answer {
    if (answer.status === 422) {
      const c = x.route.genericParameterCode;
      const detail = (answer.body as { detail?: string } | undefined)?.detail;
      return {
        status: 200,
        code: c.code,
        body: envelope(family, c.code, `${c.message}: ${detail || 'the request does not match the spec'}`),
      };
    }
    const out = answer.body as Record<string, any> | string | undefined;
    const code = typeof out === 'object' && out !== null && typeof out.code === 'number' ? out.code : undefined;
    const text =
      x.route.sends && code === 0 && x.body
        ? sends.record({
            host,
            family,
            operation: x.route.label,
            credentials: { accessKey: String(x.headers.accesskey), accessSecret: x.secret! },
            body: x.body,
            json: x.text,
            answer: out as Record<string, any>,
            callbacks: x.headers['x-nxwa-callbacks'],
          })
        : typeof out === 'string'
          ? out
          : out === undefined
            ? ''
            : JSON.stringify(out);
    return { status: answer.status, code, body: text, contentType: answer.contentType };
  }

  /**
   * Answers a request for one of the host's operations: in the turn its body is read, unless a stage waits. Any
   * failure goes to `reply.refused`.
   */
  function handle(req: IncomingMessage, url: URL, reply: Reply): void {
    if (req.method === 'GET' && url.pathname === '/__health') {
      reply.settle(
        engine.healthy().then((ok) => ({
          status: ok ? 200 : 503,
          body: JSON.stringify(
            ok ? { status: 'ok', host } : { status: 'down', host, reason: 'the engine does not answer' },
          ),
        })),
      );
      return;
    }
    onBody(req, maxBodyBytes, (error, raw) => {
      if (error) return reply.refused(error);
      let answer: Answer | Promise<Answer>;
      try {
        answer = answerRead(req, url, raw as Buffer, reply);
      } catch (thrown) {
        return reply.refused(thrown);
      }
      if (answer instanceof Promise) reply.settle(answer);
      else reply.answered(answer);
    });
  }

  function answerRead(req: IncomingMessage, url: URL, raw: Buffer, reply: Reply): Answer | Promise<Answer> {
    const method = lowerMethod(req.method ?? 'GET');
    const route = routeOf(method, url.pathname);
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
    const x: Exchange = {
      req,
      url,
      host,
      family,
      route,
      headers: req.headers,
      raw,
      validator,
      commonHeaders: common,
      maxBodyBytes,
      accounts,
      faults: options.faults,
    };
    // The journal reads what the checks established, whatever the answer.
    reply.exchange = x;
    if (options.proxy) return forward(x, reply, options.proxy);
    const refused = runChecks(x, 0);
    if (refused instanceof Promise) return refused.then((answer) => answer ?? answerChecked(x));
    return refused ?? answerChecked(x);
  }

  /** The checks from the one at `from`, in order: the first refusal, or undefined when all pass. */
  function runChecks(x: Exchange, from: number): Answer | undefined | Promise<Answer | undefined> {
    for (let i = from; i < CHECKS.length; i++) {
      const answer = CHECKS[i].run(x);
      // Most checks answer at once: a promise is waited for only when a check returns one.
      if (answer instanceof Promise) return answer.then((a) => a ?? runChecks(x, i + 1));
      if (answer) return answer;
    }
    return undefined;
  }

  function answerChecked(x: Exchange): Answer | Promise<Answer> {
    x.checked = true;
    return fromReplay(x) ?? fromSandbox(x) ?? fromEngine(x);
  }

  /** Proxy mode: the checks but the signature's and the faults, then the upstream's answer. */
  async function forward(x: Exchange, reply: Reply, proxy: ProxyHost): Promise<Answer> {
    for (const check of PROXY_CHECKS) {
      reply.local = await check.run(x);
      if (reply.local) break;
    }
    return proxy.forward({
      req: x.req,
      route: x.route,
      raw: x.raw,
      validator,
      pathNames: pathParameters(x.route, x.url),
      local: reply.local,
      problems: x.problems,
    });
  }

  // A target's URL, made once (a send's target is the same every time) and shared by its requests: no reader changes
  // a request's URL. Past the bound (and for a long target) it is made afresh.
  const urls = new Map<string, URL>();

  /** The request target as a URL; concatenated, not resolved: a path starting with // is a path here. */
  function urlOf(req: IncomingMessage): URL {
    const target = req.url ?? '/';
    const kept = urls.get(target);
    if (kept) return kept;
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
    if (urls.size < URLS_KEPT && target.length <= 256) urls.set(target, url);
    return url;
  }

  /**
   * One request's way to its answer: what the pipeline established (for the journal), and the answer written. An
   * object with methods rather than closures made afresh for every request.
   */
  class Reply {
    readonly started = Date.now();
    /** One of the mock's own paths (`/__nxwa/…`): answered by the admin table, not journaled. */
    own = false;
    /** The request as the checks saw it (its fault among what they established). */
    exchange?: Exchange;
    /** Proxy mode: the local refusal of a request forwarded all the same (what the journal records). */
    local?: Answer;

    constructor(
      readonly req: IncomingMessage,
      readonly res: ServerResponse,
    ) {}

    /** The answer to a failure; none for a connection reset, which is done here. */
    failed(error: unknown): Answer | undefined {
      const { req } = this;
      if (error instanceof ConnectionReset) {
        // A TCP RST where the platform offers it, else a plain close: either way, no answer.
        const socket = req.socket as typeof req.socket & { resetAndDestroy?: () => void };
        if (socket.resetAndDestroy) socket.resetAndDestroy();
        else socket.destroy();
        log(
          `${host} ${req.method} ${(req.url ?? '').split('?')[0]} → connection reset (fault) ${Date.now() - this.started}ms`,
        );
        return undefined;
      }
      const known = error instanceof HttpFailure;
      if (!known) log(`${host} ${req.method} internal error: ${(error as Error).stack ?? (error as Error).message}`);
      const status = known ? error.status : 500;
      const code = known ? (error.code ?? routes[0]?.genericParameterCode.code ?? -1) : -1;
      return {
        status,
        code,
        body: envelope(family, code, known ? error.message : `The mock failed: ${(error as Error).message}`),
      };
    }

    finish(result: Answer): void {
      const { req } = this;
      writeAnswer(this.res, result);
      const x = this.exchange;
      // In proxy mode a request the spec refuses is journaled as refused, whatever the upstream answered.
      const judged = this.local ?? result;
      // The mock's own paths (and its health probe) are not the contract under test.
      const target = req.url ?? '';
      const query = target.indexOf('?');
      const path = query < 0 ? target : target.slice(0, query);
      if (!this.own && path !== '/__health')
        options.journal?.record({
          host,
          method: req.method ?? 'GET',
          path,
          operationId: x?.route.op.operationId,
          accessKey: typeof req.headers.accesskey === 'string' ? req.headers.accesskey : undefined,
          status: judged.status,
          code: judged.code,
          chosen: x?.fault ? 'fault' : x?.checked && x.headers.prefer ? 'prefer' : undefined,
          answer: typeof judged.body === 'string' ? judged.body : undefined,
          problems: x?.problems,
          body: x?.raw,
        });
      if (options.logRequests)
        log(
          `${host} ${req.method} ${path} → ${result.status}${result.code !== undefined ? ` code ${result.code}` : ''} ${Date.now() - this.started}ms`,
        );
    }

    answered(answer: Answer | undefined): void {
      // The admin wrote an event stream itself.
      if (!answer) return;
      let result: Answer | undefined;
      try {
        result = this.own ? answer : afterAnswer(this.exchange?.fault, answer, family);
      } catch (error) {
        result = this.failed(error);
      }
      if (result) this.finish(result);
    }

    refused(error: unknown): void {
      const result = this.failed(error);
      if (result) this.finish(result);
    }

    /** The answer once it is made, or the failure to make it. */
    settle(answer: Promise<Answer | undefined>): void {
      answer.then(
        (a) => this.answered(a),
        (e) => this.refused(e),
      );
    }
  }

  const server = createServer((req, res) => {
    const reply = new Reply(req, res);
    try {
      const url = urlOf(req);
      reply.own = admin.owns(url.pathname);
      if (reply.own) reply.settle(admin.answer(req, res, url));
      else handle(req, url, reply);
    } catch (error) {
      reply.refused(error);
    }
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  return {
    listen: (port: number, address: string): Promise<string> => listenOn(server, port, address),
    close(): Promise<void> {
      admin.close();
      return closeNow(server);
    },
  };
}
