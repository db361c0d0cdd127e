#!/usr/bin/env node
// The mock under sustained load, against its bounds (bounded: fixed counts), in this process on the built package:
// - 50,000 signed sends of ~60 KB each, at concurrency 100, whose callbacks go to a webhook that never answers;
// - then templates at their cap (1,000 of ~60 KB) and inbound messages at theirs (1,000 of ~60 KB);
// printing the time taken, the peak RSS sampled every 100 ms, and the callbacks waiting. `node bench/bounds.bench.js
// [sends]` for another count.
import { Agent, createServer, request } from 'node:http';
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS, startMock } from '../dist/index.js';

const SENDS = Number(process.argv[2] ?? 50_000);
const CONCURRENCY = 100;
const filler = 'x'.repeat(60 * 1024);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;

// A webhook that takes the connection and never answers.
const held = [];
const hook = createServer((req, res) => {
  req.resume();
  held.push(res);
});
await new Promise((r) => hook.listen(0, '127.0.0.1', r));
const webhookUrl = `http://127.0.0.1:${hook.address().port}/never`;
const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 0, webhookUrl });
const port = Number(new URL(mock.urls['api2.nxcloud.com']).port);
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
console.log(
  `sends: ${SENDS} in ${((Date.now() - t) / 1000).toFixed(1)} s, ${sendFailures} failed; callbacks waiting ${mock.pendingCallbacks()}; peak RSS ${mb(peak)}`,
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
console.log(
  `templates at their cap: 1,000 in ${((Date.now() - t) / 1000).toFixed(1)} s, ${templateFailures} failed; peak RSS ${mb(peak)}`,
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
console.log(
  `inbound at its cap: 1,000 in ${((Date.now() - t) / 1000).toFixed(1)} s, ${inboundFailures} failed; peak RSS ${mb(peak)}`,
);
console.log(`peak RSS ${mb(peak)} (target ≤ 300 MB): ${peak <= 300 * 1024 * 1024 ? 'within' : 'OVER'}`);

clearInterval(sampler);
await mock.stop();
for (const res of held) res.destroy();
hook.close();
agent.destroy();
