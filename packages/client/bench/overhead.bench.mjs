#!/usr/bin/env node
// Per-request overhead of @org/nxwa-client against a hand-written fetch + signing baseline, both sending the same
// message to the same loopback server (127.0.0.1) in the same run, printed as a ratio; and the client's bundle
// size. Each side runs for a bounded time and the run stops by itself.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Bench } from 'tinybench';
import { signatureHeaders } from '@org/nxwa-signing';
import { createApi2Client } from '../dist/index.js';

const answer = JSON.stringify({ code: 0, message: 'Request successful', data: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] } });
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
const body = { appkey: 'f543ertg', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'text', text: { body: 'Your order has shipped 📦 '.repeat(8) } };
const client = createApi2Client({ ...credentials, baseUrl: base });

async function baseline() {
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', ...signatureHeaders({ ...credentials, action: 'mt', bizType: '2', ts: Date.now(), body: text }) };
  const res = await fetch(`${base}/api/wa/mt`, { method: 'POST', headers, body: text });
  const json = await res.json();
  if (json.code !== 0) throw new Error('baseline failed');
}
async function viaClient() {
  const { error } = await client.POST('/api/wa/mt', { body });
  if (error) throw error;
}

const bench = new Bench({ time: 3_000, warmupTime: 500, iterations: 200 });
bench.add('fetch + signing (baseline)', baseline).add('@org/nxwa-client', viaClient);
await bench.run();
server.close();

const mean = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.latency?.mean ?? t.result.mean]));
const rows = bench.tasks.map((t) => ({ task: t.name, 'mean µs': Math.round(mean[t.name] * 1000), 'requests/s': Math.round(1000 / mean[t.name]) }));
console.table(rows);
const ratio = mean['@org/nxwa-client'] / mean['fetch + signing (baseline)'];
console.log(`client / baseline time per request: ${ratio.toFixed(3)}× (target ≤ 1.10×)`);

const bundled = await build({ entryPoints: [new URL('../dist/index.js', import.meta.url).pathname], bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', logLevel: 'silent', external: ['./error-texts-*.js'] });
const bytes = bundled.outputFiles[0].contents;
console.log(`bundle (runtime entry, dependencies included): ${(bytes.length / 1000).toFixed(1)} kB minified, ${(gzipSync(bytes).length / 1000).toFixed(2)} kB gzipped`);
