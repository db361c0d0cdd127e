// A stand-in for NxCloud's api2 host on loopback, for the proxy's tests: it verifies each request's signature with
// the app's secret (which the proxy never has), answers sendMessage as the vendor's pages show — and, when told,
// departs from the spec on purpose in one way. It keeps every request's raw bytes as they arrived.
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { signatureHeaders, verifySignature } from '@org/nxwa-signing';

/** The app's account at the stand-in; the mock in front of it is never given this secret. */
export const APP = { accessKey: 'staging-app-key', accessSecret: 'staging-app-secret-7f3c' } as const;

/** How the next answers depart from the spec. */
export type Departure =
  | 'none'
  | 'extra-field'
  | 'missing-field'
  | 'undocumented-code'
  | 'number-as-string'
  | 'gzip'
  | 'template-missing';

export interface Arrived {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  raw: Buffer;
  signatureValid: boolean;
}

function answerFor(departure: Departure, n: number): Record<string, unknown> {
  const success = {
    code: 0,
    message: 'Request successful',
    data: { messaging_product: 'whatsapp', messages: [{ id: `wamid.staging.${n}` }] },
  };
  switch (departure) {
    case 'extra-field':
      return { ...success, cost: 0.0035 };
    case 'missing-field':
      return { ...success, data: { messaging_product: 'whatsapp' } };
    case 'undocumented-code':
      return { code: 77001, message: 'Channel throttled', data: null };
    case 'number-as-string':
      return { ...success, code: '0' };
    case 'template-missing':
      return { code: 10005, message: 'Template does not exist', data: null };
    default:
      return success;
  }
}

export async function startNxcloud() {
  const arrived: Arrived[] = [];
  let departure: Departure = 'none';
  let sent = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const verdict = verifySignature({
      headers: req.headers as Record<string, string>,
      body: raw,
      accessSecret: APP.accessSecret,
    });
    arrived.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      raw,
      signatureValid: verdict.valid,
    });
    let body: Record<string, unknown>;
    if (!verdict.valid) body = { code: 1003, message: 'Invalid signature', data: null };
    else if (req.url === '/api/wa/mt') {
      const parsed = JSON.parse(raw.toString('utf8'));
      // The vendor's answer for a template it does not have, whatever the departure.
      body = answerFor(parsed.template?.name === 'no_such_template' ? 'template-missing' : departure, ++sent);
    } else body = { code: 1002, message: 'Parameter error', data: null };
    const text = Buffer.from(JSON.stringify(body));
    if (departure === 'gzip') {
      res.writeHead(200, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Encoding': 'gzip',
        'X-Vendor-Trace': 'abc-123',
      });
      res.end(gzipSync(text));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'X-Vendor-Trace': 'abc-123' });
      res.end(text);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    arrived,
    depart(next: Departure) {
      departure = next;
    },
    /** Posts a callback signed with the app's account to a URL, as NxCloud does; resolves with the answer's status. */
    callback(to: string, payload: unknown, forged = false): Promise<{ status: number; raw: Buffer; sent: Buffer }> {
      const body = Buffer.from(JSON.stringify(payload));
      const headers = signatureHeaders({ ...APP, action: 'callback', bizType: '2', ts: Date.now(), body });
      if (forged) headers.sign = '0'.repeat(32);
      return new Promise((resolve, reject) => {
        const req = request(
          to,
          { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } },
          (res) => {
            const got: Buffer[] = [];
            res.on('data', (c: Buffer) => got.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, raw: Buffer.concat(got), sent: body }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
