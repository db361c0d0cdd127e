// Every code the specs document, for every operation, comes back as a typed NxcloudError carrying the code, the
// server's message, the traceId, the documented meaning and remedy, its category and whether a retry can help.

import { operations } from '@org/nxwa-signing';
import { describe, expect, it } from 'vitest';
import { createNxcloudClient, documentedCodes, NxcloudError, type NxcloudHost } from '../src/index.js';
import { credentials, failure, json, noSleep, ok, scriptedFetch, textMessage } from './support.js';

const cases = (
  await Promise.all(
    (Object.keys(operations) as NxcloudHost[]).flatMap((host) =>
      Object.keys(operations[host]).map(async (key) =>
        (await documentedCodes(host, key)).map((c) => ({ host, key, ...c })),
      ),
    ),
  )
).flat();

function call(client: ReturnType<typeof createNxcloudClient>, key: string) {
  const [method, path] = key.split(' ');
  const init = {
    params: { path: { phone: '8615800001795', id: '314' }, query: { tenant_id: 1, page_number: 1, page_size: 10 } },
    body: method === 'get' || method === 'delete' ? undefined : { any: 'body' },
  };
  return (client as any)[method.toUpperCase()](path, init);
}

describe('every documented code', () => {
  it('is in the catalogue', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(new Set(cases.map((c) => c.code))).toEqual(
      new Set([
        -1, 1001, 1002, 1003, 1004, 1005, 9000, 9001, 9002, 9003, 9004, 9006, 9007, 9008, 9009, 9010, 9013, 9014, 9015,
        9099, 10003, 10005, 21058, 21059, 21060, 21061, 21062, 21063, 22016, 22020, 22041, 22042, 22049, 22072, 22089,
        22090, 22091, 22092, 22093, 22122, 22123, 22124, 22125, 22126, 22141, 23025,
      ]),
    );
  });

  it.each(cases.map((c) => [`${c.host} ${c.key} ${c.code}`, c] as const))('%s is mapped', async (_label, c) => {
    const { fetch } = scriptedFetch([failure(c.code, `server says ${c.code}`, { traceId: 'trace-1' })]);
    const client = createNxcloudClient(c.host, {
      ...credentials,
      fetch,
      correctClockSkew: false,
      retry: { attempts: 1 },
      sleep: noSleep,
    });
    const result = await call(client, c.key);
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(NxcloudError);
    expect(result.error).toMatchObject({
      kind: 'api',
      code: c.code,
      traceId: 'trace-1',
      meaning: c.meaning,
      remedy: c.remedy,
      category: c.category,
      retryable: c.retryable,
      host: c.host,
    });
    expect(result.error.message).toContain(`server says ${c.code}`);
    expect(result.traceId).toBe('trace-1');
  });
});

describe('answers', () => {
  const client = (answers: Parameters<typeof scriptedFetch>[0]) => createApi2Client(answers);
  function createApi2Client(answers: Parameters<typeof scriptedFetch>[0]) {
    return createNxcloudClient('api2.nxcloud.com', {
      ...credentials,
      fetch: scriptedFetch(answers).fetch,
      retry: { attempts: 1 },
      sleep: noSleep,
    });
  }

  it('a success gives its data', async () => {
    const result = await client([ok()]).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] });
  });

  it("9099 carries Meta's error", async () => {
    const meta = {
      code: 100,
      message: '(#100) Invalid parameter',
      type: 'OAuthException',
      fbtrace_id: 'AmCu',
      error_data: { messaging_product: 'whatsapp', details: 'Invalid parameter' },
    };
    const result = await client([json({ code: 9099, message: 'WhatsApp error', data: { error: meta } })]).POST(
      '/api/wa/mt',
      { body: textMessage },
    );
    expect(result.error).toMatchObject({ kind: 'api', code: 9099, meta, category: 'business', retryable: false });
    expect(result.error?.message).toContain('(#100) Invalid parameter');
  });

  it('an undocumented code is still an error, said to be undocumented', async () => {
    const result = await client([failure(424242, 'new error')]).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({
      kind: 'api',
      code: 424242,
      category: 'business',
      retryable: false,
      meaning: 'This code is not documented for the operation.',
    });
  });

  it('a body that is not JSON is an invalid-response error', async () => {
    const result = await client([
      new Response('<html>gateway</html>', { headers: { 'content-type': 'application/json' } }),
    ]).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'invalid-response' });
  });

  it('JSON without the envelope is an invalid-response error', async () => {
    const result = await client([json({ hello: 'world' })]).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'invalid-response' });
  });

  it('an HTTP error without an envelope is an http error with its status', async () => {
    const result = await client([new Response('no', { status: 403 })]).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'http', status: 403, retryable: false });
  });
});
