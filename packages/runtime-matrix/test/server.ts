// The server every runtime talks to, on 127.0.0.1 (port 0): it checks each request's signature with node:crypto
// over the raw bytes received (independently of the package under test) and its action/bizType against the
// operation table generated from the specs, then plays the scenario named in the path. It also serves the
// Chromium page and a signed callback.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '@org/nxwa-signing';
import { credentials, inboundCallback, type Scenario } from '../src/fixtures.js';

export type Verdict = 'valid' | 'bad-signature' | 'wrong-operation-headers' | 'unknown-operation';

export interface Received {
  runId: string;
  scenario: string;
  operation: string;
  verdict: Verdict;
}

function expectedSign(headers: IncomingHttpHeaders, raw: Buffer): string | undefined {
  const algorithm = (headers.algorithm as string | undefined) ?? 'md5';
  if (algorithm !== 'md5' && algorithm !== 'sha256') return undefined;
  const hash = createHash(algorithm);
  hash.update(`accessKey=${headers.accesskey}&action=${headers.action}&bizType=${headers.biztype}&ts=${headers.ts}`);
  if (raw.length > 0) hash.update('&body=').update(raw);
  return hash.update(`&accessSecret=${credentials.accessSecret}`).digest('hex');
}

/** The operation of the generated table a method and path belong to. */
function findOperation(host: string, method: string, path: string) {
  const table = (operations as Record<string, Record<string, { action: string; bizType: string }>>)[host] ?? {};
  for (const [key, signing] of Object.entries(table)) {
    const [m, template] = key.split(' ');
    if (m === method && new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
      return { key, ...signing };
  }
  return undefined;
}

const success: Record<string, () => unknown> = {
  'post /api/wa/mt': () => ({
    messaging_product: 'whatsapp',
    contacts: [{ input: '8613600009759', wa_id: '8613600009759' }],
    messages: [{ id: `wamid.matrix.${Math.random().toString(36).slice(2)}` }],
  }),
  'get /saas/wa/template/{phone}': () => ({
    total: 1,
    list: [{ name: 'order_shipped', language: 'en_US', status: 'APPROVED', category: 'UTILITY' }],
  }),
};

/** Starts the server; `files` are served as they are (path → [content type, text]). */
export async function startCheckServer(files: Record<string, [string, string]>) {
  const received: Received[] = [];
  const retryAttempts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  // `<runId>/<scenario>` of each unanswered request whose connection the client closed.
  const closed: string[] = [];
  let stopping = false;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const file = files[url.pathname];
      if (file) {
        res.writeHead(200, { 'content-type': file[0] });
        return res.end(file[1]);
      }
      const [, runId = '', scenario = '', host = '', ...rest] = url.pathname.split('/');
      const path = `/${rest.join('/')}`;
      if (scenario === 'seen')
        return json(res, 200, { count: received.filter((r) => r.runId === runId && r.scenario === host).length });
      if (scenario === 'closed')
        return json(res, 200, { count: closed.filter((c) => c === `${runId}/${host}`).length });
      if (scenario === 'callback') {
        const body = Buffer.from(JSON.stringify(inboundCallback));
        const headers = { accessKey: credentials.accessKey, ts: String(Date.now()), bizType: '2', action: 'callback' };
        const sign = expectedSign(
          { accesskey: headers.accessKey, ts: headers.ts, biztype: headers.bizType, action: headers.action },
          body,
        )!;
        res.writeHead(200, { 'content-type': 'application/json', ...headers, sign });
        return res.end(body);
      }

      const method = (req.method ?? 'GET').toLowerCase();
      const operation = findOperation(host, method, path);
      let verdict: Verdict = 'valid';
      if (!operation) verdict = 'unknown-operation';
      else if (req.headers.sign !== expectedSign(req.headers, raw)) verdict = 'bad-signature';
      else if (req.headers.action !== operation.action || req.headers.biztype !== operation.bizType)
        verdict = 'wrong-operation-headers';
      received.push({ runId, scenario, operation: operation?.key ?? `${method} ${path}`, verdict });

      if (verdict === 'unknown-operation')
        return json(res, 404, { code: 1002, message: 'Unknown operation', data: null });
      if (verdict !== 'valid') return json(res, 200, { code: 1003, message: 'Invalid signature', data: null });
      if (scenario === 'hang' || scenario === 'timeout') {
        // Never answered: the client must abort it (or time it out). Ended when the server closes.
        hanging.add(res);
        res.on('close', () => {
          hanging.delete(res);
          if (!stopping) closed.push(`${runId}/${scenario}`);
        });
        return;
      }
      if (scenario === 'retry') {
        const attempt = (retryAttempts.get(runId) ?? 0) + 1;
        retryAttempts.set(runId, attempt);
        if (attempt === 1) return json(res, 503, { message: 'Service Unavailable' });
        if (attempt === 2) return json(res, 429, { message: 'Too Many Requests' });
      }
      const data = success[operation!.key];
      if (!data) return json(res, 500, { message: `no success answer for ${operation!.key}` });
      json(res, 200, { code: 0, message: 'Request successful', data: data(), traceId: `trace-${runId}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    /** What the server decided about every signed request of a run, by scenario. */
    verdicts(runId: string): Partial<Record<Scenario, Verdict[]>> {
      const byScenario: Partial<Record<Scenario, Verdict[]>> = {};
      for (const r of received.filter((x) => x.runId === runId))
        (byScenario[r.scenario as Scenario] ??= []).push(r.verdict);
      return byScenario;
    },
    close: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
