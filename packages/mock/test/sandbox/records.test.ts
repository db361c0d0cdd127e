// Profiles, blocklists and customers in the state file (journal lines, as the other stores) and in a reset: a
// restarted mock answers what the first one stored; after DELETE /__nxwa/state neither remembers any of it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNxcloudClient } from '@org/nxwa-client';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { createRecordStore, type RecordChange } from '../../src/sandbox/records/store.js';
import { demo } from '../support.js';

const dir = mkdtempSync(join(tmpdir(), 'nxwa-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const phone = '8615800001795';
const user = '8613600009759';

const start = (stateFile: string) =>
  startMock({ portBase: 0, hosts: ['api2.nxcloud.com', 'api.nxcloud.com'], stateFile, callbackDelayMs: 10 });
const api = (m: RunningMock, host: 'api2.nxcloud.com' | 'api.nxcloud.com') =>
  createNxcloudClient(host, { ...demo, baseUrl: m.urls[host]!, retry: { attempts: 1 } }) as any;
const profileOf = (m: RunningMock) =>
  api(m, 'api2.nxcloud.com').POST('/api/wa/getBusinessProfile', {
    body: { appkey: 'a', messaging_product: 'whatsapp', business_phone: phone },
  });
const sendTo = (m: RunningMock) =>
  api(m, 'api2.nxcloud.com').POST('/api/wa/mt', {
    body: {
      appkey: 'a',
      business_phone: phone,
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: user,
      type: 'text',
      text: { body: 'hi' },
    },
  });
const customersOf = (m: RunningMock) =>
  api(m, 'api.nxcloud.com').POST('/saas/cdp/openapi/customers/query', {
    body: { tenant_id: 3, app_key: 'k', limit: 10 },
  });

describe('the newer stores in the state file', () => {
  it('survive a restart, and a reset forgets them (also after a restart)', async () => {
    const file = join(dir, 'state.json');
    let m = await start(file);
    try {
      m.inbound({ business_phone: phone, from: user, type: 'text', text: { body: 'hi' } });
      m.setBusinessProfile(phone, { about: 'Kept' });
      const blocked = await api(m, 'api2.nxcloud.com').POST('/api/wa/createBlockUsers', {
        body: { appkey: 'a', messaging_product: 'whatsapp', business_phone: phone, block_users: [{ user }] },
      });
      expect(blocked.data.block_users.added_users).toHaveLength(1);
      await api(m, 'api.nxcloud.com').POST('/saas/cdp/openapi/customers/batch_create', {
        body: { type: 0, tenant_id: 3, app_key: 'k', customers: [{ full_name: 'Kept Customer' }] },
      });
    } finally {
      await m.stop();
    }
    expect(readFileSync(file, 'utf8')).toMatch(/"r":\{"kind":"customer"/);

    m = await start(file);
    try {
      expect((await profileOf(m)).data).toEqual({ data: [{ about: 'Kept' }] });
      expect((await sendTo(m)).error).toMatchObject({ code: 9099 });
      expect((await customersOf(m)).data.list.map((c: any) => c.full_name)).toEqual(['Kept Customer']);
      const reset = await fetch(`${m.urls['api2.nxcloud.com']}/__nxwa/state`, { method: 'DELETE' });
      expect(reset.status).toBe(204);
      expect((await profileOf(m)).error.message).toMatch(/business_phone:/);
      expect((await customersOf(m)).data.list).toEqual([]);
    } finally {
      await m.stop();
    }

    m = await start(file);
    try {
      expect((await profileOf(m)).error.message).toMatch(/business_phone:/);
      expect((await sendTo(m)).error).toBeUndefined();
      expect((await customersOf(m)).data.list).toEqual([]);
    } finally {
      await m.stop();
    }
  });
});

describe('a record store', () => {
  it('holds at most its limit: the oldest goes first, told as a change; a restore keeps the newest', () => {
    const changes: RecordChange[] = [];
    const store = createRecordStore<number>('customer', (c) => changes.push(c), 2);
    store.set('a', 1);
    store.set('b', 2);
    store.set('c', 3);
    expect(store.list()).toEqual([2, 3]);
    expect(changes.at(-1)).toEqual({ kind: 'customer', key: 'a' });
    store.restore([1, 2, 3, 4].map((value) => ({ kind: 'customer' as const, key: String(value), value })));
    expect(store.list()).toEqual([3, 4]);
  });
});
