// POST /__nxwa/inbound: a user writing in, simulated. The mock checks the request (400 naming the field),
// records the message (direction inbound) and posts the documented, signed callback to the webhook, with retries.
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';
import { webhook, webhookProblems } from '../webhook.js';

const second = { accessKey: 'second-key', accessSecret: 'second-secret' };
let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
const script = new Map<string, number[]>();

beforeAll(async () => {
  hook = await webhook((r, nth) => script.get(r.path)?.[nth - 1] ?? 200);
  mock = await startMock({
    portBase: 0,
    callbackRetryBaseMs: 5,
    credentials: [demo, second],
    webhookUrl: `${hook.url}/app`,
  });
});
afterAll(async () => {
  await mock.stop();
  await hook.close();
});

const post = async (body: unknown, port: string = 'api-hk.nxlink.ai', method = 'POST') => {
  const res = await fetch(`${mock.urls[port as 'api2.nxcloud.com']}/__nxwa/inbound`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const settled = () => vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 10_000 });
const user = { business_phone: '8615800001795', from: '8613600009759' };

describe('POST /__nxwa/inbound', () => {
  it('a text message: recorded, and the onInboundMessage callback posted, signed with the account', async () => {
    const { status, body } = await post({ ...user, type: 'text', text: { body: 'hello from a user' }, name: 'Jay' });
    expect(status).toBe(202);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^mock[0-9a-f]{24}$/),
      host: 'api2.nxcloud.com',
      accessKey: demo.accessKey,
      webhook: `${hook.url}/app`,
    });
    await settled();
    const got = hook.at('/app').filter((r) => r.json.messages?.[0]?.id === body.id);
    expect(got).toHaveLength(1);
    const callback = parseCallback(new Uint8Array(got[0].raw), {
      headers: got[0].headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    expect(callback.kind).toBe('inbound-message');
    expect(webhookProblems('api2.nxcloud.com', 'inboundMessage', got[0].json)).toBeUndefined();
    expect(got[0].json).toMatchObject({
      contacts: [{ profile: { name: 'Jay' }, wa_id: user.from }],
      messages: [
        {
          from: user.from,
          id: body.id,
          type: 'text',
          text: { body: 'hello from a user' },
          timestamp: expect.stringMatching(/^\d{10}$/),
          cost: { direction: 2 },
        },
      ],
      business_phone: user.business_phone,
      merchant_phone: user.business_phone,
      messaging_product: 'whatsapp',
    });
    const recorded = mock.message(body.id)!;
    expect(recorded).toMatchObject({
      direction: 'inbound',
      host: 'api2.nxcloud.com',
      operation: 'POST /__nxwa/inbound',
      from: user.from,
      to: user.business_phone,
      status: 'received',
      timeline: [{ status: 'received' }],
    });
    expect(recorded.callbacks).toMatchObject([
      { status: 'received', attempt: 1, httpStatus: 200, url: `${hook.url}/app` },
    ]);
    const listed = await (await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/messages?status=received`)).json();
    expect(listed.messages.map((m: { id: string }) => m.id)).toContain(body.id);
  });

  it.each([
    ['image', { caption: 'a cat' }],
    ['document', { filename: 'a.pdf', id: 'doc-1', mime_type: 'application/pdf' }],
    ['location', { latitude: 22.55, longitude: '113.93', name: 'KFC' }],
    ['sticker', {}],
    ['voice', {}],
  ])('a %s message is a valid onInboundMessage callback', async (type, content) => {
    const { status, body } = await post({ ...user, type, [type]: content });
    expect(status).toBe(202);
    await settled();
    const got = hook.at('/app').find((r) => r.json.messages?.[0]?.id === body.id)!;
    expect(webhookProblems('api2.nxcloud.com', 'inboundMessage', got.json)).toBeUndefined();
    expect(got.json.messages[0][type]).toMatchObject(content);
    if (type !== 'location')
      expect(got.json.messages[0][type]).toMatchObject({ id: expect.any(String), mime_type: expect.any(String) });
  });

  it("another account's message is signed with that account's secret, and sent to the webhook it names", async () => {
    const { body } = await post({
      ...user,
      type: 'text',
      text: { body: 'hi' },
      accessKey: second.accessKey,
      webhookUrl: `${hook.url}/second`,
    });
    await settled();
    const [got] = hook.at('/second');
    expect(() =>
      parseCallback(new Uint8Array(got.raw), {
        headers: got.headers as Record<string, string>,
        accessSecret: demo.accessSecret,
      }),
    ).toThrow(/signature/);
    expect(
      parseCallback(new Uint8Array(got.raw), {
        headers: got.headers as Record<string, string>,
        accessSecret: second.accessSecret,
      }).kind,
    ).toBe('inbound-message');
    expect(mock.message(body.id, second.accessKey)?.accessKey).toBe(second.accessKey);
  });

  it('on a SaaS host: the documented template button click (onTemplateButtonClick)', async () => {
    const { status, body } = await post(
      {
        ...user,
        host: 'api.nxcloud.com',
        type: 'button',
        button: { text: 'Yes', payload: 'yes-1' },
        wa_ext: { templateId: 233, templateName: 'order' },
        context: { from: user.business_phone, id: 'wamid.1' },
      },
      'api2.nxcloud.com',
    );
    expect(status).toBe(202);
    await settled();
    const got = hook.at('/app').find((r) => r.json.messages?.[0]?.id === body.id)!;
    const callback = parseCallback(new Uint8Array(got.raw), {
      headers: got.headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    expect(callback.kind).toBe('button-click');
    expect(callback.kind === 'button-click' && callback.clicks[0].waExt).toEqual({
      templateId: 233,
      templateName: 'order',
    });
    expect(webhookProblems('api.nxcloud.com', 'buttonClick', got.json)).toBeUndefined();
    expect(mock.message(body.id)?.host).toBe('api.nxcloud.com');
  });

  it('a webhook that answers 500 gets the inbound callback again', async () => {
    script.set('/flaky-inbound', [500]);
    const { body } = await post({
      ...user,
      type: 'text',
      text: { body: 'again' },
      webhookUrl: `${hook.url}/flaky-inbound`,
    });
    await settled();
    expect(hook.at('/flaky-inbound')).toHaveLength(2);
    expect(mock.message(body.id)!.callbacks.map((a) => [a.attempt, a.httpStatus])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it('a reset cancels an inbound callback being retried', async () => {
    const own = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackRetryBaseMs: 600_000 });
    try {
      script.set('/reset-inbound', [500]);
      const res = await fetch(`${own.urls['api2.nxcloud.com']}/__nxwa/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...user, type: 'text', text: { body: 'x' }, webhookUrl: `${hook.url}/reset-inbound` }),
      });
      const { id } = await res.json();
      await vi.waitFor(() => expect(own.message(id)?.callbacks).toHaveLength(1), { timeout: 5_000 });
      expect(own.pendingCallbacks()).toBe(1);
      own.reset();
      await vi.waitFor(() => expect(own.pendingCallbacks()).toBe(0), { timeout: 5_000 });
    } finally {
      await own.stop();
    }
  });

  it('without a webhook: recorded, nothing posted', async () => {
    const own = await startMock({ hosts: ['api-hk.nxlink.ai'], portBase: 0 });
    try {
      const res = await fetch(`${own.urls['api-hk.nxlink.ai']}/__nxwa/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...user, type: 'text', text: { body: 'x' } }),
      });
      const body = await res.json();
      expect(res.status).toBe(202);
      expect(body).toMatchObject({ webhook: null, accessKey: 'nxwa-demo-key', host: 'api2.nxcloud.com' });
      expect(own.message(body.id)).toMatchObject({ direction: 'inbound', callbacks: [] });
      expect(own.pendingCallbacks()).toBe(0);
    } finally {
      await own.stop();
    }
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an array', [], /\(body\): must be object; got an array/],
    ['no business_phone', { from: user.from, type: 'text', text: { body: 'x' } }, /business_phone: is required/],
    [
      'a from with letters',
      { ...user, from: 'abc', type: 'text', text: { body: 'x' } },
      /from: must match \^\\d\{5,20\}\$; got "abc"/,
    ],
    [
      'an unknown type',
      { ...user, type: 'poll', poll: {} },
      /poll: is not allowed here; type: must be one of "text", .*"button"; got "poll"/,
    ],
    ['no message object', { ...user, type: 'text' }, /text: is required/],
    ['no text.body', { ...user, type: 'text', text: {} }, /text\.body: is required/],
    [
      'a bad latitude',
      { ...user, type: 'location', location: { latitude: 'north', longitude: 1 } },
      /location\.latitude: must match .*; got "north"/,
    ],
    [
      'a caption that is not a string',
      { ...user, type: 'image', image: { caption: 5 } },
      /image\.caption: must be string; got number/,
    ],
    [
      'a type for api2 alone on api2 (sent to the SaaS host)',
      { ...user, host: 'api2.nxcloud.com', type: 'button', button: { text: 'x' } },
      /type must be one of text, image, video, voice, audio, document, location, sticker for host api2\.nxcloud\.com; got "button"/,
    ],
    [
      'a text type on a SaaS host',
      { ...user, host: 'api-hk.nxlink.ai', type: 'text', text: { body: 'x' } },
      /type must be button for host api-hk\.nxlink\.ai \(the SaaS hosts' pages document no inbound-message callback/,
    ],
    [
      'an unknown host',
      { ...user, host: 'api.example.com', type: 'text', text: { body: 'x' } },
      /host: must be one of "api2\.nxcloud\.com"/,
    ],
    ['an unknown field', { ...user, type: 'text', text: { body: 'x' }, image: {} }, /image is not expected here/],
    [
      'an unknown account',
      { ...user, type: 'text', text: { body: 'x' }, accessKey: 'nobody' },
      /accessKey must be an account of the mock \(nxwa-demo-key, second-key\); got "nobody"/,
    ],
    [
      'a wa_ext that is a number',
      { ...user, host: 'api.nxcloud.com', type: 'button', button: { text: 'Yes' }, wa_ext: 5 },
      /wa_ext: must be object or string; got number/,
    ],
    [
      'a webhook elsewhere',
      { ...user, type: 'text', text: { body: 'x' }, webhookUrl: 'https://example.com/hook' },
      /webhookUrl must be an http\(s\) URL on a loopback address/,
    ],
  ])('refuses %s with a 400 naming the field', async (_what, request, message) => {
    const before = mock.messages().length;
    const { status, body } = await post(request);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    expect(mock.messages()).toHaveLength(before);
  });

  it('keeps a large message as a note of its size, as sends are kept (its callback still carries it whole)', async () => {
    const text = 'x'.repeat(200 * 1024);
    const { status, body } = await post({ ...user, type: 'text', text: { body: text } });
    expect(status).toBe(202);
    expect(mock.message(body.id)?.body).toEqual({
      omitted: expect.stringMatching(/^a body of \d+ bytes is not kept$/),
    });
    await settled();
    const got = hook.at('/app').find((r) => r.json.messages?.[0]?.id === body.id);
    expect(got?.json.messages[0].text.body).toBe(text);
  });

  it('only POST', async () => {
    expect((await post(undefined, 'api2.nxcloud.com', 'GET')).status).toBe(405);
  });
});

describe('mock.inbound', () => {
  it('does what POST /__nxwa/inbound does, and throws a TypeError naming the field', async () => {
    const { id, host } = mock.inbound({ ...user, type: 'text', text: { body: 'from code' } });
    expect(host).toBe('api2.nxcloud.com');
    await mock.waitFor({ message: id, status: 'received' });
    await mock.waitFor({ idle: true });
    const got = hook.at('/app').find((r) => r.json.messages?.[0]?.id === id);
    expect(got?.json.messages[0].text).toEqual({ body: 'from code' });
    expect(() => mock.inbound({ ...user, type: 'text', text: {} })).toThrow(/^inbound: text\.body: is required\.$/);
  });
});
