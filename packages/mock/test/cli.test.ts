// The nxwa-mock command (the built one, as installed): one process that prints one base URL per host and the
// credentials, answers its health endpoint, rejects bad flags in one clear line, fails fast on a busy port, and on
// SIGINT or SIGTERM stops and frees every port.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MockProcess, startMockProcess } from './child.js';
import { freePortBase, portFree, stopChild } from './support.js';

const bin = join(import.meta.dirname, '..', 'dist', 'cli.js');

/** Every process below `pid` (Linux `ps`). */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const walk = (p: number) => rows.filter(([, pp]) => pp === p).forEach(([c]) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

async function run(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  // A port taken by another suite between the check and the start: start again on other ports (bounded).
  for (let attempt = 1; ; attempt++) {
    const started = await start(args, env);
    if (attempt < 3 && started.child.exitCode !== null && started.out().includes('already in use')) continue;
    return started;
  }
}

async function start(args: string[], env: NodeJS.ProcessEnv) {
  const base = await freePortBase();
  const child = spawn(process.execPath, [bin, '--port-base', String(base), '--access-key', 'cli-key', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NXWA_MOCK_ACCESS_SECRET: 'cli-secret', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  // Until the banner's last line: it comes in more than one chunk.
  while (!out.includes('__health') && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 50));
  return { child, out: () => out, base };
}

describe('nxwa-mock', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'starts one process serving every host, and stops on %s freeing every port',
    async (signal) => {
      const { child, out, base } = await run();
      try {
        expect(out()).toContain('ready in');
        const urls = [...out().matchAll(/^\s+(\S+\.(?:com|ai))\s+(http:\/\/127\.0\.0\.1:\d+)$/gm)].map((m) => [
          m[1],
          m[2],
        ]);
        expect(urls).toEqual([
          ['api2.nxcloud.com', `http://127.0.0.1:${base}`],
          ['api.nxcloud.com', `http://127.0.0.1:${base + 1}`],
          ['api-idn.nxlink.ai', `http://127.0.0.1:${base + 2}`],
          ['api-hk.nxlink.ai', `http://127.0.0.1:${base + 3}`],
        ]);
        // Only the public URLs: no other address or port in the banner (the inspector is on the first host's port).
        expect([...out().matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])).sort()).toEqual([
          base,
          base,
          base + 1,
          base + 2,
          base + 3,
        ]);
        const inspector = /^\s+inspector\s+(http:\/\/127\.0\.0\.1:\d+\/__nxwa\/)$/m.exec(out())?.[1];
        expect(inspector).toBe(`http://127.0.0.1:${base}/__nxwa/`);
        const page = await fetch(inspector!);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await page.text()).toContain('<title>nxwa sandbox · inspector</title>');
        expect(out()).toContain('accessKey cli-key, accessSecret (as given)');
        expect(out()).not.toContain('cli-secret');
        for (const [, url] of urls)
          expect(await (await fetch(`${url}/__health`)).json()).toMatchObject({ status: 'ok' });
        // One process: nothing started below it (so nothing can inherit NXWA_MOCK_ACCESS_SECRET either).
        expect(descendants(child.pid!)).toEqual([]);

        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill(signal);
        expect(await exited).toBe(0);
        for (let port = base; port < base + 4; port++) expect(await portFree(port)).toBe(true);
      } finally {
        child.kill('SIGKILL');
      }
    },
    60_000,
  );

  it('refuses an unknown host and a bad port, saying what is expected', () => {
    const host = spawnSync(process.execPath, [bin, '--host', 'api.example.com'], { encoding: 'utf8' });
    expect(host.status).toBe(2);
    expect(host.stderr).toMatch(/unknown host api\.example\.com; expected one of api2\.nxcloud\.com/);
    const port = spawnSync(process.execPath, [bin, '--port-base', 'abc'], { encoding: 'utf8' });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port-base must be a whole number, got "abc"/);
  });

  it('--state keeps the sandbox in a file (written on stop); a broken one fails the start, naming it', async () => {
    const dir = join(import.meta.dirname, '..', 'test-results', `cli-state-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      const file = join(dir, 'state.json');
      const { child, out } = await run(['--state', file, '--template-review-ms', '5', '--quiet']);
      expect(out()).toContain('ready in');
      await stopChild(child);
      // An empty journal: its header line only.
      expect(readFileSync(file, 'utf8')).toBe('{"nxwa-mock-state":2}\n');

      writeFileSync(file, '{ not json');
      const broken = spawnSync(process.execPath, [bin, '--port-base', '0', '--state', file], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`could not start: startMock: the state file ${file} is not valid JSON`);
      const review = spawnSync(process.execPath, [bin, '--template-review-ms', 'soon'], { encoding: 'utf8' });
      expect(review.status).toBe(2);
      expect(review.stderr).toMatch(/--template-review-ms must be a whole number, got "soon"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('an unknown flag is one clear line and exit 2, no stack trace', () => {
    const run = spawnSync(process.execPath, [bin, '--frobnicate'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^nxwa-mock: Unknown option '--frobnicate'.*--help/);
    expect(run.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it('--help lists the options', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--port-base <n>/);
  });

  it('a busy port fails at once, naming the port and --port-base', async () => {
    const base = await freePortBase();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(base + 1, '127.0.0.1', r));
    try {
      const run = spawnSync(process.execPath, [bin, '--port-base', String(base)], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`port ${base + 1} \\(api\\.nxcloud\\.com\\) .*already in use.*--port-base`),
      );
      // Nothing left listening on the ports that were free.
      expect(await portFree(base)).toBe(true);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('logs one line per request and never a secret, a signature or a body', async () => {
    const { child, out, base } = await run(['--callback-delay-ms', '10']);
    try {
      const { signatureHeaders } = await import('@org/nxwa-signing');
      const body = '{"business_phone":"8615800001795","messaging_product":"whatsapp","Media-ID":"body-marker-7731"}';
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...signatureHeaders({
          accessKey: 'cli-key',
          accessSecret: 'cli-secret',
          action: 'getMedia',
          bizType: '2',
          ts: Date.now(),
          body,
        }),
      };
      await fetch(`http://127.0.0.1:${base}/api/wa/getMedia`, { method: 'POST', headers, body });
      await fetch(`http://127.0.0.1:${base}/api/wa/getMedia`, {
        method: 'POST',
        headers: { ...headers, sign: 'f'.repeat(32) },
        body,
      });
      await expect
        .poll(
          () =>
            out()
              .split('\n')
              .filter((l) => l.includes('/api/wa/getMedia')).length,
          { timeout: 5_000 },
        )
        .toBe(2);
      const lines = out()
        .split('\n')
        .filter((l) => l.includes('/api/wa/getMedia'));
      // No medium "body-marker-7731" was uploaded: the sandbox answers 9000.
      expect(lines[0]).toMatch(/POST \/api\/wa\/getMedia → 200 code 9000/);
      expect(lines[1]).toMatch(/code 1003/);
      expect(out()).not.toContain('cli-secret');
      expect(out()).not.toContain(headers.sign);
      expect(out()).not.toContain('body-marker-7731');
    } finally {
      await stopChild(child);
    }
  }, 60_000);
});

describe('nxwa-mock without prepared engine operations', () => {
  it('starts: Prism reads the spec itself, from the chunk that holds its reader', async () => {
    // The built command and its specs in a folder of their own, one host's prepared operations left out.
    const pkg = join(import.meta.dirname, '..');
    const dir = mkdtempSync(join(tmpdir(), 'nxwa-mock-unprepared-'));
    let mock: MockProcess | undefined;
    try {
      cpSync(join(pkg, 'dist'), join(dir, 'dist'), { recursive: true });
      cpSync(join(pkg, 'specs'), join(dir, 'specs'), {
        recursive: true,
        filter: (file) => !file.endsWith('api-idn.nxlink.ai.operations.json'),
      });
      symlinkSync(join(pkg, 'node_modules'), join(dir, 'node_modules'));
      mock = await startMockProcess(['--host', 'api-idn.nxlink.ai', '--quiet'], { cli: join(dir, 'dist', 'cli.js') });
      const url = mock.urls['api-idn.nxlink.ai'];
      expect(url, mock.out()).toBeDefined();
      const health = await fetch(`${url}/__health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', host: 'api-idn.nxlink.ai' });
    } finally {
      await mock?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('nxwa-mock under npx', () => {
  it('stops and frees its ports when the npx process that started it is gone', async () => {
    const base = await freePortBase();
    // A stand-in for npm exec: starts the mock (with the environment npm gives it), then gets killed.
    const launcher = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(bin)}, '--port-base', '${base}', '--quiet'], { stdio: 'inherit', env: { ...process.env, npm_command: 'exec' } }); console.log('pid ' + c.pid); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    launcher.stdout.on('data', (d) => (out += d));
    try {
      await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toContain('__health');
      expect(await portFree(base)).toBe(false);
      launcher.kill('SIGKILL');
      await expect
        .poll(async () => (await Promise.all([0, 1, 2, 3].map((i) => portFree(base + i)))).every(Boolean), {
          timeout: 15_000,
          interval: 200,
        })
        .toBe(true);
    } finally {
      launcher.kill('SIGKILL');
      // Never leave the mock behind, even when this test fails.
      const pid = Number(/^pid (\d+)/m.exec(out)?.[1]);
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }, 60_000);
});
