// The SaaS hosts' CDP customers in the sandbox, through @org/nxwa-client: customers created in batch are listed by
// the query, a page at a time with the `after`/`before` cursors, filtered by name, contact, tags (and/or), source
// and time; per host, account and tenant; `type` decides what happens to a customer created again; an unknown
// cursor answers the operation's parameter code naming it.
import { describe, expect, it } from 'vitest';
import { clientOf, second, useSandboxMock } from './fixtures.js';

useSandboxMock();

const people = [
  { full_name: 'Ana Lima', first_name: 'Ana', whats_app_phone: '5511900000001', tagStr: 'vip,late' },
  { full_name: 'Bruno Souza', first_name: 'Bruno', whats_app_phone: '5511900000002', tagStr: 'vip' },
  { full_name: 'Carla Dias', first_name: 'Carla', whats_app_phone: '5511900000003', email: 'carla@example.com' },
  { full_name: 'Anabela Reis', first_name: 'Anabela', whats_app_phone: '5511900000004', tagStr: 'late' },
  { full_name: 'Duda Alves', first_name: 'Duda', whats_app_phone: '5511900000005' },
];

const create = (
  host: 'api.nxcloud.com' | 'api-hk.nxlink.ai',
  tenant_id: number,
  customers: object[],
  type = 0,
  account?: typeof second,
) =>
  clientOf(host, account).POST('/saas/cdp/openapi/customers/batch_create', {
    body: { type, tenant_id, app_key: 'k', customers },
  });
const query = (host: 'api.nxcloud.com' | 'api-hk.nxlink.ai', body: object, account?: typeof second) =>
  clientOf(host, account).POST('/saas/cdp/openapi/customers/query', { body: { app_key: 'k', limit: 50, ...body } });
const names = (data: any) => data.list.map((c: any) => c.full_name);

describe('customers: batch create, then query', () => {
  it('lists what was created, a page at a time with the cursors', async () => {
    expect((await create('api.nxcloud.com', 7, people)).error).toBeUndefined();
    const page1 = (await query('api.nxcloud.com', { tenant_id: 7, limit: 2 })).data;
    expect(names(page1)).toEqual(['Ana Lima', 'Bruno Souza']);
    expect(page1).toMatchObject({ total: 5, before: null });
    expect(page1.list[0]).toMatchObject({ id: 1, tenant_id: 7, source_type: 6, whats_app_phone: '5511900000001' });
    const page2 = (await query('api.nxcloud.com', { tenant_id: 7, limit: 2, after: page1.after })).data;
    expect(names(page2)).toEqual(['Carla Dias', 'Anabela Reis']);
    const page3 = (await query('api.nxcloud.com', { tenant_id: 7, limit: 2, after: page2.after })).data;
    expect(names(page3)).toEqual(['Duda Alves']);
    expect(page3.after).toBeNull();
    const back = (await query('api.nxcloud.com', { tenant_id: 7, limit: 2, before: page3.before })).data;
    expect(names(back)).toEqual(names(page2));
  });

  it('filters: name, a contact, tags with and/or, source, time range', async () => {
    await create('api.nxcloud.com', 8, people);
    const q = async (body: object) => names((await query('api.nxcloud.com', { tenant_id: 8, ...body })).data);
    expect(await q({ name: 'ana' })).toEqual(['Ana Lima', 'Anabela Reis']);
    expect(await q({ whatsApp_phone: '5511900000002' })).toEqual(['Bruno Souza']);
    expect(await q({ email: 'carla@example.com' })).toEqual(['Carla Dias']);
    // Tag IDs in order of first use: vip 1, late 2.
    expect(await q({ tags: [1, 2], tags_logic_type: 'and' })).toEqual(['Ana Lima']);
    expect(await q({ tags: [1, 2], tags_logic_type: 'or' })).toEqual(['Ana Lima', 'Bruno Souza', 'Anabela Reis']);
    expect(await q({ tags: [{ tag_name: 'late' }] as never })).toEqual(['Ana Lima', 'Anabela Reis']);
    expect(await q({ source_type: 6 })).toHaveLength(5);
    expect(await q({ source_type: 2 })).toEqual([]);
    expect(await q({ start_time: '2000-01-01 00:00:00', end_time: '2999-01-01 00:00:00' })).toHaveLength(5);
    expect(await q({ end_time: '2000-01-01 00:00:00' })).toEqual([]);
  });

  it('per host, account and tenant', async () => {
    await create('api-hk.nxlink.ai', 9, [{ full_name: 'Hong Kong', whats_app_phone: '85290000001' }]);
    expect(names((await query('api-hk.nxlink.ai', { tenant_id: 9 })).data)).toEqual(['Hong Kong']);
    expect((await query('api.nxcloud.com', { tenant_id: 9 })).data.list).toEqual([]);
    expect((await query('api-hk.nxlink.ai', { tenant_id: 10 })).data.list).toEqual([]);
    expect((await query('api-hk.nxlink.ai', { tenant_id: 9 }, second)).data.list).toEqual([]);
  });

  it('a customer created again (same contact): type 0 replaces, 1 adds fields, 2 keeps the stored one', async () => {
    await create('api.nxcloud.com', 11, [{ full_name: 'Eva', whats_app_phone: '5511900000009', country: 'BR' }]);
    await create('api.nxcloud.com', 11, [{ full_name: 'Eva Two', whats_app_phone: '5511900000009' }], 2);
    let [eva] = (await query('api.nxcloud.com', { tenant_id: 11 })).data.list;
    expect(eva).toMatchObject({ id: 1, full_name: 'Eva', country: 'BR' });
    await create('api.nxcloud.com', 11, [{ full_name: 'Eva Silva', whats_app_phone: '5511900000009' }], 1);
    [eva] = (await query('api.nxcloud.com', { tenant_id: 11 })).data.list;
    expect(eva).toMatchObject({ id: 1, full_name: 'Eva Silva', country: 'BR' });
    await create('api.nxcloud.com', 11, [{ full_name: 'Eva S.', whats_app_phone: '5511900000009' }], 0);
    const list = (await query('api.nxcloud.com', { tenant_id: 11 })).data.list;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 1, full_name: 'Eva S.' });
    expect(list[0].country).toBeUndefined();
  });

  it('an unknown cursor: the parameter code naming it', async () => {
    await create('api.nxcloud.com', 12, people.slice(0, 1));
    const bad = await clientOf('api.nxcloud.com').POST('/saas/cdp/openapi/customers/query', {
      body: { tenant_id: 12, app_key: 'k' } as never,
    });
    const { error } = await query('api.nxcloud.com', { tenant_id: 12, after: 99 });
    expect(error).toMatchObject({ code: bad.error.code });
    expect(error.message).toMatch(/after: no customer 99 of tenant 12/);
  });
});
