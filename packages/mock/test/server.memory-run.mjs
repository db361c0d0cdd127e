// The memory-stability run (a child process of test/server.memory.test.ts, on the built mock): 60,000 signed sends, each
// with a status callback to a local webhook; RSS after the first 10,000 and after all, each once every callback
// is done and after a full GC. Prints one JSON line. Bounded: a fixed number of sends.
import { Agent, createServer, request } from 'node:http';
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS, startMock } from '../dist/index.js';

const TOTAL = Number(process.argv[2] ?? 60_000);
const FIRST = Math.round(TOTAL / 6);
const hook = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
});
await new Promise((r) => hook.listen(0, '127.0.0.1', r));
const webhookUrl = `http://127.0.0.1:${hook.address().port}/hook`;
const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 0, webhookUrl });
const port = Number(new URL(mock.urls['api2.nxcloud.com']).port);
const agent = new Agent({ keepAlive: true, maxSockets: 50 });
const credentials = DEMO_CREDENTIALS;
let failures = 0;

function send(i) {
  const body = JSON.stringify({
    appkey: 'a',
    business_phone: '8615800001795',
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '8613600009759',
    type: 'text',
    text: { body: 'm' },
    cus_message_id: `mem-${i}`,
  });
  const headers = {
    'content-type': 'application/json',
    'x-nxwa-callbacks': 'sent',
    ...signatureHeaders({ ...credentials, action: 'mt', bizType: '2', ts: Date.now(), body }),
  };
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/wa/mt', method: 'POST', headers, agent }, (res) => {
      let out = '';
      res.on('data', (d) => (out += d));
      res.on('end', () => {
        if (!out.includes('"code":0')) failures++;
        resolve();
      });
    });
    req.on('error', () => (failures++, resolve()));
    req.end(body);
  });
}

let next = 0;
async function sendUpTo(n) {
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < n) await send(next++);
    }),
  );
  for (let i = 0; i < 600 && mock.pendingCallbacks() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  globalThis.gc();
  await new Promise((r) => setTimeout(r, 100));
  globalThis.gc();
  return process.memoryUsage();
}

const first = await sendUpTo(FIRST);
const last = await sendUpTo(TOTAL);
console.log(
  JSON.stringify({
    sends: TOTAL,
    failures,
    pending: mock.pendingCallbacks(),
    rssFirst: first.rss,
    rssLast: last.rss,
    heapFirst: first.heapUsed,
    heapLast: last.heapUsed,
    heapTotalFirst: first.heapTotal,
    heapTotalLast: last.heapTotal,
    externalFirst: first.external,
    externalLast: last.external,
  }),
);
agent.destroy();
await mock.stop();
hook.close();
