// The sandbox's templates over HTTP, through @org/nxwa-client: create → review → approved callback (signed) → list,
// update and delete, on api2 and on the HK host.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startMock } from '../../src/index.js';
import { demo } from '../support.js';
import { api2Template, clientOf, hkTemplate, hook, phone, second, useSandboxMock } from './fixtures.js';

useSandboxMock();

describe('templates (api2.nxcloud.com)', () => {
  it('create → PENDING → APPROVED, with the signed template-status callback', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const { data, error } = await api2.POST('/api/wa/createTemplate', { body: api2Template('order_ready') });
    expect(error).toBeUndefined();
    const id: string = data.id;
    await vi.waitFor(
      () => expect(hook.received.find((r) => r.payload.value?.message_template_id === id)).toBeDefined(),
      { timeout: 10_000 },
    );
    const callback = hook.received.find((r) => r.payload.value?.message_template_id === id)!;
    expect(callback).toMatchObject({ verified: true, kind: 'template-event' });
    expect(callback.headers.accesskey).toBe(demo.accessKey);
    expect(callback.payload).toMatchObject({
      field: 'message_template_status_update',
      value: {
        business_phone: phone,
        event: 'APPROVED',
        message_template_name: 'order_ready',
        message_template_language: 'en_US',
        reason: null,
      },
    });
    expect(Number.isInteger(callback.payload.value.time)).toBe(true);

    const list = await api2.POST('/api/wa/getTemplate', {
      body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp', name: 'order_ready' },
    });
    expect(list.error).toBeUndefined();
    expect(list.data.data).toEqual([
      {
        id,
        name: 'order_ready',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        quality_score: { score: 'UNKNOWN' },
        components: [{ type: 'BODY', text: 'Hello' }],
      },
    ]);
  });

  it('the template callback goes to loopback webhooks only, unless others are allowed', async () => {
    const lines: string[] = [];
    const m = await startMock({
      portBase: 0,
      hosts: ['api2.nxcloud.com'],
      templateReviewMs: 0,
      webhookUrl: 'http://example.com/hook',
      log: (l) => lines.push(l),
    });
    try {
      await clientOf('api2.nxcloud.com', demo, m).POST('/api/wa/createTemplate', { body: api2Template('far_away') });
      await vi.waitFor(
        () =>
          expect(
            lines.some((l) =>
              /template callback to http:\/\/example\.com\/hook refused: not a loopback address/.test(l),
            ),
          ).toBe(true),
        { timeout: 10_000 },
      );
    } finally {
      await m.stop();
    }
  });

  it('is PENDING until the review ends', async () => {
    const slow = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], templateReviewMs: 600_000 });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, slow);
      await api2.POST('/api/wa/createTemplate', { body: api2Template('slow') });
      const { data } = await api2.POST('/api/wa/getTemplate', {
        body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp' },
      });
      expect(data.data.map((t: any) => t.status)).toEqual(['PENDING']);
    } finally {
      // Cancels the review timer: the test run would otherwise wait for it.
      await slow.stop();
    }
  });

  it('pages with cursors (after, before, limit) and filters by name', async () => {
    const api2 = clientOf('api2.nxcloud.com', second);
    for (const n of ['p1', 'p2', 'p3']) await api2.POST('/api/wa/createTemplate', { body: api2Template(n) });
    const body = { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp' };
    const first = await api2.POST('/api/wa/getTemplate', { body: { ...body, limit: 2 } });
    expect(first.data.data.map((t: any) => t.name)).toEqual(['p1', 'p2']);
    expect(first.data.paging.next).toBeTruthy();
    expect(first.data.paging.previous).toBeUndefined();
    const next = await api2.POST('/api/wa/getTemplate', {
      body: { ...body, limit: 2, after: first.data.paging.cursors.after },
    });
    expect(next.data.data.map((t: any) => t.name)).toEqual(['p3']);
    expect(next.data.paging.next).toBeUndefined();
    const back = await api2.POST('/api/wa/getTemplate', {
      body: { ...body, limit: 2, before: next.data.paging.cursors.before },
    });
    expect(back.data.data.map((t: any) => t.name)).toEqual(['p1', 'p2']);
    expect(
      (await api2.POST('/api/wa/getTemplate', { body: { ...body, name: 'p2' } })).data.data.map((t: any) => t.name),
    ).toEqual(['p2']);
    expect((await api2.POST('/api/wa/getTemplate', { body: { ...body, after: 'nope' } })).error).toMatchObject({
      code: 9000,
    });
  });

  it('update sends it back to review; delete by name removes it; unknown ones fail with 9000', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const { data } = await api2.POST('/api/wa/createTemplate', { body: api2Template('to_edit') });
    const status = async () =>
      (
        await api2.POST('/api/wa/getTemplate', {
          body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp', name: 'to_edit' },
        })
      ).data.data[0]?.status;
    await vi.waitFor(async () => expect(await status()).toBe('APPROVED'), { timeout: 10_000 });
    const updated = await api2.POST('/api/wa/updateTemplate', {
      body: {
        appkey: 'a',
        business_phone: phone,
        messaging_product: 'whatsapp',
        template_id: data.id,
        components: [{ type: 'BODY', text: 'Changed' }],
      },
    });
    expect(updated.data).toEqual({ id: data.id });
    await vi.waitFor(
      async () => expect(hook.received.filter((r) => r.payload.value?.message_template_id === data.id)).toHaveLength(2),
      { timeout: 10_000 },
    );
    expect(await status()).toBe('APPROVED');
    const deleted = await api2.POST('/api/wa/deleteTemplate', {
      body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp', name: 'to_edit' },
    });
    expect(deleted.data).toEqual({ success: true });
    expect(await status()).toBeUndefined();
    expect(
      (
        await api2.POST('/api/wa/deleteTemplate', {
          body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp', name: 'to_edit' },
        })
      ).error,
    ).toMatchObject({ code: 9000 });
    expect(
      (
        await api2.POST('/api/wa/updateTemplate', {
          body: {
            appkey: 'a',
            business_phone: phone,
            messaging_product: 'whatsapp',
            template_id: data.id,
            components: [],
          },
        })
      ).error,
    ).toMatchObject({ code: 9000 });
  });
});

describe('templates (api-hk.nxlink.ai)', () => {
  it('create → list (1 pending, then 2 in use) → detail → update → delete → unknown fails with 22072', async () => {
    // A review that ends only when the test approves it: what it sees never depends on a review window.
    const manual = await startMock({
      portBase: 0,
      hosts: ['api-hk.nxlink.ai'],
      templateReviewMs: 600_000,
      webhookUrl: hook.url,
    });
    onTestFinished(() => manual.stop());
    const hk = clientOf('api-hk.nxlink.ai', demo, manual);
    const created = await hk.POST('/saas/wa/template/{phone}', {
      params: { path: { phone } },
      body: hkTemplate('hk_welcome', { buttonComponents: [{ type: 'QUICK_REPLY', text: 'Yes' }] }),
    });
    expect(created.error).toBeUndefined();
    const id: number = created.data.id;
    expect(created.data).toMatchObject({
      name: 'hk_welcome',
      status: 1,
      category: 'UTILITY',
      category_type: 2,
      language: 'en_US',
      channel: 2,
    });
    const list = async (query: object = {}) =>
      (
        await hk.GET('/saas/wa/template/{phone}', {
          params: {
            path: { phone },
            query: { tenant_id: 1, page_number: 1, page_size: 10, name: 'hk_welcome', ...query },
          },
        })
      ).data;
    expect((await list()).list.map((t: any) => t.status)).toEqual([1]);
    manual.reviewTemplate('api-hk.nxlink.ai', id);
    expect((await list()).list.map((t: any) => t.status)).toEqual([2]);
    await manual.waitFor({ idle: true });
    // HK documents no template callback: none is sent for it.
    expect(hook.received.some((r) => r.payload.value?.message_template_name === 'hk_welcome')).toBe(false);

    const detail = await hk.GET('/saas/wa/template/{phone}/{id}', {
      params: { path: { phone, id: String(id) }, query: { tenant_id: 1 } },
    });
    expect(detail.data).toMatchObject({
      id,
      name: 'hk_welcome',
      status: 2,
      content: 'Hello {{1}}',
      buttonComponents: [{ type: 'QUICK_REPLY', text: 'Yes' }],
    });

    const updated = await hk.PUT('/saas/wa/template/{phone}', {
      params: { path: { phone } },
      body: hkTemplate('hk_welcome', { content: 'Hi {{1}}' }),
    });
    expect(updated.error).toBeUndefined();
    expect((await list()).list[0]).toMatchObject({ content: 'Hi {{1}}', status: 1 });

    expect(
      (
        await hk.DELETE('/saas/wa/template/{phone}/{id}', {
          params: { path: { phone, id: String(id) }, query: { tenant_id: 1 } },
        })
      ).error,
    ).toBeUndefined();
    const gone = await hk.GET('/saas/wa/template/{phone}/{id}', {
      params: { path: { phone, id: String(id) }, query: { tenant_id: 1 } },
    });
    expect(gone.error).toMatchObject({ code: 22072 });
    expect(
      (await hk.PUT('/saas/wa/template/{phone}', { params: { path: { phone } }, body: hkTemplate('hk_welcome') }))
        .error,
    ).toMatchObject({ code: 22072 });
  });

  it('pages by page_number and page_size, newest first', async () => {
    const hk = clientOf('api-hk.nxlink.ai');
    const pagePhone = '8615800009999';
    for (const n of ['a1', 'a2', 'a3'])
      await hk.POST('/saas/wa/template/{phone}', { params: { path: { phone: pagePhone } }, body: hkTemplate(n) });
    const page = async (page_number: number) =>
      (
        await hk.GET('/saas/wa/template/{phone}', {
          params: { path: { phone: pagePhone }, query: { tenant_id: 1, page_number, page_size: 2 } },
        })
      ).data;
    expect(await page(1)).toMatchObject({ total: 3, has_next_page: true });
    expect((await page(1)).list.map((t: any) => t.name)).toEqual(['a3', 'a2']);
    expect(await page(2)).toMatchObject({ total: 3, has_next_page: false, list: [{ name: 'a1' }] });
    const bad = await hk.GET('/saas/wa/template/{phone}', {
      params: { path: { phone: pagePhone }, query: { tenant_id: 1, page_number: 0, page_size: 2 } },
    });
    expect(bad.error).toMatchObject({ code: 22072 });
  });
});

describe('template sends against the sandbox templates', () => {
  const send = (name: string, language = 'en_US') => ({
    appkey: 'demo',
    business_phone: phone,
    messaging_product: 'whatsapp' as const,
    recipient_type: 'individual' as const,
    to: '8613600009759',
    type: 'template' as const,
    template: { name, language: { code: language, policy: 'deterministic' } },
  });

  it('before the account has templates any name is taken; then an unknown or pending one is 10005', async () => {
    const m = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, templateReviewMs: 600_000 });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      expect((await api2.POST('/api/wa/mt', { body: send('anything') as any })).error).toBeUndefined();
      const created = await api2.POST('/api/wa/createTemplate', { body: api2Template('order_ready') });
      expect(created.error).toBeUndefined();
      const unknown = await api2.POST('/api/wa/mt', { body: send('no_such_template') as any });
      expect(unknown.error?.code).toBe(10005);
      expect(unknown.error?.message).toMatch(/the sandbox has no template "no_such_template" \(en_US\)/);
      const pending = await api2.POST('/api/wa/mt', { body: send('order_ready') as any });
      expect(pending.error?.code).toBe(10005);
      expect(pending.error?.message).toMatch(/is PENDING, not APPROVED yet/);
      // A refusal the app did not ask for: a violation, naming the code's message.
      expect(m.violations().map((v) => v.rule)).toEqual([
        expect.stringMatching(/^WhatsApp Template does not exist or low quality: the sandbox has no template/),
        expect.stringMatching(/PENDING/),
      ]);
    } finally {
      await m.stop();
    }
  });

  it('with strictTemplates, from the start; an approved template is taken', async () => {
    const m = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, strictTemplates: true, templateReviewMs: 0 });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      expect((await api2.POST('/api/wa/mt', { body: send('anything') as any })).error?.code).toBe(10005);
      await api2.POST('/api/wa/createTemplate', { body: api2Template('order_ready') });
      await vi.waitFor(async () => {
        expect((await api2.POST('/api/wa/mt', { body: send('order_ready') as any })).error).toBeUndefined();
      });
    } finally {
      await m.stop();
    }
  });
});

describe('the template bounds', () => {
  it('a template larger than the store keeps is refused, naming it; nothing is stored', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const huge = api2Template('huge', { components: [{ type: 'BODY', text: 'x'.repeat(100 * 1024) }] });
    const created = await api2.POST('/api/wa/createTemplate', { body: huge });
    expect(created.error?.code).toBe(9000);
    expect(created.error?.message).toMatch(
      /components: the template is \d+ bytes of JSON; the mock keeps templates of at most 65536 bytes/,
    );
    const list = await api2.POST('/api/wa/getTemplate', {
      body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp', name: 'huge' },
    });
    expect(list.data?.data ?? []).toEqual([]);
  });

  it('past the limit the oldest template is dropped', async () => {
    const { createTemplateStore } = await import('../../src/sandbox/templates/store.js');
    const gone: string[] = [];
    const store = createTemplateStore({
      reviewMs: 600_000,
      limit: 2,
      onChange: (c) => 'template' in c && c.gone && gone.push(c.template.name),
    });
    const make = (name: string) =>
      store.create({ host: 'api2.nxcloud.com', accessKey: 'k', phone: '1', name, language: 'en_US', definition: {} });
    make('a');
    make('b');
    make('c');
    store.stop();
    expect(store.list('api2.nxcloud.com', 'k').map((t) => t.name)).toEqual(['b', 'c']);
    expect(gone).toEqual(['a']);
  });

  it('past the bytes of definitions kept, the oldest others go (on a create or an update that grows one); a delete frees its bytes', async () => {
    const { createTemplateStore, TEMPLATE_STORE_BYTES } = await import('../../src/sandbox/templates/store.js');
    const gone: string[] = [];
    const store = createTemplateStore({
      reviewMs: 600_000,
      maxBytes: 2_500,
      onChange: (c) => 'template' in c && c.gone && gone.push(c.template.name),
    });
    const definition = { components: [{ type: 'BODY', text: 'x'.repeat(1_000) }] };
    const make = (name: string) =>
      store.create({ host: 'api2.nxcloud.com', accessKey: 'k', phone: '1', name, language: 'en_US', definition });
    const names = () => store.list('api2.nxcloud.com', 'k').map((t) => t.name);
    make('a');
    const b = make('b');
    make('c');
    expect(names()).toEqual(['b', 'c']);
    store.delete(b);
    make('d');
    expect(names()).toEqual(['c', 'd']);
    const [c] = store.list('api2.nxcloud.com', 'k');
    store.update(c, { components: [{ type: 'BODY', text: 'y'.repeat(1_500) }] });
    expect(names()).toEqual(['c']);
    expect(gone).toEqual(['a', 'b', 'd']);
    // Kept as bytes: a copy read and changed is not the template.
    store.list('api2.nxcloud.com', 'k')[0].definition.components.pop();
    expect(store.list('api2.nxcloud.com', 'k')[0].definition.components).toHaveLength(1);
    store.stop();
    expect(TEMPLATE_STORE_BYTES).toBe(32 * 1024 * 1024);
  });
});
