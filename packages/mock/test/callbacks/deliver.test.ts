// Delivering callbacks: a webhook that never answers holds at most `maxPending` callbacks, and `maxPendingBytes` of
// their bodies; one over a bound is not sent, and its attempt says why (the message's callbacks show it).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_SOCKETS,
  createDelivery,
  type DeliveryAttempt,
  MAX_PENDING_CALLBACK_BYTES,
  MAX_PENDING_CALLBACKS,
} from '../../src/callbacks/deliver.js';

const held: ServerResponse[] = [];
const silent = createServer((req, res) => {
  req.resume();
  held.push(res);
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((r) => silent.close(r));
});

describe('the pending-callback bound', () => {
  it('drops the callback over the bound, recording why; those under it wait', async () => {
    const lines: string[] = [];
    const delivery = createDelivery({ retryBaseMs: 0, log: (l) => lines.push(l), maxPending: 3 });
    const credentials = { accessKey: 'k', accessSecret: 's' };
    const attempts: DeliveryAttempt[][] = [];
    const results = Array.from({ length: 5 }, (_, i) => {
      attempts[i] = [];
      return delivery.deliver(url, '{}', credentials, (a) => attempts[i].push(a), { label: `cb${i}` });
    });
    expect(delivery.pending).toBe(3);
    expect(await results[3]).toBe(false);
    expect(await results[4]).toBe(false);
    expect(attempts[4]).toEqual([
      {
        url,
        attempt: 1,
        at: expect.any(String),
        error: "dropped, not sent: 3 callbacks were already waiting for their webhooks (the mock's bound)",
      },
    ]);
    expect(attempts[0]).toEqual([]);
    expect(lines.filter((l) => l.includes('dropped'))).toHaveLength(2);
    delivery.cancelAll();
    expect(await results[0]).toBe(false);
    expect(MAX_PENDING_CALLBACKS).toBe(4_000);
  });
});

describe('the pending-bytes bound', () => {
  it('drops a callback whose body would pass the bytes waiting; a settled one frees its bytes', async () => {
    const delivery = createDelivery({ retryBaseMs: 0, log: () => {}, maxPendingBytes: 2_500 });
    const credentials = { accessKey: 'k', accessSecret: 's' };
    const body = JSON.stringify({ text: 'x'.repeat(1_000) });
    const aborter = new AbortController();
    const first = delivery.deliver(url, body, credentials, undefined, { signal: aborter.signal });
    void delivery.deliver(url, body, credentials);
    const dropped: DeliveryAttempt[] = [];
    expect(await delivery.deliver(url, body, credentials, (a) => dropped.push(a))).toBe(false);
    expect(dropped[0].error).toBe(
      `dropped, not sent: callbacks of ${2 * body.length} bytes were already waiting for their webhooks, and this one's ${body.length} would pass 2500 (the mock's bound)`,
    );
    aborter.abort();
    expect(await first).toBe(false);
    const third = delivery.deliver(url, body, credentials);
    expect(delivery.pending).toBe(2);
    delivery.cancelAll();
    expect(await third).toBe(false);
    expect(MAX_PENDING_CALLBACK_BYTES).toBe(16 * 1024 * 1024);
  });

  it('sends the body it was given, byte for byte, signed over those bytes', async () => {
    const got: { body: string; sign: boolean }[] = [];
    const hook = createServer((req, res) => {
      let text = '';
      req.on('data', (d) => (text += d));
      req.on('end', () => {
        const ts = Number(req.headers.ts);
        const again = signatureHeaders({
          accessKey: 'k',
          accessSecret: 's',
          action: 'callback',
          bizType: '2',
          ts,
          body: text,
        });
        got.push({ body: text, sign: req.headers.sign === again.sign });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const delivery = createDelivery({ retryBaseMs: 0, log: () => {} });
    const body = '{"text":"héllo ✓"}';
    const at = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    expect(await delivery.deliver(at, body, { accessKey: 'k', accessSecret: 's' })).toBe(true);
    delivery.cancelAll();
    hook.close();
    expect(got).toEqual([{ body, sign: true }]);
  });
});

describe('connections to a webhook', () => {
  it('a callback whose request cannot be made fails alone, and leaves its place to the next', async () => {
    const hook = createServer((req, res) => req.resume().on('end', () => res.end()));
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const delivery = createDelivery({ retryBaseMs: 0, log: () => {} });
    const credentials = { accessKey: 'k', accessSecret: 's' };
    try {
      const errors: string[] = [];
      const bad = Array.from({ length: CALLBACK_SOCKETS + 1 }, () =>
        delivery.deliver('http://not a host/', '{}', credentials, (a) => void errors.push(a.error ?? '')),
      );
      expect(await Promise.all(bad)).toEqual(Array(CALLBACK_SOCKETS + 1).fill(false));
      expect(errors.every((e) => /Invalid URL/.test(e))).toBe(true);
      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      expect(await delivery.deliver(hookUrl, '{}', credentials)).toBe(true);
      expect(delivery.pending).toBe(0);
    } finally {
      delivery.cancelAll();
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });

  it('past its connections, a callback waits to be sent, and one still waiting when the mock stops is never sent', async () => {
    let reached = 0;
    const hook = createServer((req) => {
      req.resume();
      reached++;
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const delivery = createDelivery({ retryBaseMs: 0, log: () => {} });
    try {
      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const results = Array.from({ length: CALLBACK_SOCKETS + 10 }, () =>
        delivery.deliver(hookUrl, '{}', { accessKey: 'k', accessSecret: 's' }),
      );
      await expect.poll(() => reached, { timeout: 20_000 }).toBe(CALLBACK_SOCKETS);
      await new Promise((r) => setTimeout(r, 200));
      expect(reached).toBe(CALLBACK_SOCKETS);
      expect(delivery.pending).toBe(CALLBACK_SOCKETS + 10);
      delivery.cancelAll();
      expect(await Promise.all(results)).toEqual(Array(CALLBACK_SOCKETS + 10).fill(false));
      await new Promise((r) => setTimeout(r, 200));
      expect(reached).toBe(CALLBACK_SOCKETS);
    } finally {
      delivery.cancelAll();
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });

  it('carries four callbacks for each of 100 sends in flight at once, so that callbacks keep up with the sends', async () => {
    const waiting: ServerResponse[] = [];
    const all = 400;
    let reached: () => void;
    const allWaiting = new Promise<void>((r) => (reached = r));
    const hook = createServer((req, res) => {
      req.resume();
      waiting.push(res);
      if (waiting.length === all) reached();
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const delivery = createDelivery({ retryBaseMs: 0, log: () => {} });
    try {
      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const results = Array.from({ length: all }, () =>
        delivery.deliver(hookUrl, '{}', { accessKey: 'k', accessSecret: 's' }),
      );
      // Bounded: fewer connections than callbacks would leave the rest queued here until this fails.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        allWaiting,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`only ${waiting.length} of ${all} callbacks reached the webhook`)),
            20_000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      for (const res of waiting) res.end();
      expect(await Promise.all(results)).toEqual(Array(all).fill(true));
      expect(CALLBACK_SOCKETS).toBeGreaterThanOrEqual(all);
    } finally {
      delivery.cancelAll();
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });
});
