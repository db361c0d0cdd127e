// What a field-by-field audit of the first wave against the documents found, each as a check
// on the bundles: values the documents allow are accepted, codes mean what each host's own document says, retry
// hints follow the documents, and the specs describe themselves accurately.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

function example(host: string, where: string, name: string): any {
  const found = namedExamples(host).find((e) => e.where.startsWith(where) && e.name === name);
  if (!found) throw new Error(`no example ${name} at ${where} in ${host}`);
  return clone(found.value as Json);
}

function valid(host: string, schemaPointer: string, value: unknown): void {
  const validate = validatorAt(host, schemaPointer);
  expect(validate(value), describeErrors(validate.errors)).toBe(true);
}

function invalid(host: string, schemaPointer: string, value: unknown): void {
  expect(validatorAt(host, schemaPointer)(value)).toBe(false);
}

const errorsOf = (host: string, path: string, method = 'post'): Doc[] =>
  operation(host, path, method)['x-nxcloud-errors'];
const codeOf = (host: string, path: string, code: number, method = 'post'): Doc => {
  const entry = errorsOf(host, path, method).find((e) => e.code === code);
  if (!entry) throw new Error(`${method} ${path} on ${host} lists no ${code}`);
  return entry;
};

/** Every operation of every bundle, with where it is. */
const allOperations = hosts.flatMap((host) => {
  const doc = loadBundle(host);
  return Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
    Object.entries(item as Doc)
      .filter(([method]) => method !== 'parameters')
      .map(([method, op]) => ({ host, path, method, op: op as Doc })),
  );
});

describe('1. the HK media upload answers the handle a template definition needs', () => {
  const host = 'api-hk.nxlink.ai';
  const schema = responseSchemaPointer(host, '/saas/wa/media/{phone}', 'post');
  it('declares h, the templateMediaId of a template definition', () => {
    const media = loadBundle(host).components.schemas.TemplateMedia;
    expect(media.properties.h).toBeDefined();
    expect(media.properties.h.description).toMatch(/templateMediaId/);
  });
  it('accepts an answer that carries h', () => {
    const answer = example(host, 'POST /saas/wa/media/{phone} 200', 'success');
    answer.data.h = '4:MTcwNTQwNjYxNDczNS5qcGc=:aW1hZ2UvcG5n:e:1719648253';
    valid(host, schema, answer);
  });
});

describe("2. a code means what that host's document says", () => {
  it('22123 on api.nxcloud.com is the merchant phone number error', () => {
    const entry = codeOf('api.nxcloud.com', '/saas/wa/send', 22123);
    expect(entry.meaning).toBe('商户手机号错误');
    expect(entry.meaning).not.toMatch(/recipient/i);
    expect(entry.remedy).toMatch(/business_phone/);
    expect(entry.remedy).not.toMatch(/recipient|\bto\b/);
  });
  it('22123 on api-idn.nxlink.ai is the recipient phone error', () => {
    const entry = codeOf('api-idn.nxlink.ai', '/saas/wa/send', 22123);
    expect(entry.meaning).toMatch(/recipient/i);
    expect(entry.meaning).not.toMatch(/merchant/i);
    expect(entry.remedy).toMatch(/\bto\b|recipient/);
  });
});

describe('3. no constraint that no document states', () => {
  const api2 = 'api2.nxcloud.com';
  const mt = requestSchemaPointer(api2, '/api/wa/mt', 'post');
  it.each([
    ['a phone number of 5 digits', (b: any) => (b.to = '12345')],
    ['a phone number of 16 digits', (b: any) => (b.to = '8613600009759123')],
    ['a phone number with a leading +', (b: any) => (b.business_phone = '+8615800001795')],
    ['an empty cus_message_id', (b: any) => (b.cus_message_id = '')],
    ['an empty text body', (b: any) => (b.text.body = '')],
    ['an empty appkey', (b: any) => (b.appkey = '')],
  ])('mt accepts %s', (_label, mutate) => {
    const body = example(api2, 'POST /api/wa/mt request', 'text');
    mutate(body);
    valid(api2, mt, body);
  });
  it('mt accepts a media object with both id and link ("either is required" is not "not both")', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'image');
    body.image.link = 'https://example.com/a.jpg';
    valid(api2, mt, body);
  });
  it('mt still rejects a media object with neither id nor link', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'image');
    delete body.image.id;
    invalid(api2, mt, body);
  });
  it('mt accepts a media id that is empty', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'image');
    body.image.id = '';
    valid(api2, mt, body);
  });
  it('mt accepts a location outside the usual degree ranges (no document bounds them)', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'location');
    body.location.latitude = 95;
    body.location.longitude = 200;
    valid(api2, mt, body);
  });
  it('mt accepts a carousel with no cards and a card_index below 0', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'templateCarousel');
    const withIndex = clone(body);
    withIndex.template.components[1].cards[0].card_index = -1;
    valid(api2, mt, withIndex);
    body.template.components[1].cards = [];
    valid(api2, mt, body);
  });
  it('the mt answer may carry an empty message list', () => {
    const answer = example(api2, 'POST /api/wa/mt 200', 'success');
    answer.data.messages = [];
    valid(api2, responseSchemaPointer(api2, '/api/wa/mt', 'post'), answer);
  });
  for (const host of ['api.nxcloud.com', 'api-idn.nxlink.ai']) {
    const send = requestSchemaPointer(host, '/saas/wa/send', 'post');
    it(`${host} send accepts tenant_id 0, an empty appkey and a negative button index`, () => {
      const body = example(host, 'POST /saas/wa/send request', 'urlButtons');
      body.tenant_id = 0;
      body.appkey = '';
      body.template.components[0].index = -1;
      valid(host, send, body);
    });
  }
  it('api-idn.nxlink.ai send accepts a recipient BSUID in a form the document does not rule out', () => {
    const host = 'api-idn.nxlink.ai';
    const body = example(host, 'POST /saas/wa/send request', 'bodyVariables');
    delete body.to;
    body.recipient = 'hk.7337400005265-1';
    valid(host, requestSchemaPointer(host, '/saas/wa/send', 'post'), body);
  });
  describe('api-hk.nxlink.ai parameters', () => {
    const host = 'api-hk.nxlink.ai';
    const path = '/saas/wa/template/{phone}';
    it.each([
      ['page_number 0', 'page_number', 0],
      ['page_size 0', 'page_size', 0],
      ['tenant_id 0', 'tenant_id', 0],
      ['a phone with a leading +', 'phone', '+8615800001795'],
    ] as const)('accepts %s', (_label, name, value) => {
      valid(host, parameterSchemaPointer(host, path, 'get', name), value);
    });
    it('accepts a template id that is not all digits', () => {
      valid(host, parameterSchemaPointer(host, '/saas/wa/template/{phone}/{id}', 'get', 'id'), 'abc-1');
    });
    it('accepts a COPY_CODE button whose example is empty', () => {
      const body = example(host, `POST ${path} request`, 'urlButtons');
      body.buttonComponents.push({ type: 'COPY_CODE', text: 'Copy', example: [] });
      valid(host, requestSchemaPointer(host, path, 'post'), body);
    });
  });
  it('a callback ts header of other than 13 digits is accepted', () => {
    const doc = loadBundle('api2.nxcloud.com');
    const ts = Object.entries(doc.components.parameters as Doc).find(
      ([, p]) => (p as Doc).in === 'header' && (p as Doc).name === 'ts',
    );
    expect(ts).toBeDefined();
    valid('api2.nxcloud.com', `#/components/parameters/${ts![0]}/schema`, '165571088543');
  });
});

describe('4. category and retryable only as the documents support', () => {
  // The only code whose document gives a reason to try again: the ts header is checked against the clock.
  const RETRYABLE = new Set([1004]);
  const entries = allOperations.flatMap(({ host, path, method, op }) =>
    (op['x-nxcloud-errors'] as Doc[]).map((e) => ({ label: `${host} ${method.toUpperCase()} ${path} ${e.code}`, e })),
  );
  it.each(entries.map((x) => [x.label, x.e] as const))('%s', (_label, e) => {
    expect(e.retryable).toBe(RETRYABLE.has(e.code));
    if (!RETRYABLE.has(e.code)) expect(e.category).not.toBe('transient');
  });

  it('the generated error table of the client carries the same category and retryable', async () => {
    const { errorEntries: table } = await import('../../packages/client/src/generated/operations.ts');
    for (const [code, category, retryable] of table) {
      expect(retryable, `code ${code}`).toBe(RETRYABLE.has(code));
      if (!RETRYABLE.has(code)) expect(category, `code ${code}`).not.toBe('transient');
    }
    for (const code of [-1, 9001, 22041, 22042]) expect(table.some(([c]) => c === code)).toBe(true);
  });
});

describe('5. bodiless HK GET and DELETE calls carry Content-Type: application/json', () => {
  const host = 'api-hk.nxlink.ai';
  const bodiless = allOperations.filter((o) => o.host === host && !o.op.requestBody);
  it('are five', () => {
    expect(bodiless.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'delete /saas/wa/template/{phone}/{id}',
      'get /saas/openapi/chat/records',
      'get /saas/wa/flow/{phone}',
      'get /saas/wa/template/{phone}',
      'get /saas/wa/template/{phone}/{id}',
    ]);
  });
  it.each(bodiless.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op] as const))('%s says so', (_label, op) => {
    expect(op['x-nxcloud-content-type']).toBe('application/json');
    expect(op.description).toMatch(/Content-Type: application\/json/);
    expect(op.description).toMatch(/1003/);
    // Not a parameter: generated clients must not ask callers for it.
    expect((op.parameters ?? []).map((p: Doc) => p.name ?? p.$ref).join(' ')).not.toMatch(/content-type/i);
  });
});

describe('6. 22016 and 22072 on every HK operation are a reading, and say so', () => {
  const host = 'api-hk.nxlink.ai';
  // The reading covers the operations of the media upload's own document; the host's CDP and chat-record pages
  // are other documents, whose codes are their own.
  const others = allOperations.filter(
    (o) => o.host === host && o.path !== '/saas/wa/media/{phone}' && o.path.startsWith('/saas/wa/'),
  );
  it.each(others.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op] as const))('%s', (_label, op) => {
    expect(op['x-nxcloud-errors'].map((e: Doc) => e.code)).toEqual(expect.arrayContaining([22016, 22072]));
    expect(op.description).toMatch(/22016 and 22072[^.]*only[^.]*upload/);
  });
});

describe('7. /api/wa/otp business_phone: the contradiction, and no invented reason', () => {
  const host = 'api2.nxcloud.com';
  it('states the contradiction where the field is described', () => {
    const op = operation(host, '/api/wa/otp', 'post');
    const schema = loadBundle(host).components.schemas.SendOtpRequest;
    for (const text of [op.description, schema.description]) {
      expect(text).toMatch(/table[^.]*business_phone[^.]*required[^.]*example[^.]*(omits|leaves it out)/);
      expect(text).not.toMatch(/template group|because|since|so that/);
    }
  });
});

describe('8. rules the documents state are enforced', () => {
  const api2 = 'api2.nxcloud.com';
  const mt = requestSchemaPointer(api2, '/api/wa/mt', 'post');
  it.each([
    ['a body component with sub_type', (b: any) => (b.template.components[0].sub_type = 'URL')],
    ['a body component with index', (b: any) => (b.template.components[0].index = 0)],
  ])('mt rejects %s (no value for other types)', (_label, mutate) => {
    const body = example(api2, 'POST /api/wa/mt request', 'template');
    mutate(body);
    invalid(api2, mt, body);
  });
  it('mt rejects a header component with sub_type', () => {
    const body = example(api2, 'POST /api/wa/mt request', 'templateOtp');
    body.template.components.unshift({ type: 'header', sub_type: 'url', parameters: [] });
    invalid(api2, mt, body);
  });

  const hk = 'api-hk.nxlink.ai';
  const create = requestSchemaPointer(hk, '/saas/wa/template/{phone}', 'post');
  it('HK rejects a dynamic URL button without example', () => {
    const body = example(hk, 'POST /saas/wa/template/{phone} request', 'urlButtons');
    body.buttonComponents.push({ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}' });
    invalid(hk, create, body);
    body.buttonComponents[body.buttonComponents.length - 1].example = ['https://example.com/track/1'];
    valid(hk, create, body);
  });
  it('HK accepts customizeType on a URL button: the table gives it for QUICK_REPLY, example 4 sends it on URL too', () => {
    const body = example(hk, 'POST /saas/wa/template/{phone} request', 'urlButtons');
    body.buttonComponents.push({
      type: 'URL',
      text: 'Site',
      url: 'https://example.com/',
      customizeType: 'conventional',
    });
    valid(hk, create, body);
    expect(loadBundle(hk).components.schemas.TemplateButton.description).toMatch(
      /customizeType[^.]*QUICK_REPLY[^.]*example 4[^.]*URL/,
    );
  });
  it.each([
    ['a CJK compatibility ideograph', 'name_\uF900'],
    ['a CJK Extension B ideograph', 'name_\u{20000}'],
    ['a CJK Extension A ideograph', 'name_\u3400'],
  ])('HK rejects a name with %s', (_label, name) => {
    const body = example(hk, 'POST /saas/wa/template/{phone} request', 'urlButtons');
    body.name = name;
    invalid(hk, create, body);
  });
  it('HK accepts a name with other letters and digits', () => {
    const body = example(hk, 'POST /saas/wa/template/{phone} request', 'urlButtons');
    body.name = 'promo_été_2024';
    valid(hk, create, body);
  });
});

describe('9. the specs describe themselves accurately', () => {
  it('no example keeps an x mask in a phone number', () => {
    const masked: string[] = [];
    // Phone fields by name; masked IDs (template IDs, WABA IDs) are kept as the vendor wrote them.
    const PHONE_KEY = /phone|^to$|^from$|wa_id|recipient_id/;
    const visit = (v: unknown, at: string, key: string) => {
      if (typeof v === 'string') {
        if (PHONE_KEY.test(key) && /x/.test(v)) masked.push(`${at}: ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}/${i}`, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${at}/${k}`, k);
    };
    for (const host of hosts) for (const e of namedExamples(host)) visit(e.value, `${host} ${e.where} ${e.name}`, '');
    expect(masked).toEqual([]);
  });
  it('api.nxcloud.com does not claim that the newer page wins', () => {
    expect(loadBundle('api.nxcloud.com').info.description).not.toMatch(/newer (one|page|document) wins/);
  });
  it('every README anchor the specs link to exists', () => {
    const headings = (file: string) =>
      new Set(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('#'))
          .map((l) =>
            l
              .replace(/^#+\s*/, '')
              .toLowerCase()
              .replace(/[^a-z0-9 -]/g, '')
              .replace(/ /g, '-'),
          ),
      );
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (['node_modules', 'dist', 'reference', 'test'].includes(f)) continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.yaml') || p.endsWith('.md')) files.push(p);
      }
    };
    walk(specDir);
    const broken: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /((?:spec\/)?(?:[\w-]+\/)*(?:README|EXTENSIONS)(?:\.md)?)#([\w-]+)/g,
      )) {
        const target = join(specDir, m[1].replace(/^spec\//, '').replace(/(README|EXTENSIONS)$/, '$1.md'));
        if (!headings(target).has(m[2])) broken.push(`${relative(specDir, file)}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
  });
  it('location coordinates may be given as strings, as the document sends them', () => {
    const host = 'api2.nxcloud.com';
    const body = example(host, 'POST /api/wa/mt request', 'location');
    body.location.latitude = '22.550802897696343';
    body.location.longitude = '113.93844723701477';
    valid(host, requestSchemaPointer(host, '/api/wa/mt', 'post'), body);
    body.location.longitude = { degrees: 113.9 };
    invalid(host, requestSchemaPointer(host, '/api/wa/mt', 'post'), body);
  });
});

describe('descriptions carry no provenance (that is x-nxcloud-source)', () => {
  const PROVENANCE = /Source:|\bseeds? ?0\d\d\b|seeds\/|nxcloud-wiki|\b[\w-]+\.(md|txt)\b|Written from/i;
  const texts: [string, string][] = [];
  for (const host of hosts) {
    const doc = loadBundle(host);
    const visit = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}/${i}`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'x-nxcloud-source' || k === 'x-generated') continue;
          if (['description', 'summary', 'meaning', 'remedy', 'title'].includes(k) && typeof x === 'string')
            texts.push([`${host} ${at}/${k}`, x]);
          else visit(x, `${at}/${k}`);
        }
      }
    };
    visit(doc, '#');
  }
  it('covers the texts', () => expect(texts.length).toBeGreaterThan(300));
  it('none names a reference document', () => {
    expect(texts.filter(([, t]) => PROVENANCE.test(t)).map(([at, t]) => `${at}: ${t.slice(0, 120)}`)).toEqual([]);
  });
  it('every operation and callback names its documents in x-nxcloud-source', () => {
    for (const { op } of allOperations) expect(op['x-nxcloud-source'].length).toBeGreaterThan(0);
    for (const host of hosts) {
      for (const item of Object.values(loadBundle(host).webhooks ?? {}))
        expect((item as Doc).post['x-nxcloud-source'].length).toBeGreaterThan(0);
    }
  });
});
