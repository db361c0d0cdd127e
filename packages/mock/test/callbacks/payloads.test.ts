// A callback round trip: a send with dr_webhook pointing at a local handler built with the client's callback
// parser; the handler receives and verifies sent → delivered → read (or failed, when asked for).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STATUSES } from '../../src/callbacks/payloads.js';
import { client, demo, HOSTS, spec } from '../support.js';

let server: Server;
let hookUrl: string;
const received: { status?: string; id?: string; verified: boolean; error?: string }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      const callback = parseCallback(new Uint8Array(Buffer.concat(chunks)), {
        headers: req.headers as Record<string, string>,
        accessSecret: demo.accessSecret,
        action: 'callback',
      });
      if (callback.kind === 'status')
        for (const s of callback.statuses) received.push({ status: s.status, id: s.id, verified: true });
      res.end('ok');
    } catch (error) {
      received.push({ verified: false, error: (error as Error).message });
      res.statusCode = 401;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'hi' },
} as const;

describe('status callbacks', () => {
  it('sent, delivered and read arrive in order, signed, for the message sent', async () => {
    received.length = 0;
    const { data, error } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'cb-1', dr_webhook: hookUrl },
    });
    expect(error).toBeUndefined();
    expect(data?.messages[0].id).toBe('cb-1');
    await vi.waitFor(() => expect(received).toHaveLength(3), { timeout: 5_000 });
    expect(received).toEqual([
      { status: 'sent', id: 'cb-1', verified: true },
      { status: 'delivered', id: 'cb-1', verified: true },
      { status: 'read', id: 'cb-1', verified: true },
    ]);
  });

  it('a failed status when asked for', async () => {
    received.length = 0;
    await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, cus_message_id: 'cb-2', dr_webhook: hookUrl },
      headers: { 'x-nxwa-callbacks': 'sent,failed' },
    });
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 5_000 });
    expect(received.map((r) => r.status)).toEqual(['sent', 'failed']);
  });

  it('no callback after a failed send', async () => {
    received.length = 0;
    const { error } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, dr_webhook: hookUrl },
      headers: { Prefer: 'example=code-10005' },
    });
    expect(error).toMatchObject({ code: 10005 });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([]);
  });

  it('a SaaS send without a configured webhook calls nothing back', async () => {
    received.length = 0;
    const saas = client('api.nxcloud.com');
    // The SaaS send takes no dr_webhook: the mock's configured webhook would be used. Without one, nothing is sent.
    const { error } = await saas.POST('/saas/wa/send', {
      body: {
        tenant_id: 1,
        appkey: 'a',
        business_phone: '8615800001795',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '8613600009759',
        type: 'template',
        template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } },
      },
    });
    expect(error).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
  });

  it('a dr_webhook that is not on loopback is not called', async () => {
    received.length = 0;
    const { error } = await client('api2.nxcloud.com').POST('/api/wa/mt', {
      body: { ...text, dr_webhook: 'https://example.com/hook' },
    });
    expect(error).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
  });
});

describe('the statuses a status callback reports', () => {
  it("are the spec's Status.status of every host with a status callback, less deleted (the mock deletes none)", () => {
    const documented = HOSTS.map((host) => spec(host).components?.schemas?.Status?.properties?.status).filter(Boolean);
    expect(documented.length).toBeGreaterThan(0);
    for (const status of documented) expect(status.enum.filter((s: string) => s !== 'deleted')).toEqual([...STATUSES]);
  });
});
