// The mock's own paths belong to the developer, not to any web page: requests addressed to another host name (DNS
// rebinding) are refused on every port, a POST must be one a browser preflights, and no CORS header is ever sent.
// Run against the built command, as a separate process; one case from a shell, with curl.
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProcess, startMockProcess } from '../child.js';

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--quiet', '--allowed-host', 'mock.test']);
});
afterAll(() => mock?.stop());

/** A raw request: fetch would not let the test choose the Host header. */
function raw(url: string, method: string, headers: Record<string, string>, body = '') {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const inbound = JSON.stringify({
  business_phone: '8615800001795',
  from: '8613600009759',
  type: 'text',
  text: { body: 'hi' },
});
const count = async (url: string) => (await (await fetch(`${url}/__nxwa/messages`)).json()).messages.length;

describe('the admin paths', () => {
  it('refuse a request addressed to another name, on every port (DNS rebinding); the state is untouched', async () => {
    const api2 = mock.urls['api2.nxcloud.com'];
    await fetch(`${api2}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: inbound,
    });
    const before = await count(api2);
    expect(before).toBeGreaterThan(0);
    for (const url of Object.values(mock.urls)) {
      const port = new URL(url).port;
      const wipe = await raw(`${url}/__nxwa/state`, 'DELETE', { host: `rebound.example:${port}` });
      expect(wipe.status).toBe(403);
      expect(JSON.parse(wipe.text).error).toContain('--allowed-host');
      const list = await raw(`${url}/__nxwa/messages`, 'GET', { host: `rebound.example:${port}` });
      expect(list.status).toBe(403);
    }
    expect(await count(api2)).toBe(before);
    expect(await mock.alive()).toBe(true);
  });

  it('take loopback names and the allowed ones', async () => {
    const url = mock.urls['api-hk.nxlink.ai'];
    const port = new URL(url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `mock.test:${port}`, 'MOCK.TEST'])
      expect((await raw(`${url}/__nxwa/messages`, 'GET', { host })).status, host).toBe(200);
  });

  it('refuse a POST a web page could send without a preflight; take JSON or the x-nxwa-admin header', async () => {
    const url = mock.urls['api2.nxcloud.com'];
    const before = await count(url);
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await fetch(`${url}/__nxwa/inbound`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: type ? inbound : undefined,
      });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error).toContain(
        'Content-Type: application/json (a file its own type), or the header x-nxwa-admin: 1',
      );
    }
    expect(await count(url)).toBe(before);
    const plain = await fetch(`${url}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-nxwa-admin': '1' },
      body: inbound,
    });
    expect(plain.status).toBe(202);
    expect(await count(url)).toBe(before + 1);
  });

  it('answer no CORS: a preflight is not granted', async () => {
    const url = mock.urls['api2.nxcloud.com'];
    const res = await raw(`${url}/__nxwa/inbound`, 'OPTIONS', {
      origin: 'https://page.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(res.status).not.toBe(204);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('from a shell: curl with another Host is refused, curl as documented is taken', () => {
    const url = mock.urls['api2.nxcloud.com'];
    const refused = execFileSync(
      'curl',
      [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-X',
        'DELETE',
        '-H',
        'Host: rebound.example',
        `${url}/__nxwa/state`,
      ],
      { encoding: 'utf8' },
    );
    expect(refused).toBe('403');
    const taken = execFileSync(
      'curl',
      [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-H',
        'content-type: application/json',
        '-d',
        inbound,
        `${url}/__nxwa/inbound`,
      ],
      { encoding: 'utf8' },
    );
    expect(taken).toBe('202');
  });
});
