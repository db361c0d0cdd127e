// The sandbox's mock for the tests of its stores: every host on free ports, two accounts, a webhook receiver that
// records what it gets, fast template reviews and timelines; and the fixtures those tests share.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNxcloudClient, type NxcloudHost } from '@org/nxwa-client';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';

export const second = { accessKey: 'second-key', accessSecret: 'second-secret' };
export const phone = '8615800001795';
export const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 254, 255]);
export const jpeg = () => new File([jpegBytes], 'cat.jpg', { type: 'image/jpeg' });
export const api2Template = (name: string, extra: object = {}) =>
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
export const hkTemplate = (name: string, extra: object = {}) =>
  ({ tenant_id: 1, name, language: 'en_US', category_type: 2, content: 'Hello {{1}}', ...extra }) as const;

/** A webhook receiver that verifies each callback with the client's parser, as an application would. */
export async function receiver() {
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

export let mock: RunningMock;
export let hook: Awaited<ReturnType<typeof receiver>>;
export const clientOf = <H extends NxcloudHost>(host: H, account = demo, m = mock) =>
  createNxcloudClient(host, { ...account, baseUrl: m.urls[host]!, retry: { attempts: 1 } }) as any;

/** Starts the shared mock before the file's tests and stops it after them. */
export function useSandboxMock(): void {
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
}
