// Bounded load and abuse runs through the mock, each stopping by itself: 5,000 signed requests at concurrency
// 50 with no error and no lost answer; 20,000 at concurrency 100 beside a process that keeps a core busy; then 1,000 malformed or random requests, after which the mock still
// answers correctly on every host.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { signatureHeaders } from '@org/nxwa-signing';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { client } from './support.js';

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'load' },
} as const;

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe('load', () => {
  it('5,000 requests at concurrency 50: every one answered, none failed', async () => {
    const api2 = client('api2.nxcloud.com', { timeoutMs: 30_000 });
    const started = Date.now();
    const results = await pool(5_000, 50, async (i) => {
      const { data, error } = await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: `load-${i}` } });
      return error ? `error ${error.code ?? error.kind}: ${error.message}` : data?.messages[0].id;
    });
    expect(results.filter((r) => !r?.startsWith('load-'))).toEqual([]);
    expect(new Set(results).size).toBe(5_000);
    expect(Date.now() - started).toBeLessThan(110_000);
  }, 120_000);
});

/** A signed api2 send over a kept-alive connection; resolves with the answer's code and message ID. */
function signedSend(agent: Agent, port: number, i: number): Promise<string> {
  const body = JSON.stringify({ ...text, cus_message_id: `hog-${i}` });
  const headers = {
    'content-type': 'application/json',
    ...signatureHeaders({
      accessKey: 'nxwa-demo-key',
      accessSecret: 'nxwa-demo-secret',
      action: 'mt',
      bizType: '2',
      ts: Date.now(),
      body,
    }),
  };
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/wa/mt', method: 'POST', headers, agent }, (res) => {
      let out = '';
      res.on('data', (d) => (out += d));
      res.on('end', () => {
        try {
          const answer = JSON.parse(out);
          resolve(
            answer.code === 0
              ? answer.data.messages[0].id
              : `HTTP ${res.statusCode} code ${answer.code}: ${answer.message}`,
          );
        } catch {
          resolve(`HTTP ${res.statusCode}: ${out.slice(0, 200)}`);
        }
      });
    });
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', (error) => resolve(`error: ${error.message}`));
    req.end(body);
  });
}

describe('load beside a CPU hog', () => {
  it('20,000 signed sends at concurrency 100 while another process keeps a core busy: every answer a success', async () => {
    // The hog stops by itself after 3 minutes, whatever happens to this test.
    const hog = spawn(process.execPath, ['-e', 'const end = Date.now() + 180_000; while (Date.now() < end);'], {
      stdio: 'ignore',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    try {
      const port = Number(new URL(inject('urls')['api2.nxcloud.com']).port);
      const results = await pool(20_000, 100, (i) => signedSend(agent, port, i));
      expect(results.filter((r, i) => r !== `hog-${i}`).slice(0, 10)).toEqual([]);
    } finally {
      hog.kill('SIGKILL');
      agent.destroy();
    }
  }, 240_000);
});

function raw(port: number, payload: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const done = () => resolve(out);
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.end(payload);
  });
}

function send(port: number, path: string, headers: Record<string, string>, body: Buffer | string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

describe('abuse', () => {
  it('1,000 malformed or random requests, then the mock still answers correctly', async () => {
    const urls = inject('urls');
    const ports = Object.values(urls).map((u) => Number(new URL(u).port));
    const auth = {
      accessKey: 'nxwa-demo-key',
      ts: String(Date.now()),
      bizType: '2',
      action: 'mt',
      sign: '0'.repeat(32),
    };
    const kinds = fc.sample(
      fc.oneof(
        fc.record({ kind: fc.constant('json'), body: fc.string({ unit: 'binary', maxLength: 300 }) }),
        fc.record({
          kind: fc.constant('truncated'),
          body: fc.jsonValue().map((v) => JSON.stringify({ v }).slice(0, -1)),
        }),
        fc.record({ kind: fc.constant('multipart'), body: fc.string({ maxLength: 200 }) }),
        fc.record({
          kind: fc.constant('bytes'),
          body: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
        }),
        fc.record({ kind: fc.constant('path'), body: fc.webPath() }),
        fc.record({ kind: fc.constant('http'), body: fc.string({ unit: 'binary-ascii', maxLength: 200 }) }),
      ),
      { numRuns: 1_000, seed: 5 },
    );
    const started = Date.now();
    let i = 0;
    const statuses = await pool(kinds.length, 20, async () => {
      const k = kinds[i++];
      const port = ports[i % ports.length];
      switch (k.kind) {
        case 'json':
        case 'truncated':
          return send(
            port,
            i % 2 ? '/api/wa/mt' : '/saas/wa/send',
            { ...auth, 'content-type': 'application/json' },
            k.body,
          );
        case 'multipart':
          return send(
            port,
            '/api/wa/uploadMedia',
            { ...auth, action: 'uploadMedia', 'content-type': 'multipart/form-data; boundary=xyz' },
            `--xyz\r\n${k.body}`,
          );
        case 'bytes':
          return send(
            port,
            '/api/wa/mt',
            { 'content-type': 'application/octet-stream' },
            Buffer.from(k.body, 'latin1'),
          );
        case 'path':
          return send(port, k.body || '/', auth, '{}');
        default:
          return (await raw(port, Buffer.from(`${k.body}\r\n\r\n`, 'latin1'))) ? 1 : 0;
      }
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);

    // Oversized: refused with a clear limit, and the connection closed.
    const big = await send(
      ports[0],
      '/api/wa/mt',
      { ...auth, 'content-type': 'application/json' },
      Buffer.alloc(21 * 1024 * 1024, 32),
    );
    expect(big).toBe(413);

    // Still answering correctly, every host.
    const { data, error } = await client('api2.nxcloud.com').POST('/api/wa/mt', { body: text });
    expect(error).toBeUndefined();
    expect(data?.messages[0].id).toBeTruthy();
    for (const url of Object.values(urls)) expect((await fetch(`${url}/__health`)).status).toBe(200);
  }, 120_000);
});
