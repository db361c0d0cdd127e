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

// The mock runs as its own process, as users run it (the load generator must not share its event loop).
const portBase = 20_000 + ((await freePort()) % 20_000);
const t0 = performance.now();
const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/nxwa-mock.js', import.meta.url)), '--port-base', String(portBase), '--host', 'api2.nxcloud.com'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (d) => (out += d));
while (!out.includes('ready in')) {
  if (child.exitCode !== null || performance.now() - t0 > 30_000) throw new Error(`the mock did not start:\n${out}`);
  await new Promise((r) => setTimeout(r, 20));
}
const startupOne = performance.now() - t0;
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
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

// Start-up of the whole mock: every host.
const t1 = performance.now();
const all = spawn(process.execPath, [fileURLToPath(new URL('../bin/nxwa-mock.js', import.meta.url)), '--port-base', String(portBase), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
let allOut = '';
all.stdout.on('data', (d) => (allOut += d));
while (!allOut.includes('ready in')) {
  if (all.exitCode !== null || performance.now() - t1 > 30_000) throw new Error(`the mock did not start:\n${allOut}`);
  await new Promise((r) => setTimeout(r, 20));
}
const startup = performance.now() - t1;
all.kill('SIGTERM');
await new Promise((r) => all.once('exit', r));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratios = rps.gateway.map((g, i) => g / rps.prism[i]);
console.table([
  { target: 'bare Prism', 'median requests/s': Math.round(median(rps.prism)) },
  { target: 'gateway → Prism', 'median requests/s': Math.round(median(rps.gateway)) },
]);
const ratio = median(ratios);
console.log(`gateway / bare Prism throughput: ${ratio.toFixed(3)}× — the gateway costs ${((1 - ratio) * 100).toFixed(1)}% (target ≤ 10%)`);
console.log(`start-up, process start to ready: one host ${(startupOne / 1000).toFixed(2)} s; all four hosts ${(startup / 1000).toFixed(2)} s`);
