#!/usr/bin/env node
// The mock's figures, each measured in this one run (bounded: fixed rounds and requests):
// - start: from spawning `nxwa-mock` (the built CLI) until all four hosts answer /__health;
// - memory: RSS of the mock's whole process tree after that start, and how many processes it is;
// - throughput: signed sends per second through the mock against a bare Prism CLI on the same spec, same request,
//   alternating rounds, median ratio.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { signatureHeaders } from '@org/nxwa-signing';

const ROUNDS = 9;
const PER_ROUND = 400;
const CONCURRENCY = 16;
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli.js');
const spec = join(here, '..', 'specs', 'api2.nxcloud.com.json');
const demo = { accessKey: 'nxwa-demo-key', accessSecret: 'nxwa-demo-secret' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(ok, what, child) {
  const deadline = performance.now() + 60_000;
  while (!(await ok().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited`);
    if (performance.now() > deadline) throw new Error(`${what}: not ready within 60 s`);
    await sleep(10);
  }
}

/** Every process of the tree below (and including) pid, with its RSS in kB. */
function tree(pid) {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const out = rows.filter(([p]) => p === pid);
  const walk = (p) => rows.filter(([, pp]) => pp === p).forEach((r) => (out.push(r), walk(r[0])));
  walk(pid);
  return out;
}

const stop = (child) =>
  child.exitCode !== null ? Promise.resolve() : (child.kill('SIGTERM'), new Promise((r) => child.once('exit', r)));

// 1. Start and memory: all four hosts.
const base = 20_000 + ((await freePort()) % 20_000);
const started = performance.now();
const all = spawn(process.execPath, [cli, '--port-base', String(base), '--quiet'], { stdio: 'ignore' });
const health = (port) => fetch(`http://127.0.0.1:${port}/__health`).then((r) => r.status === 200);
await until(
  async () => (await Promise.all([0, 1, 2, 3].map((i) => health(base + i)))).every(Boolean),
  'nxwa-mock',
  all,
);
const startMs = performance.now() - started;
await sleep(200);
const processes = tree(all.pid);
const rssMb = processes.reduce((sum, [, , rss]) => sum + rss, 0) / 1024;

// 2. Throughput: the same mock against a bare Prism CLI on the api2 spec.
const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
const prismPort = await freePort();
const prism = spawn(
  process.execPath,
  [prismBin, 'mock', spec, '-h', '127.0.0.1', '-p', String(prismPort), '--errors', 'false'],
  { stdio: 'ignore', detached: true, env: { ...process.env, NODE_ENV: 'production' } },
);
await until(() => fetch(`http://127.0.0.1:${prismPort}/__nothing`).then(() => true), 'Prism', prism);

const body = JSON.stringify({
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'bench' },
});
async function round(url) {
  let sent = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < PER_ROUND) {
        sent++;
        const headers = {
          'content-type': 'application/json',
          ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body }),
        };
        const res = await fetch(`${url}/api/wa/mt`, { method: 'POST', headers, body });
        if ((await res.json()).code !== 0) throw new Error(`not accepted by ${url}`);
      }
    }),
  );
  return PER_ROUND / ((performance.now() - start) / 1000);
}
const targets = { mock: `http://127.0.0.1:${base}`, prism: `http://127.0.0.1:${prismPort}` };
try {
  await round(targets.mock);
  await round(targets.prism);
  const rps = { mock: [], prism: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const which of r % 2 ? ['mock', 'prism'] : ['prism', 'mock']) rps[which].push(await round(targets[which]));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = median(rps.mock.map((m, i) => m / rps.prism[i]));
  console.table([
    {
      figure: 'start until all four hosts answer /__health',
      value: `${(startMs / 1000).toFixed(2)} s`,
      target: '≤ 2 s',
    },
    {
      figure: 'RSS of the whole process tree after start',
      value: `${Math.round(rssMb)} MB, ${processes.length} process${processes.length === 1 ? '' : 'es'}`,
      target: '≤ 300 MB, 1 process',
    },
    { figure: 'signed sends/s: bare Prism CLI (median)', value: Math.round(median(rps.prism)), target: '' },
    { figure: 'signed sends/s: nxwa-mock (median)', value: Math.round(median(rps.mock)), target: '' },
    { figure: 'nxwa-mock / bare Prism (median of rounds)', value: `${ratio.toFixed(2)}×`, target: '≥ 1.2×' },
  ]);
} finally {
  await stop(all);
  // Prism's CLI starts a worker of its own: its whole process group goes.
  try {
    process.kill(-prism.pid, 'SIGTERM');
  } catch {
    prism.kill('SIGTERM');
  }
}
