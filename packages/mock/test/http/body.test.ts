// Reading a request's body: once, whole or refused past the limit; and a multipart body whose file part never closes
// is a bad request (answered with the host's parameter code), never a crash (run against the built command).
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpFailure, onBody } from '../../src/http/body.js';
import { type MockProcess, signed, startMockProcess } from '../child.js';

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--quiet']);
});
afterAll(() => mock?.stop());

const boundary = 'nxwa-open-part';
/** A multipart body whose last part (the file) starts but never ends: no closing boundary. */
const unclosed = (fields: Record<string, string>) =>
  Buffer.from(
    [
      ...Object.entries(fields).map(
        ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      ),
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      'jpeg bytes that go on and on',
    ].join(''),
  );

const cases = [
  { host: 'api2.nxcloud.com', path: '/api/wa/uploadMedia', action: 'uploadMedia' },
  { host: 'api2.nxcloud.com', path: '/api/wa/uploadTemplateFile', action: 'uploadTemplateFile' },
  { host: 'api-hk.nxlink.ai', path: '/saas/wa/media/8615800001795', action: 'mt' },
];

describe('a multipart body whose file part never closes', () => {
  it.each(cases)(
    '$path on $host: refused naming the body, and the mock still answers',
    async ({ host, path, action }) => {
      const body = unclosed({
        messaging_product: 'whatsapp',
        business_phone: '8615800001795',
        type: 'image/jpeg',
        url: 'https://example.com/a.jpg',
      });
      const res = await fetch(`${mock.urls[host]}${path}`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...signed(action) },
        body,
      }).catch((error: Error) => error);
      expect(await mock.alive()).toBe(true);
      expect(res).toBeInstanceOf(Response);
      const answer = await (res as Response).json();
      expect((res as Response).status).toBe(200);
      expect(answer.code).not.toBe(0);
      expect(answer.message).toContain('is not a valid multipart/form-data body');
    },
  );
});

describe('onBody', () => {
  /** A loopback server that reads each request with onBody and keeps every outcome `done` was called with. */
  async function reader(limit: number, drained?: number) {
    const outcomes: string[] = [];
    const server = createServer((req, res) =>
      onBody(
        req,
        limit,
        (error, raw) => {
          outcomes.push(error ? `${(error as HttpFailure).status ?? 'error'}: ${error.message}` : `body ${raw}`);
          res.end();
        },
        drained,
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { outcomes, port, close: () => new Promise((resolve) => server.close(resolve)) };
  }
  /** Sends `parts` as one chunked request, and waits for its answer (or its end). */
  const send = (port: number, parts: string[], abort = false) =>
    new Promise<void>((resolve) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/' }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
      for (const part of parts) req.write(part);
      if (abort) setTimeout(() => (req.destroy(), setTimeout(resolve, 100)), 50);
      else req.end();
    });

  it('calls done once: with the whole body, or with the 413 of a body past the limit', async () => {
    const r = await reader(10);
    try {
      await send(r.port, ['abc', 'def']);
      await send(r.port, ['0123456', '789abc', 'more after the limit']);
      expect(r.outcomes).toEqual(['body abcdef', "413: The body is larger than the mock's limit of 10 bytes."]);
    } finally {
      await r.close();
    }
  });

  /** Sends `parts` of a request it does not end yet: `answered` resolves when an answer comes. */
  const open = (port: number, parts: string[]) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/' });
    const answered = new Promise<void>((resolve) => req.on('response', (res) => (res.resume(), resolve())));
    req.on('error', () => {});
    for (const part of parts) req.write(part);
    return { answered, end: () => req.end(), destroy: () => req.destroy() };
  };

  it('refuses a body past the limit once it has ended, or once it is `drained` bytes past the limit', async () => {
    // Refused at its end, a sender still sending gets the 413: a connection closed on bytes unread is reset.
    const r = await reader(10, 20);
    try {
      const within = open(r.port, ['0123456', '789abc', 'x'.repeat(15)]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(r.outcomes).toEqual([]);
      within.end();
      await within.answered;
      const past = open(r.port, ['0123456', '789abc', 'x'.repeat(15), 'y'.repeat(10)]);
      await past.answered;
      past.destroy();
      expect(r.outcomes).toEqual(Array(2).fill("413: The body is larger than the mock's limit of 10 bytes."));
    } finally {
      await r.close();
    }
  });

  it('a request cut off before its end is one error, not a body', async () => {
    const r = await reader(1_000);
    try {
      await send(r.port, ['the start of a body'], true);
      await expect.poll(() => r.outcomes).toHaveLength(1);
      expect(r.outcomes[0]).toMatch(/^error: /);
    } finally {
      await r.close();
    }
  });
});
