// For each operation, requests that break a rule are rejected with the host's documented code and a message
// naming the field; bad signatures, stale ts, wrong action, unknown key and missing headers get 1003, 1004, 1002,
// 1005 and 1001.
import { signatureHeaders } from '@org/nxwa-signing';
import { describe, expect, inject, it } from 'vitest';
import { client, demo, type ExampleCase, exampleCases } from './support.js';

const example = (host: string, path: string, method: string, name?: string): ExampleCase => {
  const found = exampleCases().find(
    (c) => c.host === host && c.path === path && c.method === method && (name === undefined || c.name === name),
  );
  if (!found) throw new Error(`no example for ${host} ${method} ${path}`);
  return structuredClone(found);
};

interface Rule {
  label: string;
  base: ExampleCase;
  change: (c: ExampleCase) => void;
  code: number;
  names: RegExp;
}

const drop = (key: string) => (c: ExampleCase) => void delete c.body[key];
const api2 = 'api2.nxcloud.com';
const hk = 'api-hk.nxlink.ai';

const rules: Rule[] = [
  {
    label: 'mt without to',
    base: example(api2, '/api/wa/mt', 'post', 'text'),
    change: drop('to'),
    code: 9000,
    names: /\bto: is required/,
  },
  {
    label: 'mt text without its text object',
    base: example(api2, '/api/wa/mt', 'post', 'text'),
    change: drop('text'),
    code: 9000,
    names: /\btext: is required/,
  },
  {
    label: 'mt image with neither id nor link',
    base: example(api2, '/api/wa/mt', 'post', 'image'),
    change: (c) => (c.body.image = {}),
    code: 9000,
    names: /image(\.id)?: .*(id|link)/,
  },
  {
    label: 'mt template with a wrong language code',
    base: example(api2, '/api/wa/mt', 'post', 'template'),
    change: (c) => (c.body.template.language.code = 'en-US'),
    code: 9000,
    names: /template\.language\.code: must be one of .*got "en-US"/,
  },
  {
    label: 'mt button index 3',
    base: example(api2, '/api/wa/mt', 'post', 'templateOtp'),
    change: (c) => (c.body.template.components[1].index = 3),
    code: 9000,
    names: /template\.components\[1\]\.index/,
  },
  {
    label: 'otp content without a code',
    base: example(api2, '/api/wa/otp', 'post'),
    change: (c) => (c.body.content = 'no digits here'),
    code: 9015,
    names: /content: must match/,
  },
  {
    label: 'otp unknown category',
    base: example(api2, '/api/wa/otp', 'post'),
    change: (c) => (c.body.category = 'MARKETING'),
    code: 9014,
    names: /category: must be one of "AUTHENTICATION", "UTILITY"/,
  },
  {
    label: 'getMedia without Media-ID',
    base: example(api2, '/api/wa/getMedia', 'post'),
    change: drop('Media-ID'),
    code: 9000,
    names: /Media-ID: is required/,
  },
  ...(['api.nxcloud.com', 'api-idn.nxlink.ai'] as const).flatMap((host) => [
    ...(
      [
        ['tenant_id', 21058],
        ['appkey', 21059],
        ['business_phone', 21060],
        ['to', 21061],
        ['type', 21062],
        ['template', 21063],
      ] as const
    ).map(([field, code]) => ({
      label: `${host} send without ${field}`,
      base: example(host, '/saas/wa/send', 'post', 'urlButtons'),
      change: drop(field),
      code,
      names: new RegExp(`\\b${field}: (is required|one of to)`),
    })),
    {
      label: `${host} send of type text`,
      base: example(host, '/saas/wa/send', 'post', 'urlButtons'),
      change: (c: ExampleCase) => (c.body.type = 'text'),
      code: 21062,
      names: /type: must be "template"/,
    },
  ]),
  {
    label: 'HK create without name',
    base: example(hk, '/saas/wa/template/{phone}', 'post', 'urlButtons'),
    change: drop('name'),
    code: 22072,
    names: /name: is required/,
  },
  {
    label: 'HK create with a URL button without url',
    base: example(hk, '/saas/wa/template/{phone}', 'post', 'urlButtons'),
    change: (c) => delete c.body.buttonComponents[1].url,
    code: 22072,
    names: /buttonComponents\[1\]\.url: is required/,
  },
  {
    label: 'HK list with a page_number that is not a number',
    base: example(hk, '/saas/wa/template/{phone}', 'get'),
    change: (c) => (c.params.query.page_number = 'first'),
    code: 22072,
    names: /query parameter page_number: must be integer/,
  },
  {
    label: 'HK list without tenant_id',
    base: example(hk, '/saas/wa/template/{phone}', 'get'),
    change: (c) => delete c.params.query.tenant_id,
    code: 22072,
    names: /query parameter tenant_id: is required/,
  },
  {
    label: 'HK media upload without url',
    base: example(hk, '/saas/wa/media/{phone}', 'post'),
    change: drop('url'),
    code: 22072,
    names: /url: is required/,
  },
];

describe('rule-breaking requests get the documented code, naming the field', () => {
  it.each(rules.map((r) => [r.label, r] as const))('%s', async (_label, rule) => {
    const c = structuredClone(rule.base);
    rule.change(c);
    const result = await (client(c.host) as any)[c.method.toUpperCase()](c.path, { params: c.params, body: c.body });
    expect(result.error?.code, result.error?.message).toBe(rule.code);
    expect(result.error.message).toMatch(rule.names);
  });
});

describe('authentication', () => {
  const host = api2;
  const body = JSON.stringify(example(api2, '/api/wa/mt', 'post', 'text').body);
  const post = async (headers: Record<string, string>, payload = body) => {
    const res = await fetch(`${inject('urls')[host]}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
    });
    return (await res.json()) as { code: number; message: string };
  };
  const signed = (over: Partial<Parameters<typeof signatureHeaders>[0]> = {}) =>
    signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body, ...over });

  it('a correct signature passes', async () => {
    expect((await post(signed())).code).toBe(0);
  });
  it('a sha256 signature passes', async () => {
    expect((await post(signed({ algorithm: 'sha256' }))).code).toBe(0);
  });
  it.each([
    ['a missing sign header', () => ({ ...signed(), sign: '' }), 1001, /sign header is missing/],
    ['a missing ts header', () => ({ ...signed(), ts: '' }), 1001, /ts header is missing/],
    ['a wrong secret', () => signed({ accessSecret: 'not-the-secret' }), 1003, /sign header does not match/],
    [
      'a body changed after signing',
      () => signed({ body: body.replace('text-message-content', 'other') }),
      1003,
      /Invalid signature/,
    ],
    ['a stale ts', () => signed({ ts: Date.now() - 120_000 }), 1004, /Timestamp expired/],
    ['a ts in the future', () => signed({ ts: Date.now() + 120_000 }), 1004, /Timestamp expired/],
    ['a ts in seconds', () => ({ ...signed(), ts: String(Math.floor(Date.now() / 1000)) }), 1004, /Timestamp expired/],
    [
      'the action of another operation',
      () => signed({ action: 'getMedia' }),
      1002,
      /takes bizType "2" and action "mt"/,
    ],
    ['another bizType', () => signed({ bizType: '1' }), 1002, /got bizType "1"/],
    ['an unknown accessKey', () => signed({ accessKey: 'who-is-this' }), 1005, /accessKey is not known/],
  ] as const)('%s → %s', async (_label, headers, code, message) => {
    const answer = await post(headers());
    expect(answer.code).toBe(code);
    expect(answer.message).toMatch(message);
  });

  it('the client corrects its clock after 1004 and gets through', async () => {
    const skewed = client(host, { clockOffsetMs: -120_000 });
    const { data, error } = await skewed.POST('/api/wa/mt', { body: JSON.parse(body) });
    expect(error).toBeUndefined();
    expect(data?.messages[0].id).toBeTruthy();
    expect(Math.abs(skewed.clockOffsetMs)).toBeLessThan(5_000);
  });

  it('a second account of the mock is accepted with its own secret', async () => {
    expect((await post(signed({ accessKey: 'second-key', accessSecret: 'second-secret' }))).code).toBe(0);
  });
});

describe("a bodiless operation's Content-Type is the spec's x-nxcloud-content-type", () => {
  const login = (contentType: string) =>
    fetch(`${inject('urls')['api2.nxcloud.com']}/api/wa/integrator/embedded/register/login`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...signatureHeaders({ ...demo, action: 'login', bizType: '2', ts: Date.now() }),
      },
    }).then((r) => r.json());

  it('api2 integrator login sent as text/plain → 1003 naming the Content-Type', async () => {
    const answer = await login('text/plain');
    expect(answer.code).toBe(1003);
    expect(answer.message).toMatch(/Content-Type must be application\/json/);
  });

  it('api2 integrator login sent as application/json → 0', async () => {
    expect((await login('application/json')).code).toBe(0);
  });
});
