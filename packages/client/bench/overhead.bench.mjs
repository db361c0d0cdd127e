#!/usr/bin/env node
// Per-request time of @org/nxwa-client against hand-written requests, all sending the same message to the same
// loopback server (127.0.0.1) in the same run:
// - hand-written fetch + md5: JSON.stringify, node:crypto's md5, fetch — what someone who skips every library
//   writes. The target (≤ 1.05×) is against this one.
// - hand-written to the last byte: its own JSON text (a template), headers and md5. JSON.stringify alone is about
//   1 % of a loopback request.
// - fetch + the signing package.
// - the first hand-written request with a timeout of its own (AbortSignal.timeout): what a timeout costs without
//   the client. None of the others has one; the client has one on every attempt (on Node, through a dispatcher
//   rather than an abort signal, which costs Node's fetch a few per cent of a loopback request: see
//   src/deadline.ts).
// Then the client's bundle size.
// The tasks run in rotating rounds (so that the machine's drift touches all alike) and the median of the
// per-round ratios is printed. Each round ends with a minor garbage collection, timed with it: each task pays for
// collecting its own garbage (otherwise the round after the client's paid much of it, which flattered the client).
// Bounded: a fixed number of rounds and requests; it stops by itself.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { signatureHeaders } from '@org/nxwa-signing';
import { build } from 'esbuild';
import { createApi2Client } from '../dist/index.js';

// Short rounds, many of them: a burst of load on the shared machine touches fewer of them.
const ROUNDS = 101;
const PER_ROUND = 100;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const answer = JSON.stringify({
  code: 0,
  message: 'Request successful',
  data: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(answer);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const credentials = { accessKey: 'bench-key', accessSecret: 'bench-secret' };
const body = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'Your order has shipped 📦 '.repeat(8) },
};
const client = createApi2Client({ ...credentials, baseUrl: base });

async function baseline() {
  const text = JSON.stringify(body);
  // The signing input written out, not spread from `credentials`: on Node 20 an object spread followed by more
  // properties costs about 6 µs here, which would slow the baseline down and flatter the client.
  const headers = {
    'content-type': 'application/json',
    ...signatureHeaders({
      accessKey: credentials.accessKey,
      accessSecret: credentials.accessSecret,
      action: 'mt',
      bizType: '2',
      ts: Date.now(),
      body: text,
    }),
  };
  const res = await fetch(`${base}/api/wa/mt`, { method: 'POST', headers, body: text });
  const json = await res.json();
  if (json.code !== 0) throw new Error('baseline failed');
}
// Hand-written, as most would write it: JSON.stringify, node:crypto's md5 over the string to sign, fetch.
async function handWritten() {
  const text = JSON.stringify(body);
  const ts = String(Date.now());
  const sign = createHash('md5')
    .update(
      `accessKey=${credentials.accessKey}&action=mt&bizType=2&ts=${ts}&body=${text}&accessSecret=${credentials.accessSecret}`,
    )
    .digest('hex');
  const res = await fetch(`${base}/api/wa/mt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accessKey: credentials.accessKey,
      ts,
      bizType: '2',
      action: 'mt',
      sign,
    },
    body: text,
  });
  const json = await res.json();
  if (json.code !== 0) throw new Error('hand-written request failed');
}
// Hand-written to the last byte: its own JSON text (a template, no JSON.stringify of an object), its own headers
// object and its own md5 over the string to sign, as someone who skips every library would write it.
const textBody = JSON.stringify(body.text.body);
async function lastByte() {
  const text = `{"appkey":"f543ertg","business_phone":"8615800001795","messaging_product":"whatsapp","recipient_type":"individual","to":"8613600009759","type":"text","text":{"body":${textBody}}}`;
  const ts = String(Date.now());
  const sign = createHash('md5')
    .update(
      `accessKey=${credentials.accessKey}&action=mt&bizType=2&ts=${ts}&body=${text}&accessSecret=${credentials.accessSecret}`,
    )
    .digest('hex');
  const res = await fetch(`${base}/api/wa/mt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accessKey: credentials.accessKey,
      ts,
      bizType: '2',
      action: 'mt',
      sign,
    },
    body: text,
  });
  const json = await res.json();
  if (json.code !== 0) throw new Error('request failed');
}
async function handWrittenWithTimeout() {
  const text = JSON.stringify(body);
  const ts = String(Date.now());
  const sign = createHash('md5')
    .update(
      `accessKey=${credentials.accessKey}&action=mt&bizType=2&ts=${ts}&body=${text}&accessSecret=${credentials.accessSecret}`,
    )
    .digest('hex');
  const res = await fetch(`${base}/api/wa/mt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accessKey: credentials.accessKey,
      ts,
      bizType: '2',
      action: 'mt',
      sign,
    },
    body: text,
    signal: AbortSignal.timeout(30_000),
  });
  const json = await res.json();
  if (json.code !== 0) throw new Error('hand-written request failed');
}
async function viaClient() {
  const { error } = await client.POST('/api/wa/mt', { body });
  if (error) throw error;
}

async function round(fn) {
  const start = performance.now();
  for (let i = 0; i < PER_ROUND; i++) await fn();
  gc({ type: 'minor' });
  return ((performance.now() - start) * 1000) / PER_ROUND;
}

const tasks = { handWritten, lastByte, baseline, client: viaClient, handWrittenWithTimeout };
for (let i = 0; i < 3; i++) for (const fn of Object.values(tasks)) await round(fn); // warm-up
const times = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
const order = Object.keys(tasks);
for (let r = 0; r < ROUNDS; r++) {
  // Rotate which goes first, so none always follows another.
  for (let k = 0; k < order.length; k++) {
    const name = order[(r + k) % order.length];
    times[name].push(await round(tasks[name]));
  }
}
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (of) => median(times.client.map((c, i) => c / times[of][i])).toFixed(3);
console.table([
  { task: 'hand-written fetch + md5 (JSON.stringify)', 'median µs/request': Math.round(median(times.handWritten)) },
  { task: 'hand-written to the last byte (own JSON text)', 'median µs/request': Math.round(median(times.lastByte)) },
  { task: 'fetch + signing package', 'median µs/request': Math.round(median(times.baseline)) },
  { task: '@org/nxwa-client', 'median µs/request': Math.round(median(times.client)) },
  {
    task: 'hand-written, with AbortSignal.timeout',
    'median µs/request': Math.round(median(times.handWrittenWithTimeout)),
  },
]);
console.log(
  `client / hand-written fetch + md5: median ${ratio('handWritten')}× over ${ROUNDS} rounds of ${PER_ROUND} (target ≤ 1.05×)`,
);
console.log(`client / hand-written to the last byte: median ${ratio('lastByte')}×`);
console.log(`client / fetch + signing package: median ${ratio('baseline')}×`);
console.log(`client / hand-written with a timeout: median ${ratio('handWrittenWithTimeout')}×`);

const bundled = await build({
  entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  platform: 'browser',
  logLevel: 'silent',
  external: ['./error-texts-*.js', './failures-*.js', './middleware-*.js', './dispatched-*.js'],
});
const bytes = bundled.outputFiles[0].contents;
console.log(
  `bundle (runtime entry as loaded at start, dependencies included): ${(bytes.length / 1000).toFixed(1)} kB minified, ${(gzipSync(bytes).length / 1000).toFixed(2)} kB gzipped`,
);
