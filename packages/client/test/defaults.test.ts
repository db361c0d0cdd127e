// The values the specs fix are filled in, and the client's defaults fill the fields every call
// repeats — exactly where each operation takes them (checked against the specs), never over what a call gives.

import { operations } from '@org/nxwa-signing';
import { describe, expect, it } from 'vitest';
import { createApi2Client, createHkClient, createNxcloudClient, type NxcloudHost } from '../src/index.js';
import { loadSpec, startLoopback } from './loopback.js';
import { credentials, ok, scriptedFetch } from './support.js';

const text = { to: '8613600009759', type: 'text', text: { body: 'hi' } } as const;

describe('filled in', () => {
  it('messaging_product and recipient_type, then the defaults, signed over what is sent (loopback)', async () => {
    const server = await startLoopback(credentials.accessSecret);
    try {
      const api2 = createApi2Client({
        ...credentials,
        baseUrl: server.baseUrl('api2.nxcloud.com'),
        defaults: { appkey: 'f543ertg', business_phone: '8615800001795' },
      });
      const result = await api2.POST('/api/wa/mt', { body: text });
      expect(result.error).toBeUndefined();
      expect(JSON.parse(server.received[0].raw.toString())).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        appkey: 'f543ertg',
        business_phone: '8615800001795',
        ...text,
      });
      expect(server.received[0].signatureValid).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("a call's own values win over the defaults", async () => {
    const { fetch, attempts } = scriptedFetch([ok()]);
    const api2 = createApi2Client({ ...credentials, fetch, defaults: { appkey: 'default-app', business_phone: '1' } });
    await api2.POST('/api/wa/mt', { body: { ...text, appkey: 'own-app' } });
    expect(JSON.parse(attempts[0].body)).toMatchObject({ appkey: 'own-app', business_phone: '1' });
  });

  it('a multipart upload gets business_phone and messaging_product as form fields', async () => {
    const { fetch, attempts } = scriptedFetch([ok({ id: 'm' })]);
    const api2 = createApi2Client({ ...credentials, fetch, defaults: { business_phone: '8615800001795' } });
    await api2.POST('/api/wa/uploadMedia', {
      body: { type: 'image/jpeg', file: new Blob([new Uint8Array([1])], { type: 'image/jpeg' }) },
    });
    const form = await attempts[0].request.formData();
    expect([form.get('business_phone'), form.get('messaging_product'), form.get('appkey')]).toEqual([
      '8615800001795',
      'whatsapp',
      null,
    ]);
  });

  it('HK: tenant_id in the query of a bodiless call, in the body of a JSON one', async () => {
    const { fetch, attempts } = scriptedFetch([ok({ list: [] })]);
    const hk = createHkClient({ ...credentials, fetch, defaults: { tenant_id: 7 } });
    await hk.GET('/saas/wa/template/{phone}', {
      params: { path: { phone: '8615800001795' }, query: { page_number: 1, page_size: 20 } },
    });
    expect(new URL(attempts[0].request.url).searchParams.get('tenant_id')).toBe('7');
    await hk.GET('/saas/wa/flow/{phone}', { params: { path: { phone: '8615800001795' } } });
    expect(new URL(attempts[1].request.url).searchParams.get('tenant_id')).toBe('7');
  });

  it.each([
    [{ appkey: undefined }, 'defaults.appkey is undefined: expected a non-empty string.'],
    [{ business_phone: '' }, 'defaults.business_phone is empty: expected a non-empty string.'],
    [{ tenant_id: '1' }, 'defaults.tenant_id is string: expected a number.'],
  ])('bad defaults %o are refused, naming the field', (defaults, message) => {
    expect(() => createApi2Client({ ...credentials, defaults: defaults as never })).toThrow(message);
  });
});

describe('against the specs', () => {
  const all = { appkey: 'A', business_phone: 'B', tenant_id: 9 };
  const keys = ['messaging_product', 'recipient_type', ...Object.keys(all)];
  const cases = (Object.keys(operations) as NxcloudHost[]).flatMap((host) =>
    Object.keys(operations[host]).map((key) => ({ host, key })),
  );

  it.each(cases.map((c) => [`${c.host} ${c.key}`, c] as const))(
    '%s: the client fills exactly the fields the operation takes',
    async (_label, { host, key }) => {
      const spec = loadSpec(host);
      const deref = (s: any): any =>
        s?.$ref
          ? deref(
              s.$ref
                .split('/')
                .slice(1)
                .reduce((o: any, k: string) => o[k], spec),
            )
          : s;
      const props = (s: any, out = new Set<string>()): Set<string> => {
        s = deref(s);
        for (const k of Object.keys(s?.properties ?? {})) out.add(k);
        for (const sub of [...(s?.allOf ?? []), ...(s?.oneOf ?? []), ...(s?.anyOf ?? [])]) props(sub, out);
        return out;
      };
      const [method, path] = key.split(' ');
      const op = spec.paths[path][method];
      const content = op.requestBody?.content ?? {};
      const bodyTakes = new Set(Object.values<any>(content).flatMap((c) => [...props(c.schema)]));
      const queryTakes = new Set<string>(
        (op.parameters ?? [])
          .map(deref)
          .filter((p: any) => p.in === 'query')
          .map((p: any) => p.name),
      );
      const multipart = 'multipart/form-data' in content;

      const { fetch, attempts } = scriptedFetch([ok()]);
      const defaults = Object.fromEntries(
        Object.entries(all)
          .filter(([k]) => k !== 'tenant_id' || host !== 'api2.nxcloud.com')
          .filter(([k]) => host !== 'api-hk.nxlink.ai' || k === 'tenant_id'),
      );
      const client = createNxcloudClient(host, { ...credentials, fetch, defaults: defaults as never });
      const body = op.requestBody ? (multipart ? { file: new Blob(['x']) } : {}) : undefined;
      await (client as any)[method.toUpperCase()](path, { params: { path: { phone: '1', id: '2' } }, body });
      const sent = attempts[0];
      const filledBody =
        body === undefined
          ? []
          : multipart
            ? [...(await sent.request.formData()).keys()]
            : Object.keys(JSON.parse(sent.body));
      const filledQuery = [...new URL(sent.request.url).searchParams.keys()];
      const expected = (takes: Set<string>) =>
        keys
          .filter((k) => takes.has(k) && (k in defaults || k === 'messaging_product' || k === 'recipient_type'))
          .sort();
      expect(filledBody.filter((k) => k !== 'file').sort()).toEqual(expected(bodyTakes));
      expect(filledQuery.sort()).toEqual(expected(queryTakes));
    },
  );
});
