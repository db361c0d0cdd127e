#!/usr/bin/env node
// Requests per second through the gateway against bare Prism on the same spec, in the same run (alternating
// rounds, median ratio), and the start-up time of the whole mock. Bounded: fixed rounds and requests.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS } from '../src/index.js';
import { freePort } from '../src/prism.js';

const ROUNDS = 9;
const PER_ROUND = 400;
const CONCURRENCY = 16;

/** Starts the mock as its own process, as users run it; resolves once it says it is ready. */
async function startMockProcess(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/nxwa-mock.js', import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  while (!out.includes('ready in')) {
    if (child.exitCode !== null || performance.now() - started > 30_000) throw new Error(`the mock did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, out, ms: performance.now() - started, stop: () => (child.kill('SIGTERM'), new Promise((r) => child.once('exit', r))) };
}

// The load generator must not share the mock's event loop.
const portBase = 20_000 + ((await freePort()) % 20_000);
const one = await startMockProcess(['--port-base', String(portBase), '--host', 'api2.nxcloud.com']);
const { out } = one;
const startupOne = one.ms;
const prismPort = Number(/127\.0\.0\.1:(\d+) \(pid/.exec(out)[1]);
const api2 = { url: `http://127.0.0.1:${portBase}`, prismPort };
const body = JSON.stringify({ appkey: 'f543ertg', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'text', text: { body: 'bench' } });

async function round(base) {
  let sent = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < PER_ROUND) {
        sent++;
        const headers = { 'content-type': 'application/json', ...signatureHeaders({ ...DEMO_CREDENTIALS, action: 'mt', bizType: '2', ts: Date.now(), body }) };
        const res = await fetch(`${base}/api/wa/mt`, { method: 'POST', headers, body });
        if ((await res.json()).code !== 0) throw new Error('not accepted');
      }
    }),
  );
  return PER_ROUND / ((performance.now() - start) / 1000);
}

const gateway = api2.url;
const prism = `http://127.0.0.1:${api2.prismPort}`;
await round(gateway);
await round(prism);
const rps = { gateway: [], prism: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? ['gateway', 'prism'] : ['prism', 'gateway'];
  for (const which of order) rps[which].push(await round(which === 'gateway' ? gateway : prism));
}
await one.stop();

// Start-up of the whole mock: every host.
const all = await startMockProcess(['--port-base', String(portBase), '--quiet']);
const startup = all.ms;
await all.stop();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratios = rps.gateway.map((g, i) => g / rps.prism[i]);
console.table([
  { target: 'bare Prism', 'median requests/s': Math.round(median(rps.prism)) },
  { target: 'gateway → Prism', 'median requests/s': Math.round(median(rps.gateway)) },
]);
const ratio = median(ratios);
console.log(`gateway / bare Prism throughput: ${ratio.toFixed(3)}× — the gateway costs ${((1 - ratio) * 100).toFixed(1)}% (target ≤ 10%)`);
console.log(`start-up, process start to ready: one host ${(startupOne / 1000).toFixed(2)} s; all four hosts ${(startup / 1000).toFixed(2)} s`);
