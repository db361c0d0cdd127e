// Issue 13: paginate() walks the HK template list page by page, stops at the end, throws a failed page's error
// and honours the signal.
import { afterEach, describe, expect, it } from 'vitest';
import { createHkClient, paginate } from '../src/index.js';
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
    const list = Array.from({ length: Math.max(0, Math.min(size, count - (page - 1) * size)) }, (_, i) => ({ id: String((page - 1) * size + i + 1), name: `t${(page - 1) * size + i + 1}` }));
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
    for await (const t of paginate(hk, '/saas/wa/template/{phone}', { params: { path: { phone: '8615800001795' }, query: { page_size: 2 } } })) names.push(t.name!);
    expect(names).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(server.seen.map((r) => new URL(r.url, 'http://x').search)).toEqual([
      '?page_size=2&page_number=1&tenant_id=3',
      '?page_size=2&page_number=2&tenant_id=3',
      '?page_size=2&page_number=3&tenant_id=3',
    ]);
  });

  it('stops when the server says has_next_page: false', async () => {
    const server = await templates(100, (page) => ({ code: 0, data: { list: [{ id: String(page), name: `p${page}` }], has_next_page: page < 2 } }));
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const all = [];
    for await (const t of paginate(hk, '/saas/wa/template/{phone}', { params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 1 } } })) all.push(String(t.id));
    expect(all).toEqual(['1', '2']);
  });

  it('a server that never ends is read at most maxPages', async () => {
    const server = await templates(0, () => ({ code: 0, data: { list: [{ id: 'same' }], has_next_page: true } }));
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    let n = 0;
    for await (const _ of paginate(hk, '/saas/wa/template/{phone}', { params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 1 } }, maxPages: 4 })) n++;
    expect(n).toBe(4);
  });

  it("a failed page throws its error", async () => {
    const server = await templates(10, (page) => (page === 2 ? { code: 9000, message: 'page_size too large', data: null } : undefined));
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(hk, '/saas/wa/template/{phone}', { params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 3 } } })) got.push(String(t.id));
    }).rejects.toMatchObject({ name: 'NxcloudError', code: 9000 });
    expect(got).toEqual(['1', '2', '3']);
  });

  it('an abort stops it: no further page is asked for', async () => {
    const server = await templates(10);
    const hk = createHkClient({ ...credentials, baseUrl: server.origin });
    const controller = new AbortController();
    const got: string[] = [];
    await expect(async () => {
      for await (const t of paginate(hk, '/saas/wa/template/{phone}', { params: { path: { phone: '1' }, query: { tenant_id: 1, page_size: 2 } }, signal: controller.signal })) {
        got.push(String(t.id));
        controller.abort();
      }
    }).rejects.toMatchObject({ kind: 'aborted' });
    expect(got).toEqual(['1', '2']);
    expect(server.seen).toHaveLength(1);
  });
});
