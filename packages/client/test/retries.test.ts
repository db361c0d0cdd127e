// Retries, timeouts, aborts and clock-skew correction, attempt by attempt, with an injected fetch.
import { describe, expect, it, vi } from 'vitest';
import { createNxcloudClient, type NxcloudClientOptions, type RetryInfo } from '../src/index.js';
import { credentials, failure, independentSign, json, noSleep, ok, scriptedFetch, textMessage } from './support.js';

const media = { business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': 'm-1' } as const;
const mediaOk = ok({ mime_type: 'image/jpeg', file_name: 'a', url: 'https://example.com/a' });
const networkError = () => new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
const refused = () => new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });

function setup(answers: Parameters<typeof scriptedFetch>[0], options: Partial<NxcloudClientOptions> = {}) {
  const script = scriptedFetch(answers);
  let clock = 1_700_000_000_000;
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const client = createNxcloudClient('api2.nxcloud.com', {
    ...credentials,
    fetch: script.fetch,
    now: () => (clock += 1_000),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
    retry: { onRetry: (info) => retries.push(info), ...options.retry },
  });
  return { client, attempts: script.attempts, sleeps, retries };
}

describe('retries', () => {
  it('retry a network error, signing every attempt afresh', async () => {
    const { client, attempts, retries } = setup([networkError(), networkError(), mediaOk]);
    const result = await client.POST('/api/wa/getMedia', { body: media });
    expect(result.data).toMatchObject({ mime_type: 'image/jpeg' });
    expect(attempts).toHaveLength(3);
    const ts = attempts.map((a) => a.headers.ts);
    expect(new Set(ts).size).toBe(3);
    for (const a of attempts) {
      expect(a.headers.action).toBe('getMedia');
      expect(a.headers.sign).toBe(independentSign(a));
      expect(a.body).toBe(JSON.stringify(media));
    }
    expect(retries.map((r) => [r.attempt, r.error.kind, r.operation])).toEqual([
      [2, 'network', 'POST /api/wa/getMedia'],
      [3, 'network', 'POST /api/wa/getMedia'],
    ]);
  });

  it('back off exponentially, with jitter, up to the largest delay', async () => {
    const { client, sleeps } = setup([networkError()], { retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 } });
    const result = await client.POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({ kind: 'network' });
    // random() = 0.5 → 75% of the capped exponential delay.
    expect(sleeps).toEqual([75, 150, 300, 375]);
  });

  it('honour Retry-After on 429', async () => {
    const { client, sleeps } = setup([
      new Response('slow down', { status: 429, headers: { 'retry-after': '2' } }),
      mediaOk,
    ]);
    expect((await client.POST('/api/wa/getMedia', { body: media })).data).toBeDefined();
    expect(sleeps).toEqual([2_000]);
  });

  it('retry 5xx, not the codes whose documents send you to support, nor auth or parameter codes', async () => {
    expect(
      (await setup([new Response('', { status: 502 }), mediaOk]).client.POST('/api/wa/getMedia', { body: media })).data,
    ).toBeDefined();
    for (const code of [-1, 9001]) {
      const support = setup([failure(code), mediaOk]);
      expect((await support.client.POST('/api/wa/getMedia', { body: media })).error).toMatchObject({
        code,
        retryable: false,
      });
      expect(support.attempts).toHaveLength(1);
    }
    const auth = setup([failure(1003), mediaOk]);
    expect((await auth.client.POST('/api/wa/getMedia', { body: media })).error).toMatchObject({ code: 1003 });
    expect(auth.attempts).toHaveLength(1);
    const param = setup([failure(9000), mediaOk]);
    expect((await param.client.POST('/api/wa/getMedia', { body: media })).error).toMatchObject({
      code: 9000,
      category: 'parameter',
    });
    expect(param.attempts).toHaveLength(1);
  });

  it('stop after the attempts allowed and give the last error', async () => {
    const { client, attempts } = setup([() => new Response('', { status: 502 })], { retry: { attempts: 3 } });
    const result = await client.POST('/api/wa/getMedia', { body: media });
    expect(attempts).toHaveLength(3);
    expect(result.error).toMatchObject({ kind: 'http', status: 502, retryable: true });
  });

  it('stop at the deadline', async () => {
    const { client, attempts } = setup([networkError()], {
      retry: { attempts: 10, baseDelayMs: 4_000, maxDelayMs: 60_000, deadlineMs: 10_000 },
    });
    await client.POST('/api/wa/getMedia', { body: media });
    // Delays 3 000 and 6 000 fit in 10 s (with the 1 s ticks of the test clock); the next one does not.
    expect(attempts).toHaveLength(3);
  });
});

describe('sends are not retried by default', () => {
  it.each([
    ['a reset connection', networkError()],
    ['a 502', new Response('', { status: 502 })],
    ['a transient code', failure(-1)],
  ])('after %s', async (_label, answer) => {
    const { client, attempts } = setup([answer, ok()]);
    const result = await client.POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toBeDefined();
    expect(attempts).toHaveLength(1);
  });

  it('unless the caller opts in', async () => {
    const { client, attempts } = setup([networkError(), new Response('', { status: 502 }), ok()], {
      retry: { sends: true },
    });
    expect((await client.POST('/api/wa/mt', { body: textMessage })).data).toBeDefined();
    expect(attempts).toHaveLength(3);
  });

  it('except when the server cannot have acted: 429 and a refused connection', async () => {
    const { client, attempts } = setup([new Response('', { status: 429 }), refused(), ok()]);
    expect((await client.POST('/api/wa/mt', { body: textMessage })).data).toBeDefined();
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.body === JSON.stringify(textMessage))).toBe(true);
  });
});

describe('timeouts and aborts', () => {
  // Like a real fetch: never answers, and fails as soon as its signal is (or already was) aborted.
  const hanging = (a: { request: Request }) =>
    new Promise<Error>((resolve) => {
      const fail = () => resolve(new DOMException('aborted', 'AbortError'));
      if (a.request.signal.aborted) fail();
      else a.request.signal.addEventListener('abort', fail);
    });

  it('an attempt that takes too long times out, and is retried when it may be', async () => {
    const { client, attempts } = setup([hanging, mediaOk], { timeoutMs: 50 });
    expect((await client.POST('/api/wa/getMedia', { body: media })).data).toBeDefined();
    expect(attempts).toHaveLength(2);
  });

  it('a send that times out is a timeout error whose outcome is unknown, not retried nor retryable', async () => {
    const { client, attempts } = setup([hanging], { timeoutMs: 50 });
    const result = await client.POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'timeout', retryable: false, outcome: 'unknown' });
    expect(result.error?.message).toContain('within 50 ms');
    expect(attempts).toHaveLength(1);
  });

  it('the caller can abort, and nothing is retried', async () => {
    const controller = new AbortController();
    const { client, attempts } = setup([(a) => (controller.abort(), hanging(a))]);
    const result = await client.POST('/api/wa/getMedia', { body: media, signal: controller.signal });
    expect(result.error).toMatchObject({ kind: 'aborted' });
    expect(attempts).toHaveLength(1);
  });

  it('an abort during a backoff stops the call', async () => {
    const controller = new AbortController();
    const script = scriptedFetch([networkError()]);
    const client = createNxcloudClient('api2.nxcloud.com', {
      ...credentials,
      fetch: script.fetch,
      retry: { baseDelayMs: 60_000 },
    });
    const pending = client.POST('/api/wa/getMedia', { body: media, signal: controller.signal });
    await vi.waitFor(() => expect(script.attempts).toHaveLength(1));
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
    expect(script.attempts).toHaveLength(1);
  });
});

describe('clock skew', () => {
  const serverAhead = 5 * 60_000;

  it('on 1004 the clock offset is corrected from the Date header and the call tried once more, sends included', async () => {
    let serverNow = 0;
    const answers = [
      (a: { headers: Record<string, string> }) => {
        serverNow = Number(a.headers.ts) + serverAhead;
        return json(
          { code: 1004, message: 'Timestamp expired', data: null },
          { headers: { date: new Date(serverNow).toUTCString() } },
        );
      },
      ok(),
    ];
    const { client, attempts } = setup(answers);
    const result = await client.POST('/api/wa/mt', { body: textMessage });
    expect(result.data).toBeDefined();
    expect(attempts).toHaveLength(2);
    const drift = Number(attempts[1].headers.ts) - Math.floor(serverNow / 1000) * 1000;
    expect(Math.abs(drift)).toBeLessThan(5_000);
    expect(client.clockOffsetMs).toBeGreaterThan(serverAhead - 5_000);
    expect(attempts[1].headers.sign).toBe(independentSign(attempts[1]));
  });

  it('only once per call', async () => {
    const stale = json(
      { code: 1004, message: 'Timestamp expired', data: null },
      { headers: { date: new Date(1_700_003_600_000).toUTCString() } },
    );
    const { client, attempts } = setup([stale]);
    const result = await client.POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ code: 1004, category: 'auth' });
    expect(attempts).toHaveLength(2);
  });

  it('not when turned off', async () => {
    const stale = json(
      { code: 1004, message: 'Timestamp expired', data: null },
      { headers: { date: new Date(1_800_000_000_000).toUTCString() } },
    );
    const { client, attempts } = setup([stale], { correctClockSkew: false });
    expect((await client.POST('/api/wa/mt', { body: textMessage })).error).toMatchObject({ code: 1004 });
    expect(attempts).toHaveLength(1);
    expect(client.clockOffsetMs).toBe(0);
  });
});
