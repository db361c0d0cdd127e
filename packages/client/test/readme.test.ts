// Every example of the README is type-checked against the package and run: requests go to a real loopback
// server (the examples' real hosts are routed to it), which checks each signature independently.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLoopback } from './loopback.js';
import { credentials } from './support.js';

const packageDir = join(import.meta.dirname, '..');
// Inside the package, so that '@org/nxwa-client' resolves to the package itself, as it will for users.
const dir = join(packageDir, '.readme-examples');
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const files = blocks.map((_, i) => `example-${String(i + 1).padStart(2, '0')}.ts`);

let loopback: Awaited<ReturnType<typeof startLoopback>>;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  blocks.forEach((code, i) => writeFileSync(join(dir, files[i]), code));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      // The strictest settings we name for samples (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, …).
      extends: '../../../tsconfig.samples.json',
      include: ['*.ts'],
    }),
  );
  loopback = await startLoopback(credentials.accessSecret);
  vi.stubEnv('NXCLOUD_ACCESS_KEY', credentials.accessKey);
  vi.stubEnv('NXCLOUD_ACCESS_SECRET', credentials.accessSecret);
  // Route the real hosts the examples name to the loopback server.
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol === 'https:' && /(nxcloud\.com|nxlink\.ai)$/.test(url.hostname)) {
      return realFetch(new Request(`${loopback.baseUrl(url.hostname)}${url.pathname}${url.search}`, request));
    }
    return realFetch(request);
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  vi.unstubAllEnvs();
  await loopback?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README examples', () => {
  it('are there: the six common jobs, a handler tested with the fixtures, logging, and learning what production callbacks carry', () => {
    expect(blocks).toHaveLength(9);
  });

  it('type-check against the built package under the strictest settings', () => {
    const tsc = spawnSync(join(packageDir, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  // Every example but the callback handlers (the sixth and the ninth), which are called below, and the fixtures (the
  // seventh), which send nothing.
  it.each(files.filter((_, i) => i !== 5 && i !== 6 && i !== 8).map((f) => [f] as const))(
    '%s runs, its requests signed',
    async (file) => {
      const before = loopback.received.length;
      const log = vi.spyOn(console, file === files[7] ? 'info' : 'log').mockImplementation(() => {});
      await import(join(dir, file));
      const calls = loopback.received.slice(before);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((c) => c.signatureValid)).toBe(true);
      expect(log).toHaveBeenCalled();
      log.mockRestore();
    },
  );

  it('the callback handler accepts a signed status callback once, and refuses a forged or replayed one', async () => {
    const { handleCallback } = await import(join(dir, files[5]));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const body = JSON.stringify({ statuses: [{ id: 'wamid.1', status: 'delivered', timestamp: '1660019987' }] });
    const headers = signatureHeaders({ ...credentials, action: 'callback', bizType: '2', ts: Date.now(), body });
    const post = (init: { headers: Record<string, string>; body: string }) =>
      handleCallback(new Request('http://127.0.0.1/callback', { method: 'POST', ...init }));
    expect((await post({ headers, body })).status).toBe(200);
    expect(log).toHaveBeenCalledWith('wamid.1', 'delivered', '');
    expect((await post({ headers, body: body.replace('delivered', 'read') })).status).toBe(401);
    expect((await post({ headers, body })).status).toBe(401);
    // The headers of a signed multipart request (an upload) in front of a forged body.
    const upload = {
      ...signatureHeaders({ ...credentials, action: 'uploadMedia', bizType: '2', ts: Date.now() }),
      'content-type': 'multipart/form-data; boundary=x',
    };
    expect((await post({ headers: upload, body })).status).toBe(401);
    log.mockRestore();
  });

  it('the fixtures example parses every documented api2 callback, signed with signCallback', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(join(dir, files[6]));
      expect(log).toHaveBeenCalledWith('messageStatus.deleted', 'status');
      expect(log).toHaveBeenCalledWith('inboundMessage.image', 'inbound-message');
      expect(log).toHaveBeenCalledWith('accountEvent.accountUpdate', 'account-event');
      expect(log).toHaveBeenCalledWith('templateEvent.statusUpdate', 'template-event');
    } finally {
      log.mockRestore();
    }
  });

  it('the callback handler throws (a 500, not an open door) when the secret is unset', async () => {
    const { handleCallback } = await import(join(dir, files[5]));
    vi.stubEnv('NXCLOUD_ACCESS_SECRET', undefined);
    try {
      await expect(
        handleCallback(new Request('http://127.0.0.1/callback', { method: 'POST', body: '{"statuses":[]}' })),
      ).rejects.toThrow(/accessSecret is undefined/);
    } finally {
      vi.stubEnv('NXCLOUD_ACCESS_SECRET', credentials.accessSecret);
    }
  });

  it('the production handler logs how a callback is signed (no body, no sign value) and takes the action it is told', async () => {
    const { handleCallback } = await import(join(dir, files[8]));
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const body = JSON.stringify({ statuses: [{ id: 'wamid.2', status: 'read', timestamp: '1660019987' }] });
    const post = (headers: Record<string, string>) =>
      handleCallback(new Request('http://127.0.0.1/callback', { method: 'POST', headers, body }));
    try {
      const sign = (action: string) => signatureHeaders({ ...credentials, action, bizType: '2', ts: Date.now(), body });
      // Another action than the default: refused, and the log says which one came.
      const other = sign('statusReport');
      expect((await post(other)).status).toBe(401);
      expect(info).toHaveBeenCalledWith('callback', expect.objectContaining({ signed: true, action: 'statusReport' }));
      const logged = JSON.stringify(info.mock.calls);
      expect(logged).not.toContain(other.sign);
      expect(logged).not.toContain('wamid.2');
      // Unsigned: refused, and the log says so.
      expect((await post({ 'content-type': 'application/json' })).status).toBe(401);
      expect(info).toHaveBeenCalledWith('callback', expect.objectContaining({ signed: false, action: null }));
      // Told the action the log showed: taken.
      vi.stubEnv('NXCLOUD_CALLBACK_ACTION', 'statusReport');
      expect((await post(sign('statusReport'))).status).toBe(200);
      expect(info).toHaveBeenCalledWith('callback taken', 'status');
    } finally {
      vi.stubEnv('NXCLOUD_CALLBACK_ACTION', undefined);
      info.mockRestore();
    }
  });
});
