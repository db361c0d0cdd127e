// Over real HTTP on 127.0.0.1: what the server receives is exactly what was signed, checked on the server side
// with node:crypto (independent of the package) over the raw bytes received.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedFetch, operationHeaders, operations, SigningError } from '../src/index.js';

const credentials = { accessKey: 'loopback-key', accessSecret: 'loopback-secret-3k2j1' };

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  expectedSign: string;
}

function independentSign(headers: IncomingMessage['headers'], body: Buffer): string {
  const algorithm = (headers.algorithm as string | undefined) ?? 'md5';
  const multipart = /^multipart\/form-data/i.test(headers['content-type'] ?? '');
  const head = Buffer.from(
    `accessKey=${headers.accesskey}&action=${headers.action}&bizType=${headers.biztype}&ts=${headers.ts}`,
  );
  const parts = !multipart && body.length > 0 ? [head, Buffer.from('&body='), body] : [head];
  const hash = createHash(algorithm);
  for (const p of [...parts, Buffer.from(`&accessSecret=${credentials.accessSecret}`)]) hash.update(p);
  return hash.digest('hex');
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry = {
        method: req.method!,
        path: req.url!,
        headers: req.headers,
        body,
        expectedSign: independentSign(req.headers, body),
      };
      received.push(entry);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: entry.expectedSign === req.headers.sign ? 0 : 1003, message: '' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const last = () => received[received.length - 1];
const mt = { action: 'mt', bizType: '2' };

describe('createSignedFetch', () => {
  it('sends exactly the bytes it signed, for 300 random JSON bodies', async () => {
    const signedFetch = createSignedFetch({ ...credentials, operation: () => mt });
    const bodies = fc.sample(
      fc.oneof(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.jsonValue().map((v) => JSON.stringify(v, null, '\t')),
        fc
          .string({ unit: 'grapheme', maxLength: 500 })
          .map((s) => JSON.stringify({ text: s, cn: '牛小信', emoji: '🎉' })),
        fc
          .string({ unit: 'grapheme-ascii', minLength: 20_000, maxLength: 80_000 })
          .map((s) => JSON.stringify({ big: s })),
      ),
      { numRuns: 300, seed: 20261123 },
    );
    for (const body of bodies) {
      const res = await signedFetch(`${base}/api/wa/mt`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(await res.json()).toEqual({ code: 0, message: '' });
      expect(last().body.equals(Buffer.from(body, 'utf8'))).toBe(true);
      expect(last().headers.sign).toBe(last().expectedSign);
    }
  });

  it('signs with sha256 when asked, and says so in the algorithm header', async () => {
    const signedFetch = createSignedFetch({ ...credentials, algorithm: 'sha256', operation: () => mt });
    await signedFetch(`${base}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(last().headers.algorithm).toBe('sha256');
    expect(last().headers.sign).toHaveLength(64);
    expect(last().headers.sign).toBe(last().expectedSign);
  });

  it('signs a request without a body with no body part', async () => {
    const signedFetch = createSignedFetch({ ...credentials, operation: () => mt });
    await signedFetch(`${base}/saas/wa/template/8615800001795?tenant_id=1&page_number=1&page_size=10`);
    expect(last().method).toBe('GET');
    expect(last().body.length).toBe(0);
    expect(last().headers.sign).toBe(last().expectedSign);
  });

  it('signs a multipart upload by its headers only and sends the parts untouched', async () => {
    const signedFetch = createSignedFetch({
      ...credentials,
      operation: () => ({ action: 'uploadMedia', bizType: '2' }),
    });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('business_phone', '8615800001795');
    form.set('type', 'image/jpeg');
    form.set(
      'file',
      new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3])], { type: 'image/jpeg' }),
      'photo.jpg',
    );
    await signedFetch(`${base}/api/wa/uploadMedia`, { method: 'POST', body: form });
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(last().body.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]))).toBe(true);
    expect(last().headers.sign).toBe(last().expectedSign);
  });

  it('signs every attempt afresh, leaving the request it was given unread', async () => {
    let clock = 1_700_000_000_000;
    const signedFetch = createSignedFetch({ ...credentials, now: () => clock, operation: () => mt });
    const request = new Request(`${base}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"try":1}',
    });
    await signedFetch(request);
    const first = last();
    clock += 61_000;
    await signedFetch(request);
    const second = last();
    expect(request.bodyUsed).toBe(false);
    expect(first.headers.ts).toBe('1700000000000');
    expect(second.headers.ts).toBe('1700000061000');
    expect(second.headers.sign).not.toBe(first.headers.sign);
    expect(second.body.toString()).toBe('{"try":1}');
    expect(second.headers.sign).toBe(second.expectedSign);
  });

  it('applies a clock offset to ts', async () => {
    let offset = 0;
    const signedFetch = createSignedFetch({
      ...credentials,
      now: () => 1_700_000_000_000,
      clockOffsetMs: () => offset,
      operation: () => mt,
    });
    offset = -2_500;
    await signedFetch(`${base}/api/wa/mt`, { method: 'POST', body: '{}' });
    expect(last().headers.ts).toBe('1699999997500');
  });

  it('refuses a request whose operation it does not know, naming it', async () => {
    const signedFetch = createSignedFetch(credentials);
    await expect(signedFetch(`${base}/somewhere`)).rejects.toThrow(/No action and bizType for GET \/somewhere/);
    await expect(signedFetch(`${base}/somewhere`)).rejects.toBeInstanceOf(SigningError);
  });
});

describe('createSignedFetch and redirects', () => {
  // Two loopback servers on different ports, so different origins: the API's, which redirects, and another, which
  // records what reaches it.
  async function listen(handle: (req: IncomingMessage, res: ServerResponse) => void) {
    const s = createServer(handle);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return { server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  }
  const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

  it.each([301, 302, 303, 307, 308])(
    'HTTP %i to another origin is refused: no signed header reaches it',
    async (status) => {
      const reached: IncomingMessage['headers'][] = [];
      const other = await listen((req, res) => {
        reached.push(req.headers);
        res.end('{"code":0}');
      });
      const api = await listen((req, res) => {
        req.resume();
        res.writeHead(status, { location: `${other.origin}/collect` }).end();
      });
      try {
        const signedFetch = createSignedFetch({ ...credentials, operation: () => mt });
        const error = await signedFetch(`${api.origin}/api/wa/mt`, { method: 'POST', body: '{"a":1}' }).catch((e) => e);
        expect(error).toBeInstanceOf(SigningError);
        expect(error).toMatchObject({ code: 'redirected' });
        expect(error.message).toBe(
          `POST /api/wa/mt was redirected (HTTP ${status}) to ${other.origin}/collect; the API never redirects: check the URL.`,
        );
        expect(reached).toEqual([]);
      } finally {
        await Promise.all([close(api.server), close(other.server)]);
      }
    },
  );

  it('a same-origin redirect is not followed either', async () => {
    const paths: string[] = [];
    const api = await listen((req, res) => {
      paths.push(req.url!);
      req.resume();
      if (req.url === '/api/wa/mt') res.writeHead(302, { location: '/elsewhere' }).end();
      else res.end('{"code":0}');
    });
    try {
      const signedFetch = createSignedFetch({ ...credentials, operation: () => mt });
      await expect(signedFetch(`${api.origin}/api/wa/mt`, { method: 'POST', body: '{}' })).rejects.toMatchObject({
        code: 'redirected',
      });
      expect(paths).toEqual(['/api/wa/mt']);
    } finally {
      await close(api.server);
    }
  });
});

describe('with openapi-fetch', () => {
  it('takes action and bizType from the table generated from the spec', async () => {
    const client = createClient<any>({ baseUrl: base, fetch: createSignedFetch(credentials) });
    client.use(operationHeaders(operations['api2.nxcloud.com']));
    const body = {
      appkey: 'f543ertg',
      business_phone: '18500008399',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '8613600009759',
      type: 'text',
      text: { body: '你好 👋' },
    };
    const { data } = await client.POST('/api/wa/mt', { body });
    expect(data).toEqual({ code: 0, message: '' });
    expect(last().headers).toMatchObject({ action: 'mt', biztype: '2', accesskey: 'loopback-key' });
    expect(JSON.parse(last().body.toString('utf8'))).toEqual(body);

    await client.POST('/api/wa/getMedia', {
      body: { business_phone: '1', messaging_product: 'whatsapp', 'Media-ID': 'x' },
    });
    expect(last().headers.action).toBe('getMedia');
    expect(last().headers.sign).toBe(last().expectedSign);
  });

  it('signs path and query operations of the HK host', async () => {
    const client = createClient<any>({ baseUrl: base, fetch: createSignedFetch(credentials) });
    client.use(operationHeaders(operations['api-hk.nxlink.ai']));
    await client.DELETE('/saas/wa/template/{phone}/{id}', {
      params: { path: { phone: '8615800001795', id: '314' }, query: { tenant_id: 123 } },
    });
    expect(last().method).toBe('DELETE');
    expect(last().path).toBe('/saas/wa/template/8615800001795/314?tenant_id=123');
    expect(last().headers.sign).toBe(last().expectedSign);
  });

  it('rejects an operation that is not in the table', async () => {
    const client = createClient<any>({ baseUrl: base, fetch: createSignedFetch(credentials) });
    client.use(operationHeaders(operations['api.nxcloud.com']));
    await expect(client.POST('/api/wa/mt', { body: {} })).rejects.toThrow(
      /No operation POST \/api\/wa\/mt in the signing table/,
    );
  });
});
