// The sandbox's choice of answer: from its stores, or the engine's for the documents' own example IDs; per-accessKey
// isolation and reset.
import { type NxcloudHost } from '@org/nxwa-client';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { answerProblems, demo } from '../support.js';
import { api2Template, clientOf, hkTemplate, jpeg, mock, phone, second, useSandboxMock } from './fixtures.js';

useSandboxMock();

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
