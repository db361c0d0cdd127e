// api2's markMessageAsRead and typingIndicator in the sandbox, through @org/nxwa-client: a received message becomes
// `read`; a typing indicator shows until the business's next message to the user or for 25 s (judged with an
// injected clock, never by waiting); an unknown message answers the operation's parameter code naming the field.
import { describe, expect, it } from 'vitest';
import { TYPING_MS, typingShown } from '../../../src/index.js';
import { createReads } from '../../../src/sandbox/messages/read.js';
import { createMessageStore } from '../../../src/sandbox/messages/store.js';
import type { SandboxRequest } from '../../../src/sandbox/request.js';
import { clientOf, mock, phone, useSandboxMock } from '../fixtures.js';

useSandboxMock();

const user = '8613600009759';
const received = (from = user) =>
  mock.inbound({ business_phone: phone, from, type: 'text', text: { body: 'is my order ready?' } }).id;
const readBody = (message_id: string) =>
  ({ business_phone: phone, messaging_product: 'whatsapp', message_id, status: 'read' }) as const;
const typingBody = (message_id: string) =>
  ({ appkey: 'a', ...readBody(message_id), typing_indicator: { type: 'text' } }) as const;

describe('markMessageAsRead', () => {
  it('sets a received message to read (its timeline: received, read)', async () => {
    const id = received();
    const { data, error } = await clientOf('api2.nxcloud.com').POST('/api/wa/markMessageAsRead', {
      body: readBody(id),
    });
    expect(error).toBeUndefined();
    // The documented success: `data` is null.
    expect(data).toBeNull();
    const m = mock.message(id)!;
    expect(m.status).toBe('read');
    expect(m.timeline.map((e) => e.status)).toEqual(['received', 'read']);
    // Again: still read, not read twice.
    await clientOf('api2.nxcloud.com').POST('/api/wa/markMessageAsRead', { body: readBody(id) });
    expect(mock.message(id)!.timeline).toHaveLength(2);
  });

  it('an unknown message, a send, or another number: the code the operation answers for a bad body, naming the field', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    // The code this operation answers for any bad parameter (read from the spec by the mock's checks).
    const bad = await api2.POST('/api/wa/markMessageAsRead', { body: { ...readBody('x'), status: undefined } });
    const parameterCode = bad.error.code;
    expect(parameterCode).not.toBe(0);

    const unknown = await api2.POST('/api/wa/markMessageAsRead', { body: readBody('mocknosuchmessage') });
    expect(unknown.error).toMatchObject({ code: parameterCode });
    expect(unknown.error.message).toMatch(/message_id: no message "mocknosuchmessage" was received/);

    const sent = await api2.POST('/api/wa/mt', {
      body: {
        appkey: 'a',
        business_phone: phone,
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: user,
        type: 'text',
        text: { body: 'hi' },
      },
    });
    const outbound = await api2.POST('/api/wa/markMessageAsRead', { body: readBody(sent.data.messages[0].id) });
    expect(outbound.error).toMatchObject({ code: parameterCode });
    expect(outbound.error.message).toMatch(/message_id:/);

    const id = received();
    const other = await api2.POST('/api/wa/markMessageAsRead', {
      body: { ...readBody(id), business_phone: '8615800009999' },
    });
    expect(other.error).toMatchObject({ code: parameterCode });
    expect(other.error.message).toMatch(/business_phone: message .* was received by 8615800001795/);
    expect(mock.message(id)!.status).toBe('received');
  });

  it("the documents' own example message ID still gets the documented answer", async () => {
    const { data, error } = await clientOf('api2.nxcloud.com').POST('/api/wa/markMessageAsRead', {
      body: readBody('ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg'),
    });
    expect(error).toBeUndefined();
    expect(data).toBeNull();
  });
});

describe('typingIndicator', () => {
  it('marks the message read and shows the indicator for 25 s; the business’s reply to that user ends it', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const id = received();
    const elsewhere = received('8613600001111');
    const { error } = await api2.POST('/api/wa/typingIndicator', { body: typingBody(id) });
    expect(error).toBeUndefined();
    let m = mock.message(id)!;
    expect(m.status).toBe('read');
    const at = Date.parse(m.typing!.at);
    expect(Date.parse(m.typing!.until) - at).toBe(TYPING_MS);
    expect(typingShown(m, at + TYPING_MS - 1)).toBe(true);
    expect(typingShown(m, at + TYPING_MS)).toBe(false);
    await api2.POST('/api/wa/typingIndicator', { body: typingBody(elsewhere) });

    // A reply to that user from that number ends it; the other conversation's indicator stays.
    await api2.POST('/api/wa/mt', {
      body: {
        appkey: 'a',
        business_phone: phone,
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: `+${user}`,
        type: 'text',
        text: { body: 'Yes, it is!' },
      },
    });
    m = mock.message(id)!;
    expect(m.typing).toMatchObject({ endedBy: 'reply' });
    expect(typingShown(m, at + 1)).toBe(false);
    expect(mock.message(elsewhere)!.typing!.endedAt).toBeUndefined();
  });

  it('an unknown message: the parameter code naming message_id, nothing shown', async () => {
    const { error } = await clientOf('api2.nxcloud.com').POST('/api/wa/typingIndicator', {
      body: typingBody('mocknosuchmessage'),
    });
    expect(error.message).toMatch(/message_id: no message "mocknosuchmessage"/);
  });
});

describe('the typing indicator on the sandbox clock', () => {
  // The module itself with an injected clock and a real message store: 25 s pass without waiting for them.
  it('ends by itself after 25 s; a reply after that does not count as ending it', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const messages = createMessageStore();
    const reads = createReads({ messages, now: () => t });
    const m = messages.record({
      id: 'in1',
      host: 'api2.nxcloud.com',
      direction: 'inbound',
      operation: 'POST /__nxwa/inbound',
      accessKey: 'k',
      to: phone,
      from: user,
      body: {},
      status: 'received',
    });
    const req = {
      host: 'api2.nxcloud.com',
      family: 'classic',
      accessKey: 'k',
      body: typingBody('in1'),
    } as unknown as SandboxRequest;
    expect(reads.sendTypingIndicator(req).code).toBe(0);
    expect(typingShown(m, t)).toBe(true);
    t += TYPING_MS - 1;
    expect(typingShown(m, t)).toBe(true);
    t += 1;
    expect(typingShown(m, t)).toBe(false);
    messages.record({
      id: 'out1',
      host: 'api2.nxcloud.com',
      operation: 'POST /api/wa/mt',
      accessKey: 'k',
      to: user,
      body: { business_phone: phone },
    });
    expect(messages.get('in1', 'k')!.typing!.endedBy).toBeUndefined();
  });
});
