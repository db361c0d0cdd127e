// api2's createBlockUsers in the sandbox, through @org/nxwa-client: a user who wrote in the last 24 hours is
// blocked; their inbound messages are then refused (403 on POST /__nxwa/inbound) and sends to them fail (9099);
// a user who did not write is reported per number and stays unblocked; bad input names the field.
import { describe, expect, it } from 'vitest';
import { BLOCK_WINDOW_MS, createBlocks } from '../../src/sandbox/blocks/operations.js';
import { createMessageStore } from '../../src/sandbox/messages/store.js';
import type { SandboxRequest } from '../../src/sandbox/request.js';
import { clientOf, mock, phone, useSandboxMock } from './fixtures.js';

useSandboxMock();

const inbound = (from: string) => mock.inbound({ business_phone: phone, from, type: 'text', text: { body: 'spam' } });
const block = (users: string[], business_phone = phone) =>
  clientOf('api2.nxcloud.com').POST('/api/wa/createBlockUsers', {
    body: { appkey: 'a', messaging_product: 'whatsapp', business_phone, block_users: users.map((user) => ({ user })) },
  });
const send = (to: string) =>
  clientOf('api2.nxcloud.com').POST('/api/wa/mt', {
    body: {
      appkey: 'a',
      business_phone: phone,
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body: 'hello' },
    },
  });

describe('createBlockUsers', () => {
  it('blocks a user who wrote: their messages are refused, sends to them fail; others are not touched', async () => {
    const abuser = '8613600000101';
    const friend = '8613600000102';
    inbound(abuser);
    inbound(friend);
    const { data, error } = await block([`+${abuser}`]);
    expect(error).toBeUndefined();
    expect(data).toEqual({ block_users: { added_users: [{ input: `+${abuser}`, wa_id: abuser }] } });

    const before = mock.messages().length;
    expect(() => inbound(abuser)).toThrow(/from: 8613600000101 is on the blocklist of 8615800001795/);
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ business_phone: phone, from: abuser, type: 'text', text: { body: 'again' } }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/a blocked user cannot reach the business/);
    expect(mock.messages()).toHaveLength(before);

    const refused = await send(abuser);
    expect(refused.error).toMatchObject({ code: 9099 });
    expect(refused.error.message).toMatch(
      /WhatsApp error: to: .* is on the blocklist of .*; a blocked user cannot be messaged/,
    );
    expect(mock.messages({ to: abuser })).toEqual([]);

    expect((await send(friend)).error).toBeUndefined();
    expect(inbound(friend).id).toBeTruthy();
  });

  it('a user who never wrote to the number is reported and not blocked', async () => {
    const stranger = '8613600000103';
    const { data } = await block([stranger]);
    expect(data.block_users.added_users).toEqual([]);
    expect(data.block_users.failed_users).toEqual([
      {
        input: stranger,
        wa_id: stranger,
        errors: [{ message: expect.stringMatching(/no message in the last 24 hours/) }],
      },
    ]);
    expect((await send(stranger)).error).toBeUndefined();
  });

  it('no block_users, an unknown business number: the parameter code naming the field', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const missing = await api2.POST('/api/wa/createBlockUsers', {
      body: { appkey: 'a', messaging_product: 'whatsapp', business_phone: phone },
    });
    const bad = await api2.POST('/api/wa/createBlockUsers', { body: { appkey: 'a', business_phone: phone } as never });
    expect(missing.error).toMatchObject({ code: bad.error.code });
    expect(missing.error.message).toMatch(/block_users: the sandbox expects a non-empty array/);
    const unknown = await block(['8613600000104'], '8615800000404');
    expect(unknown.error).toMatchObject({ code: bad.error.code });
    expect(unknown.error.message).toMatch(/business_phone: the sandbox knows no number "8615800000404"/);
  });
});

describe('the 24-hour rule on the sandbox clock', () => {
  it('a user whose last message is more than 24 hours old cannot be blocked', () => {
    const messages = createMessageStore();
    let t = 0;
    const blocks = createBlocks({ messages, now: () => t });
    const received = messages.record({
      id: 'in',
      host: 'api2.nxcloud.com',
      direction: 'inbound',
      operation: 'POST /__nxwa/inbound',
      accessKey: 'k',
      to: phone,
      from: '8613600000105',
      body: {},
      status: 'received',
    });
    const req = (user: string) =>
      ({
        host: 'api2.nxcloud.com',
        family: 'classic',
        accessKey: 'k',
        body: { business_phone: phone, block_users: [{ user }] },
        route: { sends: false, genericParameterCode: { code: 1002, message: 'Parameter error' } },
      }) as unknown as SandboxRequest;
    // The sandbox clock starts at the message's own time, so the verdict does not depend on when the test runs.
    t = Date.parse(received.timeline[0].at) + BLOCK_WINDOW_MS + 1;
    const late = JSON.parse(String(blocks.createBlockUsers(req('8613600000105')).body));
    expect(late.data.block_users.failed_users).toHaveLength(1);
    expect(blocks.blocked('k', phone, '8613600000105')).toBe(false);
    t -= 2;
    blocks.createBlockUsers(req('8613600000105'));
    expect(blocks.blocked('k', phone, '8613600000105')).toBe(true);
  });
});
