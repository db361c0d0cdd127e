// Forwarding: a request the app signed reaches the upstream byte for byte with its signature intact (the upstream
// verifies it with the app's secret, which the proxy never had), the answer comes back byte for byte (still
// compressed when it was), and only an https upstream — or a plain-http one on loopback — is accepted.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/http/hosts.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { resolveProxy } from '../../src/proxy/options.js';
import { checkUpstreamUrl } from '../../src/proxy/upstream.js';
import { APP, startNxcloud } from './nxcloud.js';

let nxcloud: Awaited<ReturnType<typeof startNxcloud>>;
let mock: RunningMock;
const logged: string[] = [];

beforeAll(async () => {
  nxcloud = await startNxcloud();
  // The mock keeps its demo account: it is never told the app's secret.
  mock = await startMock({
    hosts: ['api2.nxcloud.com'],
    portBase: 0,
    proxy: true,
    upstreams: { 'api2.nxcloud.com': nxcloud.url },
    log: (line) => logged.push(line),
  });
});
afterAll(async () => {
  await mock?.stop();
  await nxcloud?.close();
});

/** One raw request: the exact bytes of the body and the headers as given. */
function post(url: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

// Spacing, key order and escapes a re-serialisation would change: the signature covers these exact bytes.
const BODY = Buffer.from(
  '{ "type":"text","to":"8613600009759",  "appkey":"k\\u0041y","business_phone":"8615800001795",\n' +
    '"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Grüße 👋"} }',
);

const signed = (body: Buffer): Record<string, string> => ({
  ...signatureHeaders({ ...APP, action: 'mt', bizType: '2', ts: Date.now(), body }),
  'Content-Type': 'application/json',
  'X-App-Trace': 'trace-1',
});

describe('proxy forwarding', () => {
  it('sends the app’s bytes and signature to the upstream unchanged, which verifies them with the app’s secret', async () => {
    const headers = signed(BODY);
    const answer = await post(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, BODY, headers);
    const arrived = nxcloud.arrived.at(-1)!;
    expect(arrived.raw.equals(BODY)).toBe(true);
    expect(arrived.signatureValid).toBe(true);
    expect(arrived.headers.sign).toBe(headers.sign);
    expect(arrived.headers['x-app-trace']).toBe('trace-1');
    expect(arrived.url).toBe('/api/wa/mt');
    expect(JSON.parse(answer.raw.toString()).code).toBe(0);
    // Nothing of the body or the signature in the log.
    expect(logged.join('\n')).not.toContain(headers.sign);
    expect(logged.join('\n')).not.toContain('8613600009759');
  });

  it('passes the answer back byte for byte, compressed as it came, with the upstream’s headers', async () => {
    nxcloud.depart('gzip');
    try {
      const answer = await post(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, BODY, {
        ...signed(BODY),
        'Accept-Encoding': 'gzip',
      });
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['x-vendor-trace']).toBe('abc-123');
      expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
      expect(JSON.parse(gunzipSync(answer.raw).toString()).code).toBe(0);
      // Decoded for the check: a conforming compressed answer is no drift.
      expect(mock.drift()).toEqual([]);
    } finally {
      nxcloud.depart('none');
    }
  });

  it('forwards a request the signature check would refuse: the upstream refuses it, the proxy says so', async () => {
    const headers = { ...signed(BODY), sign: '0'.repeat(32) };
    const answer = await post(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, BODY, headers);
    expect(nxcloud.arrived.at(-1)!.signatureValid).toBe(false);
    expect(JSON.parse(answer.raw.toString()).code).toBe(1003);
    expect(mock.requests().at(-1)).toMatchObject({ operationId: 'sendMessage', code: 1003, verdict: 'refused' });
  });

  it('answers 502 in NxCloud’s envelope when the upstream does not answer', async () => {
    const down = await startNxcloud();
    await down.close();
    const lone = await startMock({
      hosts: ['api2.nxcloud.com'],
      portBase: 0,
      proxy: true,
      upstreams: { 'api2.nxcloud.com': down.url },
    });
    try {
      const answer = await post(`${lone.urls['api2.nxcloud.com']}/api/wa/mt`, BODY, signed(BODY));
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.raw.toString())).toMatchObject({ code: -1, data: null });
      expect(JSON.parse(answer.raw.toString()).message).toContain(down.url);
    } finally {
      await lone.stop();
    }
  });
});

describe('upstream URLs', () => {
  it('takes https anywhere and plain http on loopback only', () => {
    expect(checkUpstreamUrl('https://api2.nxcloud.com').href).toBe('https://api2.nxcloud.com/');
    for (const url of ['http://127.0.0.1:9000', 'http://[::1]:9000', 'http://localhost:9000'])
      expect(checkUpstreamUrl(url).protocol).toBe('http:');
    expect(() => checkUpstreamUrl('http://api2.nxcloud.com')).toThrow(/must be an https:\/\/ URL/);
    expect(() => checkUpstreamUrl('http://10.0.0.5:8080')).toThrow(/plain http:\/\/ only on loopback/);
    expect(() => checkUpstreamUrl('ftp://127.0.0.1')).toThrow(/https/);
    expect(() => checkUpstreamUrl('https://user:pw@api2.nxcloud.com')).toThrow(/credentials/);
    expect(() => checkUpstreamUrl('nonsense')).toThrow(/not a URL/);
  });

  it('defaults to the spec’s production URL and refuses a bad one at start, naming the host', async () => {
    const resolved = resolveProxy({ proxy: true }, ['api2.nxcloud.com'], [loadSpec('api2.nxcloud.com')], String);
    expect(resolved.upstreams?.get('api2.nxcloud.com')?.href).toBe('https://api2.nxcloud.com/');
    await expect(
      startMock({
        hosts: ['api2.nxcloud.com'],
        portBase: 0,
        proxy: true,
        upstreams: { 'api2.nxcloud.com': 'http://example.com' },
      }),
    ).rejects.toThrow(/upstreams api2\.nxcloud\.com: "http:\/\/example\.com" must be an https:\/\/ URL/);
    await expect(
      startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, upstreams: { 'api2.nxcloud.com': nxcloud.url } }),
    ).rejects.toThrow(/upstreams is for proxy mode; add proxy/);
  });
});
