// Paginate() walks the HK template list page by page, stops at the end, throws a failed page's error
// and honours the signal.
import { afterEach, describe, expect, it } from 'vitest';
import { createApi2Client, createHkClient, paginate } from '../src/index.js';
import { startServer } from './server.js';
import { credentials } from './support.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** An HK server with `count` templates; `hasNext` decides whether it says has_next_page. */
async function templates(count: number, answer: (page: number, size: number) => object | undefined = () => undefined) {
  const server = await startServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const page = Number(url.searchParams.get('page_number'));
    const size = Number(url.searchParams.get('page_size'));
    const list = Array.from({ length: Math.max(0, Math.min(size, count - (page - 1) * size)) }, (_, i) => ({
      id: String((page - 1) * size + i + 1),
      name: `t${(page - 1) * size + i + 1}`,
    }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer(page, size) ?? { code: 0, message: 'ok', data: { list, total: count } }));
  });
  closers.push(server.close);
  return server;
}

describe('paginate', () => {
  it('reads every page, in order, and stops at the end', async () => {
    const server = await templates(5);
    const hk = createHkClient({ ...credentials, baseUrl: server.origin, defaults: { tenant_id: 3 } });
    const names: string[] = [];
    for await (const t of paginate(hk, '/saas/wa/template/{phone}', {
      params: { path: { phone: '8615800001795' }, query: { page_size: 2 } },
    }))
      names.push(t.name!);
    expect(names).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(server.seen.map((r) => new URL(r.url, 'http://x').search)).toEqual([
      '?page_size=2&page_number=1&tenant_id=3',
      '?page_size=2&page_number=2&tenant_id=3',
      '?page_size=2&page_number=3&tenant_id=3',
    ]);
  });

  it('stops when the server says has_next_page: false', async () => {
    const server = await templates(100, (page) => ({
      code: 0,
      data: { list: [{ id: String(page), name: `p${page}` }], has_next_page: page < 2 },
    }));
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const all = [];
    for await (const t of paginate(hk, '/saas/wa/template/{phone}', {
      params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 1 } },
    }))
      all.push(String(t.id));
    expect(all).toEqual(['1', '2']);
  });

  it('a server that never ends is read at most maxPages', async () => {
    const server = await templates(0, () => ({ code: 0, data: { list: [{ id: 'same' }], has_next_page: true } }));
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    let n = 0;
    for await (const _ of paginate(hk, '/saas/wa/template/{phone}', {
      params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 1 } },
      maxPages: 4,
    }))
      n++;
    expect(n).toBe(4);
  });

  it('a failed page throws its error', async () => {
    const server = await templates(10, (page) =>
      page === 2 ? { code: 9000, message: 'page_size too large', data: null } : undefined,
    );
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(hk, '/saas/wa/template/{phone}', {
        params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 3 } },
      }))
        got.push(String(t.id));
    }).rejects.toMatchObject({ name: 'NxcloudError', code: 9000 });
    expect(got).toEqual(['1', '2', '3']);
  });

  it('an abort stops it: no further page is asked for', async () => {
    const server = await templates(10);
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const controller = new AbortController();
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(hk, '/saas/wa/template/{phone}', {
        params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 2 } },
        signal: controller.signal,
      })) {
        got.push(String(t.id));
        controller.abort();
      }
    }).rejects.toMatchObject({ kind: 'aborted' });
    expect(got).toEqual(['1', '2']);
    expect(server.seen).toHaveLength(1);
  });
});

/** An api2 getTemplate server with `count` templates, paged by an opaque cursor (the index, base64). */
async function cursorTemplates(count: number, answer: (body: any) => object | undefined = () => undefined) {
  const server = await startServer((_req, res, raw) => {
    const body = JSON.parse(raw);
    const start = body.after ? Number(Buffer.from(body.after, 'base64').toString()) : 0;
    const limit = body.limit ?? 20;
    const data = Array.from({ length: Math.max(0, Math.min(limit, count - start)) }, (_, i) => ({
      id: String(start + i + 1),
      name: `t${start + i + 1}`,
    }));
    const end = start + data.length;
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const paging = {
      cursors: { before: cursor(start), after: cursor(end) },
      ...(end < count && { next: `https://graph.example/next?after=${cursor(end)}` }),
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer(body) ?? { code: 0, message: 'ok', data: { data, paging } }));
  });
  closers.push(server.close);
  return server;
}

describe('paginate over api2 getTemplate (cursor)', () => {
  it('follows paging.cursors.after page by page, in order, and stops when there is no paging.next', async () => {
    const server = await cursorTemplates(5);
    const api2 = createApi2Client({
      ...credentials,
      baseUrl: server.origin,
      defaults: { business_phone: '8615800001795' },
    });
    const names: string[] = [];
    for await (const t of paginate(api2, '/api/wa/getTemplate', { body: { appkey: 'app1', limit: 2 } }))
      names.push(t.name!);
    expect(names).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(server.seen.map((r) => JSON.parse(r.body))).toEqual([
      { appkey: 'app1', limit: 2, messaging_product: 'whatsapp', business_phone: '8615800001795' },
      { appkey: 'app1', limit: 2, after: 'Mg==', messaging_product: 'whatsapp', business_phone: '8615800001795' },
      { appkey: 'app1', limit: 2, after: 'NA==', messaging_product: 'whatsapp', business_phone: '8615800001795' },
    ]);
    expect(server.seen.every((r) => r.headers.action === 'getTemplate' && typeof r.headers.sign === 'string')).toBe(
      true,
    );
  });

  it('an exact last page: stops on an empty page', async () => {
    // A server that gives paging.next on a full last page: the empty page after it ends the iteration.
    const server = await cursorTemplates(4, (body) =>
      body.after === 'NA=='
        ? { code: 0, data: { data: [], paging: { cursors: {}, next: 'x' } } }
        : { code: 0, data: { data: [{ id: '3' }, { id: '4' }], paging: { cursors: { after: 'NA==' }, next: 'x' } } },
    );
    const api2 = createApi2Client({ ...credentials, baseUrl: server.origin });
    const ids: string[] = [];
    for await (const t of paginate(api2, '/api/wa/getTemplate', {
      body: { appkey: 'a', business_phone: '1', limit: 2, after: 'Mg==' },
    }))
      ids.push(t.id!);
    expect(ids).toEqual(['3', '4']);
    expect(server.seen.map((r) => JSON.parse(r.body).after)).toEqual(['Mg==', 'NA==']);
  });

  it('stops when no after cursor is answered, or the same cursor comes back', async () => {
    const noCursor = await cursorTemplates(0, () => ({
      code: 0,
      data: { data: [{ id: 'x' }], paging: { next: 'https://graph.example/next' } },
    }));
    const api2 = createApi2Client({ ...credentials, baseUrl: noCursor.origin });
    let n = 0;
    for await (const _ of paginate(api2, '/api/wa/getTemplate', { body: { appkey: 'a', business_phone: '1' } })) n++;
    expect([n, noCursor.seen.length]).toEqual([1, 1]);

    const same = await cursorTemplates(0, () => ({
      code: 0,
      data: { data: [{ id: 'x' }], paging: { next: 'n', cursors: { after: 'AAA' } } },
    }));
    const again = createApi2Client({ ...credentials, baseUrl: same.origin });
    n = 0;
    for await (const _ of paginate(again, '/api/wa/getTemplate', { body: { appkey: 'a', business_phone: '1' } })) n++;
    expect([n, same.seen.length]).toEqual([2, 2]);
  });

  it('a server that never ends is read at most maxPages', async () => {
    let i = 0;
    const server = await cursorTemplates(0, () => ({
      code: 0,
      data: { data: [{ id: String(++i) }], paging: { next: 'n', cursors: { after: `c${i}` } } },
    }));
    const api2 = createApi2Client({ ...credentials, baseUrl: server.origin });
    let n = 0;
    for await (const _ of paginate(api2, '/api/wa/getTemplate', {
      body: { appkey: 'a', business_phone: '1' },
      maxPages: 3,
    }))
      n++;
    expect([n, server.seen.length]).toEqual([3, 3]);
  });

  it('a failed page throws its error', async () => {
    const server = await cursorTemplates(10, (body) =>
      body.after ? { code: 9000, message: 'limit too large', data: null } : undefined,
    );
    const api2 = createApi2Client({ ...credentials, baseUrl: server.origin });
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(api2, '/api/wa/getTemplate', {
        body: { appkey: 'a', business_phone: '1', limit: 3 },
      }))
        got.push(t.id!);
    }).rejects.toMatchObject({ name: 'NxcloudError', code: 9000, operation: 'POST /api/wa/getTemplate' });
    expect(got).toEqual(['1', '2', '3']);
  });

  it('an abort stops it: no further page is asked for', async () => {
    const server = await cursorTemplates(10);
    const api2 = createApi2Client({ ...credentials, baseUrl: server.origin });
    const controller = new AbortController();
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(api2, '/api/wa/getTemplate', {
        body: { appkey: 'a', business_phone: '1', limit: 2 },
        signal: controller.signal,
      })) {
        got.push(t.id!);
        controller.abort();
      }
    }).rejects.toMatchObject({ kind: 'aborted' });
    expect(got).toEqual(['1', '2']);
    expect(server.seen).toHaveLength(1);
  });
});
