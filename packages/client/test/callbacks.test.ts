// parseCallback turns every documented callback into its kind, verifies signatures when given the secret, and
// says what is wrong with a payload it cannot take.
import { signatureHeaders } from '@org/nxwa-signing';
import { describe, expect, it } from 'vitest';
import { CallbackError, parseCallback } from '../src/callbacks.js';
import { loadSpec } from './loopback.js';

const unverified = { verify: false } as const;

const kinds: Record<string, string> = {
  messageStatus: 'status',
  inboundMessage: 'inbound-message',
  templateEvent: 'template-event',
  accountEvent: 'account-event',
  buttonClick: 'button-click',
};

const examples = ['api2.nxcloud.com', 'api-hk.nxlink.ai'].flatMap((host) => {
  const spec = loadSpec(host);
  return Object.entries(spec.webhooks).flatMap(([hook, item]: [string, any]) =>
    Object.entries(item.post.requestBody.content['application/json'].examples).map(([name, e]: [string, any]) => ({
      host,
      hook,
      name,
      value: e.value,
    })),
  );
});

describe('documented callbacks', () => {
  it('are all here', () => {
    expect(new Set(examples.map((e) => e.hook))).toEqual(new Set(Object.keys(kinds)));
  });
  it.each(examples.map((e) => [`${e.host} ${e.hook} — ${e.name}`, e] as const))('%s', (_label, e) => {
    const raw = JSON.stringify(e.value);
    const callback = parseCallback(raw, unverified);
    expect(callback.kind).toBe(kinds[e.hook]);
    expect(callback.payload).toEqual(e.value);
    expect(parseCallback(new TextEncoder().encode(raw), unverified).kind).toBe(kinds[e.hook]);
  });
  it('a button click has wa_ext parsed', () => {
    const click = examples.find((e) => e.hook === 'buttonClick')!;
    const callback = parseCallback(JSON.stringify(click.value), unverified);
    if (callback.kind !== 'button-click') throw new Error('not a click');
    expect(callback.clicks[0].waExt).toMatchObject({ templateId: 233, templateName: 'Template Name' });
    expect(callback.clicks[0].button).toEqual({ payload: 'Button ID', text: 'Template Button Name' });
  });
  it('statuses are listed', () => {
    const delivered = examples.find((e) => e.hook === 'messageStatus' && e.name === 'delivered')!;
    const callback = parseCallback(JSON.stringify(delivered.value), unverified);
    expect(callback.kind === 'status' && callback.statuses.map((s) => s.status)).toEqual(['delivered']);
  });
});

describe('signed callbacks', () => {
  const secret = 'callback-secret-77';
  const raw = JSON.stringify(examples.find((e) => e.hook === 'messageStatus')!.value, null, 2);
  const now = 1_700_000_000_000;
  const headers = Object.fromEntries(
    Object.entries(
      signatureHeaders({ accessKey: 'ak', accessSecret: secret, action: 'mt', bizType: '2', ts: now, body: raw }),
    ).map(([k, v]) => [k.toLowerCase(), v]),
  );

  it('are accepted with the lower-case headers the vendor sends, over the raw bytes', () => {
    expect(
      parseCallback(new TextEncoder().encode(raw), { headers, accessSecret: secret, action: 'mt', now }).kind,
    ).toBe('status');
  });
  it.each([
    ['a body re-serialised (not the raw bytes)', { body: JSON.stringify(JSON.parse(raw)) }, 'bad-signature'],
    ['a wrong secret', { accessSecret: 'other' }, 'bad-signature'],
    ['a wrong action', { action: 'send' }, 'wrong-action'],
    ['a stale ts', { now: now + 120_000 }, 'stale-ts'],
    ['no headers', { headers: {} }, 'missing-header'],
  ])('are refused with %s', (_label, change, reason) => {
    const { body, ...options } = { body: raw, headers, accessSecret: secret, action: 'mt', now, ...change };
    try {
      parseCallback(body, options);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CallbackError);
      expect(error).toMatchObject({ reason: 'signature', signature: reason });
    }
  });
});

describe('payloads that cannot be taken say why', () => {
  it.each([
    ['not JSON', '{"statuses": [', 'not-json', /not JSON/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'not-json', /not JSON/],
    ['an array', '[]', 'unknown-shape', /an array: expected a JSON object/],
    ['none of the documented keys', '{"hello":1}', 'unknown-shape', /none of statuses, messages or field/],
    ['statuses that is not an array', '{"statuses":{}}', 'invalid-field', /statuses is object: expected an array/],
    ['a status item that is not an object', '{"statuses":[1]}', 'invalid-field', /statuses\[0\] is not an object/],
    [
      'an unknown status',
      '{"statuses":[{"status":"bounced"}]}',
      'invalid-field',
      /statuses\[0\]\.status is "bounced": expected one of sent, delivered, read, failed, deleted/,
    ],
    [
      'an unknown inbound type',
      '{"messages":[{"type":"reaction"}]}',
      'invalid-field',
      /messages\[0\]\.type is "reaction": expected one of text, image/,
    ],
    [
      'wa_ext that is not JSON',
      '{"messages":[{"type":"button","wa_ext":"{oops"}]}',
      'invalid-field',
      /messages\[0\]\.wa_ext is not valid JSON/,
    ],
    [
      'wa_ext as an object',
      '{"messages":[{"type":"button","wa_ext":{"templateId":1}}]}',
      'invalid-field',
      /messages\[0\]\.wa_ext is object: expected a JSON string/,
    ],
    [
      'an unknown event field',
      '{"field":"page_update","value":{}}',
      'invalid-field',
      /field is "page_update": expected one of message_template_status_update/,
    ],
  ] as const)('%s', (_label, body, reason, message) => {
    expect(() => parseCallback(body, unverified)).toThrow(message);
    try {
      parseCallback(body, unverified);
    } catch (error) {
      expect(error).toMatchObject({ name: 'CallbackError', reason });
    }
  });
});
