#!/usr/bin/env node
// The mock's figures, each measured in this one run (bounded: fixed rounds and requests):
// - start: from spawning `nxwa-mock` (the built CLI) until all four hosts answer /__health, median of 5;
// - memory: RSS of the mock's whole process tree after that start, and how many processes it is;
// - throughput: signed api2 text sends per second through the mock, a bare node:http floor (bench/floor.js: read,
//   md5 check, JSON parse, a fixed answer) and the bare Prism CLI, with one load generator (prepared request bytes on
//   16 kept-alive connections), rounds in turn after a warm-up of each, median of the per-round ratios; with each
//   server's and the generator's CPU, to show which one is the bottleneck; and the warm-up's own sends/s;
// - latency: p99 at 100 in flight, the mock against the floor; the other hosts' sends against the floor;
// - sustained: 100,000 sends at 100 in flight to a fresh mock whose status callbacks go to a webhook here: sends/s,
//   p99, callbacks delivered, the mock's RSS at start, after 10,000 sends, at its peak and at the end.
// Past the start, on Linux with two cores or more, the generator keeps to the first core and every server it drives to
// the second (taskset), each with all its threads: a server on a core slower than the other's (a shared machine's
// cores are not equally busy) would otherwise set a ratio by where it ran. The mock and the floor each run as
// PROCESSES processes, driven one after the other in every round, and a round's rate is their mean: on a virtual
// machine a process keeps, for its life, a speed that differs from the next one's by up to a fifth.
// Everything listens on 127.0.0.1. `node bench/mock.bench.js [sustained sends]` for another count;
// `node bench/mock.bench.js --start [runs]` measures only the start, that many times (5 by default), and its median.
import { fork, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { operations, signatureHeaders } from '@org/nxwa-signing';

const ROUNDS = 7;
const PROCESSES = 2;
// Each server runs this many sends before it is measured: V8 compiles the mock's request path in tiers, and its
// first few thousand sends run at half speed or less. Measured too, as a figure of its own.
const WARM_UP = { mock: 10_000, floor: 10_000, prism: 300 };
const PER_ROUND = { mock: 4_000, floor: 4_000, prism: 300 };
const CONCURRENCY = 16;
const P99_ROUNDS = 3;
const P99_PER_ROUND = 3_000;
const P99_CONCURRENCY = 100;
const HOST_ROUNDS = 3;
const HOST_WARM_UP = 3_000;
const HOST_PER_ROUND = 2_000;
const START_ONLY = process.argv[2] === '--start';
const START_RUNS = START_ONLY ? Number(process.argv[3] ?? 5) : 5;
const SUSTAINED = Number(START_ONLY ? 0 : (process.argv[2] ?? 100_000));
const SUSTAINED_CONCURRENCY = 100;
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
const isFree = (port) =>
  new Promise((resolve) => {
    const s = createServer();
    s.on('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
/** A base port whose four ports are free now: the machine is shared, and a port taken by another program ends the run. */
async function freeBase() {
  for (let tries = 0; tries < 20; tries++) {
    const base = 20_000 + ((await freePort()) % 20_000);
    if ((await Promise.all([0, 1, 2, 3].map((i) => isFree(base + i)))).every(Boolean)) return base;
  }
  throw new Error('no four free ports in a row');
}

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pinning =
  process.platform === 'linux' && availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
/** Keeps a process, every thread of it, to one core (when pinning). */
const pin = (pid, core) => {
  if (pinning) spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
};

// 1. Start and memory: all four hosts.
const health = (port) => fetch(`http://127.0.0.1:${port}/__health`).then((r) => r.status === 200);
async function startAll() {
  const base = await freeBase();
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--port-base', String(base), '--quiet'], { stdio: 'ignore' });
  await until(
    async () => (await Promise.all([0, 1, 2, 3].map((i) => health(base + i)))).every(Boolean),
    'nxwa-mock',
    child,
  );
  return { child, base, ms: performance.now() - started };
}
// One start is one sample of a noisy machine: the median of START_RUNS, the last of them kept running.
const starts = [];
for (let i = 1; i < START_RUNS; i++) {
  const { child, ms } = await startAll();
  starts.push(ms);
  await stop(child);
}
const { child: all, base, ms: lastStart } = await startAll();
starts.push(lastStart);
const startFigure = {
  figure: `start until all four hosts answer /__health (median of ${START_RUNS})`,
  value: `${(median(starts) / 1000).toFixed(2)} s (${starts.map((ms) => (ms / 1000).toFixed(2)).join(' ')})`,
  target: '≤ 0.5 s',
};
if (START_ONLY) {
  await stop(all);
  console.table([startFigure]);
  process.exit(0);
}
await sleep(200);
const processes = tree(all.pid);
pin(process.pid, 0);
pin(all.pid, 1);
const rssMb = processes.reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
// The other processes of the mock, started (and not timed) after the first one's figures.
const mocks = [{ child: all, base }];
while (mocks.length < PROCESSES) {
  const { child, base: more } = await startAll();
  pin(child.pid, 1);
  mocks.push({ child, base: more });
}

// 2. Throughput: the mock, the floor and a bare Prism CLI, with the same generator and request.
const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
const prismPort = await freePort();
const prism = spawn(
  process.execPath,
  [prismBin, 'mock', spec, '-h', '127.0.0.1', '-p', String(prismPort), '--errors', 'false'],
  { stdio: 'ignore', detached: true, env: { ...process.env, NODE_ENV: 'production' } },
);
const floors = [];
let sustained;
let hook;

/** A send of one host: its first operation that sends a message (HK has none: its template list), with its example. */
function sendOf(host) {
  if (host === 'api2.nxcloud.com')
    return {
      path: '/api/wa/mt',
      method: 'POST',
      body: JSON.stringify({
        appkey: 'f543ertg',
        business_phone: '8615800001795',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '8613600009759',
        type: 'text',
        text: { body: 'bench' },
      }),
      ...operations[host]['post /api/wa/mt'],
    };
  const doc = JSON.parse(readFileSync(join(here, '..', 'specs', `${host}.json`), 'utf8'));
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.post;
    if (!op?.['x-nxcloud-sends-message']) continue;
    let example = Object.values(op.requestBody.content['application/json'].examples)[0];
    if (example.$ref) example = doc.components.examples[example.$ref.split('/').pop()];
    return { path, method: 'POST', body: JSON.stringify(example.value), ...operations[host][`post ${path}`] };
  }
  return undefined;
}

/** CPU seconds used so far by these processes (user + system). */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}
const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/**
 * One kept-alive connection that sends prepared request bytes and reads the answer by its content-length: a
 * generator lighter than any server it drives, so that the servers, not it, set the pace.
 */
function connection(port) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffered = Buffer.alloc(0);
  let waiting;
  const settle = (answer) => {
    const w = waiting;
    waiting = undefined;
    w?.(answer);
  };
  const parse = () => {
    const end = buffered.indexOf('\r\n\r\n');
    if (!waiting || end < 0) return;
    const head = buffered.toString('latin1', 0, end);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body = '';
    let total = end + 4;
    if (length) {
      total += Number(length[1]);
      if (buffered.length < total) return;
      body = buffered.toString('utf8', end + 4, total);
    } else {
      // Chunked: size lines and chunks up to the empty one.
      for (;;) {
        const line = buffered.indexOf('\r\n', total);
        if (line < 0) return;
        const size = Number.parseInt(buffered.toString('latin1', total, line), 16);
        if (buffered.length < line + 2 + size + 2) return;
        body += buffered.toString('utf8', line + 2, line + 2 + size);
        total = line + 2 + size + 2;
        if (size === 0) break;
      }
    }
    buffered = buffered.subarray(total);
    settle({ status: Number(head.slice(9, 12)), body });
  };
  socket.on('data', (chunk) => {
    buffered = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
    parse();
  });
  socket.on('error', () => settle(undefined));
  socket.on('close', () => settle(undefined));
  return {
    ask: (bytes) =>
      new Promise((resolve) => {
        waiting = resolve;
        socket.write(bytes);
      }),
    close: () => socket.destroy(),
  };
}

/**
 * Sends `count` signed requests with `concurrency` in flight (one kept-alive connection each), each of which must be
 * accepted (code 0); `onDone` is told of each. Sends per second, and the generator's and the server's CPU as a share
 * of one core.
 */
async function drive(port, send, { count, concurrency, latencies, onDone, pids = [] }) {
  // Signed afresh each second (every server verifies each request; none refuses a signature it saw before), so that
  // the generator spends its time on the requests themselves.
  let signedAt = 0;
  let bytes;
  const requestBytes = () => {
    if (Date.now() - signedAt < 1_000) return bytes;
    signedAt = Date.now();
    const headers = {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      ...signatureHeaders({ ...demo, action: send.action, bizType: send.bizType, ts: signedAt, body: send.body }),
      'content-length': Buffer.byteLength(send.body),
    };
    const head = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    bytes = Buffer.from(`${send.method} ${send.path} HTTP/1.1\r\n${head}\r\n${send.body}`);
    return bytes;
  };
  const connections = Array.from({ length: concurrency }, () => connection(port));
  let next = 0;
  let failed = 0;
  let done = 0;
  const cpu0 = process.cpuUsage();
  const server0 = cpuSeconds(pids);
  const t0 = performance.now();
  await Promise.all(
    connections.map(async (c) => {
      // A connection's first answer waits for the connection too: latencies are of the requests after it.
      let first = true;
      while (next < count) {
        next++;
        const sent = performance.now();
        const answer = await c.ask(requestBytes());
        if (!first) latencies?.push(performance.now() - sent);
        first = false;
        let ok = false;
        try {
          ok = answer?.status === 200 && JSON.parse(answer.body).code === 0;
        } catch {}
        if (!ok) failed++;
        onDone?.(++done);
        if (!answer) break;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  for (const c of connections) c.close();
  if (failed > 0) throw new Error(`${failed} of ${count} sends to port ${port} were not accepted`);
  return {
    rps: count / seconds,
    generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    serverCpu: (cpuSeconds(pids) - server0) / seconds,
  };
}

const percentile = (xs, p) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
const pct = (x) => `${Math.round(x * 100)}%`;

try {
  await until(() => fetch(`http://127.0.0.1:${prismPort}/__nothing`).then(() => true), 'Prism', prism);
  for (const [pid] of tree(prism.pid)) pin(pid, 1);
  const api2 = sendOf('api2.nxcloud.com');
  // The floor answers what the mock answers to the same send.
  const sample = await fetch(`http://127.0.0.1:${base}${api2.path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders({ ...demo, action: api2.action, bizType: api2.bizType, ts: Date.now(), body: api2.body }),
    },
    body: api2.body,
  }).then((r) => r.text());
  while (floors.length < PROCESSES) {
    const port = await freePort();
    const child = fork(join(here, 'floor.js'), [String(port), sample], { stdio: 'ignore' });
    floors.push({ child, port });
    await new Promise((resolve, reject) => (child.once('message', resolve), child.once('exit', reject)));
    pin(child.pid, 1);
  }

  // Each target's processes: the port of each (`offset` picks a host of the mock's four) and its pids.
  const targets = {
    mock: mocks.map(({ child, base: b }) => ({ port: (offset = 0) => b + offset, pids: () => [child.pid] })),
    floor: floors.map(({ child, port }) => ({ port: () => port, pids: () => [child.pid] })),
    prism: [{ port: () => prismPort, pids: () => tree(prism.pid).map(([p]) => p) }],
  };
  /** A round of one target: each of its processes driven in turn, the same way; their mean rate and CPU. */
  const round = async (which, send = api2, { offset = 0, ...more } = {}) => {
    const each = [];
    for (const server of targets[which])
      each.push(
        await drive(server.port(offset), send, {
          count: PER_ROUND[which],
          concurrency: CONCURRENCY,
          pids: server.pids(),
          ...more,
        }),
      );
    const mean = (key) => each.reduce((sum, x) => sum + x[key], 0) / each.length;
    return { rps: mean('rps'), generatorCpu: mean('generatorCpu'), serverCpu: mean('serverCpu') };
  };
  const warmUp = {};
  for (const which of Object.keys(targets)) warmUp[which] = await round(which, api2, { count: WARM_UP[which] });
  const runs = { mock: [], floor: [], prism: [] };
  const order = ['mock', 'floor', 'prism'];
  for (let r = 0; r < ROUNDS; r++)
    for (let i = 0; i < order.length; i++) {
      const which = order[(r + i) % order.length];
      runs[which].push(await round(which));
    }
  const rps = (which) => runs[which].map((x) => x.rps);
  const ratio = (a, b) => median(rps(a).map((x, i) => x / rps(b)[i]));
  const cpuOf = (which, key) => median(runs[which].map((x) => x[key]));

  // 3. Latency at 100 in flight, the mock against the floor.
  const p99s = { mock: [], floor: [] };
  for (const which of ['mock', 'floor']) await round(which, api2, { concurrency: P99_CONCURRENCY });
  for (let r = 0; r < P99_ROUNDS; r++)
    for (const which of r % 2 ? ['floor', 'mock'] : ['mock', 'floor']) {
      const latencies = [];
      await round(which, api2, { count: P99_PER_ROUND, concurrency: P99_CONCURRENCY, latencies });
      p99s[which].push(percentile(latencies, 99));
    }

  // 4. The other hosts' sends (the floor checks and parses the same body).
  const hostRows = [];
  for (const [i, host] of ['api.nxcloud.com', 'api-idn.nxlink.ai'].entries()) {
    const send = sendOf(host);
    const mine = { mock: [], floor: [] };
    await round('mock', send, { offset: 1 + i, count: HOST_WARM_UP });
    for (let r = 0; r < HOST_ROUNDS; r++)
      for (const which of ['mock', 'floor'])
        mine[which].push((await round(which, send, { offset: 1 + i, count: HOST_PER_ROUND })).rps);
    hostRows.push({
      figure: `${host} ${send.path} sends/s: nxwa-mock / floor (median of rounds)`,
      value: `${median(mine.mock.map((m, k) => m / mine.floor[k])).toFixed(2)}× (${Math.round(median(mine.mock))}/s)`,
      target: '',
    });
  }
  for (const { child } of [...floors, ...mocks]) await stop(child);
  try {
    process.kill(-prism.pid, 'SIGTERM');
  } catch {}

  // 5. Sustained: a fresh mock of api2 whose status callbacks go to a webhook here.
  let delivered = 0;
  hook = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code":0}');
    });
  });
  await new Promise((r) => hook.listen(0, '127.0.0.1', r));
  const sustainedPort = await freePort();
  sustained = spawn(
    process.execPath,
    [
      cli,
      '--host',
      'api2.nxcloud.com',
      '--port-base',
      String(sustainedPort),
      '--quiet',
      '--webhook-url',
      `http://127.0.0.1:${hook.address().port}/status`,
    ],
    { stdio: 'ignore' },
  );
  await until(() => health(sustainedPort), 'nxwa-mock (sustained)', sustained);
  pin(sustained.pid, 1);
  const rss = { start: rssOf(sustained.pid), peak: 0, at10k: 0, end: 0 };
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, rssOf(sustained.pid))), 100);
  const latencies = [];
  const load = await drive(sustainedPort, api2, {
    count: SUSTAINED,
    concurrency: SUSTAINED_CONCURRENCY,
    latencies,
    onDone: (n) => n === 10_000 && (rss.at10k = rssOf(sustained.pid)),
  });
  // Three statuses per send (sent, delivered, read), each a callback; bounded wait for the last of them.
  const expected = SUSTAINED * 3;
  const drainDeadline = performance.now() + 120_000;
  while (delivered < expected && performance.now() < drainDeadline) await sleep(100);
  await sleep(500);
  rss.end = rssOf(sustained.pid);
  rss.peak = Math.max(rss.peak, rss.end);
  clearInterval(sampler);
  const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;

  console.table([
    startFigure,
    {
      figure: 'RSS of the whole process tree after start',
      value: `${Math.round(rssMb)} MB, ${processes.length} process${processes.length === 1 ? '' : 'es'}`,
      target: '≤ 300 MB, 1 process',
    },
    {
      figure: `api2 signed sends/s over the first ${WARM_UP.mock.toLocaleString('en')} after start: nxwa-mock / floor`,
      value: `${Math.round(warmUp.mock.rps)} / ${Math.round(warmUp.floor.rps)} = ${(warmUp.mock.rps / warmUp.floor.rps).toFixed(2)}×`,
      target: '',
    },
    ...order.map((which) => ({
      figure: `api2 signed sends/s, 16 in flight: ${which === 'mock' ? 'nxwa-mock' : which === 'floor' ? 'node:http floor' : 'bare Prism CLI'} (median)`,
      value: Math.round(median(rps(which))),
      target: '',
    })),
    {
      figure: 'nxwa-mock / floor (median of rounds)',
      value: `${ratio('mock', 'floor').toFixed(2)}×`,
      target: '≥ 0.6×',
    },
    {
      figure: 'nxwa-mock / bare Prism (median of rounds)',
      value: `${ratio('mock', 'prism').toFixed(2)}×`,
      target: '≥ 1.2×',
    },
    {
      figure: 'cores past the start',
      value: pinning ? 'generator on core 0, each server on core 1 (taskset)' : 'not pinned (Linux, 2 cores, taskset)',
      target: '',
    },
    ...order.map((which) => ({
      figure: `CPU during ${which} rounds, share of one core: server / generator`,
      value: `${pct(cpuOf(which, 'serverCpu'))} / ${pct(cpuOf(which, 'generatorCpu'))}`,
      target: which === 'floor' ? 'generator < server' : '',
    })),
    {
      figure: 'p99 at 100 in flight: nxwa-mock / floor (median of rounds)',
      value: `${median(p99s.mock).toFixed(1)} / ${median(p99s.floor).toFixed(1)} ms = ${(median(p99s.mock) / median(p99s.floor)).toFixed(2)}×`,
      target: '≤ 3×',
    },
    ...hostRows,
    {
      figure: `sustained: ${SUSTAINED.toLocaleString('en')} sends at ${SUSTAINED_CONCURRENCY} in flight, with callbacks`,
      value: `${Math.round(load.rps)}/s, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
      target: '',
    },
    {
      figure: 'sustained: status callbacks the webhook got',
      value: `${delivered.toLocaleString('en')} of ${expected.toLocaleString('en')}`,
      target: 'all',
    },
    {
      figure: 'sustained: RSS at start / after 10,000 sends / peak / end',
      value: `${mb(rss.start)} / ${mb(rss.at10k)} / ${mb(rss.peak)} / ${mb(rss.end)}`,
      target: 'end ≤ 1.2× after 10,000; peak ≤ 300 MB',
    },
  ]);
} finally {
  for (const child of [all, ...mocks.map((m) => m.child), ...floors.map((f) => f.child), sustained])
    if (child) await stop(child);
  // Prism's CLI starts a worker of its own: its whole process group goes.
  try {
    process.kill(-prism.pid, 'SIGTERM');
  } catch {
    prism.kill('SIGTERM');
  }
  hook?.close();
  hook?.closeAllConnections?.();
}
