// Every named request example of every spec, sent through @org/nxwa-client to the mock (real Prism behind the
// gateway), is accepted, and every answer matches the schema the client's types are generated from.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/prism.js';
import { HOSTS, loadOperations, loadSpec } from '../../src/http/hosts.js';
import { answerProblems, client, type ExampleCase, exampleCases, withRealFile } from '../support.js';

const cases = exampleCases();

/**
 * The sandbox keeps state: an example that names a medium or template (by ID, name or cursor) is sent after
 * creating it, with the ID it got, so that every example is accepted.
 */
async function prepared(c: ExampleCase): Promise<ExampleCase> {
  const nx = client(c.host) as any;
  const created = async (path: string, body: object, params?: object) => {
    const { data, error } = await nx.POST(path, { body, params });
    expect(error).toBeUndefined();
    return data;
  };
  const jpeg = {
    messaging_product: 'whatsapp',
    business_phone: '8615800001795',
    type: 'image/jpeg',
    file: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
  };
  const api2Template = (name: string, phone: string) => ({
    appkey: 'a',
    messaging_product: 'whatsapp',
    business_phone: phone,
    name,
    category: 'UTILITY',
    language: 'en_US',
    components: [{ type: 'BODY', text: 'hi' }],
  });
  const hkTemplate = {
    tenant_id: 1,
    name: `contract_${Math.random().toString(36).slice(2)}`,
    language: 'en_US',
    category_type: 2,
    content: 'hi',
  };
  switch (`${c.host} ${c.method} ${c.path}`) {
    case 'api2.nxcloud.com post /api/wa/getMedia':
    case 'api2.nxcloud.com post /api/wa/deleteMedia':
      return { ...c, body: { ...c.body, 'Media-ID': (await created('/api/wa/uploadMedia', jpeg)).id } };
    case 'api2.nxcloud.com post /api/wa/updateTemplate':
      return {
        ...c,
        body: {
          ...c.body,
          template_id: (await created('/api/wa/createTemplate', api2Template('contract_update', c.body.business_phone)))
            .id,
        },
      };
    case 'api2.nxcloud.com post /api/wa/deleteTemplate':
      await created('/api/wa/createTemplate', api2Template(c.body.name, c.body.business_phone));
      return c;
    case 'api2.nxcloud.com post /api/wa/getTemplate': {
      if (!c.body.after) return c;
      // A cursor the mock handed out: of the first of two templates.
      for (const n of ['contract_page_1', 'contract_page_2'])
        await created('/api/wa/createTemplate', api2Template(n, c.body.business_phone));
      const { data } = await nx.POST('/api/wa/getTemplate', {
        body: { ...c.body, after: undefined, name: undefined, limit: 1 },
      });
      return { ...c, body: { ...c.body, after: data.paging.cursors.after } };
    }
    case 'api-hk.nxlink.ai get /saas/wa/template/{phone}/{id}':
    case 'api-hk.nxlink.ai delete /saas/wa/template/{phone}/{id}': {
      const record = await created('/saas/wa/template/{phone}', hkTemplate, { path: { phone: c.params.path.phone } });
      return { ...c, params: { ...c.params, path: { ...c.params.path, id: record.id } } };
    }
    case 'api-hk.nxlink.ai put /saas/wa/template/{phone}':
      await created('/saas/wa/template/{phone}', { ...c.body }, { path: c.params.path });
      return c;
    default:
      return c;
  }
}

describe('every named request example is accepted', () => {
  it('covers all 40 operations', () => {
    expect(new Set(cases.map((c) => `${c.host} ${c.method} ${c.path}`)).size).toBe(40);
  });

  it.each(cases.map((c) => [`${c.host} ${c.method.toUpperCase()} ${c.path} — ${c.name}`, c] as const))(
    '%s',
    async (_label, example) => {
      const c = await prepared(example);
      const nx = client(c.host);
      const result = await (nx as any)[c.method.toUpperCase()](c.path, { params: c.params, body: withRealFile(c) });
      expect(result.error, result.error?.message).toBeUndefined();
      // The success envelope, as the client decoded it.
      const envelope = {
        code: 0,
        message: '',
        data: result.data,
        ...(result.traceId ? { traceId: result.traceId } : {}),
      };
      expect(answerProblems(c.host, c.path, c.method, envelope)).toBeUndefined();
    },
  );
});

describe('forced answers', () => {
  const text = {
    appkey: 'f543ertg',
    business_phone: '8615800001795',
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '8613600009759',
    type: 'text',
    text: { body: 'hi' },
  } as const;

  it.each([
    ['insufficient balance', 'api.nxcloud.com', '/saas/wa/send', 22125, 'business'],
    // 22041's document gives no reason to retry it: a business failure, not a transient one.
    ['a cloud failure', 'api.nxcloud.com', '/saas/wa/send', 22041, 'business'],
    ['template does not exist', 'api2.nxcloud.com', '/api/wa/mt', 10005, 'business'],
  ] as const)('%s (%s %s → %s) comes back as a typed error', async (_label, host, path, code, category) => {
    const body =
      host === 'api2.nxcloud.com'
        ? text
        : {
            tenant_id: 1,
            appkey: 'a',
            business_phone: '8615800001795',
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: '8613600009759',
            type: 'template',
            template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
          };
    const { error } = await (client(host) as any).POST(path, { body, headers: { Prefer: `example=code-${code}` } });
    expect(error).toMatchObject({ kind: 'api', code, category });
    expect(error.remedy).toBeTruthy();
  });

  it("9099 carries Meta's error", async () => {
    const { error } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: text,
      headers: { Prefer: 'example=metaFailure' },
    });
    expect(error).toMatchObject({ code: 9099, meta: { code: 100, type: 'OAuthException' } });
  });

  it('cus_message_id comes back as the message ID', async () => {
    const { data } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'order-42' },
    });
    expect(data?.messages[0].id).toBe('order-42');
  });
});

describe('an engine without prepared operations', () => {
  it.each(HOSTS)(
    '%s: reads its spec with Prism and answers as with the operations the build prepared',
    async (host) => {
      const [read, prepared] = await Promise.all([
        createEngine(loadSpec(host)),
        createEngine(loadSpec(host), loadOperations(host)),
      ]);
      expect(await read.healthy()).toBe(true);
      for (const op of loadOperations(host) as { method: string; path: string }[]) {
        const request = { method: op.method, path: op.path, operationPath: op.path, query: {}, headers: {}, body: {} };
        expect(await read.answer(request), `${op.method} ${op.path}`).toEqual(await prepared.answer(request));
      }
    },
  );
});
