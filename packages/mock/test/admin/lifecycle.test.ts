// POST /__nxwa/messages/{id}/status: a sent message's life driven by hand. The statuses it has not had go out at
// once, each as its signed callback; what was still planned is dropped. Driven here with curl, as from any language.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { manualSteps } from '../../src/sandbox/messages/timeline.js';
import { client, demo } from '../support.js';
import { webhook } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;

beforeAll(async () => {
  hook = await webhook();
  // A long step: nothing planned happens on its own during a test.
  mock = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], callbackDelayMs: 60_000 });
});
afterAll(async () => {
  await mock.stop();
  await hook.close();
});

const base = () => mock.urls['api2.nxcloud.com']!;
/** curl's answer: the HTTP status, then the body. */
async function curl(path: string, body: string): Promise<{ status: number; json: any }> {
  // Not execFileSync: the mock answers from this very process.
  const { stdout: out } = await promisify(execFile)(
    'curl',
    [
      '-s',
      '-w',
      '\n%{http_code}',
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '--data-binary',
      body,
      `${base()}${path}`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  const i = out.lastIndexOf('\n');
  return { status: Number(out.slice(i + 1)), json: JSON.parse(out.slice(0, i)) };
}
async function send(id: string, to = '8613600000701') {
  const { error } = await client('api2.nxcloud.com', { baseUrl: base() }).POST('/api/wa/mt', {
    body: {
      appkey: 'a',
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body: 'driven' },
      cus_message_id: id,
      dr_webhook: `${hook.url}/${id}`,
    },
  });
  expect(error).toBeUndefined();
}
const statusesAt = (path: string) =>
  hook.at(path).map((r) => {
    const c = parseCallback(new Uint8Array(r.raw), {
      headers: r.headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    return c.kind === 'status' ? c.statuses.map((s) => s.status).join() : c.kind;
  });

describe('POST /__nxwa/messages/{id}/status', () => {
  it('read now: sent, delivered and read go out at once, in order, each a signed callback', async () => {
    await send('drive-1');
    const res = await curl('/__nxwa/messages/drive-1/status', '{"status":"read"}');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('read');
    expect(res.json.timeline.map((e: { status: string }) => e.status)).toEqual([
      'accepted',
      'sent',
      'delivered',
      'read',
    ]);
    await vi.waitFor(() => expect(statusesAt('/drive-1')).toHaveLength(3), { timeout: 10_000 });
    expect(statusesAt('/drive-1')).toEqual(['sent', 'delivered', 'read']);
    // Once read, it can only fail; the planned timeline never comes back.
    expect(await curl('/__nxwa/messages/drive-1/status', '{"status":"delivered"}')).toMatchObject({
      status: 409,
      json: { error: 'Message drive-1 cannot be made delivered: it is read already.' },
    });
  });

  it('fail now: the failed callback with the documented error', async () => {
    await send('drive-2');
    expect((await curl('/__nxwa/messages/drive-2/status', '{"status":"delivered"}')).json.status).toBe('delivered');
    expect((await curl('/__nxwa/messages/drive-2/status', '{"status":"failed"}')).json.status).toBe('failed');
    await vi.waitFor(() => expect(statusesAt('/drive-2')).toHaveLength(3), { timeout: 10_000 });
    expect(statusesAt('/drive-2')).toEqual(['sent', 'delivered', 'failed']);
    expect(hook.at('/drive-2')[2].json.statuses[0].errors).toEqual([expect.objectContaining({ code: 470 })]);
    expect((await curl('/__nxwa/messages/drive-2/status', '{"status":"failed"}')).status).toBe(409);
  });

  it('refuses what it cannot do, naming the field', async () => {
    expect(await curl('/__nxwa/messages/nope/status', '{"status":"read"}')).toMatchObject({ status: 404 });
    await send('drive-3');
    expect(await curl('/__nxwa/messages/drive-3/status', '{"status":"sent"}')).toMatchObject({
      status: 400,
      json: { error: 'status: must be one of "delivered", "read", "failed"; got "sent".' },
    });
    expect((await curl('/__nxwa/messages/drive-3/status', '{')).status).toBe(400);
    const inbound = await fetch(`${base()}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        business_phone: '8615800001795',
        from: '8613600000702',
        type: 'text',
        text: { body: 'x' },
      }),
    });
    const { id } = await inbound.json();
    expect((await curl(`/__nxwa/messages/${id}/status`, '{"status":"read"}')).status).toBe(409);
  });

  it('the steps from each status', () => {
    expect(manualSteps('accepted', 'delivered')).toEqual([{ status: 'sent' }, { status: 'delivered' }]);
    expect(manualSteps('delivered', 'read')).toEqual([{ status: 'read' }]);
    expect(manualSteps('sent', 'failed')).toEqual([
      { status: 'failed', error: expect.objectContaining({ code: 470 }) },
    ]);
    expect(manualSteps('failed', 'read')).toBe('it has failed already');
  });
});
