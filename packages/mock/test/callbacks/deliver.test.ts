// Delivering callbacks: a webhook that never answers holds at most `maxPending` callbacks; one over the bound is not
// sent, and its attempt says why (the message's callbacks show it).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery, type DeliveryAttempt, MAX_PENDING_CALLBACKS } from '../../src/callbacks/deliver.js';

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
    expect(MAX_PENDING_CALLBACKS).toBe(2_000);
  });
});
