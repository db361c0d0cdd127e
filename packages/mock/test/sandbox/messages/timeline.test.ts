// Message lifecycles: every accepted send is recorded and its timeline advances sent → delivered → read
// with times, webhook or not; each status becomes a signed callback in the documented payload of its host; a webhook
// that does not take a callback is retried with backoff, every attempt recorded; magic recipients end otherwise;
// two accounts never share a message record.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createNxcloudClient } from '@org/nxwa-client';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDelivery } from '../../../src/callbacks/deliver.js';
import { MAGIC_RECIPIENTS, type MockMessage, type RunningMock, startMock } from '../../../src/index.js';
import { createMessageStore, plainMessage } from '../../../src/sandbox/messages/store.js';
import { createTimelines } from '../../../src/sandbox/messages/timeline.js';
import { demo, freePort } from '../../support.js';
import { webhook, webhookProblems } from '../../webhook.js';

const second = { accessKey: 'second-key', accessSecret: 'second-secret' };
const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'life' },
} as const;
const saasSend = {
  tenant_id: 1,
  appkey: 'a',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'template',
  template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
} as const;

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
// Per path, the HTTP statuses the webhook answers in turn (200 once they run out).
const script = new Map<string, number[]>();

beforeAll(async () => {
  hook = await webhook((r, nth) => script.get(r.path)?.[nth - 1] ?? 200);
  mock = await startMock({
    portBase: 0,
    callbackDelayMs: 10,
    callbackRetryBaseMs: 5,
    credentials: [demo, second],
    webhookUrl: `${hook.url}/app`,
  });
});
afterAll(async () => {
  await mock.stop();
  await hook.close();
});

const api2 = (account = demo) =>
  createNxcloudClient('api2.nxcloud.com', {
    ...account,
    baseUrl: mock.urls['api2.nxcloud.com']!,
    retry: { attempts: 1 },
  });
const statusesOf = (m: MockMessage | undefined) => m?.timeline.map((e) => e.status);
/** Waits until nothing of the mock's is still to come: every timeline finished, every callback delivered or given up. */
const settled = () => vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 10_000 });

describe('timelines', () => {
  it('advance sent → delivered → read with times, without any webhook', async () => {
    // dr_webhook to a refused (non-loopback) address: this send has no webhook at all.
    const { data } = await api2().POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'life-1', dr_webhook: 'https://example.com/hook' },
    });
    expect(data?.messages[0].id).toBe('life-1');
    await vi.waitFor(() => expect(mock.message('life-1')?.status).toBe('read'), { timeout: 5_000 });
    const m = mock.message('life-1')!;
    expect(statusesOf(m)).toEqual(['accepted', 'sent', 'delivered', 'read']);
    const times = m.timeline.map((e) => Date.parse(e.at));
    expect(times.every((t, i) => !Number.isNaN(t) && (i === 0 || t >= times[i - 1]))).toBe(true);
    expect(m.callbacks).toEqual([]);
    // The same over HTTP.
    const over = await (await fetch(`${mock.urls['api-hk.nxlink.ai']}/__nxwa/messages/life-1`)).json();
    expect(over.timeline.map((e: { status: string }) => e.status)).toEqual(['accepted', 'sent', 'delivered', 'read']);
  });

  it('api2: the callbacks follow the timeline, in order, signed, in the documented payload (onMessageStatus)', async () => {
    const dr_webhook = `${hook.url}/api2-order`;
    await api2().POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'life-2', dr_webhook, biz_opaque_callback_data: 'opaque-7' } as never,
    });
    await settled();
    const got = hook.at('/api2-order');
    expect(got.map((r) => r.json.statuses[0].status)).toEqual(['sent', 'delivered', 'read']);
    const m = mock.message('life-2')!;
    for (const [i, r] of got.entries()) {
      const parsed = parseCallback(new Uint8Array(r.raw), {
        headers: r.headers as Record<string, string>,
        accessSecret: demo.accessSecret,
      });
      expect(parsed.kind).toBe('status');
      expect(webhookProblems('api2.nxcloud.com', 'messageStatus', r.json)).toBeUndefined();
      const status = r.json.statuses[0];
      expect(status).toMatchObject({ id: 'life-2', recipient_id: text.to, biz_opaque_callback_data: 'opaque-7' });
      expect(r.json).toMatchObject({ business_phone: text.business_phone, messaging_product: 'whatsapp' });
      // Derived from the timeline: the callback's time is its event's.
      expect(status.timestamp).toBe(String(Math.floor(Date.parse(m.timeline[i + 1].at) / 1000)));
    }
    const [sent, delivered, read] = got.map((r) => r.json.statuses[0]);
    expect(sent.conversation).toMatchObject({ origin: { type: 'service' }, expiration_timestamp: expect.any(String) });
    expect(sent.costs).toMatchObject([{ currency: 'USD', cdr_type: 7, message_id: 'life-2', direction: 1 }]);
    expect(delivered.conversation).toEqual({ id: sent.conversation.id, origin: { type: 'service' } });
    expect(read.conversation).toBeUndefined();
    expect(m.callbacks).toMatchObject(
      ['sent', 'delivered', 'read'].map((status) => ({ status, url: dr_webhook, attempt: 1, httpStatus: 200 })),
    );
  });

  it('SaaS: the callbacks go to the configured webhook in the SaaS payload (onSaasMessageStatus)', async () => {
    const saas = createNxcloudClient('api.nxcloud.com', {
      ...demo,
      baseUrl: mock.urls['api.nxcloud.com']!,
      retry: { attempts: 1 },
    });
    const { data } = await saas.POST('/saas/wa/send', { body: { ...saasSend, to: '8613600000077' } });
    const id = data!.message_id;
    await vi.waitFor(() => expect(hook.at('/app').filter((r) => r.json.statuses[0].id === id)).toHaveLength(3), {
      timeout: 5_000,
    });
    const got = hook.at('/app').filter((r) => r.json.statuses[0].id === id);
    expect(got.map((r) => r.json.statuses[0].status)).toEqual(['sent', 'delivered', 'read']);
    for (const r of got) expect(webhookProblems('api.nxcloud.com', 'messageStatus', r.json)).toBeUndefined();
    expect(got[0].json.statuses[0]).toMatchObject({
      recipient_id: '8613600000077',
      conversation: { origin: { type: 'business_initiated' } },
    });
    expect(got[0].json.statuses[0].costs).toBeUndefined();
  });

  it.each([
    [
      'an OTP send',
      '/api/wa/otp',
      {
        appkey: 'a',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '8613600000201',
        language_code: 'en',
        content: '789033',
      },
      'authentication',
      6,
    ],
    [
      'a template send',
      '/api/wa/mt',
      {
        ...text,
        to: '8613600000202',
        type: 'template',
        text: undefined,
        template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
      },
      'utility',
      5,
    ],
  ])('api2: %s opens a conversation of the documented type', async (_what, path, body, origin, cdr) => {
    const id = `origin-${cdr}`;
    const { error } = await (api2() as any).POST(path, {
      body: { ...body, cus_message_id: id, dr_webhook: `${hook.url}/origin-${cdr}` },
      headers: { 'x-nxwa-callbacks': 'sent' },
    });
    expect(error).toBeUndefined();
    await vi.waitFor(() => expect(hook.at(`/origin-${cdr}`)).toHaveLength(1), { timeout: 5_000 });
    const [got] = hook.at(`/origin-${cdr}`);
    expect(webhookProblems('api2.nxcloud.com', 'messageStatus', got.json)).toBeUndefined();
    expect(got.json.statuses[0]).toMatchObject({
      id,
      conversation: { origin: { type: origin } },
      costs: [{ cdr_type: cdr }],
    });
  });

  it('the schema check can fail', () => {
    expect(webhookProblems('api2.nxcloud.com', 'messageStatus', { statuses: [{ status: 'lost' }] })).toMatch(
      /must be equal to one of the allowed values/,
    );
  });

  it('x-nxwa-callbacks still chooses the statuses (sent,failed), the failure carrying the documented error', async () => {
    await api2().POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'life-3', dr_webhook: `${hook.url}/chosen` },
      headers: { 'x-nxwa-callbacks': 'sent,failed' },
    });
    await settled();
    expect(statusesOf(mock.message('life-3'))).toEqual(['accepted', 'sent', 'failed']);
    expect(hook.at('/chosen').map((r) => r.json.statuses[0].status)).toEqual(['sent', 'failed']);
    expect(hook.at('/chosen')[1].json.statuses[0].errors).toEqual([
      { code: 470, title: expect.stringMatching(/^Failed to send message because you are outside the support window/) },
    ]);
  });
});

describe('webhook retries', () => {
  it('a 500 then a 200: both attempts recorded, and the next status waits its turn', async () => {
    script.set('/flaky', [500]);
    await api2().POST('/api/wa/mt', { body: { ...text, cus_message_id: 'retry-1', dr_webhook: `${hook.url}/flaky` } });
    await settled();
    expect(hook.at('/flaky').map((r) => r.json.statuses[0].status)).toEqual(['sent', 'sent', 'delivered', 'read']);
    // Each attempt is signed afresh: a retry is not a replay.
    const signs = hook.at('/flaky').map((r) => r.headers.sign);
    expect(new Set(signs).size).toBe(4);
    const seen = new Set<string>();
    for (const r of hook.at('/flaky'))
      parseCallback(new Uint8Array(r.raw), {
        headers: r.headers as Record<string, string>,
        accessSecret: demo.accessSecret,
        seen,
      });
    expect(mock.message('retry-1')!.callbacks).toMatchObject([
      { status: 'sent', attempt: 1, httpStatus: 500, error: 'HTTP 500, not 2xx' },
      { status: 'sent', attempt: 2, httpStatus: 200 },
      { status: 'delivered', attempt: 1, httpStatus: 200 },
      { status: 'read', attempt: 1, httpStatus: 200 },
    ]);
    expect(mock.message('retry-1')!.callbacks[1].error).toBeUndefined();
  });

  it('gives up after five attempts; the timeline does not wait for the webhook', async () => {
    script.set('/down', Array(10).fill(503));
    await api2().POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'retry-2', dr_webhook: `${hook.url}/down` },
      headers: { 'x-nxwa-callbacks': 'sent' },
    });
    await settled();
    expect(hook.at('/down')).toHaveLength(5);
    const m = mock.message('retry-2')!;
    expect(m.callbacks.map((a) => [a.attempt, a.httpStatus])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 503]));
    expect(statusesOf(m)).toEqual(['accepted', 'sent']);
  });

  it('a webhook that refuses the connection: five attempts, each with why', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/nobody`;
    await api2().POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'retry-3', dr_webhook: closed },
      headers: { 'x-nxwa-callbacks': 'sent' },
    });
    await settled();
    const attempts = mock.message('retry-3')!.callbacks;
    expect(attempts).toHaveLength(5);
    for (const a of attempts) {
      expect(a.httpStatus).toBeUndefined();
      expect(a.error).toMatch(/ECONNREFUSED/);
      expect(a.url).toBe(closed);
    }
  });

  it('stop cancels the retries still to come', async () => {
    const own = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      callbackDelayMs: 0,
      callbackRetryBaseMs: 600_000,
    });
    const down = await webhook(() => 500);
    try {
      const client = createNxcloudClient('api2.nxcloud.com', {
        ...demo,
        baseUrl: own.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      await client.POST('/api/wa/mt', {
        body: { ...text, cus_message_id: 'stop-1', dr_webhook: `${down.url}/x` },
        headers: { 'x-nxwa-callbacks': 'sent' },
      });
      await vi.waitFor(() => expect(own.message('stop-1')?.callbacks).toHaveLength(1), { timeout: 5_000 });
      expect(own.pendingCallbacks()).toBe(1);
      await own.stop();
      expect(own.pendingCallbacks()).toBe(0);
    } finally {
      await own.stop();
      await down.close();
    }
  });
});

describe('magic recipients', () => {
  it.each(Object.entries(MAGIC_RECIPIENTS))('%s: %s', async (to, { statuses }) => {
    const id = `magic-${to}`;
    await api2().POST('/api/wa/mt', {
      body: { ...text, to, cus_message_id: id, dr_webhook: `${hook.url}/magic-${to}` },
    });
    // The plan is finite: once nothing is pending, the timeline has ended.
    await settled();
    const m = mock.message(id)!;
    expect(statusesOf(m)).toEqual(['accepted', ...statuses.map((s) => s.status)]);
    const got = hook.at(`/magic-${to}`);
    expect(got.map((r) => r.json.statuses[0].status)).toEqual(statuses.map((s) => s.status));
    for (const r of got) expect(webhookProblems('api2.nxcloud.com', 'messageStatus', r.json)).toBeUndefined();
    const failed = got.find((r) => r.json.statuses[0].status === 'failed');
    if (failed) {
      expect(failed.json.statuses[0].errors).toEqual([
        { code: 470, title: expect.stringContaining('outside the support window') },
      ]);
      expect(m.timeline.at(-1)?.error).toMatchObject({ code: 470 });
    }
  });

  it('the failing one ends in failed on every sending host, written with + and spaces too', async () => {
    const saas = createNxcloudClient('api-idn.nxlink.ai', {
      ...demo,
      baseUrl: mock.urls['api-idn.nxlink.ai']!,
      retry: { attempts: 1 },
    });
    const { data } = await saas.POST('/saas/wa/send', { body: { ...saasSend, to: '+1 555 010 0001' } });
    await vi.waitFor(() => expect(mock.message(data!.message_id)?.status).toBe('failed'), { timeout: 5_000 });
    expect(statusesOf(mock.message(data!.message_id))).toEqual(['accepted', 'sent', 'failed']);
  });

  it('the README lists every magic recipient as it is', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `(\d+)` +\| (.+?) *\|$/gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(Object.entries(MAGIC_RECIPIENTS).map(([to, { what }]) => [to, what])),
    );
  });

  it('an x-nxwa-callbacks header wins over a magic recipient', async () => {
    await api2().POST('/api/wa/mt', {
      body: { ...text, to: '15550100001', cus_message_id: 'magic-header' },
      headers: { 'x-nxwa-callbacks': 'sent,delivered,read' },
    });
    await vi.waitFor(() => expect(mock.message('magic-header')?.status).toBe('read'), { timeout: 5_000 });
  });
});

describe('accounts', () => {
  it('the same cus_message_id from two accounts keeps two messages', async () => {
    await api2(demo).POST('/api/wa/mt', { body: { ...text, to: '8613600000101', cus_message_id: 'shared-id' } });
    await api2(second).POST('/api/wa/mt', { body: { ...text, to: '8613600000102', cus_message_id: 'shared-id' } });
    expect(mock.message('shared-id', demo.accessKey)?.to).toBe('8613600000101');
    expect(mock.message('shared-id', second.accessKey)?.to).toBe('8613600000102');
    expect(mock.messages().filter((m) => m.id === 'shared-id')).toHaveLength(2);
    const base = mock.urls['api2.nxcloud.com'];
    expect((await (await fetch(`${base}/__nxwa/messages/shared-id?accessKey=${demo.accessKey}`)).json()).to).toBe(
      '8613600000101',
    );
    expect((await (await fetch(`${base}/__nxwa/messages/shared-id?accessKey=${second.accessKey}`)).json()).to).toBe(
      '8613600000102',
    );
    // Without an account: the newest.
    expect((await (await fetch(`${base}/__nxwa/messages/shared-id`)).json()).accessKey).toBe(second.accessKey);
    expect(
      (await (await fetch(`${base}/__nxwa/messages?accessKey=${second.accessKey}`)).json()).messages.filter(
        (m: MockMessage) => m.id === 'shared-id',
      ),
    ).toHaveLength(1);
  });

  it('a reset forgets what was scheduled: the statuses and callbacks still to come', async () => {
    const own = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 600_000 });
    try {
      const client = createNxcloudClient('api2.nxcloud.com', {
        ...demo,
        baseUrl: own.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      await client.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'reset-2' } });
      await client.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'reset-3' } });
      expect(own.pendingCallbacks()).toBe(2);
      expect((await fetch(`${own.urls['api2.nxcloud.com']}/__nxwa/state`, { method: 'DELETE' })).status).toBe(204);
      expect(own.pendingCallbacks()).toBe(0);
      expect(own.message('reset-2')).toBeUndefined();
    } finally {
      await own.stop();
    }
  });

  it('after a reset, new sends step on as before; statuses fall due in the order the sends were accepted', async () => {
    const own = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 30 });
    try {
      const client = createNxcloudClient('api2.nxcloud.com', {
        ...demo,
        baseUrl: own.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      await client.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'before-reset' } });
      expect((await fetch(`${own.urls['api2.nxcloud.com']}/__nxwa/state`, { method: 'DELETE' })).status).toBe(204);
      const ids = ['after-1', 'after-2', 'after-3'];
      for (const id of ids) await client.POST('/api/wa/mt', { body: { ...text, cus_message_id: id } });
      await vi.waitFor(() => expect(ids.map((id) => own.message(id)?.status)).toEqual(['read', 'read', 'read']), {
        timeout: 5_000,
      });
      expect(own.message('before-reset')).toBeUndefined();
      // Each status of a later send is stamped no earlier than the same status of the send before it.
      const times = ids.map((id) => own.message(id)!.timeline.map((e) => Date.parse(e.at)));
      for (let step = 0; step < 4; step++) {
        expect(times[1][step]).toBeGreaterThanOrEqual(times[0][step]);
        expect(times[2][step]).toBeGreaterThanOrEqual(times[1][step]);
      }
      expect(own.pendingCallbacks()).toBe(0);
    } finally {
      await own.stop();
    }
  });
});

it("a callback still waiting for its webhook does not hold the send's parsed body", async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A webhook that takes the callback and never answers it.
  const held: import('node:http').ServerResponse[] = [];
  const hook = createServer((_req, res) => void held.push(res));
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const messages = createMessageStore();
  const delivery = createDelivery({ retryBaseMs: 60_000, log: () => {} });
  const timelines = createTimelines({ stepMs: 1, delivery, messages });
  try {
    let body: Record<string, unknown> | undefined = {
      business_phone: '8615800001795',
      to: '8613600009759',
      text: { body: 'x'.repeat(50_000) },
    };
    const parsed = new WeakRef(body);
    const message = messages.record({
      id: 'held',
      host: 'api2.nxcloud.com',
      operation: 'POST /api/wa/mt',
      accessKey: demo.accessKey,
      to: '8613600009759',
      body,
      webhook: url,
    });
    timelines.start({
      message,
      body,
      family: 'classic',
      statuses: [{ status: 'sent' }],
      webhook: { url, credentials: demo },
    });
    body = undefined;
    await vi.waitFor(() => expect(held).toHaveLength(1), { timeout: 5_000 });
    expect(timelines.pending).toBe(1);
    // A WeakRef's target is kept to the end of the job that made or read it: collected in later ones.
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setImmediate(r));
      gc();
    }
    expect(parsed.deref()).toBeUndefined();
    // The record keeps the body as bytes all the same.
    expect((messages.get('held', demo.accessKey)!.body as { text: { body: string } }).text.body).toHaveLength(50_000);
  } finally {
    timelines.cancelAll();
    delivery.cancelAll();
    for (const res of held) res.destroy();
    await new Promise((r) => hook.close(r));
  }
});

it('refuses bad lifecycle options, naming them', async () => {
  await expect(startMock({ portBase: 0, callbackRetryBaseMs: -1 })).rejects.toThrow(
    /callbackRetryBaseMs must be a whole number of ms, 0 or more; got -1/,
  );
  await expect(startMock({ portBase: 0, callbackDelayMs: 1.5 })).rejects.toThrow(
    /callbackDelayMs must be a whole number of ms, 0 or more; got 1.5/,
  );
});

describe('timelines nobody listens to', () => {
  // The store and the timelines alone, on a clock the test moves: what is reckoned depends on the time only.
  const STEP = 100;
  const setUp = (limit?: number) => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'performance'], now: 1_700_000_000_000 });
    const messages = createMessageStore(limit);
    const delivery = createDelivery({ retryBaseMs: 5, log: () => {} });
    const timelines = createTimelines({ stepMs: STEP, delivery, messages });
    const send = (id: string) => {
      const message = messages.record({
        id,
        host: 'api2.nxcloud.com',
        operation: 'POST /api/wa/mt',
        accessKey: demo.accessKey,
        to: '8613600009759',
        body: { to: '8613600009759' },
        webhook: null,
      });
      timelines.start({
        message,
        family: 'classic',
        statuses: [{ status: 'sent' }, { status: 'delivered' }, { status: 'read' }],
      });
      return message;
    };
    return { messages, timelines, send };
  };
  const stamps = (m: MockMessage) => m.timeline.map((e) => `${e.status}@${Date.parse(e.at) - 1_700_000_000_000}`);

  it('are worked out when read: each status stamped when it fell due, told to no listener that need not hear it', () => {
    const { messages, timelines, send } = setUp();
    try {
      const told: string[] = [];
      messages.onChange((c) => void told.push(c.kind), { timely: false });
      const held = send('reckoned');
      expect(held.status).toBe('accepted');
      expect(timelines.pending).toBe(1);
      vi.advanceTimersByTime(250);
      // The object the caller holds moves on too, and its copies and JSON see its fields.
      expect(held.status).toBe('delivered');
      expect(stamps(held)).toEqual(['accepted@0', 'sent@100', 'delivered@200']);
      expect(plainMessage(held).status).toBe('delivered');
      expect(JSON.parse(JSON.stringify(held)).timeline).toHaveLength(3);
      expect(timelines.pending).toBe(1);
      vi.advanceTimersByTime(100);
      expect(messages.get('reckoned', demo.accessKey)!.status).toBe('read');
      expect(timelines.pending).toBe(0);
      // The record only: the statuses were reckoned, not told.
      expect(told).toEqual(['message']);
    } finally {
      timelines.cancelAll();
      vi.useRealTimers();
    }
  });

  it('a listener that comes mid-timeline hears each status still to come, as it falls due', () => {
    const { messages, timelines, send } = setUp();
    try {
      const early = send('early');
      vi.advanceTimersByTime(50);
      const late = send('late');
      vi.advanceTimersByTime(90);
      const told: string[] = [];
      messages.onChange(
        (c) => void told.push(c.kind === 'message' ? `${c.id} ${messages.get(c.id, c.accessKey)!.status}` : c.kind),
      );
      // What fell due before it came is there, not told; what is still to come is told in the order it falls due.
      expect(stamps(early)).toEqual(['accepted@0', 'sent@100']);
      vi.advanceTimersByTime(200);
      expect(told).toEqual(['late sent', 'early delivered', 'late delivered', 'early read']);
      expect(stamps(late)).toEqual(['accepted@50', 'sent@150', 'delivered@250']);
      vi.advanceTimersByTime(100);
      expect(told.at(-1)).toBe('late read');
      expect(timelines.pending).toBe(0);
    } finally {
      timelines.cancelAll();
      vi.useRealTimers();
    }
  });

  it('of a message dropped from the record leave nothing pending, and a listener that comes later hears none of it', () => {
    const { messages, timelines, send } = setUp(2);
    try {
      const dropped = send('dropped');
      send('kept-1');
      send('kept-2');
      expect(messages.get('dropped', demo.accessKey)).toBeUndefined();
      expect(timelines.pending).toBe(2);
      const told: string[] = [];
      messages.onChange((c) => void told.push(c.kind === 'message' ? c.id : c.kind));
      vi.advanceTimersByTime(350);
      expect(told.filter((id) => id === 'dropped')).toEqual([]);
      expect(told.filter((id) => id === 'kept-1')).toHaveLength(3);
      expect(dropped.timeline.map((e) => e.status)).toEqual(['accepted']);
      expect(timelines.pending).toBe(0);
    } finally {
      timelines.cancelAll();
      vi.useRealTimers();
    }
  });

  it('are driven by hand and cancelled by a reset as timelines on the clock are', () => {
    const { messages, timelines, send } = setUp();
    try {
      const driven = send('driven');
      vi.advanceTimersByTime(150);
      expect(timelines.drive(driven, 'read')).toBeUndefined();
      expect(stamps(driven)).toEqual(['accepted@0', 'sent@100', 'delivered@150', 'read@150']);
      vi.advanceTimersByTime(500);
      expect(driven.timeline).toHaveLength(4);

      const reset = send('reset');
      vi.advanceTimersByTime(120);
      timelines.cancelAll();
      messages.reset();
      vi.advanceTimersByTime(500);
      expect(stamps(reset)).toEqual(['accepted@650', 'sent@750']);
      expect(timelines.drive(reset, 'read')).toMatch(/cancelled/);
      expect(timelines.pending).toBe(0);
    } finally {
      timelines.cancelAll();
      vi.useRealTimers();
    }
  });
});
