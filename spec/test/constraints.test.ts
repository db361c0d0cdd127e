// Payloads that break a rule the documents state are rejected (and the error names the field at fault);
// payloads in every form the documents allow are accepted. Each case starts from a documented example.
import { describe, expect, it } from 'vitest';
import { blamesField, type Case, clone } from './support/cases.js';
import {
  describeErrors,
  type Json,
  namedExamples,
  operation,
  requestSchemaPointer,
  responseSchemaPointer,
  validatorAt,
  webhookSchemaPointer,
} from './support/spec.js';

function example(host: string, where: string, name: string): Json {
  const found = namedExamples(host).find((e) => e.where.startsWith(where) && e.name === name);
  if (!found) throw new Error(`no example ${name} at ${where} in ${host}`);
  return found.value;
}

function rejects(host: string, schemaPointer: string, base: Json, cases: Case[]) {
  const validate = validatorAt(host, schemaPointer);
  it('accepts the unchanged example', () => {
    expect(validate(clone(base)), describeErrors(validate.errors)).toBe(true);
  });
  it.each(cases.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => {
    const body = clone(base);
    c.mutate(body);
    expect(validate(body)).toBe(false);
    if (c.blames) expect(blamesField(validate.errors, c.blames), describeErrors(validate.errors)).toBe(true);
  });
}

function accepts(host: string, schemaPointer: string, base: Json, cases: Case[]) {
  const validate = validatorAt(host, schemaPointer);
  it.each(cases.map((c) => [c.name, c] as const))('accepts: %s', (_name, c) => {
    const body = clone(base);
    c.mutate(body);
    expect(validate(body), describeErrors(validate.errors)).toBe(true);
  });
}

const drop = (key: string) => (b: any) => delete b[key];

describe('api2.nxcloud.com POST /api/wa/mt', () => {
  const host = 'api2.nxcloud.com';
  const schema = requestSchemaPointer(host, '/api/wa/mt', 'post');
  const text = example(host, 'POST /api/wa/mt request', 'text');
  const image = example(host, 'POST /api/wa/mt request', 'image');
  const location = example(host, 'POST /api/wa/mt request', 'location');
  const template = example(host, 'POST /api/wa/mt request', 'template');
  const otpTemplate = example(host, 'POST /api/wa/mt request', 'templateOtp');
  const carousel = example(host, 'POST /api/wa/mt request', 'templateCarousel');

  describe('common fields (text message)', () => {
    rejects(host, schema, text, [
      ...['appkey', 'business_phone', 'messaging_product', 'recipient_type', 'to', 'type'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
      {
        name: 'messaging_product other than whatsapp',
        mutate: (b) => (b.messaging_product = 'sms'),
        blames: 'messaging_product',
      },
      {
        name: 'recipient_type other than individual',
        mutate: (b) => (b.recipient_type = 'group'),
        blames: 'recipient_type',
      },
      { name: 'an unknown message type', mutate: (b) => (b.type = 'contacts'), blames: 'type' },
      { name: 'dr_webhook that is not a string', mutate: (b) => (b.dr_webhook = 42), blames: 'dr_webhook' },
      { name: 'api_type other than 0 or 1', mutate: (b) => (b.api_type = 2), blames: 'api_type' },
    ]);
  });

  describe('exactly one message object, the one named by type', () => {
    rejects(host, schema, text, [
      { name: 'type text without its text object', mutate: drop('text'), blames: 'text' },
      {
        name: 'type text carrying an image object instead',
        mutate: (b) => {
          delete b.text;
          b.image = { id: 'x' };
        },
        blames: 'text',
      },
      { name: 'type text carrying an image object too', mutate: (b) => (b.image = { id: 'x' }), blames: 'image' },
      { name: 'type image carrying a text object', mutate: (b) => (b.type = 'image'), blames: 'text' },
      { name: 'text without body', mutate: (b) => delete b.text.body, blames: 'text/body' },
      {
        name: 'preview_url that is not a boolean',
        mutate: (b) => (b.text.preview_url = 'yes'),
        blames: 'text/preview_url',
      },
      { name: 'context without message_id', mutate: (b) => (b.context = {}), blames: 'context/message_id' },
    ]);
  });

  describe('media by id or link', () => {
    rejects(host, schema, image, [
      { name: 'neither id nor link', mutate: (b) => delete b.image.id, blames: 'image/id' },
      {
        name: 'a link that is not http(s)',
        mutate: (b) => {
          delete b.image.id;
          b.image.link = 'file:///etc/passwd';
        },
        blames: 'image/link',
      },
    ]);
    accepts(host, schema, image, [
      {
        name: 'an image by link',
        mutate: (b) => {
          delete b.image.id;
          b.image.link = 'https://example.com/a.jpg';
        },
      },
    ]);
  });

  describe('location', () => {
    rejects(host, schema, location, [
      { name: 'missing longitude', mutate: (b) => delete b.location.longitude, blames: 'location/longitude' },
      { name: 'missing latitude', mutate: (b) => delete b.location.latitude, blames: 'location/latitude' },
      { name: 'longitude as an object', mutate: (b) => (b.location.longitude = {}), blames: 'location/longitude' },
    ]);
  });

  describe('template', () => {
    rejects(host, schema, template, [
      { name: 'a template without a name', mutate: (b) => delete b.template.name, blames: 'template/name' },
      { name: 'a template without a language', mutate: (b) => delete b.template.language, blames: 'template/language' },
      {
        name: 'an unknown language code',
        mutate: (b) => (b.template.language.code = 'en-US'),
        blames: 'template/language/code',
      },
      {
        name: 'a policy other than deterministic',
        mutate: (b) => (b.template.language.policy = 'fallback'),
        blames: 'template/language/policy',
      },
      {
        name: 'an unknown component type',
        mutate: (b) => (b.template.components[0].type = 'footer'),
        blames: 'template/components/0/type',
      },
      {
        name: 'an image parameter in the body',
        mutate: (b) => (b.template.components[0].parameters[0] = { type: 'image', image: { id: '1' } }),
        blames: 'template/components/0/parameters/0/type',
      },
      {
        name: 'a text parameter without text',
        mutate: (b) => delete b.template.components[0].parameters[1].text,
        blames: 'template/components/0/parameters/1/text',
      },
    ]);
    rejects(host, schema, otpTemplate, [
      {
        name: 'a URL button with a payload parameter',
        mutate: (b) => (b.template.components[1].parameters[0] = { type: 'payload', payload: 'p' }),
        blames: 'template/components/1/parameters/0/type',
      },
      {
        name: 'a button without sub_type',
        mutate: (b) => delete b.template.components[1].sub_type,
        blames: 'template/components/1/sub_type',
      },
      {
        name: 'an unknown button sub_type',
        mutate: (b) => (b.template.components[1].sub_type = 'COPY_CODE'),
        blames: 'template/components/1/sub_type',
      },
      {
        name: 'a button without index',
        mutate: (b) => delete b.template.components[1].index,
        blames: 'template/components/1/index',
      },
      {
        name: 'a button index above 2',
        mutate: (b) => (b.template.components[1].index = 3),
        blames: 'template/components/1/index',
      },
      {
        name: 'a button index "5" as text',
        mutate: (b) => (b.template.components[1].index = '5'),
        blames: 'template/components/1/index',
      },
    ]);
    accepts(host, schema, otpTemplate, [
      { name: 'sub_type URL in capitals (the table)', mutate: (b) => (b.template.components[1].sub_type = 'URL') },
      { name: 'index as an integer (the carousel example)', mutate: (b) => (b.template.components[1].index = 0) },
      {
        name: 'a header with a video parameter by link',
        mutate: (b) =>
          b.template.components.unshift({
            type: 'header',
            parameters: [{ type: 'video', video: { link: 'https://example.com/v.mp4' } }],
          }),
      },
    ]);
    rejects(host, schema, carousel, [
      {
        name: 'a carousel without cards',
        mutate: (b) => delete b.template.components[1].cards,
        blames: 'template/components/1/cards',
      },
      {
        name: 'a card without card_index',
        mutate: (b) => delete b.template.components[1].cards[0].card_index,
        blames: 'template/components/1/cards/0/card_index',
      },
      {
        name: 'a card without components',
        mutate: (b) => delete b.template.components[1].cards[0].components,
        blames: 'template/components/1/cards/0/components',
      },
      {
        name: 'a carousel inside a card',
        mutate: (b) => b.template.components[1].cards[0].components.push({ type: 'carousel', cards: [] }),
        blames: 'template/components/1/cards/0/components/3/type',
      },
      {
        name: 'a quick-reply button with a text parameter',
        mutate: (b) => (b.template.components[1].cards[0].components[1].parameters[0] = { type: 'text', text: 't' }),
        blames: 'template/components/1/cards/0/components/1/parameters/0/type',
      },
    ]);
  });
});

describe('api2.nxcloud.com POST /api/wa/otp', () => {
  const host = 'api2.nxcloud.com';
  const schema = requestSchemaPointer(host, '/api/wa/otp', 'post');
  const otp = example(host, 'POST /api/wa/otp request', 'otp');
  rejects(host, schema, otp, [
    ...['appkey', 'messaging_product', 'recipient_type', 'to', 'content', 'language_code'].map((f) => ({
      name: `missing ${f}`,
      mutate: drop(f),
      blames: f,
    })),
    { name: 'content without digits', mutate: (b) => (b.content = 'your code'), blames: 'content' },
    { name: 'a code of 3 digits', mutate: (b) => (b.content = 'code 123'), blames: 'content' },
    { name: 'a run of 9 digits', mutate: (b) => (b.content = '123456789'), blames: 'content' },
    { name: 'category MARKETING', mutate: (b) => (b.category = 'MARKETING'), blames: 'category' },
    { name: 'an unknown language_code', mutate: (b) => (b.language_code = 'english'), blames: 'language_code' },
  ]);
  accepts(host, schema, otp, [
    { name: 'a 4-digit code in a sentence', mutate: (b) => (b.content = 'Your code is 4821.') },
    { name: 'an 8-digit code', mutate: (b) => (b.content = '48213377') },
    {
      name: 'category UTILITY with a business_phone',
      mutate: (b) => {
        b.category = 'UTILITY';
        b.business_phone = '8615800001795';
      },
    },
  ]);
});

describe('api2.nxcloud.com media', () => {
  const host = 'api2.nxcloud.com';
  describe('POST /api/wa/uploadMedia', () => {
    const schema = requestSchemaPointer(host, '/api/wa/uploadMedia', 'post', 'multipart/form-data');
    rejects(host, schema, example(host, 'POST /api/wa/uploadMedia request', 'jpeg'), [
      ...['business_phone', 'messaging_product', 'file', 'type'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
      { name: 'a MIME type WhatsApp does not take', mutate: (b) => (b.type = 'image/gif'), blames: 'type' },
    ]);
  });
  for (const path of ['/api/wa/getMedia', '/api/wa/deleteMedia']) {
    describe(`POST ${path}`, () => {
      const base = example(host, `POST ${path} request`, path.endsWith('getMedia') ? 'getMedia' : 'deleteMedia');
      rejects(host, requestSchemaPointer(host, path, 'post'), base, [
        ...['business_phone', 'messaging_product', 'Media-ID'].map((f) => ({
          name: `missing ${f}`,
          mutate: drop(f),
          blames: f,
        })),
        {
          name: 'media_id instead of Media-ID',
          mutate: (b) => {
            b.media_id = b['Media-ID'];
            delete b['Media-ID'];
          },
          blames: 'Media-ID',
        },
      ]);
    });
  }
});

describe('answers', () => {
  const host = 'api2.nxcloud.com';
  const schema = responseSchemaPointer(host, '/api/wa/mt', 'post');
  const success = example(host, 'POST /api/wa/mt 200', 'success');
  const meta = example(host, 'POST /api/wa/mt 200', 'metaFailure');
  rejects(host, schema, success, [
    { name: 'a success without data', mutate: drop('data'), blames: 'data' },
    { name: 'code 0 with data null', mutate: (b) => (b.data = null), blames: 'data' },
    { name: 'a code that is not an integer', mutate: (b) => (b.code = '0'), blames: 'code' },
  ]);
  rejects(host, schema, meta, [{ name: 'code 9099 whose data has no Meta error', mutate: (b) => (b.data = {}) }]);
});

for (const host of ['api.nxcloud.com', 'api-idn.nxlink.ai']) {
  describe(`${host} POST /saas/wa/send`, () => {
    const schema = requestSchemaPointer(host, '/saas/wa/send', 'post');
    const headerAndBody = example(host, 'POST /saas/wa/send request', 'headerImageAndBody');
    const urlButtons = example(host, 'POST /saas/wa/send request', 'urlButtons');
    rejects(host, schema, headerAndBody, [
      // The fields of error codes 21058–21063.
      ...['tenant_id', 'appkey', 'business_phone', 'type', 'template'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
      { name: 'type text (only template is sent)', mutate: (b) => (b.type = 'text'), blames: 'type' },
      { name: 'tenant_id as text', mutate: (b) => (b.tenant_id = '1'), blames: 'tenant_id' },
      {
        name: 'a header with a text parameter',
        mutate: (b) => (b.template.components[0].parameters[0] = { type: 'text', text: 'x' }),
        blames: 'template/components/0/parameters/0/type',
      },
      {
        name: 'a header image by id (only link is taken)',
        mutate: (b) => (b.template.components[0].parameters[0].image = { id: '1' }),
        blames: 'template/components/0/parameters/0/image/link',
      },
      {
        name: 'a body with a coupon_code parameter',
        mutate: (b) => (b.template.components[1].parameters[0] = { type: 'coupon_code', coupon_code: '1' }),
        blames: 'template/components/1/parameters/0/type',
      },
      {
        name: 'an unknown language code',
        mutate: (b) => (b.template.language.code = 'xx'),
        blames: 'template/language/code',
      },
    ]);
    rejects(host, schema, urlButtons, [
      {
        name: 'a quick-reply button (not sent through SaaS)',
        mutate: (b) => (b.template.components[0].sub_type = 'QUICK_REPLY'),
        blames: 'template/components/0/sub_type',
      },
      {
        name: 'a URL button with a coupon_code parameter',
        mutate: (b) => (b.template.components[0].parameters[0] = { type: 'coupon_code', coupon_code: '1' }),
        blames: 'template/components/0/parameters/0/type',
      },
      {
        name: 'a COPY_CODE button with a text parameter',
        mutate: (b) => (b.template.components[0].sub_type = 'COPY_CODE'),
        blames: 'template/components/0/parameters/0/type',
      },
      {
        name: 'a button index as text',
        mutate: (b) => (b.template.components[0].index = '0'),
        blames: 'template/components/0/index',
      },
    ]);
  });
}

describe('api.nxcloud.com POST /saas/wa/send requires to', () => {
  const host = 'api.nxcloud.com';
  rejects(
    host,
    requestSchemaPointer(host, '/saas/wa/send', 'post'),
    example(host, 'POST /saas/wa/send request', 'copyCode'),
    [{ name: 'missing to (21061)', mutate: drop('to'), blames: 'to' }],
  );
});

describe('api-idn.nxlink.ai POST /saas/wa/send takes to or recipient', () => {
  const host = 'api-idn.nxlink.ai';
  const schema = requestSchemaPointer(host, '/saas/wa/send', 'post');
  const byPhone = example(host, 'POST /saas/wa/send request', 'bodyVariables');
  rejects(host, schema, byPhone, [{ name: 'neither to nor recipient', mutate: drop('to'), blames: 'to' }]);
  accepts(host, schema, byPhone, [
    {
      name: 'recipient only',
      mutate: (b) => {
        delete b.to;
        b.recipient = 'HK.7337400005265';
      },
    },
    { name: 'both to and recipient (to wins)', mutate: (b) => (b.recipient = 'HK.7337400005265') },
  ]);
});

describe('api-hk.nxlink.ai templates', () => {
  const host = 'api-hk.nxlink.ai';
  const path = '/saas/wa/template/{phone}';
  const schema = requestSchemaPointer(host, path, 'post');
  const definition = example(host, `POST ${path} request`, 'urlButtons');
  const withEvents = example(host, `POST ${path} request`, 'quickReplyEvents');
  rejects(host, schema, definition, [
    ...['tenant_id', 'name', 'language', 'category_type', 'content'].map((f) => ({
      name: `missing ${f}`,
      mutate: drop(f),
      blames: f,
    })),
    {
      name: 'tenant_id spelt with a trailing space (as in the document)',
      mutate: (b) => {
        b['tenant_id '] = b.tenant_id;
        delete b.tenant_id;
      },
      blames: 'tenant_id',
    },
    { name: 'a name with Chinese characters', mutate: (b) => (b.name = '验证码模板'), blames: 'name' },
    { name: 'category_type 3', mutate: (b) => (b.category_type = 3), blames: 'category_type' },
    { name: 'an unknown language', mutate: (b) => (b.language = 'klingon'), blames: 'language' },
    { name: 'mediaType AUDIO', mutate: (b) => (b.mediaType = 'AUDIO'), blames: 'mediaType' },
    {
      name: 'an unknown button type',
      mutate: (b) => (b.buttonComponents[0].type = 'CALL'),
      blames: 'buttonComponents/0/type',
    },
    {
      name: 'a button without text',
      mutate: (b) => delete b.buttonComponents[0].text,
      blames: 'buttonComponents/0/text',
    },
    {
      name: 'a URL button without url',
      mutate: (b) => delete b.buttonComponents[1].url,
      blames: 'buttonComponents/1/url',
    },
    {
      name: 'a PHONE_NUMBER button without phoneNumber',
      mutate: (b) => b.buttonComponents.push({ type: 'PHONE_NUMBER', text: 'Call' }),
      blames: 'buttonComponents/3/phoneNumber',
    },
    {
      name: 'a FLOW button without flow_id',
      mutate: (b) => b.buttonComponents.push({ type: 'FLOW', text: 'Open' }),
      blames: 'buttonComponents/3/flow_id',
    },
    {
      name: 'a COPY_CODE button without example',
      mutate: (b) => b.buttonComponents.push({ type: 'COPY_CODE', text: 'Copy' }),
      blames: 'buttonComponents/3/example',
    },
    {
      name: 'an unknown customizeType',
      mutate: (b) => (b.buttonComponents[0].customizeType = 'custom'),
      blames: 'buttonComponents/0/customizeType',
    },
  ]);
  rejects(host, schema, withEvents, [
    {
      name: 'a tag event without tagName',
      mutate: (b) => delete b.buttonComponents[0].buttonEvents[0].tagName,
      blames: 'buttonComponents/0/buttonEvents/0/tagName',
    },
    {
      name: 'a template event without templateName',
      mutate: (b) => delete b.buttonComponents[0].buttonEvents[1].templateName,
      blames: 'buttonComponents/0/buttonEvents/1/templateName',
    },
    {
      name: 'a text event without text',
      mutate: (b) => delete b.buttonComponents[1].buttonEvents[1].text,
      blames: 'buttonComponents/1/buttonEvents/1/text',
    },
    {
      name: 'an unknown event',
      mutate: (b) => (b.buttonComponents[0].buttonEvents[0].event = 'webhook'),
      blames: 'buttonComponents/0/buttonEvents/0/event',
    },
  ]);
  accepts(host, schema, definition, [
    {
      name: 'a PHONE_NUMBER, a FLOW and a COPY_CODE button with what they need',
      mutate: (b) =>
        b.buttonComponents.push(
          { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '8615800001795' },
          { type: 'FLOW', text: 'Open', flow_id: '470341793809141' },
          { type: 'COPY_CODE', text: 'Copy', example: ['123123'] },
        ),
    },
  ]);

  describe('POST /saas/wa/media/{phone}', () => {
    rejects(
      host,
      requestSchemaPointer(host, '/saas/wa/media/{phone}', 'post', 'multipart/form-data'),
      example(host, 'POST /saas/wa/media/{phone} request', 'byUrl'),
      [
        { name: 'missing url', mutate: drop('url'), blames: 'url' },
        { name: 'a url that is not a string', mutate: (b) => (b.url = 7), blames: 'url' },
      ],
    );
  });
});

describe('callbacks', () => {
  const classic = 'api2.nxcloud.com';
  rejects(
    classic,
    webhookSchemaPointer(classic, 'messageStatus'),
    example(classic, 'POST messageStatus request', 'sent'),
    [
      { name: 'an unknown status', mutate: (b) => (b.statuses[0].status = 'bounced'), blames: 'statuses/0/status' },
      {
        name: 'an unknown cdr_type',
        mutate: (b) => (b.statuses[0].costs[0].cdr_type = 2),
        blames: 'statuses/0/costs/0/cdr_type',
      },
      {
        name: 'an unknown direction',
        mutate: (b) => (b.statuses[0].costs[0].direction = 3),
        blames: 'statuses/0/costs/0/direction',
      },
    ],
  );
  rejects(
    classic,
    webhookSchemaPointer(classic, 'inboundMessage'),
    example(classic, 'POST inboundMessage request', 'text'),
    [
      {
        name: 'an inbound message of unknown type',
        mutate: (b) => (b.messages[0].type = 'reaction'),
        blames: 'messages/0/type',
      },
      { name: 'an inbound message without type', mutate: (b) => delete b.messages[0].type, blames: 'messages/0/type' },
    ],
  );
  rejects(
    classic,
    webhookSchemaPointer(classic, 'templateEvent'),
    example(classic, 'POST templateEvent request', 'statusUpdate'),
    [
      { name: 'an account field on the template event', mutate: (b) => (b.field = 'account_update'), blames: 'field' },
      { name: 'no field', mutate: drop('field'), blames: 'field' },
    ],
  );
  const saas = 'api-hk.nxlink.ai';
  rejects(saas, webhookSchemaPointer(saas, 'buttonClick'), example(saas, 'POST buttonClick request', 'buttonClick'), [
    {
      name: 'a message type other than button',
      mutate: (b) => (b.messages[0].type = 'text'),
      blames: 'messages/0/type',
    },
    {
      name: 'wa_ext as an object (it is a JSON string)',
      mutate: (b) => (b.messages[0].wa_ext = { templateId: 233 }),
      blames: 'messages/0/wa_ext',
    },
  ]);
});

describe('api2.nxcloud.com template management', () => {
  const host = 'api2.nxcloud.com';
  const create = requestSchemaPointer(host, '/api/wa/createTemplate', 'post');
  const rich = example(host, 'POST /api/wa/createTemplate request', 'rich');
  const media = example(host, 'POST /api/wa/createTemplate request', 'mediaHeader');
  const oneTap = example(host, 'POST /api/wa/createTemplate request', 'authenticationOneTap');
  rejects(host, create, rich, [
    ...['appkey', 'business_phone', 'messaging_product', 'category', 'language', 'name', 'components'].map((f) => ({
      name: `missing ${f}`,
      mutate: drop(f),
      blames: f,
    })),
    { name: 'category OTP (not one of the three)', mutate: (b) => (b.category = 'OTP'), blames: 'category' },
    { name: 'an unknown language', mutate: (b) => (b.language = 'en-US'), blames: 'language' },
    { name: 'a component without type', mutate: (b) => delete b.components[2].type, blames: 'components/2/type' },
    { name: 'a HEADER without format', mutate: (b) => delete b.components[0].format, blames: 'components/0/format' },
    { name: 'a HEADER format AUDIO', mutate: (b) => (b.components[0].format = 'AUDIO'), blames: 'components/0/format' },
    { name: 'a TEXT HEADER without text', mutate: (b) => delete b.components[0].text, blames: 'components/0/text' },
    {
      name: 'a HEADER variable without header_text',
      mutate: (b) => delete b.components[0].example.header_text,
      blames: 'components/0/example/header_text',
    },
    {
      name: 'a BODY with variables and no example',
      mutate: (b) => delete b.components[1].example,
      blames: 'components/1/example',
    },
    { name: 'a BODY without text', mutate: (b) => delete b.components[1].text },
    { name: 'a FOOTER without text', mutate: (b) => delete b.components[2].text },
    { name: 'BUTTONS without buttons', mutate: (b) => delete b.components[3].buttons, blames: 'components/3/buttons' },
    {
      name: 'a button without text',
      mutate: (b) => delete b.components[3].buttons[0].text,
      blames: 'components/3/buttons/0/text',
    },
    {
      name: 'an unknown button type',
      mutate: (b) => (b.components[3].buttons[0].type = 'CALL'),
      blames: 'components/3/buttons/0/type',
    },
    {
      name: 'a URL button without url',
      mutate: (b) => (b.components[3].buttons[0] = { type: 'URL', text: 'Go' }),
      blames: 'components/3/buttons/0/url',
    },
    {
      name: 'a dynamic URL button without example',
      mutate: (b) => (b.components[3].buttons[0] = { type: 'URL', text: 'Go', url: 'https://example.com/{{1}}' }),
      blames: 'components/3/buttons/0/example',
    },
    {
      name: 'a PHONE_NUMBER button without phone_number',
      mutate: (b) => (b.components[3].buttons[0] = { type: 'PHONE_NUMBER', text: 'Call' }),
      blames: 'components/3/buttons/0/phone_number',
    },
    {
      name: 'code_expiration_minutes 91',
      mutate: (b) => (b.components[2].code_expiration_minutes = 91),
      blames: 'components/2/code_expiration_minutes',
    },
  ]);
  rejects(host, create, media, [
    {
      name: 'a media HEADER without example',
      mutate: (b) => delete b.components[0].example,
      blames: 'components/0/example',
    },
    { name: 'a media HEADER example without a handle', mutate: (b) => (b.components[0].example = {}) },
  ]);
  rejects(host, create, oneTap, [
    ...['autofill_text', 'package_name', 'signature_hash'].map((f) => ({
      name: `ONE_TAP without ${f}`,
      mutate: (b: any) => delete b.components[2].buttons[0][f],
      blames: `components/2/buttons/0/${f}`,
    })),
    {
      name: 'an unknown otp_type',
      mutate: (b) => (b.components[2].buttons[0].otp_type = 'ZERO_TAP'),
      blames: 'components/2/buttons/0/otp_type',
    },
  ]);
  accepts(host, create, rich, [
    { name: 'header_text as an array (the table)', mutate: (b) => (b.components[0].example.header_text = ['AA']) },
    { name: 'body_text flat (the table)', mutate: (b) => (b.components[1].example.body_text = ['BB', 'CC']) },
    {
      name: 'a TEXT header without variables or example',
      mutate: (b) => {
        b.components[0].text = 'hello';
        delete b.components[0].example;
      },
    },
    {
      name: 'a dynamic URL button with example, a PHONE_NUMBER button',
      mutate: (b) =>
        b.components[3].buttons.push(
          { type: 'URL', text: 'Go', url: 'https://example.com/{{1}}', example: ['https://example.com/user'] },
          { type: 'PHONE_NUMBER', text: 'Call', phone_number: '8615800001795' },
        ),
    },
  ]);
  accepts(host, create, media, [
    {
      name: 'custom_header_handle_url in place of header_handle',
      mutate: (b) => (b.components[0].example = { custom_header_handle_url: 'https://example.com/a.jpg' }),
    },
  ]);

  rejects(
    host,
    requestSchemaPointer(host, '/api/wa/updateTemplate', 'post'),
    example(host, 'POST /api/wa/updateTemplate request', 'body'),
    [
      ...['appkey', 'business_phone', 'messaging_product', 'template_id', 'components'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
    ],
  );
  accepts(
    host,
    requestSchemaPointer(host, '/api/wa/updateTemplate', 'post'),
    example(host, 'POST /api/wa/updateTemplate request', 'body'),
    [{ name: 'with category (the table)', mutate: (b) => (b.category = 'UTILITY') }],
  );
  rejects(
    host,
    requestSchemaPointer(host, '/api/wa/getTemplate', 'post'),
    example(host, 'POST /api/wa/getTemplate request', 'nextPage'),
    [
      ...['appkey', 'business_phone', 'messaging_product'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
      { name: 'limit as text', mutate: (b) => (b.limit = '20'), blames: 'limit' },
    ],
  );
  rejects(
    host,
    requestSchemaPointer(host, '/api/wa/deleteTemplate', 'post'),
    example(host, 'POST /api/wa/deleteTemplate request', 'byName'),
    [
      ...['appkey', 'business_phone', 'messaging_product', 'name'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
    ],
  );
  rejects(
    host,
    requestSchemaPointer(host, '/api/wa/uploadTemplateFile', 'post', 'multipart/form-data'),
    example(host, 'POST /api/wa/uploadTemplateFile request', 'jpeg'),
    [
      ...['business_phone', 'messaging_product', 'file', 'type'].map((f) => ({
        name: `missing ${f}`,
        mutate: drop(f),
        blames: f,
      })),
      { name: 'a type the page does not list', mutate: (b) => (b.type = 'audio/mpeg'), blames: 'type' },
    ],
  );
  accepts(
    host,
    responseSchemaPointer(host, '/api/wa/getPhone', 'post'),
    example(host, 'POST /api/wa/getPhone 200', 'success'),
    [
      {
        name: 'the table form, business_phones',
        mutate: (b) => (b.data = { business_phones: Object.values(b.data)[0] as Json }),
      },
    ],
  );
});

describe('api2.nxcloud.com integrator sign-up', () => {
  const host = 'api2.nxcloud.com';
  const base = '/api/wa/integrator/embedded/register';
  rejects(
    host,
    requestSchemaPointer(host, `${base}/createApp`, 'post'),
    example(host, `POST ${base}/createApp request`, 'app'),
    [...['app_name', 'webhook'].map((f) => ({ name: `missing ${f}`, mutate: drop(f), blames: f }))],
  );
  rejects(
    host,
    requestSchemaPointer(host, `${base}/phoneList`, 'post'),
    example(host, `POST ${base}/phoneList request`, 'app'),
    [{ name: 'missing appkey', mutate: drop('appkey'), blames: 'appkey' }],
  );
  rejects(
    host,
    requestSchemaPointer(host, `${base}/getCode`, 'post'),
    example(host, `POST ${base}/getCode request`, 'sms'),
    [
      ...['phone_number', 'method'].map((f) => ({ name: `missing ${f}`, mutate: drop(f), blames: f })),
      { name: 'method whatsapp', mutate: (b) => (b.method = 'whatsapp'), blames: 'method' },
    ],
  );
  rejects(
    host,
    requestSchemaPointer(host, `${base}/checkCode`, 'post'),
    example(host, `POST ${base}/checkCode request`, 'code'),
    [...['phone_number', 'code'].map((f) => ({ name: `missing ${f}`, mutate: drop(f), blames: f }))],
  );
  rejects(
    host,
    requestSchemaPointer(host, `${base}/createClient`, 'post'),
    example(host, `POST ${base}/createClient request`, 'number'),
    [{ name: 'missing phone_number', mutate: drop('phone_number'), blames: 'phone_number' }],
  );
  const phoneList = responseSchemaPointer(host, `${base}/phoneList`, 'post');
  const list = example(host, `POST ${base}/phoneList 200`, 'success');
  accepts(host, phoneList, list, [{ name: 'data as one object (the table)', mutate: (b) => (b.data = b.data[0]) }]);
  rejects(host, phoneList, list, [
    {
      name: 'an unknown register_status',
      mutate: (b) => (b.data[0].register_status = 6),
      blames: 'data/0/register_status',
    },
  ]);
  it('login takes no body and says which Content-Type it is sent with', () => {
    const op = operation(host, `${base}/login`, 'post');
    expect(op.requestBody).toBeUndefined();
    expect(op['x-nxcloud-content-type']).toBe('application/json');
  });
  it('9007 means "Non-integrator request" on these operations', () => {
    for (const name of ['login', 'createApp', 'phoneList', 'getCode', 'checkCode', 'createClient']) {
      const entry = operation(host, `${base}/${name}`, 'post')['x-nxcloud-errors'].find((e: any) => e.code === 9007);
      expect(entry.message).toBe('Non-integrator request');
    }
  });
});
