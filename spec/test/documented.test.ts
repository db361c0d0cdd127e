// The specs say what the pages say and no more: no rule a page does not state, every rule a page does state, codes
// for a missing field only where a page gives them, and descriptions that claim nothing a page does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clone } from './support/cases.js';
import {
  type Doc,
  describeErrors,
  hosts,
  type Json,
  loadBundle,
  namedExamples,
  operation,
  parameterSchemaPointer,
  requestSchemaPointer,
  responseSchemaPointer,
  specDir,
  validatorAt,
  webhookSchemaPointer,
} from './support/spec.js';

const api2 = 'api2.nxcloud.com';
const hk = 'api-hk.nxlink.ai';

function example(host: string, where: string, name: string): any {
  const found = namedExamples(host).find((e) => e.where.startsWith(where) && e.name === name);
  if (!found) throw new Error(`no example ${name} at ${where} in ${host}`);
  return clone(found.value as Json);
}
const firstExample = (host: string, where: string): any =>
  clone(namedExamples(host).find((e) => e.where.startsWith(where))!.value as Json);

function valid(host: string, schemaPointer: string, value: unknown): void {
  const validate = validatorAt(host, schemaPointer);
  expect(validate(value), describeErrors(validate.errors)).toBe(true);
}
const invalid = (host: string, schemaPointer: string, value: unknown) =>
  expect(validatorAt(host, schemaPointer)(value)).toBe(false);

describe('no rule that no page states', () => {
  it.each(['/api/wa/mt', '/api/wa/otp'])('%s: dr_webhook may be any string ("this URL")', (path) => {
    const body = firstExample(api2, `POST ${path} request`);
    body.dr_webhook = 'hooks.example.com/x';
    valid(api2, requestSchemaPointer(api2, path, 'post'), body);
  });

  it('HK media upload: url may be any string ("Media URL")', () => {
    valid(hk, requestSchemaPointer(hk, '/saas/wa/media/{phone}', 'post', 'multipart/form-data'), {
      url: 'cdn.example.com/a.jpg',
    });
  });

  it('string coordinates carry no pattern, and the example quotes them as printed', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'location');
    expect(body.location).toMatchObject({ latitude: '22.550802897696343', longitude: '113.93844723701477' });
    for (const latitude of ['+22.5', '22.']) {
      body.location.latitude = latitude;
      valid(api2, requestSchemaPointer(api2, '/api/wa/mt', 'post'), body);
    }
  });

  it('uploadMedia: "audio/ogg; codecs=opus" is a type, and the file part lists the page\'s types, no wildcard', () => {
    const path = '/api/wa/uploadMedia';
    const body = firstExample(api2, `POST ${path} request`);
    body.type = 'audio/ogg; codecs=opus';
    valid(api2, requestSchemaPointer(api2, path, 'post', 'multipart/form-data'), body);
    const listed = operation(api2, path, 'post')
      .requestBody.content['multipart/form-data'].encoding.file.contentType.split(',')
      .map((t: string) => t.trim());
    expect(listed.filter((t: string) => t.includes('*'))).toEqual([]);
    const page = readFileSync(join(specDir, 'reference', 'nxcloud-wiki-2023', 'WhatsApp-API-uploadMedia.md'), 'utf8');
    const table = page.slice(page.indexOf('## Media File Format Description'));
    const documented = [...new Set(table.match(/\b(?:image|audio|video|text|application)\/[\w.+-]+/g))];
    expect([...listed].sort()).toEqual(documented.sort());
  });

  it.each([
    ['api.nxcloud.com', '/saas/wa/send', 'post'],
    ['api-idn.nxlink.ai', '/saas/wa/send', 'post'],
    [hk, '/saas/wa/template/{phone}', 'get'],
    [hk, '/saas/wa/media/{phone}', 'post'],
  ])('%s %s: a failure is not required to carry data: null (no SaaS page shows one)', (host, path, method) => {
    valid(host, responseSchemaPointer(host, path, method), { code: -1, message: 'Failure', data: {} });
  });

  it('the classic failure keeps data: null, as its pages show', () => {
    invalid(api2, responseSchemaPointer(api2, '/api/wa/mt', 'post'), {
      code: -1,
      message: 'Request failed',
      data: {},
    });
  });

  it('account-event time has no type (no page types it); template-event time is an integer', () => {
    const account = firstExample(api2, 'POST accountEvent request');
    account.value.time = '2024-06-26 16:45:05';
    valid(api2, webhookSchemaPointer(api2, 'accountEvent'), account);
    const template = firstExample(api2, 'POST templateEvent request');
    template.value.time = '2024-06-26 16:45:05';
    invalid(api2, webhookSchemaPointer(api2, 'templateEvent'), template);
  });

  it.each(['api.nxcloud.com', 'api-idn.nxlink.ai'])('%s: sub_type copy_code in lower case is refused', (host) => {
    const body = example('api.nxcloud.com', 'POST /saas/wa/send request', 'copyCode');
    const button = body.template.components.find((c: any) => c.sub_type === 'COPY_CODE');
    valid(host, requestSchemaPointer(host, '/saas/wa/send', 'post'), body);
    button.sub_type = 'copy_code';
    invalid(host, requestSchemaPointer(host, '/saas/wa/send', 'post'), body);
  });

  it.each([
    ['/saas/wa/template/{phone}/{id}', 'get'],
    ['/saas/wa/flow/{phone}', 'get'],
  ])('HK %s: tenant_id is a String, as the page types it', (path, method) => {
    valid(hk, parameterSchemaPointer(hk, path, method, 'tenant_id'), 't-123');
  });
});

describe('"No value for other types" (the /api/wa/mt page)', () => {
  const schema = requestSchemaPointer(api2, '/api/wa/mt', 'post');
  it.each([
    ['cards on a body component', (b: any) => (b.template.components[0].cards = [])],
    ['image on a text parameter', (b: any) => (b.template.components[0].parameters[0].image = { id: '1' })],
    ['payload on a text parameter', (b: any) => (b.template.components[0].parameters[0].payload = 'x')],
  ])('%s is refused', (_label, change) => {
    const body = example(api2, 'POST /api/wa/mt request', 'template');
    valid(api2, schema, body);
    change(body);
    invalid(api2, schema, body);
  });
});

describe('lists the pages give as examples are not closed', () => {
  it('a detail component type other than the examples shown is accepted', () => {
    const ptr = '#/components/schemas/MetaTemplateComponent';
    valid(hk, ptr, { type: 'CAROUSEL' });
  });
});

describe('the pages own contradictions are said, not hidden', () => {
  it('the HK template list: the table against the example', () => {
    expect(operation(hk, '/saas/wa/template/{phone}', 'get').description).toMatch(/`data.list`/);
  });
  it.each(['CreateTemplateRequest', 'UpdateTemplateRequest', 'DeleteTemplateRequest', 'UploadTemplateFileRequest'])(
    '%s: business_phone, a "number list" on the page, one number in its example',
    (name) => {
      const schema = loadBundle(api2).components.schemas[name];
      expect(schema.properties.business_phone.description).toMatch(/"number list"/);
    },
  );
  it('phoneNumber and url: the Yes of the table against their conditions', () => {
    const button = loadBundle(hk).components.schemas.TemplateButton;
    expect(button.description).toMatch(/says "Yes" for `phoneNumber` and `url`/);
  });
});

describe('the HK media upload path', () => {
  it('records the documented doubled slash, and the description gives it without an invented reason', () => {
    const op = operation(hk, '/saas/wa/media/{phone}', 'post');
    expect(op['x-nxcloud-documented-path']).toBe('/saas/wa//media/{phone}');
    expect(op.description).toContain('`/saas/wa//media/{phone}`');
    expect(op.description).not.toMatch(/reject or fold/);
  });
});

describe('a code is given for a missing field only where a page says so', () => {
  const all = hosts.flatMap((host) =>
    Object.values(loadBundle(host).paths as Doc).flatMap((item) =>
      Object.values(item as Doc).flatMap((op) => ((op as Doc)['x-nxcloud-errors'] ?? []) as Doc[]),
    ),
  );
  it('absent is on 21058–21063 only, whose meaning is "<field> required"', () => {
    const absent = [...new Set(all.filter((e) => e.absent).map((e) => e.code))].sort();
    expect(absent).toEqual([21058, 21059, 21060, 21061, 21062, 21063]);
    for (const e of all.filter((x) => x.absent)) expect(e.meaning).toMatch(/\brequired\b/);
  });
  it.each([9008, 9010, 9014, 9015])('%s is about a field but not its absence', (code) => {
    const entry = all.find((e) => e.code === code)!;
    expect(entry.field).toBeTruthy();
    expect(entry.absent).toBeUndefined();
  });
});

describe('descriptions claim nothing the pages do not say', () => {
  const texts: string[] = [];
  for (const host of hosts) {
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'description' || k === 'summary') && typeof x === 'string') texts.push(x);
          else visit(x);
        }
    };
    visit(loadBundle(host));
  }
  const all = texts.join('\n');
  it.each([
    'makes a\nretried send recognisable',
    'treated as a failed delivery',
    'Meta reviews',
    'submits it to Meta for review',
    'by all appearances',
    'Replaces the components',
    'also the OTP copy button',
    'which agree',
    'then follows its creation',
    'The tag applied by the button',
    'e.g. APPROVED, REJECTED, PAUSED',
    'e.g. DRAFT, PUBLISHED, DEPRECATED',
  ])('no "%s"', (claim) => {
    expect(all.replace(/\s+/g, ' ')).not.toContain(claim.replace(/\s+/g, ' '));
  });

  it('cus_message_id does not promise that a retried send is recognised', () => {
    const body = loadBundle(api2).components.schemas;
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/retried send recognisable/);
    expect(text).toMatch(/a retried send may be delivered twice/);
  });

  it('the callback action example is ours, and says so', () => {
    const param = loadBundle(api2).components.parameters.CallbackAction;
    expect(param.example).toBe('callback');
    expect(param.description).toMatch(/ours, not the vendor's/);
  });

  it.each(['api.nxcloud.com', 'api-idn.nxlink.ai', hk])(
    '%s: the failure examples are labelled illustrative',
    (host) => {
      const doc = loadBundle(host);
      let seen = 0;
      for (const item of Object.values(doc.paths as Doc))
        for (const op of Object.values(item as Doc)) {
          const failure = (op as Doc).responses?.['200']?.content?.['application/json']?.examples?.failure;
          if (!failure) continue;
          const resolved = failure.$ref ? doc.components.examples[failure.$ref.split('/').pop()] : failure;
          expect(resolved.summary).toMatch(/illustrative/);
          seen++;
        }
      expect(seen).toBeGreaterThan(0);
    },
  );
});

// A pattern, range or length is in a schema only when a page states it: each one is listed here with the words
// of the page that state it, and those words must be on that page.
const STATED: Record<string, { page: string; words: string }[]> = {
  'pattern ^[0-2]$': [{ page: 'seeds/001_c45f45a1ca9c0e4b.txt', words: 'value range is 0-2' }],
  'minimum 0': [{ page: 'seeds/001_c45f45a1ca9c0e4b.txt', words: 'value range is 0-2' }],
  'maximum 2': [{ page: 'seeds/001_c45f45a1ca9c0e4b.txt', words: 'value range is 0-2' }],
  'minimum 1': [{ page: 'nxcloud-wiki-2023-more/WhatsApp-API-createTemplate.md', words: 'The valid range is 1-90.' }],
  'maximum 90': [{ page: 'nxcloud-wiki-2023-more/WhatsApp-API-createTemplate.md', words: 'The valid range is 1-90.' }],
  'pattern ^\\P{Script=Han}*$': [
    { page: 'seeds/003_2452e56884d17aac.txt', words: 'Template name (no Chinese characters)' },
  ],
  'pattern \\{\\{[^{}]*\\}\\}': [
    { page: 'seeds/003_2452e56884d17aac.txt', words: 'For dynamic URL use suffix variable like {{1}}' },
    {
      page: 'nxcloud-wiki-2023-more/WhatsApp-API-createTemplate.md',
      words: 'Required when variables are configured in the HEADER or BODY content.',
    },
  ],
  'pattern (^|[^0-9])[0-9]{4,8}([^0-9]|$)': [
    { page: 'seeds/004_23ee668c60e9b01e.txt', words: 'which consists of 4 to 8 consecutive digits' },
  ],
  'pattern ^https?://': [{ page: 'seeds/001_c45f45a1ca9c0e4b.txt', words: 'Must be an HTTP/HTTPS URL.' }],
  'pattern ^[0-9a-f]{32}([0-9a-f]{32})?$': [
    { page: 'signing.md', words: 'with MD5 (or SHA-256 when `algorithm: sha256`), write lowercase hex' },
  ],
  'maxLength 256': [
    { page: 'nxcloud-wiki-2026/Business-Profiles.md', words: 'business address; at most 256 characters' },
  ],
  'maximum 100': [{ page: 'nxcloud-wiki-2026/openapi-chat-records.md', words: 'rows per page, at most 100' }],
  'maxItems 100': [
    {
      page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md',
      words: 'customers to create, at most 100 per request',
    },
  ],
  'maximum 50': [{ page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-customer_query.md', words: 'page size, 1–50' }],
  'maxLength 50': [
    { page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md', words: 'country, at most 50 characters' },
  ],
  'maxLength 100': [
    { page: 'nxcloud-wiki-2026/IDN-SAAS-saas_plat-openapi-batch_create.md', words: 'address, at most 100 characters' },
  ],
  'maxLength 128': [
    { page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md', words: 'first name, at most 128 characters' },
  ],
  'maxLength 255': [
    {
      page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md',
      words: 'customer name, at most 255 characters',
    },
  ],
  'maxLength 30': [
    {
      page: 'nxcloud-wiki-2026/IDN-SAAS-saas_plat-openapi-batch_create.md',
      words: 'SMS number, digits only, at most 30 characters',
    },
  ],
  'maxLength 32': [
    {
      page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md',
      words: 'Messenger id, digits only, at most 32 characters',
    },
  ],
  'pattern ^[0-9]*$': [
    {
      page: 'nxcloud-wiki-2026/SAAS-saas_plat-openapi-batch_create.md',
      words: 'Messenger id, digits only, at most 32 characters',
    },
  ],
  'maxLength 2000': [
    { page: 'nxcloud-wiki-2026/IDN-SAAS-saas_plat-openapi-batch_create.md', words: 'remark, at most 2000 characters' },
  ],
};

describe('no pattern, range or length without a page that states it', () => {
  const found = new Set<string>();
  for (const host of hosts) {
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (['pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'].includes(k)) {
            if (typeof x === 'string' || typeof x === 'number') found.add(`${k} ${x}`);
          }
          if (k !== 'x-nxcloud-errors' && k !== 'examples' && k !== 'example') visit(x);
        }
    };
    visit(loadBundle(host));
  }
  it.each([...found].map((f) => [f]))('%s is stated by a page', (constraint) => {
    const stated = STATED[constraint];
    expect(stated, `${constraint} is in a schema but no page is listed for it`).toBeDefined();
    for (const { page, words } of stated) {
      const text = readFileSync(join(specDir, 'reference', page), 'utf8').replace(/\s+/g, ' ');
      expect(text, `${page} does not say "${words}"`).toContain(words);
    }
  });
  it('every listed constraint is still in a schema', () => {
    expect(Object.keys(STATED).filter((k) => !found.has(k))).toEqual([]);
  });
});
