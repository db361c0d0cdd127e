#!/usr/bin/env node
// Signatures per second for 200 B, 2 KB and 64 KB bodies: this package (native hash where the runtime has one,
// and the portable pure-JS hash every runtime has) against node:crypto alone, in the same run, as ratios.
// Each task runs for a bounded time; the run stops by itself.
import { createHash } from 'node:crypto';
import { Bench } from 'tinybench';
import { computeSignature, hasNativeHash } from '../dist/index.js';

const base = {
  accessKey: 'fme2na3kdi3ki',
  accessSecret: 'abciiiko2k3',
  action: 'mt',
  bizType: '2',
  ts: '1655710885431',
};
const bodyOf = (size) => JSON.stringify({ text: '牛小信 WhatsApp 👍 '.repeat(Math.ceil(size / 20)) }).slice(0, size);
const sizes = [
  ['200 B', 200],
  ['2 KB', 2048],
  ['64 KB', 65536],
];

function nodeCryptoSign(body) {
  return createHash('md5')
    .update(
      `accessKey=${base.accessKey}&action=${base.action}&bizType=${base.bizType}&ts=${base.ts}&body=${body}&accessSecret=${base.accessSecret}`,
      'utf8',
    )
    .digest('hex');
}

const rows = [];
for (const [label, size] of sizes) {
  const body = bodyOf(size);
  if (computeSignature({ ...base, body }) !== nodeCryptoSign(body)) throw new Error('the implementations disagree');
  const bench = new Bench({ time: 400, warmupTime: 100, iterations: 50 });
  bench
    .add('node:crypto', () => nodeCryptoSign(body))
    .add('nxwa (auto)', () => computeSignature({ ...base, body }))
    .add('nxwa (portable)', () => computeSignature({ ...base, body, hashImplementation: 'portable' }));
  await bench.run();
  const hz = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.throughput?.mean ?? t.result.hz]));
  rows.push({
    body: label,
    'node:crypto /s': Math.round(hz['node:crypto']),
    'nxwa auto /s': Math.round(hz['nxwa (auto)']),
    'auto ratio': (hz['nxwa (auto)'] / hz['node:crypto']).toFixed(2),
    'nxwa portable /s': Math.round(hz['nxwa (portable)']),
    'portable ratio': (hz['nxwa (portable)'] / hz['node:crypto']).toFixed(2),
  });
}
console.log(`native hash available: ${hasNativeHash}`);
console.table(rows);
const twoKb = rows.find((r) => r.body === '2 KB');
console.log(`2 KB: nxwa signs at ${twoKb['auto ratio']}× node:crypto's throughput (target ≥ 0.50).`);
