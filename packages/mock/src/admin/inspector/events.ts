// The live inspector's event stream (GET /__nxwa/events): Server-Sent Events, `snapshot` (the newest messages) on
// connect, then `upsert` (a message as it is now) and `drop` (a message no longer kept) as the record changes.
// The stream is fed by the message store's change hook, subscribed only while a page is open; changes are sent in
// batches, each message once per batch however often it changed. A page that cannot keep up is disconnected (its
// browser reconnects and gets a fresh snapshot), so a slow reader never makes the mock buffer without bound.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { keyOf, type MessageChange, type MessageStore } from '../../sandbox/messages/store.js';

export interface InspectorOptions {
  messages: MessageStore;
  host: string;
  log: (line: string) => void;
  /** Open event streams allowed on this port at once (16 by default); one more is answered 503. */
  maxStreams?: number;
  /** How long changes gather before they are sent, in ms (50 by default). */
  batchMs?: number;
  /** A stream whose unsent output passes this many bytes is closed: that page is not reading (4 MiB by default). */
  maxBuffered?: number;
}

/** How many messages a snapshot carries (the newest). */
export const SNAPSHOT_SIZE = 200;
const HEARTBEAT_MS = 20_000;

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

export function createInspector({
  messages,
  host,
  log,
  maxStreams = 16,
  batchMs = 50,
  maxBuffered = 4 * 1024 * 1024,
}: InspectorOptions) {
  const streams = new Set<ServerResponse>();
  const dirty = new Map<string, { id: string; accessKey: string }>();
  let resetPending = false;
  let unsubscribe: (() => void) | undefined;
  let batch: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const snapshot = () => event('snapshot', { messages: messages.list().slice(0, SNAPSHOT_SIZE) });

  function send(chunk: string) {
    for (const res of streams) {
      // Gone already (its close is still to come): nothing to write to.
      if (res.destroyed) continue;
      res.write(chunk);
      if (res.writableLength > maxBuffered) res.destroy();
    }
  }

  function flush() {
    batch = undefined;
    if (resetPending) {
      resetPending = false;
      dirty.clear();
      send(snapshot());
      return;
    }
    let chunk = '';
    for (const [, { id, accessKey }] of dirty) {
      const m = messages.get(id, accessKey);
      chunk += m ? event('upsert', m) : event('drop', { id, accessKey });
    }
    dirty.clear();
    if (chunk) send(chunk);
  }

  function changed(change: MessageChange) {
    if (change.kind === 'reset') resetPending = true;
    else dirty.set(keyOf(change), change);
    batch ??= setTimeout(flush, batchMs).unref();
  }

  function detach(res: ServerResponse) {
    if (!streams.delete(res) || streams.size > 0) return;
    // Nobody watches: nothing is done on changes any more.
    unsubscribe?.();
    unsubscribe = undefined;
    clearTimeout(batch);
    clearInterval(heartbeat);
    batch = heartbeat = undefined;
    dirty.clear();
    resetPending = false;
  }

  function openStream(res: ServerResponse) {
    if (streams.size >= maxStreams) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      res.end(
        JSON.stringify({
          error: `At most ${maxStreams} inspector pages can be open on one port at once; close one, or read GET /__nxwa/messages.`,
        }),
      );
      return 503;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // The browser reconnects after a second when the stream breaks, and gets a fresh snapshot.
    res.write(`retry: 1000\n\n${snapshot()}`);
    streams.add(res);
    unsubscribe ??= messages.onChange(changed);
    heartbeat ??= setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS).unref();
    // The response's close, not the request's: a request closes as soon as its (empty) body is read.
    res.on('close', () => detach(res));
    return 200;
  }

  return {
    /** GET or HEAD /__nxwa/events: opens a stream (a HEAD gets its headers only); writes the response itself. */
    stream(req: IncomingMessage, res: ServerResponse): void {
      let status = 200;
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
        res.end();
      } else {
        status = openStream(res);
      }
      log(`${host} ${req.method} /__nxwa/events → ${status}`);
    },
    /** Open event streams. */
    get streams(): number {
      return streams.size;
    },
    /** Ends every open event stream (the mock is stopping). */
    close(): void {
      for (const res of [...streams]) {
        res.end();
        detach(res);
      }
    },
  };
}
