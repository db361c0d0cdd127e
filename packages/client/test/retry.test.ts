// The retry policy against a real server on 127.0.0.1: what the loop retries is what the error's `retryable` says,
// an HTTP failure status is `kind: 'http'` whatever envelope it carries, and a send that may have been carried out
// says its outcome is unknown. The answers carry NxCloud's envelope with code -1, as the mock's faults do.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi2Client, type NxcloudClientOptions } from '../src/index.js';
import { mayRetry, statusOutcome, transientStatus } from '../src/retry.js';
import { startServer } from './server.js';
import { credentials, textMessage } from './support.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const media = { business_phone: '8615800001795', messaging_product: 'whatsapp', 'Media-ID': 'm-1' } as const;
const envelope = (code: number, message: string) => JSON.stringify({ code, message, data: null, traceId: 'trace-9' });
const success = envelope(0, 'Request successful').replace('null', '{"mime_type":"image/jpeg"}');

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
/** Answers the n-th request (from 0) with `handlers[n]`, the last one again after that. */
async function serve(...handlers: Handler[]) {
  let n = 0;
  const server = await startServer((req, res, body) => handlers[Math.min(n++, handlers.length - 1)](req, res, body));
  closers.push(server.close);
  return server;
}
const answer =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };
const fault = (status: number) => answer(status, envelope(-1, `The mock's fault ${status}.`), { 'retry-after': '0' });

function client(origin: string, options: Partial<NxcloudClientOptions> = {}) {
  return createApi2Client({
    ...credentials,
    baseUrl: origin,
    ...options,
    retry: { baseDelayMs: 1, maxDelayMs: 1, ...options.retry },
  });
}

describe('HTTP 408', () => {
  it('is retried on a read, and labelled retryable when the attempts run out', async () => {
    const server = await serve(answer(408, 'Request Timeout'), answer(200, success));
    expect((await client(server.origin).POST('/api/wa/getMedia', { body: media })).data).toEqual({
      mime_type: 'image/jpeg',
    });
    expect(server.seen).toHaveLength(2);

    const always = await serve(answer(408, 'Request Timeout'));
    const result = await client(always.origin, { retry: { attempts: 2 } }).POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({ kind: 'http', status: 408, category: 'transient', retryable: true });
    expect(always.seen).toHaveLength(2);
  });

  it('on a send is not retried, and not labelled retryable: the server may have acted', async () => {
    const server = await serve(answer(408, 'Request Timeout'), answer(200, success));
    const result = await client(server.origin).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'http', status: 408, retryable: false, outcome: 'unknown' });
    expect(server.seen).toHaveLength(1);
  });
});

describe('HTTP 429 and 503 carrying code -1', () => {
  it.each([429, 503])('HTTP %i is an http failure, retried on a read and labelled retryable', async (status) => {
    const server = await serve(fault(status));
    const result = await client(server.origin).POST('/api/wa/getMedia', { body: media });
    expect(result.error).toMatchObject({
      kind: 'http',
      status,
      code: -1,
      traceId: 'trace-9',
      category: 'transient',
      retryable: true,
    });
    expect(result.error!.message).toBe(
      `POST /api/wa/getMedia answered HTTP ${status} with code -1: The mock's fault ${status}.`,
    );
    expect(result.error!.remedy).not.toMatch(/support/i);
    expect(server.seen).toHaveLength(3);
  });

  it('a read answered 503 then 200 succeeds', async () => {
    const server = await serve(fault(503), answer(200, success));
    expect((await client(server.origin).POST('/api/wa/getMedia', { body: media })).data).toBeDefined();
    expect(server.seen).toHaveLength(2);
  });

  it('a send answered 429 was not carried out: it is retried, and labelled retryable', async () => {
    const server = await serve(fault(429));
    const result = await client(server.origin).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'http', status: 429, retryable: true, outcome: 'not-carried-out' });
    expect(server.seen).toHaveLength(3);
  });
});

describe('a send that may have been carried out says so', () => {
  it('accepted, then answered 500: outcome unknown, not retried, not retryable', async () => {
    // The server carries the send out (records it), then answers 500 with code -1.
    const server = await serve(
      answer(500, envelope(-1, 'The request was carried out, but this answer says it failed.')),
    );
    const result = await client(server.origin).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({
      kind: 'http',
      status: 500,
      code: -1,
      category: 'transient',
      retryable: false,
      outcome: 'unknown',
    });
    expect(result.error!.remedy).toMatch(/look for it/);
    expect(server.seen).toHaveLength(1);
  });

  it('with retry.sends on, the same failure is retried and labelled retryable', async () => {
    const server = await serve(fault(503));
    const result = await client(server.origin, { retry: { sends: true, attempts: 2 } }).POST('/api/wa/mt', {
      body: textMessage,
    });
    expect(result.error).toMatchObject({ kind: 'http', status: 503, retryable: true, outcome: 'unknown' });
    expect(server.seen).toHaveLength(2);
  });

  it('a connection reset after the body was received: outcome unknown, not retried', async () => {
    const server = await serve((req) => req.socket.destroy());
    const result = await client(server.origin).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'network', retryable: false, outcome: 'unknown' });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0].body).toBe(JSON.stringify(textMessage));

    // The same failure on a read is retried.
    const read = await serve((req) => req.socket.destroy());
    expect((await client(read.origin).POST('/api/wa/getMedia', { body: media })).error).toMatchObject({
      kind: 'network',
      retryable: true,
      outcome: 'unknown',
    });
    expect(read.seen).toHaveLength(3);
  });

  it('a timeout after the body was received: outcome unknown, not retried', async () => {
    // The server never answers; the attempt's timeout ends it.
    const server = await serve(() => {});
    const result = await client(server.origin, { timeoutMs: 200 }).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'timeout', retryable: false, outcome: 'unknown' });
    expect(server.seen).toHaveLength(1);
  });

  it('an error code on HTTP 200 was not carried out', async () => {
    const server = await serve(answer(200, envelope(22125, 'Insufficient balance')));
    const result = await client(server.origin).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'api', code: 22125, outcome: 'not-carried-out', retryable: false });
  });
});

describe('a wrong path', () => {
  it('HTTP 404 carrying code -1 is a set-up error that says to check baseUrl', async () => {
    const server = await serve(answer(404, envelope(-1, 'No operation POST /v2/api/wa/mt.')));
    const result = await client(`${server.origin}/v2`).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({
      kind: 'http',
      status: 404,
      code: -1,
      category: 'config',
      retryable: false,
      outcome: 'not-carried-out',
    });
    expect(result.error!.remedy).toMatch(/baseUrl/);
    expect(result.error!.remedy).not.toMatch(/support/i);
  });
});

describe('the policy', () => {
  it('retries 408, 429 and 5xx; of those, only 429 was surely not carried out', () => {
    expect([400, 401, 404, 408, 409, 429, 500, 502, 503, 504].filter(transientStatus)).toEqual([
      408, 429, 500, 502, 503, 504,
    ]);
    expect([408, 429, 500, 503].map(statusOutcome)).toEqual(['unknown', 'not-carried-out', 'unknown', 'unknown']);
  });

  it('tries a send again only when it cannot go out twice, or the caller allows it', () => {
    expect(mayRetry(true, 'unknown', false)).toBe(false);
    expect(mayRetry(true, 'not-carried-out', false)).toBe(true);
    expect(mayRetry(true, 'unknown', true)).toBe(true);
    expect(mayRetry(false, 'not-carried-out', true)).toBe(false);
  });
});
