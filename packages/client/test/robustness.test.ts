// The timeout and the signal hold while an error body is read; redirects are refused, never
// followed; Retry-After as an HTTP date; a bounded clock correction; a capped answer size. Bodiless calls
// carry Content-Type: application/json.
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { operations } from '@org/nxwa-signing';
import { loadSpec } from '@org/nxwa-spec/examples';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi2Client, createNxcloudClient, type NxcloudHost } from '../src/index.js';
import { startServer } from './server.js';
import { credentials, json, ok, scriptedFetch, textMessage } from './support.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
async function server(handle: Parameters<typeof startServer>[0]) {
  const s = await startServer(handle);
  closers.push(s.close);
  return s;
}
const media = { business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': 'm-1' } as const;

describe('an error answer that stalls after its headers', () => {
  // The server sends the status line and headers, one byte of body, then nothing.
  const stalling = (status: number) =>
    server((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.write('{');
    });

  it.each([400, 429, 503])('HTTP %i: the timeout still ends the call', async (status) => {
    const s = await stalling(status);
    const api2 = createApi2Client({ ...credentials, baseUrl: s.origin, timeoutMs: 300, retry: { attempts: 1 } });
    const result = await api2.POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({ kind: 'timeout' });
  });

  it('an abort still ends the call', async () => {
    const s = await stalling(500);
    const controller = new AbortController();
    const api2 = createApi2Client({ ...credentials, baseUrl: s.origin, retry: { attempts: 1 } });
    const pending = api2.POST('/api/wa/getMedia', { body: media, signal: controller.signal });
    // Abort once the server has the request (it has then sent the headers, or is about to).
    for (let i = 0; i < 500 && s.seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'HTTP %i to another origin is an error naming the target; nothing is sent there',
    async (status) => {
      const elsewhere = await server((_req, res) => res.end(JSON.stringify({ code: 0, data: { stolen: true } })));
      const s = await server((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.origin}/collect` });
        res.end();
      });
      const api2 = createApi2Client({ ...credentials, baseUrl: s.origin });
      const result = await api2.POST('/api/wa/mt', { body: textMessage });
      expect(result.data).toBeUndefined();
      expect(result.error).toMatchObject({ kind: 'http', status, category: 'config', retryable: false });
      expect(result.error!.message).toContain(`redirected (HTTP ${status}) to ${elsewhere.origin}/collect`);
      expect(elsewhere.seen).toHaveLength(0);
      expect(s.seen).toHaveLength(1);
    },
  );

  it('a same-origin redirect is not followed either', async () => {
    const s = await server((req, res) => {
      if (req.url === '/api/wa/mt') {
        res.writeHead(307, { location: '/moved' });
        return res.end();
      }
      res.end(JSON.stringify({ code: 0, data: {} }));
    });
    const result = await createApi2Client({ ...credentials, baseUrl: s.origin }).POST('/api/wa/mt', {
      body: textMessage,
    });
    expect(result.error!.message).toContain(`to ${s.origin}/moved`);
    expect(s.seen.map((r) => r.url)).toEqual(['/api/wa/mt']);
  });

  it('an opaque redirect (what browsers give for redirect: manual) is an error too', async () => {
    // What a browser's fetch answers: type opaqueredirect, status 0, no headers, no body.
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      statusText: '',
      ok: false,
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    const requests: Request[] = [];
    const fetch = async (request: Request) => (requests.push(request), opaque);
    const result = await createApi2Client({ ...credentials, fetch }).POST('/api/wa/mt', { body: textMessage });
    expect(requests[0].redirect).toBe('manual');
    expect(result.error).toMatchObject({ kind: 'http', category: 'config' });
    expect(result.error!.message).toContain('redirected to an undisclosed address');
  });
});

describe('Retry-After', () => {
  it('as an HTTP date', async () => {
    let clock = 1_700_000_000_000;
    const sleeps: number[] = [];
    const date = new Date(1_700_000_000_000 + 10_000).toUTCString();
    const { fetch } = scriptedFetch([
      new Response('slow down', { status: 429, headers: { 'retry-after': date } }),
      ok(),
    ]);
    const api2 = createApi2Client({
      ...credentials,
      fetch,
      now: () => clock,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect((await api2.POST('/api/wa/getMedia', { body: media })).error).toBeUndefined();
    expect(sleeps).toEqual([10_000]);
  });
});

describe('clock correction from a 1004 answer', () => {
  const expired = (date: number) =>
    json({ code: 1004, message: 'Timestamp expired', data: null }, { headers: { date: new Date(date).toUTCString() } });

  it('is refused beyond a day, and the error says so', async () => {
    const clock = 1_700_000_000_000;
    const { fetch, attempts } = scriptedFetch([expired(clock + 365 * 86_400_000), ok()]);
    const api2 = createApi2Client({ ...credentials, fetch, now: () => clock });
    const result = await api2.POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'api', code: 1004 });
    expect(result.error!.message).toContain('more than maxClockOffsetMs (86400000 ms)');
    expect(attempts).toHaveLength(1);
    expect(api2.clockOffsetMs).toBe(0);
  });

  it('within the bound it is applied; the bound is configurable', async () => {
    const clock = 1_700_000_000_000;
    const twoHours = 2 * 3_600_000;
    const a = scriptedFetch([expired(clock + twoHours), ok()]);
    const applied = createApi2Client({ ...credentials, fetch: a.fetch, now: () => clock });
    expect((await applied.POST('/api/wa/mt', { body: textMessage })).error).toBeUndefined();
    expect(applied.clockOffsetMs).toBe(twoHours);
    const b = scriptedFetch([expired(clock + twoHours), ok()]);
    const bounded = createApi2Client({ ...credentials, fetch: b.fetch, now: () => clock, maxClockOffsetMs: 3_600_000 });
    expect((await bounded.POST('/api/wa/mt', { body: textMessage })).error!.message).toContain(
      'more than maxClockOffsetMs (3600000 ms)',
    );
  });
});

describe('answer size', () => {
  it('an answer larger than maxResponseBytes fails the call (streamed, no content-length)', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', more);
        else res.end();
      };
      res.write('{"code":0,"data":"');
      more();
    });
    const api2 = createApi2Client({ ...credentials, baseUrl: s.origin, maxResponseBytes: 1024 * 1024 });
    const result = await api2.POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({ kind: 'invalid-response', retryable: false });
    expect(result.error!.message).toContain('more than maxResponseBytes (1048576 bytes)');
  });

  it('a compressed answer is capped by what it decodes to, not by its content-length', async () => {
    // 64 MiB of JSON in about 64 KB of gzip, with its compressed length declared (under the 4 MiB default cap).
    const gzip = createGzip({ level: 9 });
    const compressed = (async () => Buffer.concat(await gzip.toArray()))();
    const mib = Buffer.alloc(1024 * 1024, 'x');
    gzip.write('{"code":0,"data":"');
    for (let i = 0; i < 64; i++) if (!gzip.write(mib)) await once(gzip, 'drain');
    gzip.end('"}');
    const bomb = await compressed;
    const s = await server((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': bomb.length,
      });
      res.end(bomb);
    });
    // What the client pulls from the decoded body, counted by a pass-through around Node's own fetch.
    let pulled = 0;
    const counting = async (request: Request) => {
      const response = await fetch(request);
      const count = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body!.pipeThrough(count), response);
    };
    for (const fetchOption of [undefined, counting]) {
      const api2 = createApi2Client({ ...credentials, baseUrl: s.origin, fetch: fetchOption });
      const result = await api2.POST('/api/wa/getMedia', { body: media });
      expect(result.error).toMatchObject({ kind: 'invalid-response', retryable: false });
      expect(result.error!.message).toContain(`more than maxResponseBytes (${4 * 1024 * 1024} bytes)`);
    }
    // Reading stopped at the cap: at most the cap and the one chunk that crossed it, not the 64 MiB.
    expect(pulled).toBeGreaterThan(4 * 1024 * 1024);
    expect(pulled).toBeLessThan(5 * 1024 * 1024);
  });

  it('a declared content-length over the cap is refused before reading', async () => {
    const { fetch } = scriptedFetch([
      new Response('{"code":0}', { headers: { 'content-length': String(10 * 1024 * 1024) } }),
    ]);
    const result = await createApi2Client({ ...credentials, fetch }).POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({ kind: 'invalid-response' });
  });

  it('an answer under the cap is read', async () => {
    const { fetch } = scriptedFetch([ok({ url: 'x'.repeat(100_000) })]);
    expect(
      (await createApi2Client({ ...credentials, fetch }).POST('/api/wa/getMedia', { body: media })).data,
    ).toBeDefined();
  });
});

describe('bodiless calls', () => {
  // Every operation whose spec gives x-nxcloud-content-type (the HK GET and DELETE, api2's integrator login).
  const cases = Object.keys(operations).flatMap((host) =>
    Object.entries(loadSpec(host).paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op?.['x-nxcloud-content-type'])
        .map(([method, op]) => [`${host} ${method.toUpperCase()} ${path}`, host, method, path, op] as const),
    ),
  );

  it('are the ones the specs name', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it.each(cases)('%s carries the Content-Type its spec gives', async (_label, host, method, path, op) => {
    const s = await server((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 0, message: 'ok', data: {} }));
    });
    const client = createNxcloudClient(host as NxcloudHost, { ...credentials, baseUrl: s.origin });
    await (client as any)[method.toUpperCase()](path, {
      params: { path: { phone: '8615800001795', id: '314' }, query: { tenant_id: 1, page_number: 1, page_size: 20 } },
    });
    expect(s.seen.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
      [method.toUpperCase(), '', op['x-nxcloud-content-type']],
    ]);
  });
});
