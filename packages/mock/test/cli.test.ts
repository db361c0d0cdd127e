// The nxwa-mock command: prints one base URL per host and the credentials, answers its health endpoint, rejects
// bad flags clearly, and on SIGINT or SIGTERM stops with no Prism process left behind.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../src/prism.js';

const bin = join(import.meta.dirname, '..', 'bin', 'nxwa-mock.js');
/** Every process below `pid` (Linux `ps`). */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const walk = (p: number) => rows.filter(([, pp]) => pp === p).forEach(([c]) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/** Whether a process still runs (an exited one waiting to be reaped — a zombie — does not). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function run(signal: NodeJS.Signals) {
  // Four consecutive free ports are likely from a free one in the upper range.
  const base = 20_000 + ((await freePort()) % 20_000);
  const child = spawn(process.execPath, [bin, '--port-base', String(base), '--access-key', 'cli-key', '--access-secret', 'cli-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  // Until the banner's last line: it comes in more than one chunk.
  while (!out.includes('__health') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  return { child, out: () => out, base };
}

describe('nxwa-mock', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('starts, serves every host, and stops on %s leaving no Prism behind', async (signal) => {
    const { child, out, base } = await run(signal);
    try {
    expect(out()).toContain('ready in');
    const urls = [...out().matchAll(/^\s+(\S+\.(?:com|ai))\s+(http:\/\/127\.0\.0\.1:\d+)$/gm)].map((m) => [m[1], m[2]]);
    expect(urls).toEqual([
      ['api2.nxcloud.com', `http://127.0.0.1:${base}`],
      ['api.nxcloud.com', `http://127.0.0.1:${base + 1}`],
      ['api-idn.nxlink.ai', `http://127.0.0.1:${base + 2}`],
      ['api-hk.nxlink.ai', `http://127.0.0.1:${base + 3}`],
    ]);
    expect(out()).toContain('accessKey cli-key, accessSecret (as given)');
    expect(out()).not.toContain('cli-secret');
    for (const [, url] of urls) expect(await (await fetch(`${url}/__health`)).json()).toMatchObject({ status: 'ok' });
    const prismPids = [...out().matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(prismPids).toHaveLength(4);
    expect(prismPids.every(alive)).toBe(true);
    // Prism's own worker processes included.
    const tree = [...prismPids, ...prismPids.flatMap(descendants)];
    expect(tree.length).toBeGreaterThan(4);

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill(signal);
    expect(await exited).toBe(0);
    await expect.poll(() => tree.filter(alive), { timeout: 5_000, interval: 100 }).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses an unknown host and a bad port, saying what is expected', () => {
    const host = spawnSync(process.execPath, [bin, '--host', 'api.example.com'], { encoding: 'utf8' });
    expect(host.status).toBe(2);
    expect(host.stderr).toMatch(/unknown host api\.example\.com; expected one of api2\.nxcloud\.com/);
    const port = spawnSync(process.execPath, [bin, '--port-base', 'abc'], { encoding: 'utf8' });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port-base must be a whole number, got "abc"/);
  });

  it('logs one line per request and never a secret or a signature', async () => {
    const { child, out, base } = await run('SIGTERM');
    try {
    const { signatureHeaders } = await import('@org/nxwa-signing');
    const body = '{"business_phone":"8615800001795","messaging_product":"whatsapp","Media-ID":"m1"}';
    const headers: Record<string, string> = { 'content-type': 'application/json', ...signatureHeaders({ accessKey: 'cli-key', accessSecret: 'cli-secret', action: 'getMedia', bizType: '2', ts: Date.now(), body }) };
    await fetch(`http://127.0.0.1:${base}/api/wa/getMedia`, { method: 'POST', headers, body });
    await fetch(`http://127.0.0.1:${base}/api/wa/getMedia`, { method: 'POST', headers: { ...headers, sign: 'f'.repeat(32) }, body });
    await new Promise((r) => setTimeout(r, 100));
    const lines = out().split('\n').filter((l) => l.includes('/api/wa/getMedia'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/POST \/api\/wa\/getMedia → 200 code 0/);
    expect(lines[1]).toMatch(/code 1003/);
    expect(out()).not.toContain('cli-secret');
    expect(out()).not.toContain(headers.sign);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 60_000);
});
