// The drift report: the proxy in front of a stand-in NxCloud that answers as documented, then departs from the spec
// on purpose in one way at a time. Each departure is reported once with its count and spec location — and nothing
// else is, not even for the answers that conform.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi2Client } from '@org/nxwa-client';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createValidator } from '../../src/checks/validation.js';
import { loadSpec } from '../../src/http/hosts.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { answerDrift, createDriftLog, schemaDrift } from '../../src/proxy/drift.js';
import { tempDirs } from '../temp-dirs.js';
import { APP, type Departure, startNxcloud } from './nxcloud.js';

let nxcloud: Awaited<ReturnType<typeof startNxcloud>>;
let mock: RunningMock;
const reportFile = join(tempDirs()('drift'), 'report.json');

beforeAll(async () => {
  nxcloud = await startNxcloud();
  mock = await startMock({
    hosts: ['api2.nxcloud.com'],
    portBase: 0,
    proxy: true,
    upstreams: { 'api2.nxcloud.com': nxcloud.url },
    reportFile,
  });
});
afterAll(async () => {
  await mock?.stop();
  await nxcloud?.close();
});
beforeEach(() => {
  mock.reset();
  nxcloud.depart('none');
});

const app = () => createApi2Client({ ...APP, baseUrl: mock.urls['api2.nxcloud.com']!, retry: { attempts: 1 } });

const send = (to = '8613600009759', recipientType = 'individual') =>
  app().POST('/api/wa/mt', {
    body: {
      appkey: 'staging-appkey-secret',
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      recipient_type: recipientType as 'individual',
      to,
      type: 'text',
      text: { body: 'Your order has shipped' },
    },
  });

/** What the report keeps of each departure, for an exact comparison. */
const shapes = () =>
  mock.drift().map(({ host, operationId, source, kind, field, location, count }) => ({
    host,
    operationId,
    source,
    kind,
    field,
    location,
    count,
  }));

const SEND = { host: 'api2.nxcloud.com', operationId: 'sendMessage', source: 'answer' } as const;

describe('the drift report', () => {
  it('is empty while the upstream answers as documented', async () => {
    for (let i = 0; i < 3; i++) expect((await send()).error).toBeUndefined();
    expect(nxcloud.arrived.at(-1)?.signatureValid).toBe(true);
    expect(mock.drift()).toEqual([]);
  });

  const cases: [Departure, Omit<ReturnType<typeof shapes>[number], keyof typeof SEND | 'count'>][] = [
    [
      'extra-field',
      { kind: 'unknown-field', field: 'cost', location: '/components/schemas/SendMessageSuccess/properties' },
    ],
    [
      'missing-field',
      {
        kind: 'missing-field',
        field: 'data.messages',
        location: '/components/schemas/SendMessageSuccess/properties/data/required',
      },
    ],
    [
      'undocumented-code',
      { kind: 'undocumented-code', field: 'code', location: '/paths/~1api~1wa~1mt/post/x-nxcloud-errors' },
    ],
    [
      'number-as-string',
      { kind: 'wrong-type', field: 'code', location: '/components/schemas/SendMessageSuccess/properties/code/type' },
    ],
  ];

  for (const [departure, expected] of cases)
    it(`names ${departure} once, counted, with the spec location it contradicts`, async () => {
      await send();
      nxcloud.depart(departure);
      await send('8613600009759');
      await send('8613600001111');
      nxcloud.depart('none');
      await send();
      expect(shapes()).toEqual([{ ...SEND, ...expected, count: 2 }]);
      const [d] = mock.drift();
      // The location resolves in the bundled spec the mock serves.
      const spec = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../../spec/dist/api2.nxcloud.com.json'), 'utf8'),
      );
      const at = d.location
        .split('/')
        .slice(1)
        .reduce((node: any, k: string) => node?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
      expect(at, d.location).toBeDefined();
      expect(d.firstAt <= d.lastAt).toBe(true);
    });

  it('is served as GET /__nxwa/drift and written to the --report file, examples masked', async () => {
    nxcloud.depart('extra-field');
    await send();
    const answer = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/drift`);
    expect(answer.status).toBe(200);
    const { drift } = (await answer.json()) as { drift: { kind: string; example: string }[] };
    expect(drift).toEqual(mock.drift());
    expect(drift.map((d) => d.kind)).toEqual(['unknown-field']);
    mock.writeReport();
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.drift).toEqual(mock.drift());
    // The report's shipped JSON Schema describes the section.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ((addFormatsModule as any).default ?? addFormatsModule)(ajv);
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8'),
    );
    const validate = ajv.compile(schema);
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    expect(schema.properties.drift.items.required).toEqual(Object.keys(drift[0]));
  });

  it('records a request the spec refuses but the upstream takes, forwarded all the same', async () => {
    const before = nxcloud.arrived.length;
    // The spec says `individual` only; the stand-in does not look.
    const { error } = await send('8613600009759', 'group');
    expect(error).toBeUndefined();
    expect(nxcloud.arrived.length).toBe(before + 1);
    expect(mock.violations().map((v) => [v.operationId, v.field])).toEqual([['sendMessage', 'recipient_type']]);
    expect(shapes()).toEqual([
      {
        ...SEND,
        source: 'request',
        kind: 'accepted-against-spec',
        field: 'recipient_type',
        location: '/paths/~1api~1wa~1mt/post',
        count: 1,
      },
    ]);
    // The example is the request, its secrets and phone numbers masked.
    const [d] = mock.drift();
    expect(d.example).toContain('"appkey":"***"');
    expect(d.example).not.toContain('8613600009759');
    expect(d.example).toContain('•••••••••••59');
  });
});

describe('the drift log', () => {
  it('keeps at most its limit of distinct departures, and goes on counting those it has', () => {
    const log = createDriftLog(2);
    const finding = (field: string) => ({
      kind: 'unknown-field' as const,
      field,
      expected: '',
      got: 'string',
      location: '/x',
    });
    for (const field of ['a', 'b', 'c', 'a'])
      log.record('api2.nxcloud.com', 'sendMessage', 'answer', [finding(field)], {});
    expect(log.list().map((d) => [d.field, d.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});

describe('an answer against its operation', () => {
  const spec = loadSpec('api2.nxcloud.com');
  const v = createValidator('api2.nxcloud.com', spec);
  const op = { path: '/api/wa/mt', method: 'post' };
  const ok = JSON.stringify({ code: 0, message: 'ok', data: { messages: [{ id: 'x' }] } });

  it('names an HTTP status the operation does not document, and a content type it does not give', () => {
    expect(answerDrift(v, spec, op, { status: 502, contentType: 'text/html', text: '<h1>Bad gateway</h1>' })).toEqual([
      {
        kind: 'undocumented-status',
        field: '',
        expected: 'HTTP 200',
        got: 'HTTP 502',
        location: '/paths/~1api~1wa~1mt/post/responses',
      },
    ]);
    expect(answerDrift(v, spec, op, { status: 200, contentType: 'text/html; charset=utf-8', text: ok })).toEqual([
      {
        kind: 'undocumented-content-type',
        field: '',
        expected: 'application/json',
        got: 'text/html',
        location: '/paths/~1api~1wa~1mt/post/responses/200/content',
      },
    ]);
    expect(
      answerDrift(v, spec, op, { status: 200, contentType: 'application/json', text: '{"code":0,' }),
    ).toMatchObject([{ kind: 'not-json', location: '/paths/~1api~1wa~1mt/post/responses/200/content' }]);
  });

  it('finds nothing in a documented answer, success or a documented failure', () => {
    expect(answerDrift(v, spec, op, { status: 200, contentType: 'application/json;charset=UTF-8', text: ok })).toEqual(
      [],
    );
    const failure = JSON.stringify({ code: 10005, message: 'Template does not exist', data: null });
    expect(answerDrift(v, spec, op, { status: 200, contentType: 'application/json', text: failure })).toEqual([]);
  });

  it('names each field of an array element once, whatever the number of elements', () => {
    const many = JSON.stringify({
      code: 0,
      message: 'ok',
      data: { messages: [{ id: 1 }, { id: 2 }, { id: 'x', extra: 1 }] },
    });
    expect(
      answerDrift(v, spec, op, { status: 200, contentType: 'application/json', text: many }).map((f) => [
        f.kind,
        f.field,
      ]),
    ).toEqual([
      ['wrong-type', 'data.messages[].id'],
      ['unknown-field', 'data.messages[].extra'],
    ]);
  });

  it('walks the branch of a discriminated oneOf that the value names, and only that one', () => {
    const body = '/paths/~1api~1wa~1mt/post/requestBody/content/application~1json/schema';
    const sent = {
      appkey: 'k',
      business_phone: '1',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '2',
    };
    const found = (value: object) => schemaDrift(v, body, value).map((f) => [f.kind, f.field, f.location]);
    expect(found({ ...sent, type: 'image', image: { link: 5 } })).toEqual([
      ['wrong-type', 'image.link', '/components/schemas/HttpUrl/type'],
    ]);
    expect(found({ ...sent, type: 'text', text: { body: 'hi' } })).toEqual([]);
    // A value no branch names: the property's own finding, and nothing from any branch's schema.
    const unnamed = found({ ...sent, type: 'fax', fax: {} });
    expect(unnamed[0]).toEqual(['wrong-value', 'type', '/components/schemas/SendMessageRequest/properties/type/enum']);
    expect(new Set(unnamed.slice(1).map(([kind, , location]) => `${kind} ${location}`))).toEqual(
      new Set(['unknown-field /components/schemas/SendMessageRequest/properties']),
    );
  });
});
