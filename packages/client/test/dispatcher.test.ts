// Node's timeout path (src/dispatched.ts): with no signal of the caller's and no fetch given, an attempt hands
// Node's own fetch a dispatcher instead of an abort signal. Real fetch, real undici, a real server on 127.0.0.1:
// the timeout still ends the attempt and closes its connection, before the request starts, while the server
// holds it and half-way through its body; the global dispatcher a user set (a slow connector, undici's MockAgent)
// still carries every request; a fetch that drops the dispatcher is timed out all the same and given a signal
// from then on; and nothing is left armed. Orders are fixed by the server's events, never by how long things take.
import { execFile } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi2Client } from '../src/index.js';
import { credentials, textMessage } from './support.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const dispatcherSlot = globalThis as unknown as Record<symbol, unknown>;
const answer = JSON.stringify({
  code: 0,
  message: 'Request successful',
  data: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.loopback' }] },
});

// The server: `/<mode>/…` answers (ok), holds the request (hang) or sends half its body and holds (stall). It
// tells which client port each request came from, and when each connection closed.
const events = new EventEmitter();
const requests: { mode: string; port: number }[] = [];
const held = new Set<ServerResponse>();
const server = createServer((req, res) => {
  const mode = req.url!.split('/')[1]!;
  requests.push({ mode, port: req.socket.remotePort! });
  events.emit(`request:${mode}`);
  req.resume();
  if (mode === 'hang' || mode === 'stall') {
    held.add(res);
    res.on('close', () => events.emit(`closed:${mode}`));
    if (mode === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(answer.length) });
      res.write(answer.slice(0, 10));
    }
    return;
  }
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
});
server.on('connection', (socket: Socket) => {
  const port = socket.remotePort;
  socket.on('close', () => events.emit(`socket-closed:${port}`));
});
let origin = '';

// What each attempt gave fetch, seen by a pass-through around Node's own fetch.
const nodeFetch = globalThis.fetch;
const given: { dispatcher: boolean; signal: boolean }[] = [];
const note = (init: (RequestInit & { dispatcher?: unknown }) | undefined) =>
  given.push({ dispatcher: init?.dispatcher !== undefined, signal: init?.signal != null });
const recorder: typeof fetch = (input, init) => {
  note(init);
  return nodeFetch(input, init);
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = recorder;
});
afterAll(async () => {
  globalThis.fetch = nodeFetch;
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (mode: string, timeoutMs = 30_000) =>
  createApi2Client({ ...credentials, baseUrl: `${origin}/${mode}`, timeoutMs, retry: { attempts: 1 } });
const send = (mode: string, timeoutMs?: number) => client(mode, timeoutMs).POST('/api/wa/mt', { body: textMessage });

describe("on Node, an attempt's timeout is a dispatcher, not an abort signal", () => {
  it('the first attempt takes a signal (the dispatcher code loads meanwhile); later ones a dispatcher and no signal', async () => {
    expect((await send('ok')).data?.messages?.[0]?.id).toBe('wamid.loopback');
    expect(given[0]).toEqual({ dispatcher: false, signal: true });
    // The dispatcher's chunk is loaded by a dynamic import: bounded wait, by count, until an attempt uses it.
    for (let i = 0; i < 100 && !given.at(-1)!.dispatcher; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect((await send('ok')).error).toBeUndefined();
    }
    const from = given.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => send('ok')));
    expect(results.map((r) => r.data?.messages?.[0]?.id)).toEqual(Array(20).fill('wamid.loopback'));
    expect(given.slice(from)).toEqual(Array(20).fill({ dispatcher: true, signal: false }));
  });

  it('a request the server holds times out, as a timeout, and its connection is closed', async () => {
    const closed = once(events, 'closed:hang');
    const { error } = await send('hang', 300);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('got no answer within 300 ms') });
    expect(given.at(-1)).toEqual({ dispatcher: true, signal: false });
    await closed;
  });

  it('an answer whose body stops half-way times out, and its connection is closed', async () => {
    const closed = once(events, 'closed:stall');
    const { error } = await send('stall', 300);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(given.at(-1)).toEqual({ dispatcher: true, signal: false });
    await closed;
  });

  it("the caller's signal is still given to fetch, and aborts", async () => {
    const controller = new AbortController();
    const closed = once(events, 'closed:hang');
    const received = once(events, 'request:hang');
    // A timeout of ten minutes: only the abort can end this call within the test's time.
    const pending = client('hang', 600_000).POST('/api/wa/mt', { body: textMessage, signal: controller.signal });
    // Abort once the server holds the request.
    await received;
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
    expect(given.at(-1)).toEqual({ dispatcher: false, signal: true });
    await closed;
  });

  it("the user's global dispatcher carries the request; one timed out before it starts is cancelled when it would start", async () => {
    const { Agent, setGlobalDispatcher } = await import('undici');
    const previous = dispatcherSlot[GLOBAL_DISPATCHER];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let connected!: (port: number) => void;
    const port = new Promise<number>((resolve) => (connected = resolve));
    // A connector that connects only when the test says so: the request waits, not started, until then.
    const slow = new Agent({
      connect: (options, callback) => {
        void gate.then(() => {
          const socket = connect({ host: options.hostname, port: Number(options.port) });
          socket.once('connect', () => {
            connected(socket.localPort!);
            callback(null, socket);
          });
          socket.once('error', (error) => callback(error, null));
        });
      },
    });
    setGlobalDispatcher(slow);
    try {
      const { error } = await send('preconnect', 300);
      expect(error).toMatchObject({ kind: 'timeout' });
      expect(given.at(-1)).toEqual({ dispatcher: true, signal: false });
      // Now let it connect: the request would start, and is cancelled instead. The server sees a connection that
      // closes without a request.
      release();
      const local = await port;
      await once(events, `socket-closed:${local}`);
      expect(requests.filter((r) => r.mode === 'preconnect' || r.port === local)).toEqual([]);
    } finally {
      setGlobalDispatcher(previous as InstanceType<typeof Agent>);
      await slow.close();
    }
  });

  it("undici's MockAgent as the global dispatcher answers, and matches the body it was sent", async () => {
    const { MockAgent, setGlobalDispatcher } = await import('undici');
    const previous = dispatcherSlot[GLOBAL_DISPATCHER];
    const mock = new MockAgent();
    mock.disableNetConnect();
    const mocked = JSON.stringify({
      code: 0,
      message: 'Request successful',
      data: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.mocked' }] },
    });
    // Fetch hands a mock the body's text only when the dispatcher it was given says a mock is active.
    mock
      .get(origin)
      .intercept({ path: '/mocked/api/wa/mt', method: 'POST', body: (body) => JSON.parse(body).to === textMessage.to })
      .reply(200, mocked, { headers: { 'content-type': 'application/json' } });
    setGlobalDispatcher(mock);
    try {
      const { data, error } = await send('mocked');
      expect(error).toBeUndefined();
      expect(data?.messages?.[0]?.id).toBe('wamid.mocked');
      expect(given.at(-1)).toEqual({ dispatcher: true, signal: false });
      expect(requests.filter((r) => r.mode === 'mocked')).toEqual([]);
      mock.assertNoPendingInterceptors();
    } finally {
      setGlobalDispatcher(previous as InstanceType<typeof MockAgent>);
      await mock.close();
    }
  });

  it('a fetch that drops the dispatcher still times out; once seen answering without it, it is given a signal', async () => {
    const dropping: typeof fetch = (input, init) => {
      note(init);
      const { dispatcher: _, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
      return nodeFetch(input, rest);
    };
    globalThis.fetch = dropping;
    try {
      // Not yet known to drop it: a dispatcher, no signal; the timeout ends the attempt regardless.
      expect((await send('hang', 300)).error).toMatchObject({ kind: 'timeout' });
      expect(given.at(-1)).toEqual({ dispatcher: true, signal: false });
      // Answered without calling the dispatcher: from now on this fetch gets a signal, which cancels.
      expect((await send('ok')).error).toBeUndefined();
      const closed = once(events, 'closed:hang');
      for (const res of held) res.destroy();
      await closed;
      const next = once(events, 'closed:hang');
      expect((await send('hang', 300)).error).toMatchObject({ kind: 'timeout' });
      expect(given.at(-1)).toEqual({ dispatcher: false, signal: true });
      await next;
    } finally {
      globalThis.fetch = recorder;
    }
  });
});

describe('the built entries in a process of their own', () => {
  const run = promisify(execFile);
  it.each(['index.js', 'index.cjs'])(
    '%s: attempts through the dispatcher leave no timer armed, so the process ends by itself',
    async (entry) => {
      const dist = join(import.meta.dirname, '..', 'dist', entry);
      const script = `
      const load = ${entry.endsWith('.cjs') ? `async () => require(${JSON.stringify(dist)})` : `() => import(${JSON.stringify(dist)})`};
      (async () => {
        const { createApi2Client } = await load();
        const [baseUrl, accessKey, accessSecret, body] = process.argv.slice(1);
        const nodeFetch = globalThis.fetch;
        let dispatched = 0;
        globalThis.fetch = (input, init) => ((dispatched += init.dispatcher ? 1 : 0), nodeFetch(input, init));
        // A timeout of ten minutes: an attempt's timer left armed would keep this process alive for that long.
        const api2 = createApi2Client({ baseUrl, accessKey, accessSecret, timeoutMs: 600000 });
        for (let i = 0; i < 30; i++) {
          const { error } = await api2.POST('/api/wa/mt', { body: JSON.parse(body) });
          if (error) throw error;
          await new Promise((resolve) => setImmediate(resolve));
        }
        const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
        console.log(JSON.stringify({ dispatched, timers }));
      })();`;
      const { stdout } = await run(
        process.execPath,
        ['-e', script, `${origin}/ok`, credentials.accessKey, credentials.accessSecret, JSON.stringify(textMessage)],
        { timeout: 120_000 },
      );
      const result = JSON.parse(stdout) as { dispatched: number; timers: number };
      expect(result.dispatched).toBeGreaterThan(20);
      expect(result.timers).toBe(0);
    },
  );
});
