// A real HTTP server on 127.0.0.1 standing in for every host: it checks each request's signature with
// node:crypto over the raw bytes it received, and answers the operation's documented success example.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@org/nxwa-spec/examples';

export { loadSpec };

export interface Received {
  host: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  signatureValid: boolean;
}

function expectedSign(headers: IncomingHttpHeaders, raw: Buffer, secret: string): string {
  const multipart = /^multipart\/form-data/i.test(headers['content-type'] ?? '');
  const hash = createHash((headers.algorithm as string) ?? 'md5');
  hash.update(`accessKey=${headers.accesskey}&action=${headers.action}&bizType=${headers.biztype}&ts=${headers.ts}`);
  if (!multipart && raw.length > 0) hash.update('&body=').update(raw);
  return hash.update(`&accessSecret=${secret}`).digest('hex');
}

function templatePattern(path: string) {
  return new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

/** Starts the server; `/<host>/<path>` is served from the host's spec. */
export async function startLoopback(secret: string) {
  const received: Received[] = [];
  const specs = new Map<string, any>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url!, 'http://127.0.0.1');
      const [, host, ...rest] = url.pathname.split('/');
      const path = `/${rest.join('/')}`;
      if (!specs.has(host)) specs.set(host, loadSpec(host));
      const spec = specs.get(host);
      const method = req.method!.toLowerCase();
      const template = Object.keys(spec.paths).find((p) => spec.paths[p][method] && templatePattern(p).test(path));
      const signatureValid = req.headers.sign === expectedSign(req.headers, raw, secret);
      received.push({
        host,
        method: req.method!,
        url: `${path}${url.search}`,
        headers: req.headers,
        raw,
        signatureValid,
      });
      res.setHeader('content-type', 'application/json');
      if (!template) return res.end(JSON.stringify({ code: 1002, message: 'Unknown operation', data: null }));
      if (!signatureValid) return res.end(JSON.stringify({ code: 1003, message: 'Invalid signature', data: null }));
      const examples = spec.paths[template][method].responses['200'].content['application/json'].examples;
      const success = Object.values(examples)
        .map((e: any) => (e.$ref ? spec.components.examples[e.$ref.split('/').pop()] : e))
        .find((e: any) => e.value.code === 0) as { value: unknown };
      res.end(JSON.stringify(success.value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    baseUrl: (host: string) => `${origin}/${host}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
