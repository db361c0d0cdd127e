// Proxy mode for one host: the request, already checked against the spec by the host's server (all but the
// signature, which only the upstream can check), goes to the upstream unchanged whatever the local verdict; the
// upstream's answer comes back unchanged, and on the way is judged against the operation's documented responses
// (the drift log) and, with --record, written to the host's cassette.
import type { IncomingMessage } from 'node:http';
import type { Problem, Validator } from '../checks/validation.js';
import { type Answer, envelope, familyOf } from '../http/answer.js';
import type { Spec } from '../http/hosts.js';
import type { Route } from '../http/routes.js';
import { answerDrift, type DriftFinding, type DriftLog } from './drift.js';
import { createCassetteWriter, harEntry } from './har.js';
import { forward, passedBack } from './upstream.js';

export { createDriftLog, type Drift, type DriftFinding, type DriftKind, type DriftLog } from './drift.js';
export { createReplay, type Replay } from './replay.js';
export { checkUpstreamUrl, documentedUrl, isLoopback } from './upstream.js';

/** A request the host's server routed and checked. */
export interface ProxiedRequest {
  req: IncomingMessage;
  route: Route;
  raw: Buffer;
  validator: Validator;
  pathNames: Record<string, string>;
  /** The local verdict when the spec refuses the request (it is forwarded all the same). */
  local?: Answer;
  problems?: Problem[];
}

export interface ProxyHostOptions {
  host: string;
  spec: Spec;
  upstream: URL;
  drift: DriftLog;
  /** Write each exchange to `<recordDir>/<host>.har`. */
  recordDir?: string;
  keepRecipients: boolean;
  /** The version written as the cassette's creator. */
  version: string;
}

const parse = (bytes: Buffer): unknown => {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
};

export function createProxyHost(options: ProxyHostOptions) {
  const { host, spec, upstream, drift } = options;
  const family = familyOf(host);
  const cassette = options.recordDir ? createCassetteWriter(options.recordDir, host, options.version) : undefined;

  return {
    upstream,
    cassette: cassette?.file,
    async forward(p: ProxiedRequest): Promise<Answer> {
      const operationId = p.route.op.operationId as string;
      const request = {
        method: p.req.method ?? 'GET',
        target: p.req.url ?? '/',
        rawHeaders: p.req.rawHeaders,
        body: p.raw,
        httpVersion: p.req.httpVersion,
      };
      let answer: Awaited<ReturnType<typeof forward>>;
      try {
        answer = await forward(upstream, request);
      } catch (error) {
        return { status: 502, code: -1, body: envelope(family, -1, (error as Error).message) };
      }
      const contentType = answer.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
      const body = parse(answer.decoded);
      const findings: DriftFinding[] = answerDrift(
        p.validator,
        spec,
        { path: p.route.path, method: p.route.method },
        { status: answer.status, contentType, text: answer.decoded.toString('utf8') },
      );
      drift.record(host, operationId, 'answer', findings, body);
      const code = (body as { code?: unknown } | undefined)?.code;
      // The spec refuses what NxCloud took: the spec (or the app) is wrong, and the report should say which rule.
      if (p.local && code === 0)
        drift.record(
          host,
          operationId,
          'request',
          (p.problems?.length ? p.problems : [{ field: '', text: 'the request breaks the spec' }]).map((problem) => ({
            kind: 'accepted-against-spec',
            field: problem.field,
            expected: problem.text,
            got: 'accepted by the upstream (code 0)',
            location: `/paths/${p.route.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${p.route.method}`,
          })),
          parse(p.raw),
        );
      cassette?.add(
        harEntry(
          upstream,
          request,
          answer,
          { host, operationId, pathNames: p.pathNames },
          { keepRecipients: options.keepRecipients },
        ),
      );
      const headers: Record<string, string> = {};
      for (const [name, value] of passedBack(answer.headers)) {
        const lower = name.toLowerCase();
        if (lower === 'content-type') continue;
        headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
      }
      return {
        status: answer.status,
        code: typeof code === 'number' ? code : undefined,
        body: answer.raw,
        contentType,
        headers,
      };
    },
  };
}

export type ProxyHost = ReturnType<typeof createProxyHost>;
