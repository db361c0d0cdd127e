// An aborted signal sends nothing; errors say what they are (category, retryable), keep the server's
// message and name the address of a failed connection; documentedCodes takes error.operation as it is.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi2Client, documentedCodes, NxcloudError } from '../src/index.js';
import { startLoopback } from './loopback.js';
import { startServer } from './server.js';
import { credentials, textMessage } from './support.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function loopback() {
  const server = await startLoopback(credentials.accessSecret);
  closers.push(server.close);
  return server;
}

async function answering(status: number, body: string, contentType = 'application/json') {
  const server = await startServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
  closers.push(server.close);
  return server;
}

describe('an already-aborted signal', () => {
  it('sends nothing and gives an abort error', async () => {
    const server = await loopback();
    const api2 = createApi2Client({ ...credentials, baseUrl: server.baseUrl('api2.nxcloud.com') });
    const result = await api2.POST('/api/wa/mt', { body: textMessage, signal: AbortSignal.abort() });
    expect(server.received).toHaveLength(0);
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject({ kind: 'aborted', category: 'cancelled', retryable: false });
  });
});

describe('error labels', () => {
  it.each([404, 405])('HTTP %i is a set-up error, not transient, with the server message kept', async (status) => {
    const server = await answering(
      status,
      JSON.stringify({
        type: 'https://stoplight.io/prism/errors#NOT_FOUND',
        title: 'Route not resolved',
        status,
        detail: 'exampleKey: code-22125 does not exist',
      }),
      'application/problem+json',
    );
    const result = await createApi2Client({ ...credentials, baseUrl: server.origin }).POST('/api/wa/mt', {
      body: textMessage,
    });
    expect(result.error).toMatchObject({ kind: 'http', status, category: 'config', retryable: false });
    expect(result.error!.message).toContain('exampleKey: code-22125 does not exist');
    expect(server.seen).toHaveLength(1);
  });

  it('a wrong baseUrl (a path the server does not have) is a set-up error', async () => {
    const server = await answering(404, 'Not Found', 'text/plain');
    const result = await createApi2Client({ ...credentials, baseUrl: `${server.origin}/nowhere` }).POST('/api/wa/mt', {
      body: textMessage,
    });
    expect(result.error).toMatchObject({ kind: 'http', status: 404, category: 'config', retryable: false });
    expect(result.error!.message).toBe('POST /api/wa/mt answered HTTP 404: Not Found.');
  });

  it('a host name that does not resolve is a set-up error', async () => {
    const fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND api2.nxcloud.invalid'), { code: 'ENOTFOUND' }),
      });
    };
    const result = await createApi2Client({ ...credentials, baseUrl: 'https://api2.nxcloud.invalid', fetch }).POST(
      '/api/wa/mt',
      { body: textMessage },
    );
    expect(result.error).toMatchObject({ kind: 'network', category: 'config', retryable: false });
    expect(result.error!.message).toContain('ENOTFOUND api2.nxcloud.invalid');
  });

  it.each(['ftp://127.0.0.1:1', '127.0.0.1:4010', 'http://'])(
    'baseUrl %s is refused when the client is made',
    (baseUrl) => {
      expect(() => createApi2Client({ ...credentials, baseUrl })).toThrow(
        `baseUrl is "${baseUrl}": expected an http:// or https:// URL, e.g. "https://api2.nxcloud.com".`,
      );
    },
  );

  it("code -1 on HTTP 404 (another host's server) is a set-up error that keeps its message", async () => {
    const server = await answering(
      404,
      JSON.stringify({ code: -1, message: 'No operation POST /api/wa/mt on api.nxcloud.com.', data: null }),
    );
    const result = await createApi2Client({ ...credentials, baseUrl: server.origin }).POST('/api/wa/mt', {
      body: textMessage,
    });
    expect(result.error).toMatchObject({ kind: 'http', code: -1, status: 404, retryable: false, category: 'config' });
    expect(result.error!.message).toContain('No operation POST /api/wa/mt on api.nxcloud.com.');
  });

  it('a refused connection names the address and the cause', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const result = await createApi2Client({
      ...credentials,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { attempts: 1 },
    }).POST('/api/wa/mt', { body: textMessage });
    expect(result.error).toMatchObject({ kind: 'network', category: 'transient', retryable: true });
    expect(result.error!.message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(result.error!.message).toContain(`http://127.0.0.1:${port}/api/wa/mt`);
    expect(result.error!.message).not.toContain(credentials.accessSecret);
  });
});

describe('documentedCodes', () => {
  it('takes error.operation as it is', async () => {
    const lower = await documentedCodes('api2.nxcloud.com', 'post /api/wa/mt');
    expect(lower.length).toBeGreaterThan(5);
    expect(await documentedCodes('api2.nxcloud.com', 'POST /api/wa/mt')).toEqual(lower);
  });

  it('throws for an unknown host or operation, naming what is known', async () => {
    await expect(documentedCodes('api3.nxcloud.com', 'POST /api/wa/mt')).rejects.toThrow(
      /host "api3.nxcloud.com" is unknown: expected one of api2.nxcloud.com/,
    );
    await expect(documentedCodes('api2.nxcloud.com', 'POST /api/wa/nope')).rejects.toThrow(
      /"POST \/api\/wa\/nope" is not an operation of api2.nxcloud.com: expected .*post \/api\/wa\/mt/,
    );
  });
});

it('errors are NxcloudErrors', () =>
  expect(new NxcloudError({ kind: 'http', message: 'x' }).category).toBe('transient'));

it("an envelope on another HTTP 4xx is an http failure with its code's category, and is not retried", async () => {
  const server = await answering(400, JSON.stringify({ code: 22125, message: 'Insufficient balance', data: null }));
  const result = await createApi2Client({ ...credentials, baseUrl: server.origin }).POST('/api/wa/mt', {
    body: textMessage,
  });
  // 22125 is not documented for api2: the status decides its category.
  expect(result.error).toMatchObject({
    kind: 'http',
    code: 22125,
    status: 400,
    category: 'parameter',
    retryable: false,
  });
  // A 4xx is never retried, even with sends on; -1's document calls it a business failure.
  const other = await answering(400, JSON.stringify({ code: -1, message: 'Busy', data: null }));
  const again = await createApi2Client({ ...credentials, baseUrl: other.origin, retry: { sends: true } }).POST(
    '/api/wa/mt',
    { body: textMessage },
  );
  expect(again.error).toMatchObject({ kind: 'http', code: -1, category: 'business', retryable: false });
  expect(other.seen).toHaveLength(1);
});
