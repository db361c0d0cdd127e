// Faults and latency: per request (x-nxwa-fault) and per run (the faults option, --fault), each kind over
// HTTP; bad specs refused clearly; and the proofs through the client: an accepted-then-500 send is sent exactly once,
// and a 429 with Retry-After is waited out on reads.
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { createNxcloudClient, type NxcloudHost, type RetryInfo } from '@org/nxwa-client';
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo, freePortBase, stopChild } from '../support.js';

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'fault' },
} as const;
const hkQuery = {
  params: { path: { phone: '8615800001795' }, query: { tenant_id: 1, page_number: 1, page_size: 10 } },
} as never;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ portBase: 0, callbackDelayMs: 5 });
});
afterAll(() => mock.stop());

/** A signed send with the fault header, over fetch (the client would interpret the answer). */
const send = (fault: string | undefined, body: object = text, base = mock.urls['api2.nxcloud.com']!) => {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body: raw }),
  };
  if (fault !== undefined) headers['x-nxwa-fault'] = fault;
  return fetch(`${base}/api/wa/mt`, { method: 'POST', headers, body: raw });
};

describe('x-nxwa-fault', () => {
  it('delay=300: answered normally, no sooner than 300 ms', async () => {
    const started = performance.now();
    const res = await send('delay=300');
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(await res.json()).toMatchObject({ code: 0 });
  });

  it.each([
    ['429', 429, '1'],
    ['429;retry-after=2', 429, '2'],
    ['500', 500, null],
    ['503', 503, null],
    ['delay=20, 502', 502, null],
  ])('%s: HTTP %s (Retry-After %s), nothing recorded', async (fault, status, retryAfter) => {
    const to = `86136${String(status)}${fault.length}0001`;
    const res = await send(fault, { ...text, to });
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(await res.json()).toMatchObject({ code: -1, message: expect.stringContaining(`fault ${status}`) });
    expect(mock.messages({ to })).toEqual([]);
  });

  it('reset: the connection is reset, no answer', async () => {
    const raw = JSON.stringify(text);
    const { port } = new URL(mock.urls['api2.nxcloud.com']!);
    const outcome = await new Promise<string>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/wa/mt',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-nxwa-fault': 'reset',
            ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body: raw }),
          },
        },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end(raw);
    });
    expect(outcome).toMatch(/^(ECONNRESET|socket hang up)$/);
  });

  it('accepted-then-500: HTTP 500, yet the message is recorded and its callbacks go out', async () => {
    const to = '8613600005001';
    const res = await send('accepted-then-500', { ...text, to });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({
      code: -1,
      message: expect.stringMatching(/accepted-then-500: the request was carried out/),
    });
    expect(mock.messages({ to })).toHaveLength(1);
    await vi.waitFor(() => expect(mock.messages({ to })[0].status).toBe('read'), { timeout: 5_000 });
  });

  it('accepted-then-500 leaves a refusal as it is', async () => {
    const raw = JSON.stringify({ ...text, to: '8613600005002' });
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-nxwa-fault': 'accepted-then-500',
        prefer: 'example=code-10005',
        ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body: raw }),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 10005 });
  });

  it('an unsigned request is refused as ever: faults apply after the signature check', async () => {
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nxwa-fault': '503' },
      body: JSON.stringify(text),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 1001 });
  });

  it.each([
    [
      'teapot',
      /x-nxwa-fault: "teapot" is not a fault; expected a comma-separated list of delay=<ms>, 429\[;retry-after=<s>\], 500–599, reset, accepted-then-500\./,
    ],
    ['418', /"418" is not a fault/],
    ['503,reset', /has two outcomes/],
    ['delay=1,delay=2', /has two delays/],
    ['delay=70000', /delay=70000 is too long: at most 60000 ms/],
    ['times=1', /"times=1" is not a fault/],
  ])('a bad fault %s: HTTP 400 naming what was expected', async (fault, message) => {
    const res = await send(fault);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(message);
  });

  it('applies on the SaaS hosts too', async () => {
    const hk = createNxcloudClient('api-hk.nxlink.ai', {
      ...demo,
      baseUrl: mock.urls['api-hk.nxlink.ai']!,
      retry: { attempts: 1 },
    });
    const { error, response } = await hk.GET('/saas/wa/template/{phone}', {
      ...(hkQuery as object),
      headers: { 'x-nxwa-fault': '503' },
    } as never);
    expect(response?.status).toBe(503);
    expect(error).toMatchObject({ status: 503 });
    // Without the fault, the same request is answered.
    expect((await hk.GET('/saas/wa/template/{phone}', hkQuery)).error).toBeUndefined();
  });
});

describe('faults for the run', () => {
  it('scoped by operation, counted with times=, the header winning over them', async () => {
    const m = await startMock({
      hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'],
      portBase: 0,
      faults: ['sendMessage:503,times=2', 'api-hk.nxlink.ai:500'],
    });
    try {
      const base = m.urls['api2.nxcloud.com']!;
      expect((await send('delay=1', text, base)).status).toBe(200);
      expect((await send(undefined, text, base)).status).toBe(503);
      expect((await send(undefined, text, base)).status).toBe(503);
      expect((await send(undefined, text, base)).status).toBe(200);
      // Another operation of api2 is not in scope.
      const raw = JSON.stringify({ business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': 'x' });
      const media = await fetch(`${base}/api/wa/getMedia`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signatureHeaders({ ...demo, action: 'getMedia', bizType: '2', ts: Date.now(), body: raw }),
        },
        body: raw,
      });
      expect(media.status).toBe(200);
      const hk = createNxcloudClient('api-hk.nxlink.ai', {
        ...demo,
        baseUrl: m.urls['api-hk.nxlink.ai']!,
        retry: { attempts: 1 },
      });
      expect((await hk.GET('/saas/wa/template/{phone}', hkQuery)).response?.status).toBe(500);
    } finally {
      await m.stop();
    }
  });

  it('host/operationId scopes one operation of one host', async () => {
    const m = await startMock({
      hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'],
      portBase: 0,
      faults: ['api-hk.nxlink.ai/createTemplate:reset'],
    });
    try {
      const hk = createNxcloudClient('api-hk.nxlink.ai', {
        ...demo,
        baseUrl: m.urls['api-hk.nxlink.ai']!,
        retry: { attempts: 1 },
      });
      expect((await hk.GET('/saas/wa/template/{phone}', hkQuery)).response?.status).toBe(200);
      // api2's createTemplate is another operation.
      const raw = JSON.stringify({});
      const api2 = await fetch(`${m.urls['api2.nxcloud.com']}/api/wa/createTemplate`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signatureHeaders({ ...demo, action: 'createTemplate', bizType: '2', ts: Date.now(), body: raw }),
        },
        body: raw,
      });
      expect(api2.status).toBe(200);
    } finally {
      await m.stop();
    }
  });

  it.each([
    [['sendMessage:teapot'], /startMock: faults\[0\]: "teapot" is not a fault; expected .* \(and times=<n>, n ≥ 1\)/],
    [
      ['nosuchop:500'],
      /startMock: faults\[0\]: scope "nosuchop" is neither a host served \(api2\.nxcloud\.com\) nor one of their operationIds \(sendMessage, /,
    ],
    [
      ['api-hk.nxlink.ai/listTemplates:500'],
      /scope "api-hk\.nxlink\.ai\/listTemplates" is not a host\/operationId served/,
    ],
    [[''], /faults\[0\] must be a non-empty string/],
    ['500', /faults must be an array of strings/],
  ])('a bad faults option %j is a TypeError naming it', async (faults, message) => {
    const started = startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, faults: faults as never });
    await expect(started).rejects.toThrow(TypeError);
    await expect(started).rejects.toThrow(message);
  });

  it('a bad --fault flag: exit 2, one line naming the flag', () => {
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [bin, '--port-base', '0', '--fault', 'sendMessage:teapot'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^nxwa-mock: --fault "sendMessage:teapot": "teapot" is not a fault; expected/);
    const scope = spawnSync(process.execPath, [bin, '--host', 'api-hk.nxlink.ai', '--fault', 'sendMessage:500'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(scope.status).toBe(2);
    expect(scope.stderr).toMatch(
      /--fault "sendMessage:500": scope "sendMessage" is neither a host served \(api-hk\.nxlink\.ai\)/,
    );
  });
});

it('--fault reaches the running mock; a bad --callback-retry-base-ms is exit 2', async () => {
  const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  const bad = spawnSync(process.execPath, [bin, '--callback-retry-base-ms', 'soon'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/--callback-retry-base-ms must be a whole number, got "soon"/);
  const base = await freePortBase();
  const child = spawn(
    process.execPath,
    [
      bin,
      '--host',
      'api2.nxcloud.com',
      '--port-base',
      String(base),
      '--callback-retry-base-ms',
      '5',
      '--fault',
      'sendMessage:503,times=1',
      '--quiet',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toContain('__health');
    const url = `http://127.0.0.1:${base}`;
    expect((await send(undefined, text, url)).status).toBe(503);
    expect((await send(undefined, text, url)).status).toBe(200);
  } finally {
    await stopChild(child);
  }
}, 60_000);

describe('through the client', () => {
  it('an accepted-then-500 send is sent exactly once by default: the client reports the error and does not resend', async () => {
    const lines: string[] = [];
    const m = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      faults: ['sendMessage:accepted-then-500'],
      log: (l) => lines.push(l),
    });
    try {
      const retries: RetryInfo[] = [];
      // The client's default retry policy, with short waits: it would retry a read three times.
      const api2 = createNxcloudClient('api2.nxcloud.com', {
        ...demo,
        baseUrl: m.urls['api2.nxcloud.com']!,
        retry: { baseDelayMs: 1, onRetry: (r) => retries.push(r) },
      });
      const { data, error } = await api2.POST('/api/wa/mt', { body: { ...text, to: '8613600007001' } });
      expect(data).toBeUndefined();
      // An HTTP failure, whatever envelope it carries; the send may have gone out, so it is not retryable.
      expect(error).toMatchObject({ kind: 'http', status: 500, code: -1, outcome: 'unknown', retryable: false });
      expect(retries).toEqual([]);
      expect(m.messages({ to: '8613600007001' })).toHaveLength(1);
      expect(lines.filter((l) => l.includes('POST /api/wa/mt'))).toHaveLength(1);
    } finally {
      await m.stop();
    }
  });

  it.each([
    ['api-hk.nxlink.ai', 'listTemplates'],
    ['api2.nxcloud.com', 'getMedia'],
  ] as const)('a 429 with Retry-After on a read (%s %s) is waited out, then answered', async (host, operationId) => {
    const lines: string[] = [];
    const m = await startMock({
      hosts: [host],
      portBase: 0,
      faults: [`${operationId}:429;retry-after=1,times=1`],
      log: (l) => lines.push(l),
    });
    try {
      const retries: RetryInfo[] = [];
      const client = createNxcloudClient(host as NxcloudHost, {
        ...demo,
        baseUrl: m.urls[host]!,
        retry: { attempts: 3, onRetry: (r) => retries.push(r) },
      }) as any;
      // On api2, a medium the sandbox holds (uploading is not the faulted operation).
      const mediaId =
        host === 'api2.nxcloud.com'
          ? (
              await client.POST('/api/wa/uploadMedia', {
                body: {
                  messaging_product: 'whatsapp',
                  business_phone: '8615800001795',
                  type: 'image/png',
                  file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
                },
              })
            ).data.id
          : undefined;
      const { data, error } =
        host === 'api-hk.nxlink.ai'
          ? await client.GET('/saas/wa/template/{phone}', hkQuery)
          : await client.POST('/api/wa/getMedia', {
              body: { business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': mediaId },
            });
      expect(error).toBeUndefined();
      expect(data).toBeDefined();
      // The wait is the server's Retry-After, not the client's own backoff.
      expect(retries.map((r) => [r.attempt, r.delayMs, r.error.status])).toEqual([[2, 1_000, 429]]);
      expect(
        lines
          .filter(
            (l) => l.includes(operationId === 'getMedia' ? '/getMedia' : '/saas/wa/template/') && / → \d{3}/.test(l),
          )
          .map((l) => / → (\d{3})/.exec(l)![1]),
      ).toEqual(['429', '200']);
    } finally {
      await m.stop();
    }
  });

  it.each([429, 503])('a read answered %i every time is an http failure, retried, and retryable', async (status) => {
    const m = await startMock({ hosts: ['api-hk.nxlink.ai'], portBase: 0, faults: [`listTemplates:${status}`] });
    try {
      const retries: RetryInfo[] = [];
      const hk = createNxcloudClient('api-hk.nxlink.ai', {
        ...demo,
        baseUrl: m.urls['api-hk.nxlink.ai']!,
        retry: { attempts: 2, baseDelayMs: 1, onRetry: (r) => retries.push(r) },
      }) as any;
      const { error } = await hk.GET('/saas/wa/template/{phone}', hkQuery);
      expect(error).toMatchObject({ kind: 'http', status, code: -1, category: 'transient', retryable: true });
      expect(error.remedy).not.toMatch(/support/i);
      expect(retries).toHaveLength(1);
    } finally {
      await m.stop();
    }
  });
});
