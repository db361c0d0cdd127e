// The library API: mocks started in this process on free ports, several at once, each stopped by itself; what
// it refuses; and the hardening of the mock: redirecting webhooks, callback amplification, pending
// callbacks pruned, large bodies, health of a stopped engine, HK bodiless Content-Type.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { portFree } from './support.js';

const creds = { accessKey: 'lib-key', accessSecret: 'lib-secret' };
const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'hi' },
};

async function listen(
  handler: (req: IncomingMessage, body: string) => { status: number; headers?: Record<string, string> },
): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const { status, headers } = handler(req, body);
    res.writeHead(status, headers);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function signedPost(
  base: string,
  path: string,
  action: string,
  body: object,
  extra: Record<string, string> = {},
  account = creds,
) {
  const raw = JSON.stringify(body);
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders({ ...account, action, bizType: '2', ts: Date.now(), body: raw }),
      ...extra,
    },
    body: raw,
  });
}

let mock: RunningMock;
const logLines: string[] = [];
beforeAll(async () => {
  mock = await startMock({
    portBase: 0,
    ...creds,
    callbackDelayMs: 5,
    callbackRetryBaseMs: 1,
    log: (l) => logLines.push(l),
  });
});
afterAll(() => mock.stop());

describe('startMock', () => {
  it('serves the hosts asked for on free ports; two mocks run side by side; stop frees the ports', async () => {
    const a = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, accessKey: 'a', accessSecret: 'sa' });
    const b = await startMock({
      hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'],
      ports: { 'api2.nxcloud.com': 0, 'api-hk.nxlink.ai': 0 },
      credentials: [{ accessKey: 'b', accessSecret: 'sb' }],
    });
    try {
      expect(Object.keys(a.urls)).toEqual(['api2.nxcloud.com']);
      expect(Object.keys(b.urls)).toEqual(['api2.nxcloud.com', 'api-hk.nxlink.ai']);
      expect(a.urls['api2.nxcloud.com']).not.toBe(b.urls['api2.nxcloud.com']);
      expect(
        await (
          await signedPost(
            a.urls['api2.nxcloud.com']!,
            '/api/wa/mt',
            'mt',
            text,
            {},
            { accessKey: 'a', accessSecret: 'sa' },
          )
        ).json(),
      ).toMatchObject({ code: 0 });
      // Each mock knows only its own account.
      expect(
        await (
          await signedPost(
            b.urls['api2.nxcloud.com']!,
            '/api/wa/mt',
            'mt',
            text,
            {},
            { accessKey: 'a', accessSecret: 'sa' },
          )
        ).json(),
      ).toMatchObject({ code: 1005 });
    } finally {
      await a.stop();
      await b.stop();
    }
    for (const url of [...Object.values(a.urls), ...Object.values(b.urls)])
      expect(await portFree(Number(new URL(url!).port))).toBe(true);
  });

  it('refuses bad options, naming the field', async () => {
    await expect(startMock({ portBase: 0, accessKey: 'k' })).rejects.toThrow(/accessSecret is missing/);
    await expect(startMock({ portBase: 0, credentials: [{ accessKey: '', accessSecret: 's' }] })).rejects.toThrow(
      /credentials\[0\]\.accessKey must be a non-empty string/,
    );
    await expect(startMock({ hosts: ['api.example.com' as never] })).rejects.toThrow(/unknown host api\.example\.com/);
    await expect(startMock({ ports: { 'api2.nxcloud.com': 70_000 }, hosts: ['api2.nxcloud.com'] })).rejects.toThrow(
      /port of api2\.nxcloud\.com must be a whole number from 0 to 65535/,
    );
  });
});

describe('callbacks', () => {
  it('a webhook that answers a redirect is not followed', async () => {
    const elsewhere: string[] = [];
    const other = await listen((req) => (elsewhere.push(req.url ?? ''), { status: 200 }));
    const hits: string[] = [];
    const hook = await listen(
      (req) => (hits.push(req.url ?? ''), { status: 307, headers: { location: `${other.url}/stolen` } }),
    );
    try {
      await signedPost(mock.urls['api2.nxcloud.com']!, '/api/wa/mt', 'mt', { ...text, dr_webhook: `${hook.url}/hook` });
      // A redirect counts as not delivered: each of the three statuses is tried five times.
      await vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 5_000 });
      expect(hits).toHaveLength(15);
      expect(elsewhere).toEqual([]);
      expect(logLines.some((l) => /→ 307: a redirect, not followed/.test(l))).toBe(true);
    } finally {
      hook.server.close();
      other.server.close();
    }
  });

  it('x-nxwa-callbacks is deduplicated: 3,000 "sent" give one callback', async () => {
    const hits: string[] = [];
    const hook = await listen((_req, body) => (hits.push(JSON.parse(body).statuses[0].status), { status: 200 }));
    try {
      const answer = await signedPost(
        mock.urls['api2.nxcloud.com']!,
        '/api/wa/mt',
        'mt',
        { ...text, dr_webhook: hook.url },
        { 'x-nxwa-callbacks': Array(3_000).fill('sent').join(',') },
      );
      expect(await answer.json()).toMatchObject({ code: 0 });
      await vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 5_000 });
      expect(hits).toEqual(['sent']);
    } finally {
      hook.server.close();
    }
  });

  it('finished callbacks leave nothing pending behind them', async () => {
    const hook = await listen(() => ({ status: 200 }));
    try {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          signedPost(
            mock.urls['api2.nxcloud.com']!,
            '/api/wa/mt',
            'mt',
            { ...text, dr_webhook: hook.url },
            { 'x-nxwa-callbacks': 'sent,read' },
          ),
        ),
      );
      expect(mock.pendingCallbacks()).toBeGreaterThan(0);
      await vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 10_000 });
    } finally {
      hook.server.close();
    }
  });
});

describe('bodies and health', () => {
  it('a 12 MiB body gets an NxCloud envelope, and no body is logged', async () => {
    const marker = 'm'.repeat(12 * 1024 * 1024);
    const res = await signedPost(mock.urls['api2.nxcloud.com']!, '/api/wa/mt', 'mt', {
      ...text,
      text: { body: marker },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = await res.json();
    expect(typeof answer.code).toBe('number');
    expect(logLines.some((l) => l.includes('mmmmmmmmmm'))).toBe(false);
  });

  it('/__health fails when a host engine is down, and only that host', async () => {
    const m = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'] });
    try {
      expect((await fetch(`${m.urls['api2.nxcloud.com']}/__health`)).status).toBe(200);
      m.stopEngine('api2.nxcloud.com');
      const down = await fetch(`${m.urls['api2.nxcloud.com']}/__health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'down', host: 'api2.nxcloud.com' });
      expect((await fetch(`${m.urls['api-hk.nxlink.ai']}/__health`)).status).toBe(200);
    } finally {
      await m.stop();
    }
  });
});

describe('api-hk.nxlink.ai bodiless calls and Content-Type (seed 003)', () => {
  const get = (contentType: string | undefined) => {
    const headers: Record<string, string> = {
      ...signatureHeaders({ ...creds, action: 'mt', bizType: '2', ts: Date.now() }),
    };
    if (contentType !== undefined) headers['content-type'] = contentType;
    return fetch(
      `${mock.urls['api-hk.nxlink.ai']}/saas/wa/template/8615800001795?tenant_id=1&page_number=1&page_size=10`,
      { headers },
    ).then((r) => r.json());
  };
  it.each([
    ['application/json', 0],
    ['application/json; charset=utf-8', 0],
    [undefined, 0],
    ['text/plain', 1003],
    ['multipart/form-data; boundary=x', 1003],
  ] as const)('GET with Content-Type %s → code %s', async (contentType, code) => {
    const answer = await get(contentType);
    expect(answer.code).toBe(code);
    if (code === 1003) expect(answer.message).toMatch(/Content-Type must be application\/json/);
  });

  it('DELETE with a wrong Content-Type → 1003', async () => {
    const headers = {
      'content-type': 'text/plain',
      ...signatureHeaders({ ...creds, action: 'mt', bizType: '2', ts: Date.now() }),
    };
    const answer = await (
      await fetch(`${mock.urls['api-hk.nxlink.ai']}/saas/wa/template/8615800001795/123?tenant_id=1`, {
        method: 'DELETE',
        headers,
      })
    ).json();
    expect(answer.code).toBe(1003);
  });
});
