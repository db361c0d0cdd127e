// The sandbox's media over HTTP, through @org/nxwa-client: upload → send by ID → getMedia → download → delete on
// api2, template media on the HK host, and the media store itself.
import { describe, expect, it } from 'vitest';
import { createMediaStore } from '../../src/sandbox/media/store.js';
import { api2Template, clientOf, hkTemplate, jpeg, jpegBytes, mock, phone, useSandboxMock } from './fixtures.js';

useSandboxMock();

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
