#!/usr/bin/env node
// The mock under sustained load, against its bounds (bounded: fixed counts). The built `nxwa-mock` runs as a process
// of its own, so its memory is measured apart from this load generator and the webhook:
// - 50,000 signed sends of ~60 KB each, at concurrency 100, whose callbacks go to a webhook that never answers;
// - then 1,000 templates of ~60 KB (past the bytes of definitions kept, the oldest go) and 1,000 inbound messages of
//   ~60 KB, whose callbacks wait on the same webhook;
// printing the time taken, the mock's peak RSS (the kernel's high-water mark where there is one, else sampled every
// 100 ms), and the callbacks the webhook holds. `node bench/bounds.bench.js [sends]` for another count.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS } from '../dist/index.js';

const SENDS = Number(process.argv[2] ?? 50_000);
const CONCURRENCY = 100;
const filler = 'x'.repeat(60 * 1024);
const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;

// A webhook that takes the connection and never answers.
const held = [];
const hook = createServer((req, res) => {
  req.resume();
  held.push(res);
});
await new Promise((r) => hook.listen(0, '127.0.0.1', r));
const webhookUrl = `http://127.0.0.1:${hook.address().port}/never`;

const port = await new Promise((resolve) => {
  const probe = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const args = ['--host', 'api2.nxcloud.com', '--port-base', String(port), '--callback-delay-ms', '0', '--quiet'];
const child = spawn(process.execPath, [cli, ...args, '--webhook-url', webhookUrl], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => (out += d) && out.includes('__health') && resolve());
  child.on('exit', (code) => reject(new Error(`nxwa-mock exited with ${code} before it was ready`)));
});
// A mock that died under the load has no figure to give.
let died;
child.on('exit', (code, signal) => (died = `nxwa-mock exited (${signal ?? code}) during the run`));
const alive = () => {
  if (died) throw new Error(died);
};

// The mock's resident memory: VmRSS and the kernel's own peak (VmHWM), on Linux (0 elsewhere: the figure needs it).
function memory() {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}
let sampled = 0;
const sampler = setInterval(() => (sampled = Math.max(sampled, memory().rss)), 100);
const peakOf = () => Math.max(sampled, memory().hwm);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(path, action, json, extra = {}) {
  const body = JSON.stringify(json);
  const headers = {
    'content-type': 'application/json',
    ...extra,
    ...(action ? signatureHeaders({ ...DEMO_CREDENTIALS, action, bizType: '2', ts: Date.now(), body }) : {}),
  };
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent }, (res) => {
      let out = '';
      res.on('data', (d) => (out += d));
      res.on('end', () => resolve(res.statusCode === 200 || res.statusCode === 202 ? out : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

async function run(count, one) {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) if ((await one(next++)) === undefined) failed++;
    }),
  );
  return failed;
}

const phone = '8615800001795';
let t = Date.now();
const sendFailures = await run(SENDS, (i) =>
  call('/api/wa/mt', 'mt', {
    appkey: 'a',
    business_phone: phone,
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '8613600009759',
    type: 'text',
    text: { body: filler },
    cus_message_id: `bench-${i}`,
  }),
);
alive();
console.log(
  `sends: ${SENDS} in ${((Date.now() - t) / 1000).toFixed(1)} s, ${sendFailures} failed; the webhook holds ${held.length} callbacks unanswered; peak RSS ${mb(peakOf())}`,
);

t = Date.now();
const templateFailures = await run(1_000, (i) =>
  call('/api/wa/createTemplate', 'createTemplate', {
    appkey: 'a',
    messaging_product: 'whatsapp',
    business_phone: phone,
    name: `bench_${i}`,
    category: 'UTILITY',
    language: 'en_US',
    components: [{ type: 'BODY', text: filler }],
  }),
);
alive();
console.log(
  `templates: 1,000 in ${((Date.now() - t) / 1000).toFixed(1)} s, ${templateFailures} failed; peak RSS ${mb(peakOf())}`,
);

t = Date.now();
const inboundFailures = await run(1_000, () =>
  call('/__nxwa/inbound', undefined, {
    business_phone: phone,
    from: '8613600009759',
    type: 'text',
    text: { body: filler },
  }),
);
alive();
console.log(
  `inbound: 1,000 in ${((Date.now() - t) / 1000).toFixed(1)} s, ${inboundFailures} failed; peak RSS ${mb(peakOf())}`,
);
const peak = peakOf();
console.log(`the mock's peak RSS ${mb(peak)} (target ≤ 300 MB): ${peak <= 300 * 1024 * 1024 ? 'within' : 'OVER'}`);

clearInterval(sampler);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
for (const res of held) res.destroy();
hook.close();
agent.destroy();
