// Every named request example of every spec, sent through @org/nxwa-client to the mock (real Prism behind the
// gateway), is accepted, and every answer matches the schema the client's types are generated from.
import { describe, expect, it } from 'vitest';
import { answerProblems, client, exampleCases, withRealFile } from './support.js';

const cases = exampleCases();

describe('every named request example is accepted', () => {
  it('covers all 26 operations', () => {
    expect(new Set(cases.map((c) => `${c.host} ${c.method} ${c.path}`)).size).toBe(26);
  });

  it.each(cases.map((c) => [`${c.host} ${c.method.toUpperCase()} ${c.path} — ${c.name}`, c] as const))('%s', async (_label, c) => {
    const nx = client(c.host);
    const result = await (nx as any)[c.method.toUpperCase()](c.path, { params: c.params, body: withRealFile(c) });
    expect(result.error, result.error?.message).toBeUndefined();
    // The success envelope, as the client decoded it.
    const envelope = { code: 0, message: '', data: result.data, ...(result.traceId ? { traceId: result.traceId } : {}) };
    expect(answerProblems(c.host, c.path, c.method, envelope)).toBeUndefined();
  });
});

describe('forced answers', () => {
  const text = { appkey: 'f543ertg', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'text', text: { body: 'hi' } } as const;

  it.each([
    ['insufficient balance', 'api.nxcloud.com', '/saas/wa/send', 22125, 'business'],
    // 22041's document gives no reason to retry it (issue 12): a business failure, not a transient one.
    ['a cloud failure', 'api.nxcloud.com', '/saas/wa/send', 22041, 'business'],
    ['template does not exist', 'api2.nxcloud.com', '/api/wa/mt', 10005, 'business'],
  ] as const)('%s (%s %s → %s) comes back as a typed error', async (_label, host, path, code, category) => {
    const body = host === 'api2.nxcloud.com'
      ? text
      : { tenant_id: 1, appkey: 'a', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'template', template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } } };
    const { error } = await (client(host) as any).POST(path, { body, headers: { Prefer: `example=code-${code}` } });
    expect(error).toMatchObject({ kind: 'api', code, category });
    expect(error.remedy).toBeTruthy();
  });

  it("9099 carries Meta's error", async () => {
    const { error } = await client('api2.nxcloud.com').POST('/api/wa/mt', { body: text, headers: { Prefer: 'example=metaFailure' } });
    expect(error).toMatchObject({ code: 9099, meta: { code: 100, type: 'OAuthException' } });
  });

  it('cus_message_id comes back as the message ID', async () => {
    const { data } = await client('api2.nxcloud.com').POST('/api/wa/mt', { body: { ...text, cus_message_id: 'order-42' } });
    expect(data?.messages[0].id).toBe('order-42');
  });
});
