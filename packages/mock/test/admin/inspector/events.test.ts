// The live inspector over HTTP: the page on every host's port with a policy that admits only its own
// inline style and script; the event stream's snapshot and changes; the bound on open streams; and a stop that
// ends open streams instead of waiting for them. (test/admin/inspector/page.test.ts renders the page.)
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNxcloudClient } from '@org/nxwa-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../../src/index.js';
import { demo } from '../../support.js';
import { bareAdmin } from '../bare.js';

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'inspected' },
} as const;

let mock: RunningMock;
let base: string;
const send = (cus_message_id: string, to: string = text.to) =>
  createNxcloudClient('api2.nxcloud.com', { ...demo, baseUrl: base, retry: { attempts: 1 } }).POST('/api/wa/mt', {
    body: { ...text, to, cus_message_id },
  });

beforeAll(async () => {
  mock = await startMock({ hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'], portBase: 0 });
  base = mock.urls['api2.nxcloud.com']!;
});
afterAll(() => mock?.stop());

interface Stream {
  response: IncomingMessage;
  /** The next event of this name (earlier events of other names are skipped); rejects when the stream ends. */
  next(name: string): Promise<any>;
  ended: Promise<void>;
  close(): void;
}

/** Opens /__nxwa/events and parses it as the browser does (events separated by a blank line). */
function openEvents(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/__nxwa/events`, (response) => {
      const queue: { name: string; data: string }[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      let done = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data !== undefined) queue.push({ name, data });
        }
        waiters.splice(0).forEach((w) => w());
      });
      const ended = new Promise<void>((r) =>
        response.on('close', () => ((done = true), waiters.splice(0).forEach((w) => w()), r())),
      );
      async function next(name: string): Promise<any> {
        for (;;) {
          const i = queue.findIndex((e) => e.name === name);
          if (i >= 0) return JSON.parse(queue.splice(0, i + 1)[i].data);
          if (done) throw new Error(`the stream ended before a ${name} event`);
          await new Promise<void>((r) => waiters.push(r));
        }
      }
      resolve({ response, next, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the page', () => {
  it('is served on every host port as self-contained HTML under a strict policy', async () => {
    for (const url of Object.values(mock.urls)) {
      const res = await fetch(`${url}/__nxwa/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      // Nothing to fetch: no src or href other than the inline icon, no URL of any other origin.
      expect([...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
      expect(html).not.toMatch(/https?:\/\//);
      const csp = res.headers.get('content-security-policy')!;
      const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives['default-src']).toEqual(["'none'"]);
      expect(directives['connect-src']).toEqual(["'self'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      // Exactly the page's inline scripts (the log's and the phone view's) and its one style, by their hashes;
      // images and players from its own origin only (the media store's previews).
      expect(directives['img-src']).toEqual(['data:', "'self'"]);
      expect(directives['media-src']).toEqual(["'self'"]);
      const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
      expect(scripts).toHaveLength(2);
      expect(styles).toHaveLength(1);
      expect(directives['script-src']).toEqual(scripts.map(hash));
      expect(directives['style-src']).toEqual([hash(styles[0])]);
    }
  });

  it('/__nxwa redirects to /__nxwa/ keeping its filters; other methods are refused', async () => {
    const res = await fetch(`${base}/__nxwa?to=8613600009759&status=read`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/__nxwa/?to=8613600009759&status=read');
    const post = await fetch(`${base}/__nxwa/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await post.json()).error).toMatch(/POST is not allowed on \/__nxwa\/; use GET/);
    // The inspection API is unchanged beside it.
    expect((await fetch(`${base}/__nxwa/messages`)).status).toBe(200);
  });
});

describe('the event stream', () => {
  it('starts with a snapshot, newest first, then sends each change; a reset sends an empty snapshot', async () => {
    mock.reset();
    await send('ev-1');
    await send('ev-2');
    // Opened on the HK host's port, the sends go to api2's: the record is shared by the hosts.
    const stream = await openEvents(mock.urls['api-hk.nxlink.ai']!);
    try {
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const first = await stream.next('snapshot');
      expect(first.messages.map((m: { id: string }) => m.id)).toEqual(['ev-2', 'ev-1']);
      expect(first.messages[0]).toMatchObject({
        host: 'api2.nxcloud.com',
        operation: 'POST /api/wa/mt',
        to: text.to,
        status: 'accepted',
        body: { text: { body: 'inspected' } },
      });

      await send('ev-3', '8613600000003');
      expect(await stream.next('upsert')).toMatchObject({
        id: 'ev-3',
        to: '8613600000003',
        status: 'accepted',
        timeline: [{ status: 'accepted' }],
      });

      mock.reset();
      expect((await stream.next('snapshot')).messages).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it("follows two accounts' messages with the same ID apart", async () => {
    const two = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      credentials: [demo, { accessKey: 'key-b', accessSecret: 'secret-b' }],
    });
    try {
      const url = two.urls['api2.nxcloud.com']!;
      const stream = await openEvents(url);
      await stream.next('snapshot');
      const as = (account: typeof demo) =>
        createNxcloudClient('api2.nxcloud.com', { ...account, baseUrl: url, retry: { attempts: 1 } });
      await as(demo).POST('/api/wa/mt', { body: { ...text, to: '8613600000501', cus_message_id: 'twice' } });
      await as({ accessKey: 'key-b', accessSecret: 'secret-b' }).POST('/api/wa/mt', {
        body: { ...text, to: '8613600000502', cus_message_id: 'twice' },
      });
      // Each account's message goes on to sent under its own account (not as the other's, which has the same ID).
      const seen = new Set<string>();
      while (seen.size < 2) {
        const m = await stream.next('upsert');
        if (m.status === 'sent') {
          expect(m.to).toBe(m.accessKey === 'key-b' ? '8613600000502' : '8613600000501');
          seen.add(m.accessKey);
        }
      }
      expect([...seen].sort()).toEqual(['key-b', 'nxwa-demo-key']);
      stream.close();
    } finally {
      await two.stop();
    }
  });

  it('a message dropped past messageLimit is sent as a drop', async () => {
    const small = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, messageLimit: 1 });
    try {
      const stream = await openEvents(small.urls['api2.nxcloud.com']!);
      await stream.next('snapshot');
      const api2 = createNxcloudClient('api2.nxcloud.com', {
        ...demo,
        baseUrl: small.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'keep-1' } });
      expect(await stream.next('upsert')).toMatchObject({ id: 'keep-1' });
      await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'keep-2' } });
      expect(await stream.next('drop')).toEqual({ id: 'keep-1', accessKey: 'nxwa-demo-key' });
      expect(await stream.next('upsert')).toMatchObject({ id: 'keep-2' });
      stream.close();
    } finally {
      await small.stop();
    }
  });

  it('at most 16 streams per port: one more is answered 503, and a closed one frees its place', async () => {
    const streams = await Promise.all(Array.from({ length: 16 }, () => openEvents(base)));
    try {
      await Promise.all(streams.map((s) => s.next('snapshot')));
      const refused = await fetch(`${base}/__nxwa/events`);
      expect(refused.status).toBe(503);
      expect((await refused.json()).error).toMatch(/At most 16 inspector pages/);
      // Another port has its own places.
      const other = await openEvents(mock.urls['api-hk.nxlink.ai']!);
      expect(other.response.statusCode).toBe(200);
      other.close();

      streams[0].close();
      await streams[0].ended;
      // The server sees the close after the client does: the place frees within a few tries.
      let again: Stream | undefined;
      for (let i = 0; i < 600 && !again; i++) {
        const s = await openEvents(base);
        if (s.response.statusCode === 200) again = s;
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(again?.response.statusCode).toBe(200);
      again!.close();
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('stop() ends open streams and does not wait for them', async () => {
    const own = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0 });
    const stream = await openEvents(own.urls['api2.nxcloud.com']!);
    await stream.next('snapshot');
    await own.stop();
    await stream.ended;
    await expect(stream.next('upsert')).rejects.toThrow(/ended/);
  });

  it('a reader that stops reading is disconnected once its unsent output passes the bound', async () => {
    const { store, admin, url, close } = await bareAdmin({ batchMs: 0, maxBuffered: 64 * 1024 });
    try {
      const stream = await openEvents(url);
      await stream.next('snapshot');
      // From here on nothing is read: the socket's buffers fill, then the server's.
      stream.response.pause();
      const body = { text: 'x'.repeat(60_000) };
      // At most 120 MB, far more than loopback's socket buffers and the bound together.
      for (let i = 0; i < 2_000 && admin.streams > 0; i++) {
        store.record({ id: `big-${i}`, host: 'test', operation: 'POST /x', accessKey: 'k', body });
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(admin.streams).toBe(0);
      // The reader, reading again, finds its stream cut short.
      stream.response.resume();
      await stream.ended;
      expect(stream.response.complete).toBe(false);
    } finally {
      close();
    }
  });
});
