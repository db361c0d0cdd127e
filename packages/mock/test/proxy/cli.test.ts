// The staging workflow from a shell, as a user of any language runs it: `nxwa-mock --proxy --record` in front of a
// stand-in NxCloud, a send signed with curl and openssl, the drift over HTTP; then `nxwa-mock --replay
// --replay-strict` with no upstream answering the same send from the cassette.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePortBase } from '../support.js';
import { tempDirs } from '../temp-dirs.js';
import { APP, startNxcloud } from './nxcloud.js';

let nxcloud: Awaited<ReturnType<typeof startNxcloud>>;
beforeAll(async () => {
  nxcloud = await startNxcloud();
});
afterAll(() => nxcloud?.close());
const fresh = tempDirs();

/** Runs a script without blocking this process, which serves the stand-in upstream meanwhile. */
function run(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('sh', args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

it('records through the proxy and replays with no upstream, from a shell', async () => {
  nxcloud.depart('extra-field');
  const cassettes = fresh('staging');
  const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  const out = await run([join(import.meta.dirname, 'staging.sh'), process.execPath, bin], {
    UPSTREAM: nxcloud.url,
    CASSETTES: cassettes,
    PORT_BASE: String(await freePortBase(1)),
    APP_KEY: APP.accessKey,
    APP_SECRET: APP.accessSecret,
  });
  expect(out.status, out.stderr).toBe(0);
  const line = (name: string) => out.stdout.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1] ?? '';
  // The stand-in took the app's signature: the proxy passed it through unchanged.
  expect(nxcloud.arrived).toHaveLength(1);
  expect(nxcloud.arrived[0].signatureValid).toBe(true);
  const proxied = JSON.parse(line('proxied'));
  expect(proxied).toMatchObject({ code: 0, cost: 0.0035 });
  const { drift } = JSON.parse(line('drift'));
  expect(drift.map((d: { kind: string; field: string; count: number }) => [d.kind, d.field, d.count])).toEqual([
    ['unknown-field', 'cost', 1],
  ]);
  expect(line('proxy exit')).toBe('0');
  // Replayed strictly: the recorded answer, not the sandbox's.
  expect(JSON.parse(line('replayed'))).toEqual(JSON.parse(line('proxied')));
  expect(line('replay exit')).toBe('0');
  const cassette = readFileSync(join(cassettes, 'api2.nxcloud.com.har'), 'utf8');
  for (const secret of [APP.accessSecret, 'app-key-in-body', '8613600009759']) expect(cassette).not.toContain(secret);
});
