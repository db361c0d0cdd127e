// Invalid requests do not compile, and answers are typed from the specs.
import { describe, expectTypeOf, it } from 'vitest';
import { parseCallback } from '../src/callbacks.js';
import {
  type Api2,
  createApi2Client,
  createHkClient,
  createIdnClient,
  createSaasClient,
  NxcloudError,
  paginate,
  type TemplateInfo,
} from '../src/index.js';

const api2 = createApi2Client({ accessKey: 'k', accessSecret: 's' });
const hk = createHkClient({ accessKey: 'k', accessSecret: 's' });
const idn = createIdnClient({ accessKey: 'k', accessSecret: 's' });
const base = {
  appkey: 'a',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
} as const;

describe('requests that break the spec do not compile', () => {
  it('a text message needs its text', () => {
    // @ts-expect-error text is required when type is text
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'text' } });
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'text', text: { body: 'hi' } } });
  });
  it('a text message cannot carry another message object', () => {
    // @ts-expect-error image is never on a text message
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'text', text: { body: 'hi' }, image: { id: '1' } } });
  });
  it('a template needs a name', () => {
    void api2.POST('/api/wa/mt', {
      // @ts-expect-error template.name is required
      body: { ...base, type: 'template', template: { language: { code: 'en_US', policy: 'deterministic' } } },
    });
    void api2.POST('/api/wa/mt', {
      body: {
        ...base,
        type: 'template',
        template: { name: 'hello', language: { code: 'en_US', policy: 'deterministic' } },
      },
    });
  });
  it('a media message takes id or link (the document does not forbid both), not neither', () => {
    void api2.POST('/api/wa/mt', {
      body: { ...base, type: 'image', image: { id: '1', link: 'https://example.com/a.jpg' } },
    });
    // @ts-expect-error neither id nor link
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'image', image: { caption: 'c' } } });
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'image', image: { id: '1', caption: 'c' } } });
    void api2.POST('/api/wa/mt', {
      body: { ...base, type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } },
    });
  });
  it('a language code must be documented', () => {
    void api2.POST('/api/wa/mt', {
      body: {
        ...base,
        type: 'template',
        // @ts-expect-error en-US is not a documented code (en_US is)
        template: { name: 't', language: { code: 'en-US', policy: 'deterministic' } },
      },
    });
    void api2.POST('/api/wa/otp', {
      body: {
        appkey: 'a',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '1',
        content: '123456',
        // @ts-expect-error OTP language_code must be documented
        language_code: 'english',
      },
    });
  });
  it('a path parameter cannot be left out', () => {
    // @ts-expect-error params.path.phone is required
    void hk.GET('/saas/wa/template/{phone}', { params: { query: { tenant_id: 1, page_number: 1, page_size: 10 } } });
    // @ts-expect-error the init (with params) is required
    void hk.GET('/saas/wa/flow/{phone}');
    void hk.GET('/saas/wa/flow/{phone}', { params: { path: { phone: '8615800001795' }, query: { tenant_id: 1 } } });
  });
  it('an unknown path or a wrong method does not compile', () => {
    // @ts-expect-error no such path
    void api2.POST('/api/wa/nope', { body: {} });
    // @ts-expect-error /api/wa/mt is POST only
    void api2.GET('/api/wa/mt');
  });
  it('fields with a default may be left out', () => {
    void api2.POST('/api/wa/otp', {
      body: {
        appkey: 'a',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '1',
        content: '123456',
        language_code: 'en',
      },
    });
    void api2.POST('/api/wa/mt', { body: { ...base, type: 'text', text: { body: 'hi' } } });
  });
  it('the common headers are never asked for', () => {
    void api2.POST('/api/wa/getMedia', {
      body: { business_phone: '1', messaging_product: 'whatsapp', 'Media-ID': 'x' },
    });
  });
  it('the SaaS send of api.nxcloud.com needs to', () => {
    const saas = createSaasClient({ accessKey: 'k', accessSecret: 's' });
    const t = {
      tenant_id: 1,
      appkey: 'a',
      business_phone: '1',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      type: 'template',
      template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
    } as const;
    void saas.POST('/saas/wa/send', { body: { ...t, to: '8613600009759' } });
    // @ts-expect-error to is required on this host
    void saas.POST('/saas/wa/send', { body: t });
    // @ts-expect-error only template messages are sent through SaaS
    void saas.POST('/saas/wa/send', { body: { ...t, to: '1', type: 'text' } });
  });
  it('the IDN send takes to or recipient', () => {
    const t = {
      tenant_id: 1,
      appkey: 'a',
      business_phone: '1',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      type: 'template',
      template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
    } as const;
    void idn.POST('/saas/wa/send', { body: { ...t, recipient: 'HK.1' } });
    void idn.POST('/saas/wa/send', { body: { ...t, to: '1' } });
  });
});

describe('answers are typed', () => {
  it('success data or an NxcloudError', async () => {
    const result = await api2.POST('/api/wa/mt', { body: { ...base, type: 'text', text: { body: 'hi' } } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<NxcloudError>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.data.messages[0].id).toEqualTypeOf<string>();
    }
  });
  it('the HK list answers a page of templates', async () => {
    const { data } = await hk.GET('/saas/wa/template/{phone}', {
      params: { path: { phone: '1' }, query: { tenant_id: 1, page_number: 1, page_size: 10 } },
    });
    expectTypeOf(data).toEqualTypeOf<
      Api2.components['schemas'] extends never
        ? never
        : import('../src/index.js').Hk.components['schemas']['TemplatePage'] | undefined
    >();
  });
  it('the upload takes a Blob', () => {
    void api2.POST('/api/wa/uploadMedia', {
      body: { business_phone: '1', messaging_product: 'whatsapp', type: 'image/jpeg', file: new Blob([]) },
    });
    void api2.POST('/api/wa/uploadMedia', {
      // @ts-expect-error a MIME type WhatsApp does not take
      body: { business_phone: '1', messaging_product: 'whatsapp', type: 'image/gif', file: new Blob([]) },
    });
  });
  it('callbacks are discriminated by kind', () => {
    const callback = parseCallback('{}', { verify: false });
    if (callback.kind === 'status')
      expectTypeOf(callback.statuses[0].status).toEqualTypeOf<
        'sent' | 'delivered' | 'read' | 'failed' | 'deleted' | undefined
      >();
    if (callback.kind === 'button-click')
      expectTypeOf(callback.clicks[0].waExt?.templateName).toEqualTypeOf<string | undefined>();
    if (callback.kind === 'inbound-message') {
      const m = callback.messages[0];
      if (m.type === 'location') expectTypeOf(m.location?.latitude).toEqualTypeOf<number | string | undefined>();
    }
  });
});

describe('less to type', () => {
  const text = { to: '8613600009759', type: 'text', text: { body: 'hi' } } as const;

  it('the fixed values (messaging_product, recipient_type) are optional', () => {
    void api2.POST('/api/wa/mt', { body: { appkey: 'a', business_phone: '8615800001795', ...text } });
    void api2.POST('/api/wa/getMedia', { body: { business_phone: '8615800001795', 'Media-ID': 'm' } });
    void api2.POST('/api/wa/mt', {
      // @ts-expect-error still only 'whatsapp' when given
      body: { appkey: 'a', business_phone: '8615800001795', ...text, messaging_product: 'sms' },
    });
  });

  it('without defaults, appkey and business_phone are required', () => {
    // @ts-expect-error appkey is required without defaults
    void api2.POST('/api/wa/mt', { body: { business_phone: '8615800001795', ...text } });
    // @ts-expect-error business_phone is required without defaults
    void api2.POST('/api/wa/mt', { body: { appkey: 'a', ...text } });
  });

  it('with defaults, they are optional', () => {
    const withDefaults = createApi2Client({
      accessKey: 'k',
      accessSecret: 's',
      defaults: { appkey: 'a', business_phone: '8615800001795' },
    });
    void withDefaults.POST('/api/wa/mt', { body: text });
    void withDefaults.POST('/api/wa/getMedia', { body: { 'Media-ID': 'm' } });
    const onlyAppkey = createApi2Client({ accessKey: 'k', accessSecret: 's', defaults: { appkey: 'a' } });
    // @ts-expect-error business_phone has no default here
    void onlyAppkey.POST('/api/wa/mt', { body: text });
    // @ts-expect-error tenant_id is no default of api2
    createApi2Client({ accessKey: 'k', accessSecret: 's', defaults: { tenant_id: 1 } });
  });

  it('tenant_id on the HK host: required without a default, optional with one', () => {
    void hk.GET('/saas/wa/template/{phone}', {
      // @ts-expect-error tenant_id is required
      params: { path: { phone: '1' }, query: { page_number: 1, page_size: 20 } },
    });
    const hkDefaults = createHkClient({ accessKey: 'k', accessSecret: 's', defaults: { tenant_id: 1 } });
    void hkDefaults.GET('/saas/wa/template/{phone}', {
      params: { path: { phone: '1' }, query: { page_number: 1, page_size: 20 } },
    });
    void hkDefaults.GET('/saas/wa/flow/{phone}', { params: { path: { phone: '1' } } });
  });

  it('tenant_id on the SaaS host', () => {
    const saas = createSaasClient({
      accessKey: 'k',
      accessSecret: 's',
      defaults: { tenant_id: 1, appkey: 'a', business_phone: '1' },
    });
    void saas.POST('/saas/wa/send', {
      body: {
        to: '8613600009759',
        type: 'template',
        template: { name: 'n', language: { code: 'en_US', policy: 'deterministic' } },
      },
    });
    const bare = createSaasClient({ accessKey: 'k', accessSecret: 's' });
    void bare.POST('/saas/wa/send', {
      // @ts-expect-error tenant_id, appkey, business_phone are required without defaults
      body: {
        to: '8613600009759',
        type: 'template',
        template: { name: 'n', language: { code: 'en_US', policy: 'deterministic' } },
      },
    });
  });

  it('a body written as const type-checks', () => {
    const body = {
      appkey: 'a',
      business_phone: '8615800001795',
      to: '8613600009759',
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'en_US', policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'David' }] }],
      },
    } as const;
    void api2.POST('/api/wa/mt', { body });
  });
});

describe('paginate over getTemplate', () => {
  it('the body is the getTemplate body: business_phone required unless a default, unknown fields refused; it yields TemplateInfo', () => {
    // @ts-expect-error business_phone is required when the client has no default for it
    paginate(api2, '/api/wa/getTemplate', { body: { appkey: 'a' } });
    // @ts-expect-error limit is a number
    paginate(api2, '/api/wa/getTemplate', { body: { appkey: 'a', business_phone: '1', limit: '20' } });
    // @ts-expect-error page_size is the HK list's field, not getTemplate's
    paginate(api2, '/api/wa/getTemplate', { body: { appkey: 'a', business_phone: '1', page_size: 20 } });
    const withDefaults = createApi2Client({ accessKey: 'k', accessSecret: 's', defaults: { business_phone: '1' } });
    const templates = paginate(withDefaults, '/api/wa/getTemplate', {
      body: { appkey: 'a', limit: 50, after: 'MTkZD' },
      signal: AbortSignal.timeout(1_000),
    });
    expectTypeOf(templates).toEqualTypeOf<AsyncGenerator<TemplateInfo, void, undefined>>();
    // @ts-expect-error an HK client has no getTemplate
    paginate(hk, '/api/wa/getTemplate', { body: { appkey: 'a', business_phone: '1' } });
  });
});
