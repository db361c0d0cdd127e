// The callbacks relay: NxCloud posts its callbacks here (the app points its NxCloud webhook at this port, through
// whatever tunnel it uses); each is checked against the served hosts' webhooks (the one it departs from least is the
// one it is) and, when the mock knows the account's secret, its signature; departures go to the drift log; and the
// callback goes on to the app's handler unchanged, whose answer goes back to NxCloud unchanged. Never a body or a
// signature in the log.
import { createServer, type Server } from 'node:http';
import { verifySignature } from '@org/nxwa-signing';
import { createValidator, type Validator } from '../checks/validation.js';
import { readBody } from '../http/body.js';
import type { MockHost, Spec } from '../http/hosts.js';
import { closeNow, listenOn } from '../http/listen.js';
import { closestDrift, type DriftLog, driftWeight } from './drift.js';
import { forward, passedBack } from './upstream.js';

export interface RelayOptions {
  /** The app's callback handler. */
  target: URL;
  hosts: readonly MockHost[];
  specs: readonly Spec[];
  /** accessKey → secret: a callback of a known account has its signature checked. */
  accounts: ReadonlyMap<string, string>;
  drift: DriftLog;
  log: (line: string) => void;
  maxBodyBytes?: number;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function createRelay(options: RelayOptions) {
  const { target, drift, log } = options;
  // Each webhook's body schema, as a pointer into its host's spec, judged by that host's validator.
  const webhooks: { host: MockHost; operationId: string; validator: Validator; pointer: string }[] = [];
  for (const [i, host] of options.hosts.entries()) {
    const spec = options.specs[i];
    const validator = createValidator(host, spec);
    for (const [name, item] of Object.entries((spec.webhooks ?? {}) as Record<string, any>)) {
      const op = item?.post;
      if (op?.requestBody?.content?.['application/json']?.schema === undefined) continue;
      webhooks.push({
        host,
        operationId: op.operationId,
        validator,
        pointer: `/webhooks/${esc(name)}/post/requestBody/content/application~1json/schema`,
      });
    }
  }
  let url: string | undefined;

  const server: Server = createServer(async (req, res) => {
    const started = Date.now();
    try {
      const raw = await readBody(req, options.maxBodyBytes ?? 20 * 1024 * 1024);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {}
      // Which webhook: the one (of any served host) the body departs from least.
      let best: { w: (typeof webhooks)[number]; findings: ReturnType<typeof closestDrift> } | undefined;
      for (const w of webhooks) {
        const found = closestDrift(w.validator, [w.pointer], body);
        if (!best || (found && best.findings && driftWeight(found.findings) < driftWeight(best.findings.findings)))
          best = { w, findings: found };
      }
      if (best && body !== undefined)
        drift.record(best.w.host, best.w.operationId, 'callback', best.findings!.findings, body);
      else
        drift.record(
          best?.w.host ?? options.hosts[0],
          best?.w.operationId ?? 'callback',
          'callback',
          [
            {
              kind: 'not-json',
              field: '',
              expected: 'a JSON callback',
              got: 'a body that is not JSON',
              location: '/webhooks',
            },
          ],
          undefined,
        );
      const accessKey = typeof req.headers.accesskey === 'string' ? req.headers.accesskey : undefined;
      const secret = accessKey === undefined ? undefined : options.accounts.get(accessKey);
      if (secret !== undefined && best) {
        const verdict = verifySignature({
          headers: req.headers as Record<string, string>,
          body: raw,
          accessSecret: secret,
          maxDriftMs: 300_000,
        });
        if (!verdict.valid)
          drift.record(
            best.w.host,
            best.w.operationId,
            'callback',
            [
              {
                kind: 'bad-signature',
                field: '',
                expected: 'a signature made with the account secret',
                got: verdict.reason,
                location: `${best.w.pointer.replace(/\/requestBody.*$/, '')}/parameters`,
              },
            ],
            body,
          );
      }
      const answer = await forward(new URL(target.origin), {
        method: req.method ?? 'POST',
        target: `${target.pathname}${target.search}`,
        rawHeaders: req.rawHeaders,
        body: raw,
      });
      const headers = passedBack(answer.headers);
      res.writeHead(answer.status, headers.flat() as unknown as Record<string, string>);
      res.end(answer.raw);
      log(`relay ${best?.w.operationId ?? 'callback'} → ${target.origin} ${answer.status} ${Date.now() - started}ms`);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `relay: ${(error as Error).message}` }));
      log(`relay → ${target.origin} failed: ${(error as Error).message} ${Date.now() - started}ms`);
    }
  });

  return {
    get url(): string | undefined {
      return url;
    },
    async listen(port: number, address: string): Promise<string> {
      url = await listenOn(server, port, address);
      return url;
    },
    close: (): Promise<void> => closeNow(server),
  };
}

export type Relay = ReturnType<typeof createRelay>;
