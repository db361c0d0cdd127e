// What the vendor's pages allow, the mock accepts; what they forbid, it refuses; a missing parameter gets the code
// the page gives for it. Each request is signed and sent over HTTP to the real mock.
import { signatureHeaders } from '@org/nxwa-signing';
import { describe, expect, inject, it } from 'vitest';
import { demo, type ExampleCase, exampleCases, spec } from './support.js';

const api2 = 'api2.nxcloud.com';
const hk = 'api-hk.nxlink.ai';
const saas = 'api.nxcloud.com';

const example = (host: string, path: string, method: string, name: string): ExampleCase => {
  const found = exampleCases().find(
    (c) => c.host === host && c.path === path && c.method === method && c.name === name,
  );
  if (!found) throw new Error(`no example ${name} for ${host} ${method} ${path}`);
  return structuredClone(found);
};

interface Answer {
  status: number;
  code: number;
  message: string;
  data?: any;
}

/** The action header an operation is signed with, as its spec says. */
const actionOf = (host: string, path: string, method: string): string =>
  spec(host).paths[path][method]['x-nxcloud-action'];

/** A signed JSON request (or, with `form`, a multipart one, whose body is not signed). */
async function call(
  host: string,
  method: string,
  path: string,
  action: string,
  payload?: { json?: unknown; form?: FormData; contentType?: string },
): Promise<Answer> {
  const body = payload?.json === undefined ? undefined : JSON.stringify(payload.json);
  const headers: Record<string, string> = signatureHeaders({ ...demo, action, bizType: '2', ts: Date.now(), body });
  if (body !== undefined || payload?.contentType) headers['content-type'] = payload?.contentType ?? 'application/json';
  const res = await fetch(`${inject('urls')[host]}${path}`, {
    method: method.toUpperCase(),
    headers,
    body: payload?.form ?? body,
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : {};
  return { status: res.status, code: parsed.code, message: parsed.message, data: parsed.data };
}

const send = (c: ExampleCase) => call(c.host, c.method, c.path, actionOf(c.host, c.path, c.method), { json: c.body });

describe('rules no page states are not enforced', () => {
  it.each(['/api/wa/mt', '/api/wa/otp'])('%s: dr_webhook without a scheme is accepted', async (path) => {
    const c = structuredClone(exampleCases().find((e) => e.host === api2 && e.path === path)!);
    const answer = await send({ ...c, body: { ...c.body, dr_webhook: 'hooks.example.com/x' } });
    expect(answer.code, answer.message).toBe(0);
  });

  it('HK media upload: a url without a scheme is accepted', async () => {
    const form = new FormData();
    form.append('url', 'cdn.example.com/header.jpg');
    const answer = await call(
      hk,
      'post',
      '/saas/wa/media/8615800001795',
      actionOf(hk, '/saas/wa/media/{phone}', 'post'),
      {
        form,
      },
    );
    expect(answer.code, answer.message).toBe(0);
  });

  it.each(['+22.5', '22.', '22,55'])('mt location: latitude %j as a string is accepted', async (latitude) => {
    const c = example(api2, '/api/wa/mt', 'post', 'location');
    c.body.location.latitude = latitude;
    const answer = await send(c);
    expect(answer.code, answer.message).toBe(0);
  });

  it('mt location: the documented example, coordinates quoted, is accepted as printed', async () => {
    const c = example(api2, '/api/wa/mt', 'post', 'location');
    expect(typeof c.body.location.latitude).toBe('string');
    expect((await send(c)).code).toBe(0);
  });

  it('uploadMedia: type "audio/ogg; codecs=opus" is accepted', async () => {
    const form = new FormData();
    form.append('business_phone', '8615800001795');
    form.append('messaging_product', 'whatsapp');
    form.append('type', 'audio/ogg; codecs=opus');
    form.append('file', new Blob([new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2])], { type: 'audio/ogg' }), 'v.ogg');
    const answer = await call(api2, 'post', '/api/wa/uploadMedia', actionOf(api2, '/api/wa/uploadMedia', 'post'), {
      form,
    });
    expect(answer.code, answer.message).toBe(0);
  });

  it('HK template detail: a String tenant_id is accepted', async () => {
    const create = example(hk, '/saas/wa/template/{phone}', 'post', 'urlButtons');
    const made = await call(hk, 'post', '/saas/wa/template/8615800001795', actionOf(hk, create.path, 'post'), {
      json: { ...create.body, name: 'string_tenant_detail' },
    });
    expect(made.code, made.message).toBe(0);
    const path = '/saas/wa/template/{phone}/{id}';
    const answer = await call(
      hk,
      'get',
      `/saas/wa/template/8615800001795/${made.data.id}?tenant_id=t-123`,
      actionOf(hk, path, 'get'),
      {
        contentType: 'application/json',
      },
    );
    expect(answer.code, answer.message).toBe(0);
  });

  it('HK flow list: a String tenant_id is accepted', async () => {
    const path = '/saas/wa/flow/{phone}';
    const answer = await call(hk, 'get', '/saas/wa/flow/8615800001795?tenant_id=t-123', actionOf(hk, path, 'get'), {
      contentType: 'application/json',
    });
    expect(answer.code, answer.message).toBe(0);
  });

  it('SaaS send: lower-case copy_code, which no page writes, is refused', async () => {
    const c = example(saas, '/saas/wa/send', 'post', 'copyCode');
    const button = c.body.template.components.find((x: any) => x.sub_type === 'COPY_CODE');
    button.sub_type = 'copy_code';
    const answer = await send(c);
    expect(answer.code).not.toBe(0);
  });
});

describe('"No value for other types"', () => {
  it.each([
    ['cards on a body component', (b: any) => (b.template.components[0].cards = [])],
    ['image on a text parameter', (b: any) => (b.template.components[0].parameters[0].image = { id: '1' })],
    ['payload on a text parameter', (b: any) => (b.template.components[0].parameters[0].payload = 'x')],
  ])('mt template: %s is refused with 9000', async (_label, change) => {
    const c = example(api2, '/api/wa/mt', 'post', 'template');
    expect(c.body.template.components[0].type).toBe('body');
    change(c.body);
    const answer = await send(c);
    expect(answer.code).toBe(9000);
  });
});

describe('the documented HK media upload path', () => {
  it.each(['/saas/wa//media/8615800001795', '/saas/wa/media/8615800001795'])('%s is served', async (path) => {
    const form = new FormData();
    form.append('url', 'https://example.com/header.jpg');
    const answer = await call(hk, 'post', path, actionOf(hk, '/saas/wa/media/{phone}', 'post'), { form });
    expect(answer.status).toBe(200);
    expect(answer.code, answer.message).toBe(0);
  });
});

describe('a missing parameter is answered 9000, the pages code for it', () => {
  it('phoneList without appkey', async () => {
    const c = exampleCases().find((e) => e.host === api2 && e.path.endsWith('/phoneList'))!;
    const body = { ...c.body };
    delete body.appkey;
    const answer = await call(api2, 'post', c.path, actionOf(api2, c.path, 'post'), { json: body });
    expect(answer.code, answer.message).toBe(9000);
  });
  it('otp without content', async () => {
    const c = exampleCases().find((e) => e.host === api2 && e.path === '/api/wa/otp')!;
    const body = { ...c.body };
    delete body.content;
    const answer = await call(api2, 'post', c.path, actionOf(api2, c.path, 'post'), { json: body });
    expect(answer.code, answer.message).toBe(9000);
  });
});
