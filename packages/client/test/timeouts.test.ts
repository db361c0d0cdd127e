// The timeout, one controller and one timer per attempt: every attempt ends at timeoutMs exactly, even among many
// in flight; nothing is left armed once the answers are in; and a long-lived caller's signal gathers no listeners. Fake timers: the verdicts do not depend on the machine's speed.
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNxcloudClient } from '../src/index.js';
import { type Attempt, credentials, ok, scriptedFetch, textMessage } from './support.js';

const media = { business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': 'm-1' } as const;
const mediaOk = ok({ mime_type: 'image/jpeg', file_name: 'a', url: 'https://example.com/a' });

// Like a real fetch: never answers, and fails as soon as its signal is aborted.
const hanging = (a: Attempt) =>
  new Promise<Error>((resolve) => {
    const fail = () => resolve(new DOMException('aborted', 'AbortError'));
    if (a.request.signal.aborted) fail();
    else a.request.signal.addEventListener('abort', fail);
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const client = (answers: Parameters<typeof scriptedFetch>[0], timeoutMs: number) =>
  createNxcloudClient('api2.nxcloud.com', {
    ...credentials,
    fetch: scriptedFetch(answers).fetch,
    timeoutMs,
    retry: { attempts: 1 },
  });

describe('the timeout of each attempt', () => {
  it.each([1_000, 30_000])(
    'every attempt times out after timeoutMs (%i ms) exactly, among 40 in flight',
    async (timeoutMs) => {
      const api2 = client([hanging], timeoutMs);
      // 40 calls, started 7 ms apart, all in flight at once.
      const ends: { start: number; end?: number; kind?: string }[] = [];
      for (let i = 0; i < 40; i++) {
        const entry: (typeof ends)[number] = { start: Date.now() };
        ends.push(entry);
        void api2
          .POST('/api/wa/mt', { body: textMessage })
          .then((r) => Object.assign(entry, { end: Date.now(), kind: r.error?.kind }));
        await vi.advanceTimersByTimeAsync(7);
      }
      await vi.advanceTimersByTimeAsync(timeoutMs);
      for (const { start, end, kind } of ends) {
        expect(kind).toBe('timeout');
        expect(end! - start).toBe(timeoutMs);
      }
    },
  );

  it('an attempt that starts after another has been answered still times out (the timer is armed again)', async () => {
    const api2 = client([mediaOk, hanging], 1_000);
    expect((await api2.POST('/api/wa/getMedia', { body: media })).data).toBeDefined();
    await vi.advanceTimersByTimeAsync(10);
    const start = Date.now();
    let end: number | undefined;
    const pending = api2.POST('/api/wa/getMedia', { body: media }).then((r) => ((end = Date.now()), r));
    await vi.advanceTimersByTimeAsync(999);
    expect(end).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect((await pending).error).toMatchObject({ kind: 'timeout' });
    expect(end! - start).toBeGreaterThanOrEqual(1_000);
  });

  it('no timer is left once the answers are in, so that the process can exit', async () => {
    const api2 = client([mediaOk], 30_000);
    await Promise.all(Array.from({ length: 40 }, () => api2.POST('/api/wa/getMedia', { body: media })));
    expect(vi.getTimerCount()).toBe(0);
    // Nor after an attempt that timed out.
    const hangs = client([hanging], 1_000);
    const pending = hangs.POST('/api/wa/getMedia', { body: media });
    await vi.advanceTimersByTimeAsync(1_100);
    expect((await pending).error).toMatchObject({ kind: 'timeout' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("with the caller's signal given, the timeout still ends the call, as a timeout", async () => {
    const api2 = client([hanging], 1_000);
    const controller = new AbortController();
    const pending = api2.POST('/api/wa/getMedia', { body: media, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1_100);
    expect((await pending).error).toMatchObject({ kind: 'timeout' });
    expect(controller.signal.aborted).toBe(false);
  });

  it("a long-lived caller's signal gathers no listeners, however many calls it is given to", async () => {
    const api2 = client([mediaOk], 30_000);
    const controller = new AbortController();
    for (let i = 0; i < 100; i++)
      expect((await api2.POST('/api/wa/getMedia', { body: media, signal: controller.signal })).data).toBeDefined();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // And it still aborts the next call.
    const hangs = client([(a) => (controller.abort(), hanging(a))], 30_000);
    expect((await hangs.POST('/api/wa/getMedia', { body: media, signal: controller.signal })).error).toMatchObject({
      kind: 'aborted',
    });
  });

  it('the largest timeoutMs timers take (2 ** 31 - 1 ms) does not end a call at once', async () => {
    vi.useRealTimers();
    const controller = new AbortController();
    const api2 = client([hanging], 2 ** 31 - 1);
    let settled = false;
    const pending = api2
      .POST('/api/wa/getMedia', { body: media, signal: controller.signal })
      .then((r) => ((settled = true), r));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
  });
});
