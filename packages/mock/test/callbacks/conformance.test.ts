// Webhook conformance: a handler built as the client's README says (parseCallback with the secret and a replay
// store, behind node:http) passes every case; one that skips verification, and one that refuses a documented kind,
// fail — each naming the case. The command prints the table and exits 0, 1 or 2 (bad input: one line).
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Callback, parseCallback, seenSignatures } from '@org/nxwa-client/callbacks';
import { afterEach, describe, expect, it } from 'vitest';
import { callbackKinds, checkWebhook } from '../../src/index.js';
import { demo, freePort } from '../support.js';

const account = { accessKey: 'hook-key', accessSecret: 'hook-secret' };
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A webhook on a free loopback port; `take` decides from the parsed callback whether to answer 200. */
async function handler(
  parse: (raw: Buffer, req: IncomingMessage) => Callback,
  take: (c: Callback) => boolean = () => true,
) {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      res.statusCode = take(parse(Buffer.concat(chunks), req)) ? 200 : 422;
    } catch {
      res.statusCode = 400;
    }
    res.end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const seen = seenSignatures();
const correct = () =>
  handler((raw, req) =>
    parseCallback(raw, { headers: req.headers as never, accessSecret: account.accessSecret, seen }),
  );

describe('checkWebhook', () => {
  it('a correct handler passes every case: every documented kind of every host, and every hostile variant', async () => {
    const { ok, rows } = await checkWebhook(await correct(), account);
    expect(rows.filter((r) => r.verdict === 'FAIL')).toEqual([]);
    expect(ok).toBe(true);
    for (const k of callbackKinds()) expect(rows.map((r) => r.case)).toContain(`valid ${k.host} ${k.kind}`);
    const hostile = rows.filter((r) => r.expected === 'non-2xx').map((r) => r.case);
    for (const name of [
      'wrong signature',
      'body altered after signing',
      'ts outside the window',
      'replay of an accepted callback',
      'another action (mt)',
      'missing headers',
      'missing sign',
      'missing ts',
      'non-JSON body',
    ])
      expect(hostile).toContain(`${name} (api2.nxcloud.com)`);
  });

  it('a handler that skips verification fails, naming each forged case it took', async () => {
    const url = await handler((raw) => parseCallback(raw, { verify: false }));
    const { ok, rows } = await checkWebhook(url, { ...account, hosts: ['api-hk.nxlink.ai'] });
    expect(ok).toBe(false);
    const failed = rows.filter((r) => r.verdict === 'FAIL').map((r) => r.case);
    expect(failed).toEqual(
      expect.arrayContaining([
        'wrong signature (api-hk.nxlink.ai)',
        'body altered after signing (api-hk.nxlink.ai)',
        'ts outside the window (api-hk.nxlink.ai)',
        'replay of an accepted callback (api-hk.nxlink.ai)',
        'another action (mt) (api-hk.nxlink.ai)',
        'missing headers (api-hk.nxlink.ai)',
      ]),
    );
    expect(failed).not.toContain('non-JSON body (api-hk.nxlink.ai)');
    expect(rows.find((r) => r.case === 'wrong signature (api-hk.nxlink.ai)')).toEqual({
      case: 'wrong signature (api-hk.nxlink.ai)',
      expected: 'non-2xx',
      got: '200',
      verdict: 'FAIL',
    });
  });

  it('a handler that refuses a documented kind (account events) fails, naming those cases', async () => {
    const url = await handler(
      (raw, req) => parseCallback(raw, { headers: req.headers as never, accessSecret: account.accessSecret, seen }),
      (c) => c.kind !== 'account-event',
    );
    const { ok, rows } = await checkWebhook(url, { ...account, hosts: ['api2.nxcloud.com'] });
    expect(ok).toBe(false);
    const failed = rows.filter((r) => r.verdict === 'FAIL');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => /^valid api2\.nxcloud\.com accountEvent\./.test(r.case) && r.got === '422')).toBe(true);
    expect(failed.map((r) => r.case)).toContain('valid api2.nxcloud.com accountEvent.accountUpdate');
  });

  it('bad input: a refused connection, a target that is not loopback, an unknown host — each named', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/hook`;
    await expect(checkWebhook(closed)).rejects.toThrow(/refuses connections/);
    await expect(checkWebhook('http://192.0.2.1/hook')).rejects.toThrow(
      /is not on a loopback address: pass --allow-any-target/,
    );
    await expect(checkWebhook(await correct(), { hosts: ['nowhere.example' as never] })).rejects.toThrow(
      /host "nowhere.example" is not one of/,
    );
  });
});

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'check-webhook', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('nxwa-mock check-webhook', () => {
  it('prints the table and exits 0 for a correct handler (credentials from the environment)', async () => {
    const { code, stdout } = await run([await correct(), '--host', 'api.nxcloud.com'], {
      NXWA_MOCK_ACCESS_KEY: account.accessKey,
      NXWA_MOCK_ACCESS_SECRET: account.accessSecret,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^case\s+expected\s+got\s+verdict$/m);
    expect(stdout).toMatch(/^valid api\.nxcloud\.com messageStatus\.sent\s+2xx\s+200\s+pass$/m);
    expect(stdout).toMatch(/^wrong signature \(api\.nxcloud\.com\)\s+non-2xx\s+400\s+pass$/m);
    expect(stdout).not.toContain(account.accessSecret);
  });

  it('exits 1 naming the failing cases when the credentials differ from the handler’s', async () => {
    const { code, stdout } = await run([await correct(), '--host', 'api.nxcloud.com', '--access-key', demo.accessKey]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^valid api\.nxcloud\.com messageStatus\.sent\s+2xx\s+400\s+FAIL$/m);
    expect(stdout).toMatch(/cases FAIL$/m);
  });

  it.each([
    [
      ['http://192.0.2.1/hook'],
      /^nxwa-mock check-webhook: the webhook http:\/\/192\.0\.2\.1 is not on a loopback address/,
    ],
    [['CLOSED'], /^nxwa-mock check-webhook: the webhook http:\/\/127\.0\.0\.1:\d+ refuses connections/],
    [['http://127.0.0.1:1/hook', '--host', 'nowhere'], /^nxwa-mock check-webhook: host "nowhere" is not one of/],
    [['--nope'], /^nxwa-mock check-webhook: Unknown option '--nope'/],
    [[], /^nxwa-mock check-webhook: give the webhook URL/],
  ])('bad input %j: one line, exit code 2', async (args, message) => {
    const closed = `http://127.0.0.1:${await freePort()}/hook`;
    const { code, stdout, stderr } = await run(args.map((a) => (a === 'CLOSED' ? closed : a)));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });
});
