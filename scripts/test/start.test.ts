// The main job, as the README runs it: `pnpm start` builds, then serves the mock of every host and the docs, prints
// every URL and the demo command; the demo sends through the mock; Ctrl-C stops everything and frees every port.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hosts } from '@org/nxwa-spec-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const HOSTS = hosts;
const pinnedPnpm = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager as string;

let child: ChildProcess;
let output = '';
const urls: Record<string, string> = {};

const exited = () =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });

/**
 * Runs `pnpm start` with free ports everywhere (so that the run never collides with anything else on the machine) and
 * `env`, until it prints the demo command; the process and what it printed so far.
 */
async function start(env: Record<string, string> = {}) {
  const started = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, NXWA_MOCK_PORT_BASE: '0', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  started.stderr!.on('data', (c) => (out += c));
  await new Promise<void>((resolve, reject) => {
    started.stdout!.on('data', (c) => {
      out += c;
      if (/\bdemo\n/.test(out)) resolve();
    });
    started.once('exit', (code) =>
      reject(new Error(`pnpm start exited (${code}) before its banner:\n${out.slice(-3_000)}`)),
    );
  });
  return { child: started, output: () => out };
}

describe('pnpm start', () => {
  beforeAll(async () => {
    const started = await start();
    child = started.child;
    output = started.output();
    for (const host of [...HOSTS, 'docs']) {
      const match = new RegExp(`^\\s+${host.replace(/\./g, '\\.')}\\s+(http://127\\.0\\.0\\.1:\\d+)`, 'm').exec(output);
      if (match) urls[host] = match[1]!;
    }
    const inspector = /^\s+inspector\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/m.exec(output);
    if (inspector) urls.inspector = inspector[1]!;
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited();
    }
  });

  it('prints a loopback URL for every host, the docs and the inspector', () => {
    expect(Object.keys(urls).sort()).toEqual([...HOSTS, 'docs', 'inspector'].sort());
    expect(urls.inspector).toBe(`${urls['api2.nxcloud.com']}/__nxwa/`);
    // And points at it again under the demo command, where a newcomer reads next.
    expect(output).toMatch(new RegExp(`demo\\n.*phone view.*:\\n\\s+${urls.inspector.replace(/[.]/g, '\\.')}\\n`));
  });

  it('prints the demo command in a form that needs no global pnpm', () => {
    expect(output).toContain(`npx --yes ${pinnedPnpm} demo`);
  });

  it('every host answers its health check, and the docs answer', async () => {
    for (const host of HOSTS) {
      const res = await fetch(`${urls[host]}/__health`);
      expect(res.status, host).toBe(200);
      expect(await res.json()).toMatchObject({ host });
    }
    const docs = await fetch(`${urls.docs}/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<html');
    const inspector = await fetch(urls.inspector);
    expect(inspector.status).toBe(200);
    expect(inspector.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await inspector.text()).toContain('<title>nxwa sandbox · inspector</title>');
  });

  it('the demo sends a text message through the running mock', () => {
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NXWA_MOCK_URL: urls['api2.nxcloud.com'] },
    });
    expect(demo.stderr).toBe('');
    expect(demo.stdout).toMatch(/^sent through http:\/\/127\.0\.0\.1:\d+: message \S+/);
    expect(demo.status).toBe(0);
  });

  it('Ctrl-C stops the mock and the docs and frees every port', async () => {
    child.kill('SIGINT');
    expect(await exited()).toBe(0);
    for (const url of Object.values(urls)) {
      await expect(fetch(`${url}/`), url).rejects.toThrow();
    }
  });
});

describe('pnpm start, with docs that start after the mock', () => {
  it('waits for the docs to print their URL with the demo command', async () => {
    const { child: slow, output: printed } = await start({
      NODE_OPTIONS: `--require ${JSON.stringify(join(import.meta.dirname, 'fixtures', 'slow-docs.cjs'))}`,
    });
    try {
      const out = printed();
      // The mock's banner came 3 s before the docs' line, and the demo command after both.
      const docs = /^\s+docs\s+(http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(out);
      expect(docs, out).not.toBeNull();
      expect(out.indexOf('__health')).toBeLessThan(docs!.index);
      expect(docs!.index).toBeLessThan(out.search(/\bdemo\n/));
      expect((await fetch(`${docs![1]}/`)).status).toBe(200);
    } finally {
      slow.kill('SIGINT');
      await new Promise((resolve) => (slow.exitCode !== null ? resolve(null) : slow.once('exit', resolve)));
    }
  }, 300_000);
});
