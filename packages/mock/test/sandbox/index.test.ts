// The sandbox's media and templates over HTTP, through @org/nxwa-client: upload → send by ID → getMedia →
// download → delete; template create → review → approved callback (signed) → list; per-accessKey isolation; reset;
// the state file across a restart, and a broken one refused.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createNxcloudClient, type NxcloudHost } from '@org/nxwa-client';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { createMediaStore } from '../../src/sandbox/media/store.js';
import { answerProblems, demo } from '../support.js';

const second = { accessKey: 'second-key', accessSecret: 'second-secret' };
const phone = '8615800001795';
const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 254, 255]);
const jpeg = () => new File([jpegBytes], 'cat.jpg', { type: 'image/jpeg' });
const api2Template = (name: string, extra: object = {}) =>
  ({
    appkey: 'a',
    messaging_product: 'whatsapp',
    business_phone: phone,
    name,
    category: 'UTILITY',
    language: 'en_US',
    components: [{ type: 'BODY', text: 'Hello' }],
    ...extra,
  }) as const;
const hkTemplate = (name: string, extra: object = {}) =>
  ({ tenant_id: 1, name, language: 'en_US', category_type: 2, content: 'Hello {{1}}', ...extra }) as const;

/** A webhook receiver that verifies each callback with the client's parser, as an application would. */
async function receiver() {
  const received: { payload: any; verified: boolean; kind?: string; error?: string; headers: IncomingHttpHeaders }[] =
    [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const secret = req.headers.accesskey === second.accessKey ? second.accessSecret : demo.accessSecret;
    try {
      const callback = parseCallback(new Uint8Array(raw), {
        headers: req.headers as Record<string, string>,
        accessSecret: secret,
        action: 'callback',
      });
      received.push({ payload: callback.payload, kind: callback.kind, verified: true, headers: req.headers });
    } catch (error) {
      received.push({
        payload: JSON.parse(raw.toString()),
        verified: false,
        error: (error as Error).message,
        headers: req.headers,
      });
    }
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof receiver>>;
const clientOf = <H extends NxcloudHost>(host: H, account = demo, m = mock) =>
  createNxcloudClient(host, { ...account, baseUrl: m.urls[host]!, retry: { attempts: 1 } }) as any;

beforeAll(async () => {
  hook = await receiver();
  mock = await startMock({
    portBase: 0,
    credentials: [demo, second],
    webhookUrl: hook.url,
    templateReviewMs: 50,
    callbackDelayMs: 10,
  });
});
afterAll(async () => {
  await mock?.stop();
  await hook?.close();
});

describe('media (api2.nxcloud.com)', () => {
  it('upload → send by ID → getMedia → download the same bytes → delete → getMedia fails with 9000', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const uploaded = await api2.POST('/api/wa/uploadMedia', {
      body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
    });
    expect(uploaded.error).toBeUndefined();
    const id: string = uploaded.data.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const sent = await api2.POST('/api/wa/mt', {
      body: {
        appkey: 'a',
        business_phone: phone,
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '8613600009759',
        type: 'image',
        image: { id },
      },
    });
    expect(sent.error).toBeUndefined();

    const got = await api2.POST('/api/wa/getMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': id },
    });
    expect(got.error).toBeUndefined();
    expect(got.data).toMatchObject({ mime_type: 'image/jpeg', file_name: 'cat.jpg' });
    // On the mock itself, on the port the client called.
    expect(got.data.url.startsWith(`${mock.urls['api2.nxcloud.com']}/__nxwa/media/`)).toBe(true);
    const download = await fetch(got.data.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(jpegBytes);

    const deleted = await api2.POST('/api/wa/deleteMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': id },
    });
    expect(deleted.error).toBeUndefined();
    expect(deleted.data).toEqual({ success: true });

    const gone = await api2.POST('/api/wa/getMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': id },
    });
    expect(gone.error).toMatchObject({ kind: 'api', code: 9000 });
    expect(gone.error.message).toMatch(/Media-ID: no medium/);
    const again = await api2.POST('/api/wa/deleteMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': id },
    });
    expect(again.error).toMatchObject({ code: 9000 });
    expect((await fetch(got.data.url)).status).toBe(404);
    expect((await fetch(got.data.url, { method: 'DELETE' })).status).toBe(405);
  });

  it("a download never runs in the mock's origin (sandboxed, not sniffed, saved as a file), and keeps its file name in UTF-8", async () => {
    const api2 = clientOf('api2.nxcloud.com');
    // A document whose text is markup (HK's template media keep any type the file part names).
    const page = new Blob(['<script>parent.pwned = 1</script>'], { type: 'text/plain' });
    const uploaded = await api2.POST('/api/wa/uploadMedia', {
      body: {
        messaging_product: 'whatsapp',
        business_phone: phone,
        type: 'text/plain',
        file: new File([page], 'page €.html', { type: 'text/plain' }),
      },
    });
    expect(uploaded.error).toBeUndefined();
    const got = await api2.POST('/api/wa/getMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': uploaded.data.id },
    });
    // A file name outside ASCII comes back as sent (the multipart parser reads it as UTF-8, not Latin-1).
    expect(got.data.file_name).toBe('page €.html');
    const download = await fetch(got.data.url);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''page%20%E2%82%AC.html");
  });

  it('two uploads get two IDs', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const body = { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() };
    const [a, b] = [
      await api2.POST('/api/wa/uploadMedia', { body }),
      await api2.POST('/api/wa/uploadMedia', { body: { ...body, file: jpeg() } }),
    ];
    expect(a.data.id).not.toBe(b.data.id);
  });

  it('a Prefer header still asks the engine for a documented answer', async () => {
    const { error } = await clientOf('api2.nxcloud.com').POST('/api/wa/getMedia', {
      body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': 'x' },
      headers: { Prefer: 'example=code-9001' },
    });
    expect(error).toMatchObject({ code: 9001 });
  });

  it('uploadTemplateFile answers a handle that createTemplate takes as header_handle', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const file = await api2.POST('/api/wa/uploadTemplateFile', {
      body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
    });
    expect(file.data.id).toMatch(/^4:/);
    const created = await api2.POST('/api/wa/createTemplate', {
      body: api2Template('with_header', {
        components: [
          { type: 'HEADER', format: 'IMAGE', example: { header_handle: file.data.id } },
          { type: 'BODY', text: 'Hi' },
        ],
      }),
    });
    expect(created.error).toBeUndefined();
    // A template file is not a medium to send: getMedia does not know it.
    expect(
      (
        await api2.POST('/api/wa/getMedia', {
          body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': file.data.id },
        })
      ).error,
    ).toMatchObject({ code: 9000 });
  });
});

describe('template media (api-hk.nxlink.ai)', () => {
  it('answers a fresh media_id, file name, type and handle; HK template creation takes them', async () => {
    const hk = clientOf('api-hk.nxlink.ai');
    const { data, error } = await hk.POST('/saas/wa/media/{phone}', {
      params: { path: { phone } },
      body: { url: 'https://example.com/pics/1705406614735.jpg' },
    });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ original_filename: '1705406614735.jpg', media_type: 'IMAGE' });
    expect(data.media_id).toMatch(/^\d+$/);
    expect(data.h).toMatch(/^4:/);
    // Uploaded by URL: the mock never fetches it, so there are no bytes to download.
    const none = await fetch(data.url);
    expect(none.status).toBe(404);
    expect((await none.json()).error).toMatch(/does not fetch outside URLs/);

    const created = await hk.POST('/saas/wa/template/{phone}', {
      params: { path: { phone } },
      body: hkTemplate('with_media', {
        mediaId: data.media_id,
        mediaName: data.original_filename,
        mediaType: data.media_type,
        templateMediaId: data.h,
      }),
    });
    expect(created.error).toBeUndefined();
  });

  it('keeps the bytes of a file part sent with the url', async () => {
    const { data } = await clientOf('api-hk.nxlink.ai').POST('/saas/wa/media/{phone}', {
      params: { path: { phone } },
      body: { url: 'https://example.com/x.jpg', file: jpeg() },
    });
    expect(data.original_filename).toBe('cat.jpg');
    const download = await fetch(data.url);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(jpegBytes);
  });
});

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
    const hk = clientOf('api-hk.nxlink.ai');
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
    await vi.waitFor(async () => expect((await list()).list.map((t: any) => t.status)).toEqual([2]), {
      timeout: 10_000,
    });
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

describe('the media store', () => {
  it('drops the oldest media past its byte limit', () => {
    const store = createMediaStore(() => {}, 10);
    const add = () =>
      store.add({
        kind: 'media',
        accessKey: 'k',
        phone,
        mimeType: 'image/jpeg',
        fileName: 'a.jpg',
        bytes: Buffer.alloc(6),
      });
    const a = add();
    const b = add();
    expect(store.get('k', a.id)).toBeUndefined();
    expect(store.get('k', b.id)).toBeDefined();
    store.delete('k', b.id);
    const [c, d] = [
      add(),
      store.add({
        kind: 'media',
        accessKey: 'k',
        phone,
        mimeType: 'text/plain',
        fileName: 'b.txt',
        bytes: Buffer.alloc(4),
      }),
    ];
    expect(store.list('k').map((m) => m.id)).toEqual([c.id, d.id]);
  });
});

describe("the sandbox's answers", () => {
  it("match the spec's response schemas", async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const hk = clientOf('api-hk.nxlink.ai');
    const checked = async (host: NxcloudHost, method: string, path: string, call: Promise<any>) => {
      const result = await call;
      expect(result.error, `${method} ${path}`).toBeUndefined();
      const envelope = {
        code: 0,
        message: host === 'api2.nxcloud.com' ? 'Request successful' : '',
        data: result.data,
        ...(result.traceId ? { traceId: result.traceId } : {}),
      };
      expect(answerProblems(host, path, method, envelope), `${method} ${path}`).toBeUndefined();
      return result.data;
    };
    const media = { business_phone: phone, messaging_product: 'whatsapp' };
    const upload = await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/uploadMedia',
      api2.POST('/api/wa/uploadMedia', { body: { ...media, type: 'image/jpeg', file: jpeg() } }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/getMedia',
      api2.POST('/api/wa/getMedia', { body: { ...media, 'Media-ID': upload.id } }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/deleteMedia',
      api2.POST('/api/wa/deleteMedia', { body: { ...media, 'Media-ID': upload.id } }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/uploadTemplateFile',
      api2.POST('/api/wa/uploadTemplateFile', { body: { ...media, type: 'image/jpeg', file: jpeg() } }),
    );
    const t = await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/createTemplate',
      api2.POST('/api/wa/createTemplate', { body: api2Template('schema_a') }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/createTemplate',
      api2.POST('/api/wa/createTemplate', { body: api2Template('schema_b') }),
    );
    const templates = { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp' };
    const page = await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/getTemplate',
      api2.POST('/api/wa/getTemplate', { body: { ...templates, limit: 1 } }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/getTemplate',
      api2.POST('/api/wa/getTemplate', { body: { ...templates, limit: 1, after: page.paging.cursors.after } }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/updateTemplate',
      api2.POST('/api/wa/updateTemplate', {
        body: { ...templates, template_id: t.id, components: [{ type: 'BODY', text: 'x' }] },
      }),
    );
    await checked(
      'api2.nxcloud.com',
      'post',
      '/api/wa/deleteTemplate',
      api2.POST('/api/wa/deleteTemplate', { body: { ...templates, name: 'schema_a' } }),
    );

    const path = { phone };
    await checked(
      'api-hk.nxlink.ai',
      'post',
      '/saas/wa/media/{phone}',
      hk.POST('/saas/wa/media/{phone}', { params: { path }, body: { url: 'https://example.com/a.pdf' } }),
    );
    const hkT = await checked(
      'api-hk.nxlink.ai',
      'post',
      '/saas/wa/template/{phone}',
      hk.POST('/saas/wa/template/{phone}', { params: { path }, body: hkTemplate('schema_hk') }),
    );
    await checked(
      'api-hk.nxlink.ai',
      'get',
      '/saas/wa/template/{phone}',
      hk.GET('/saas/wa/template/{phone}', { params: { path, query: { tenant_id: 1, page_number: 1, page_size: 5 } } }),
    );
    await checked(
      'api-hk.nxlink.ai',
      'get',
      '/saas/wa/template/{phone}/{id}',
      hk.GET('/saas/wa/template/{phone}/{id}', {
        params: { path: { phone, id: String(hkT.id) }, query: { tenant_id: 1 } },
      }),
    );
    await checked(
      'api-hk.nxlink.ai',
      'put',
      '/saas/wa/template/{phone}',
      hk.PUT('/saas/wa/template/{phone}', { params: { path }, body: hkTemplate('schema_hk') }),
    );
    await checked(
      'api-hk.nxlink.ai',
      'delete',
      '/saas/wa/template/{phone}/{id}',
      hk.DELETE('/saas/wa/template/{phone}/{id}', {
        params: { path: { phone, id: String(hkT.id) }, query: { tenant_id: 1 } },
      }),
    );
  });
});

describe("the documents' own examples", () => {
  it('a request naming an example ID the store does not have is answered from the spec, as the docs show it', async () => {
    const api2 = clientOf('api2.nxcloud.com');
    const example = {
      business_phone: phone,
      messaging_product: 'whatsapp',
      'Media-ID': 'fd81acff-eea8-4d9d-acc9-6c62904d6615',
    };
    expect((await api2.POST('/api/wa/getMedia', { body: example })).data).toMatchObject({
      mime_type: 'image/webp',
      file_name: 'c5e744fab2a3b69941ed3c64',
    });
    expect((await api2.POST('/api/wa/deleteMedia', { body: example })).data).toEqual({ success: true });
    expect((await api2.POST('/api/wa/getMedia', { body: example })).error).toBeUndefined();
    expect(
      (
        await api2.POST('/api/wa/getMedia', {
          body: { ...example, 'Media-ID': 'fd81acff-eea8-4d9d-acc9-6c62904d6616' },
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
            template_id: '15125xxxx5168',
            components: [],
          },
        })
      ).error,
    ).toBeUndefined();

    const hk = clientOf('api-hk.nxlink.ai');
    const get = (id: string) =>
      hk.GET('/saas/wa/template/{phone}/{id}', { params: { path: { phone, id }, query: { tenant_id: 1 } } });
    expect((await get('314')).error).toBeUndefined();
    expect((await get('315')).error).toMatchObject({ code: 22072 });
  });

  it('a template of the store wins over an example of the same name', async () => {
    const m = await startMock({ portBase: 0, hosts: ['api-hk.nxlink.ai'], templateReviewMs: 600_000 });
    try {
      const hk = clientOf('api-hk.nxlink.ai', demo, m);
      const body = hkTemplate('country_code_test001', { content: 'mine' });
      await hk.POST('/saas/wa/template/{phone}', { params: { path: { phone } }, body });
      await hk.PUT('/saas/wa/template/{phone}', { params: { path: { phone } }, body: { ...body, content: 'changed' } });
      const { data } = await hk.GET('/saas/wa/template/{phone}', {
        params: { path: { phone }, query: { tenant_id: 1, page_number: 1, page_size: 10 } },
      });
      expect(data.list.map((t: any) => t.content)).toEqual(['changed']);
    } finally {
      await m.stop();
    }
  });
});

describe('isolation and reset', () => {
  it('one accessKey never sees the media or templates of another', async () => {
    const mine = clientOf('api2.nxcloud.com');
    const theirs = clientOf('api2.nxcloud.com', second);
    const { data } = await mine.POST('/api/wa/uploadMedia', {
      body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
    });
    const ask = { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': data.id };
    expect((await theirs.POST('/api/wa/getMedia', { body: ask })).error).toMatchObject({ code: 9000 });
    expect((await theirs.POST('/api/wa/deleteMedia', { body: ask })).error).toMatchObject({ code: 9000 });
    expect((await mine.POST('/api/wa/getMedia', { body: ask })).error).toBeUndefined();

    const hkMine = clientOf('api-hk.nxlink.ai');
    const hkTheirs = clientOf('api-hk.nxlink.ai', second);
    const created = await hkMine.POST('/saas/wa/template/{phone}', {
      params: { path: { phone } },
      body: hkTemplate('private_one'),
    });
    const query = { tenant_id: 1, page_number: 1, page_size: 10, name: 'private_one' };
    expect(
      (await hkTheirs.GET('/saas/wa/template/{phone}', { params: { path: { phone }, query } })).data,
    ).toMatchObject({ list: [], total: 0 });
    expect(
      (
        await hkTheirs.GET('/saas/wa/template/{phone}/{id}', {
          params: { path: { phone, id: String(created.data.id) }, query: { tenant_id: 1 } },
        })
      ).error,
    ).toMatchObject({ code: 22072 });
    expect(
      (
        await hkTheirs.DELETE('/saas/wa/template/{phone}/{id}', {
          params: { path: { phone, id: String(created.data.id) }, query: { tenant_id: 1 } },
        })
      ).error,
    ).toMatchObject({ code: 22072 });
    expect((await hkMine.GET('/saas/wa/template/{phone}', { params: { path: { phone }, query } })).data.total).toBe(1);
  });

  it('DELETE /__nxwa/state and mock.reset() forget media and templates', async () => {
    const m = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'] });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      const hk = clientOf('api-hk.nxlink.ai', demo, m);
      const fill = async () => {
        const { data } = await api2.POST('/api/wa/uploadMedia', {
          body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
        });
        await hk.POST('/saas/wa/template/{phone}', { params: { path: { phone } }, body: hkTemplate('kept') });
        return data.id as string;
      };
      const empty = async (id: string) => {
        expect(
          (
            await api2.POST('/api/wa/getMedia', {
              body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': id },
            })
          ).error,
        ).toMatchObject({ code: 9000 });
        expect(
          (
            await hk.GET('/saas/wa/template/{phone}', {
              params: { path: { phone }, query: { tenant_id: 1, page_number: 1, page_size: 10 } },
            })
          ).data.total,
        ).toBe(0);
      };
      const first = await fill();
      expect((await fetch(`${m.urls['api-hk.nxlink.ai']}/__nxwa/state`, { method: 'DELETE' })).status).toBe(204);
      await empty(first);
      const second = await fill();
      m.reset();
      await empty(second);
    } finally {
      await m.stop();
    }
  });
});

describe('the state file', () => {
  const dir = join(import.meta.dirname, '..', '..', 'test-results', `state-${process.pid}`);
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps media, templates and messages across a stop and start; a review still running resumes', async () => {
    const stateFile = join(dir, 'kept.json');
    const receiving = await receiver();
    const options = {
      portBase: 0,
      hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'] as const,
      stateFile,
      webhookUrl: receiving.url,
    };
    let m = await startMock({ ...options, hosts: [...options.hosts], templateReviewMs: 600_000 });
    let mediaId: string;
    let templateId: string;
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      mediaId = (
        await api2.POST('/api/wa/uploadMedia', {
          body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
        })
      ).data.id;
      // Written shortly after the change, while the mock runs (by a rename: no temporary file is left).
      await vi.waitFor(
        () => expect(JSON.parse(readFileSync(stateFile, 'utf8')).media).toMatchObject([{ id: mediaId }]),
        { timeout: 10_000 },
      );
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(statSync(stateFile).mode & 0o777).toBe(0o600);
      templateId = (await api2.POST('/api/wa/createTemplate', { body: api2Template('survivor') })).data.id;
      await api2.POST('/api/wa/mt', {
        body: {
          appkey: 'a',
          business_phone: phone,
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '8613600009759',
          type: 'text',
          text: { body: 'kept' },
          cus_message_id: 'kept-1',
        },
      });
    } finally {
      await m.stop();
    }
    // Under review when stopped: its due time is in the file. Moved to now, so that the restart settles it.
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(saved.templates).toMatchObject([{ id: templateId, status: 'PENDING' }]);
    saved.templates[0].reviewDueAt = Date.now();
    writeFileSync(stateFile, JSON.stringify(saved));

    m = await startMock({ ...options, hosts: [...options.hosts] });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      const got = await api2.POST('/api/wa/getMedia', {
        body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': mediaId },
      });
      expect(got.data).toMatchObject({ mime_type: 'image/jpeg', file_name: 'cat.jpg' });
      expect(got.data.url.startsWith(m.urls['api2.nxcloud.com']!)).toBe(true);
      expect(new Uint8Array(await (await fetch(got.data.url)).arrayBuffer())).toEqual(jpegBytes);
      expect(m.message('kept-1')).toMatchObject({ to: '8613600009759', body: { text: { body: 'kept' } } });
      await vi.waitFor(
        () => expect(receiving.received.map((r) => r.payload.value?.message_template_id)).toContain(templateId),
        { timeout: 10_000 },
      );
      const list = await api2.POST('/api/wa/getTemplate', {
        body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp' },
      });
      expect(list.data.data).toMatchObject([{ id: templateId, status: 'APPROVED' }]);
      // A change after the restart is written too (on stop at the latest).
      await api2.POST('/api/wa/deleteMedia', {
        body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': mediaId },
      });
    } finally {
      await m.stop();
      await receiving.close();
    }
    const after = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(after.media).toEqual([]);
    expect(after.templates).toMatchObject([{ id: templateId, status: 'APPROVED' }]);
  });

  it.each([
    ['not JSON', '{"version": 1, "media": [', /the state file .*broken\.json is not valid JSON/],
    [
      'of another shape',
      JSON.stringify({ version: 1, media: [{ id: 'x' }], templates: [], messages: [] }),
      /the state file .*broken\.json is not a state file of this mock: media\[0\]\.accessKey must be a string/,
    ],
    ['of another version', JSON.stringify({ version: 7 }), /"version" must be 1; got 7/],
  ])('a file that is %s fails start, naming the file and what is wrong', async (_label, text, message) => {
    const stateFile = join(dir, 'broken.json');
    writeFileSync(stateFile, text);
    await expect(startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile })).rejects.toThrow(message);
    // Left as it was: nothing is overwritten.
    expect(readFileSync(stateFile, 'utf8')).toBe(text);
  });

  it('an unreadable file fails start, naming it', async () => {
    await expect(startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile: dir })).rejects.toThrow(
      /the state file .*state-\d+ cannot be read \(EISDIR\)/,
    );
  });

  it('a file in a folder that does not exist fails start, naming it', async () => {
    await expect(
      startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile: join(dir, 'missing', 'state.json') }),
    ).rejects.toThrow(/the state file .*state\.json cannot be written: the folder .*missing does not exist/);
  });

  it('refuses a bad templateReviewMs, naming it', async () => {
    await expect(startMock({ portBase: 0, templateReviewMs: -1 })).rejects.toThrow(
      /templateReviewMs must be a whole number of ms, 0 or more; got -1/,
    );
  });
});
