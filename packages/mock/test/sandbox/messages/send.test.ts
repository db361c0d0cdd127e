// The sandbox over HTTP: every accepted send gets its own message ID and is recorded with its timeline
// of statuses and callback attempts; the inspection API and the library's messages()/reset() read and reset it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNxcloudClient } from '@org/nxwa-client';
import { describe, expect, inject, it, vi } from 'vitest';
import { startMock } from '../../../src/index.js';
import { client } from '../../support.js';

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'sandbox' },
} as const;
const saasSend = {
  tenant_id: 1,
  appkey: 'a',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'template',
  template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
} as const;

describe('message IDs', () => {
  it('two api2 sends get two message IDs', async () => {
    const api2 = client('api2.nxcloud.com');
    const [a, b] = await Promise.all([
      api2.POST('/api/wa/mt', { body: text }),
      api2.POST('/api/wa/mt', { body: text }),
    ]);
    expect(a.data?.messages[0].id).toMatch(/^mock[0-9a-f]{24}$/);
    expect(b.data?.messages[0].id).toMatch(/^mock[0-9a-f]{24}$/);
    expect(a.data?.messages[0].id).not.toBe(b.data?.messages[0].id);
  });

  it('a cus_message_id still becomes the ID', async () => {
    const { data } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'mine-1' },
    });
    expect(data?.messages[0].id).toBe('mine-1');
  });

  it('a cus_message_id with quotes, backslashes and non-ASCII comes back exactly, in valid JSON', async () => {
    const id = 'q"u\\o/te\u2028é-1';
    const { data } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: id },
    });
    expect(data?.messages[0].id).toBe(id);
  });

  it.each(['api.nxcloud.com', 'api-idn.nxlink.ai'] as const)('two %s sends get two message IDs', async (host) => {
    const saas = client(host) as any;
    const a = await saas.POST('/saas/wa/send', { body: saasSend });
    const b = await saas.POST('/saas/wa/send', { body: saasSend });
    expect(a.error).toBeUndefined();
    expect(a.data.message_id).not.toBe(b.data.message_id);
  });
});

describe('the inspection API', () => {
  const urls = () => inject('urls');
  const getJson = async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  };

  it('records an accepted send with its timeline, visible on every host port', async () => {
    // An empty x-nxwa-callbacks plans no status: the message stays accepted while it is looked at.
    const { error } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, to: '8613600000001', cus_message_id: 'inspect-1' },
      headers: { 'x-nxwa-callbacks': '' },
    });
    expect(error).toBeUndefined();
    for (const url of Object.values(urls())) {
      const { status, body } = await getJson(`${url}/__nxwa/messages/inspect-1`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: 'inspect-1',
        host: 'api2.nxcloud.com',
        direction: 'outbound',
        operation: 'POST /api/wa/mt',
        accessKey: 'nxwa-demo-key',
        to: '8613600000001',
        status: 'accepted',
        timeline: [{ status: 'accepted' }],
        callbacks: [],
      });
      expect(body.body).toMatchObject({ text: { body: 'sandbox' } });
    }
  });

  it('a refused send is not recorded', async () => {
    await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'refused-1' },
      headers: { Prefer: 'example=code-10005' },
    });
    expect((await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages/refused-1`)).status).toBe(404);
  });

  it('lists newest first, filtered by recipient and status', async () => {
    const api2 = client('api2.nxcloud.com');
    const headers = { 'x-nxwa-callbacks': '' };
    await api2.POST('/api/wa/mt', { body: { ...text, to: '8613600000002', cus_message_id: 'list-1' }, headers });
    await api2.POST('/api/wa/mt', { body: { ...text, to: '8613600000002', cus_message_id: 'list-2' }, headers });
    const { body } = await getJson(`${urls()['api-hk.nxlink.ai']}/__nxwa/messages?to=8613600000002&status=accepted`);
    expect(body.messages.map((m: { id: string }) => m.id)).toEqual(['list-2', 'list-1']);
    expect(
      (await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages?to=8613600000002&status=read`)).body.messages,
    ).toEqual([]);
    const bad = await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages?status=lost`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(
      /status: must be one of "accepted", "sent", "delivered", "read", "failed", "received"; got "lost"/,
    );
  });

  it('the timeline follows the status callbacks, each attempt recorded', async () => {
    const hook = createServer((req, res) => (req.resume(), req.on('end', () => res.end('ok'))));
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const dr_webhook = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      await client('api2.nxcloud.com').POST('/api/wa/mt', {
        body: { ...text, cus_message_id: 'timeline-1', dr_webhook },
      });
      // The timeline does not wait for the callbacks: wait for the third one.
      await vi.waitFor(
        async () =>
          expect(
            (await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages/timeline-1`)).body.callbacks,
          ).toHaveLength(3),
        { timeout: 5_000 },
      );
      const { body } = await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages/timeline-1`);
      expect(body.timeline.map((e: { status: string }) => e.status)).toEqual(['accepted', 'sent', 'delivered', 'read']);
      expect(body.callbacks).toMatchObject([
        { status: 'sent', url: dr_webhook, attempt: 1, httpStatus: 200 },
        { status: 'delivered', url: dr_webhook, attempt: 1, httpStatus: 200 },
        { status: 'read', url: dr_webhook, attempt: 1, httpStatus: 200 },
      ]);
      expect(body.timeline.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    } finally {
      hook.close();
    }
  });

  it('unknown IDs, paths and methods are refused clearly', async () => {
    const base = urls()['api2.nxcloud.com'];
    expect((await getJson(`${base}/__nxwa/messages/nothing-here`)).status).toBe(404);
    expect((await getJson(`${base}/__nxwa/messages`, { method: 'POST' })).status).toBe(405);
    expect((await getJson(`${base}/__nxwa/state`)).status).toBe(405);
    expect((await getJson(`${base}/__nxwa/other`)).body.error).toMatch(/GET \/__nxwa\/messages/);
  });

  it('DELETE /__nxwa/state forgets everything', async () => {
    await client('api2.nxcloud.com').POST('/api/wa/mt', { body: { ...text, cus_message_id: 'reset-1' } });
    expect((await getJson(`${urls()['api-idn.nxlink.ai']}/__nxwa/state`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(`${urls()['api2.nxcloud.com']}/__nxwa/messages`)).body.messages).toEqual([]);
  });
});

describe('mock.messages() and mock.reset()', () => {
  it('read and reset the same record as the HTTP API, and keep at most messageLimit', async () => {
    // A timeline step far away: the messages stay accepted while the test reads them.
    const mock = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      messageLimit: 2,
      callbackDelayMs: 600_000,
    });
    try {
      const base = mock.urls['api2.nxcloud.com']!;
      const api2 = createNxcloudClient('api2.nxcloud.com', {
        accessKey: 'nxwa-demo-key',
        accessSecret: 'nxwa-demo-secret',
        baseUrl: base,
        retry: { attempts: 1 },
      });
      for (const id of ['lib-1', 'lib-2', 'lib-3'])
        await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: id } });
      expect(mock.messages().map((m) => m.id)).toEqual(['lib-3', 'lib-2']);
      expect(mock.message('lib-3')).toMatchObject({ status: 'accepted', operation: 'POST /api/wa/mt' });
      expect(mock.messages({ status: 'read' })).toEqual([]);
      // Copies: changing one does not change the record.
      mock.messages()[0].status = 'read';
      expect(mock.message('lib-3')?.status).toBe('accepted');
      mock.reset();
      expect(mock.messages()).toEqual([]);
      expect((await (await fetch(`${base}/__nxwa/messages`)).json()).messages).toEqual([]);
    } finally {
      await mock.stop();
    }
  });

  it('a double send after accepted-then-500 is two sends, the second marked a duplicate and counted in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nxwa-dup-'));
    const reportFile = join(dir, 'report.json');
    const mock = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      callbackDelayMs: 600_000,
      faults: ['sendMessage:accepted-then-500,times=1'],
      reportFile,
    });
    try {
      const api2 = createNxcloudClient('api2.nxcloud.com', {
        accessKey: 'nxwa-demo-key',
        accessSecret: 'nxwa-demo-secret',
        baseUrl: mock.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      const first = await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'order-1' } });
      expect(first.response?.status).toBe(500);
      // The app retries the send it believes failed.
      const again = await api2.POST('/api/wa/mt', { body: { ...text, cus_message_id: 'order-1' } });
      expect(again.error).toBeUndefined();
      const sends = mock.messages().filter((m) => m.id === 'order-1');
      expect(sends.map((m) => m.duplicate)).toEqual([2, undefined]);
      expect(mock.message('order-1')?.duplicate).toBeUndefined();
      await mock.stop();
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      expect(report.sends).toEqual({ kept: 2, duplicates: 1, duplicateIds: ['order-1'] });
    } finally {
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad messageLimit, naming it', async () => {
    await expect(startMock({ portBase: 0, messageLimit: 0 })).rejects.toThrow(
      /messageLimit must be a whole number of at least 1; got 0/,
    );
  });
});
