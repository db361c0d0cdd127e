// listenOn and closeNow: the URL is the one to call, a port in use rejects instead of crashing, and a close does
// not wait for a request the server is still holding (a webhook-like handler that never answers).
import { createServer, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { closeNow, listenOn } from '../../src/http/listen.js';

describe('listenOn / closeNow', () => {
  it('resolves with the base URL, rejects on a port in use, and closes with a request still held', async () => {
    let held!: () => void;
    const arrived = new Promise<void>((resolve) => (held = resolve));
    const first = createServer(() => held());
    const url = await listenOn(first, 0, '127.0.0.1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(listenOn(createServer(), Number(new URL(url).port), '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);

    const ended = new Promise<string>((resolve) => {
      request(url, () => resolve('answered'))
        .on('error', (error) => resolve(error.message))
        .end();
    });
    await arrived;
    // A plain close() would wait for the held request forever: only closing its connection ends the test.
    await closeNow(first);
    expect(first.listening).toBe(false);
    expect(await ended).toBe('socket hang up');
  });
});
