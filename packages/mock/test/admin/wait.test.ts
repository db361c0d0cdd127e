// mock.waitFor and POST /__nxwa/wait: a message reaching a status, the webhooks having taken N callbacks, nothing
// pending — each woken by the mock's own events; a wait that cannot end runs out, saying what it waited for.
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';
import { webhook } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
beforeAll(async () => {
  hook = await webhook();
  mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 5, webhookUrl: hook.url });
});
afterAll(async () => {
  await mock?.stop();
  await hook?.close();
});

const send = async (to: string) => {
  const raw = JSON.stringify({
    appkey: 'f543ertg',
    business_phone: '8615800001795',
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'text',
    text: { body: 'wait' },
  });
  const res = await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body: raw }),
    },
    body: raw,
  });
  return ((await res.json()) as { data: { messages: { id: string }[] } }).data.messages[0].id;
};
const wait = async (body: unknown) => {
  const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/wait`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok?: true; error?: string } };
};

describe('waitFor', () => {
  it('a message reaching read; then its three callbacks taken; then nothing pending', async () => {
    mock.reset();
    const id = await send('8613600001111');
    await mock.waitFor({ message: id, status: 'read' });
    expect(mock.message(id)?.status).toBe('read');
    await mock.waitFor({ callbacks: 3 });
    expect(hook.received.filter((r) => r.json.statuses?.[0]?.id === id)).toHaveLength(3);
    await mock.waitFor({ idle: true });
    expect(mock.pendingCallbacks()).toBe(0);
  });

  it('runs out, saying what it waited for and where things stand', async () => {
    const id = await send('15550100002'); // sent, never delivered
    await expect(mock.waitFor({ message: id, status: 'delivered' }, { timeoutMs: 300 })).rejects.toThrow(
      `Waited 300 ms for message ${id} to reach delivered; it is sent.`,
    );
  });

  it('refuses a bad condition naming the field', async () => {
    await expect(mock.waitFor({ message: 'x', status: 'gone' as never })).rejects.toThrow(
      /^waitFor: status must be one of accepted/,
    );
    await expect(mock.waitFor({ idle: true }, { timeoutMs: 600_000 })).rejects.toThrow(
      /timeoutMs must be between 0 and 60000/,
    );
  });

  it('over HTTP: 200 when it holds, 408 when the time runs out, 400 for a bad condition', async () => {
    mock.reset();
    const id = await send('8613600002222');
    expect(await wait({ message: id, status: 'delivered', timeoutMs: 10_000 })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await wait({ idle: true })).toEqual({ status: 200, body: { ok: true } });
    expect(await wait({ callbacks: 100, timeoutMs: 50 })).toMatchObject({
      status: 408,
      body: { error: 'Waited 50 ms for the webhooks to take 100 callbacks; 3 taken.' },
    });
    expect(await wait({ callbacks: -1 })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^callbacks: must be >= 0/) },
    });
    expect(await wait({ nothing: 1 })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^The condition must be/) },
    });
  });
});
