// Middleware objects written for openapi-fetch work unchanged: onRequest in order (it may replace the request or
// answer itself), onError and onResponse in reverse; query and path parameters are serialised as openapi-fetch does.

import { operationHeaders, operations } from '@org/nxwa-signing';
import { describe, expect, it } from 'vitest';
import { createApi2Client, createHkClient } from '../src/index.js';
import { callUrl } from '../src/request.js';
import { credentials, independentSign, ok, scriptedFetch, textMessage } from './support.js';

describe('middleware', () => {
  it('onRequest sees the built request and may add headers; the attempt is still signed over the sent body', async () => {
    const { fetch, attempts } = scriptedFetch([ok()]);
    const seen: string[] = [];
    const api2 = createApi2Client({
      ...credentials,
      fetch,
      middleware: [
        operationHeaders(operations['api2.nxcloud.com']),
        {
          async onRequest({ request, schemaPath }) {
            seen.push(
              `${request.method} ${schemaPath} ${request.headers.get('action')} ${await request.clone().text()}`,
            );
            request.headers.set('x-trace', 't-1');
            return request;
          },
        },
      ],
    });
    expect((await api2.POST('/api/wa/mt', { body: textMessage })).data).toBeDefined();
    expect(seen).toEqual([`POST /api/wa/mt mt ${JSON.stringify(textMessage)}`]);
    expect(attempts[0].headers['x-trace']).toBe('t-1');
    expect(attempts[0].body).toBe(JSON.stringify(textMessage));
    expect(attempts[0].headers.sign).toBe(independentSign(attempts[0]));
  });

  it('onRequest may answer itself; onResponse runs in reverse order and may replace the answer', async () => {
    const { fetch, attempts } = scriptedFetch([ok()]);
    const order: string[] = [];
    const api2 = createApi2Client({ ...credentials, fetch });
    api2.use(
      { onResponse: () => void order.push('first') },
      {
        onResponse: ({ response }) => {
          order.push('second');
          return new Response(JSON.stringify({ code: 0, message: 'ok', data: { replaced: response.status } }), {
            headers: { 'content-type': 'application/json' },
          });
        },
      },
    );
    expect((await api2.POST('/api/wa/mt', { body: textMessage })).data).toEqual({ replaced: 200 });
    expect(order).toEqual(['second', 'first']);
    expect(attempts).toHaveLength(1);

    const cached = createApi2Client({
      ...credentials,
      fetch,
      middleware: [{ onRequest: () => new Response(JSON.stringify({ code: 0, data: { cached: true } })) }],
    });
    expect((await cached.POST('/api/wa/mt', { body: textMessage })).data).toEqual({ cached: true });
    expect(attempts).toHaveLength(1);
  });

  it('onError sees the failure (an NxcloudError) and may turn it into an answer', async () => {
    const errors: unknown[] = [];
    const api2 = createApi2Client({
      ...credentials,
      retry: { attempts: 1 },
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } });
      },
      middleware: [
        {
          onError: ({ error }) => (
            errors.push(error), new Response(JSON.stringify({ code: 0, data: { recovered: true } }))
          ),
        },
      ],
    });
    expect((await api2.POST('/api/wa/mt', { body: textMessage })).data).toEqual({ recovered: true });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'NxcloudError', kind: 'network' });
  });

  it('something that is not a middleware is refused', () => {
    expect(() => createApi2Client({ ...credentials, middleware: [{} as never] })).toThrow(
      /middleware must be objects with onRequest\(\), onResponse\(\) or onError\(\)/,
    );
  });
});

describe('URLs', () => {
  it('path parameters are encoded, query values repeated for arrays, objects as a[b]=c', () => {
    expect(
      callUrl('https://h/', '/t/{phone}/{id}', {
        path: { phone: '86 1', id: 'a/b' },
        query: { tenant_id: 1, tag: ['x', 'y'], skip: undefined, f: { a: 1 } },
      }),
    ).toBe('https://h/t/86%201/a%2Fb?tenant_id=1&tag=x&tag=y&f%5Ba%5D=1');
  });

  it('a GET with query parameters reaches the right URL', async () => {
    const { fetch, attempts } = scriptedFetch([ok({ list: [] })]);
    const hk = createHkClient({ ...credentials, fetch, baseUrl: 'http://127.0.0.1:9/base/' });
    await hk.GET('/saas/wa/template/{phone}', {
      params: { path: { phone: '8615800001795' }, query: { tenant_id: 1, page_number: 2, page_size: 20 } },
    });
    expect(attempts[0].request.url).toBe(
      'http://127.0.0.1:9/base/saas/wa/template/8615800001795?tenant_id=1&page_number=2&page_size=20',
    );
  });
});
