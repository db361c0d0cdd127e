// The inspection API, on every host's port: what the sandbox recorded, and a reset.
//   GET    /__nxwa/messages            newest first; ?to=…&status=…&accessKey=… filter
//   GET    /__nxwa/messages/{id}       one message: its timeline and callback attempts (404 when unknown);
//                                      ?accessKey=… picks the account's when two used the same ID
//   DELETE /__nxwa/state               forget everything recorded (204)
import type { Answer } from '../http/answer.js';
import type { MessageStatus, MessageStore } from '../sandbox/messages/store.js';

const STATUSES = new Set(['accepted', 'sent', 'delivered', 'read', 'failed', 'received']);
const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

/** Answers a request to the inspection API; undefined when the path is not one of it. */
export function inspect(method: string, url: URL, store: MessageStore): Answer | undefined {
  const path = url.pathname;
  if (!path.startsWith('/__nxwa/')) return undefined;
  if (path === '/__nxwa/messages') {
    if (method !== 'GET') return json(405, { error: `${method} is not allowed on ${path}; use GET.` });
    const status = url.searchParams.get('status') ?? undefined;
    if (status !== undefined && !STATUSES.has(status))
      return json(400, { error: `status must be one of ${[...STATUSES].join(', ')}; got ${JSON.stringify(status)}.` });
    const messages = store.list({
      to: url.searchParams.get('to') ?? undefined,
      status: status as MessageStatus | undefined,
      accessKey: url.searchParams.get('accessKey') ?? undefined,
    });
    return json(200, { messages });
  }
  const one = /^\/__nxwa\/messages\/([^/]+)$/.exec(path);
  if (one) {
    if (method !== 'GET') return json(405, { error: `${method} is not allowed on ${path}; use GET.` });
    let id: string;
    try {
      id = decodeURIComponent(one[1]);
    } catch {
      return json(400, { error: 'The message ID in the path is not valid percent-encoding.' });
    }
    const message = store.get(id, url.searchParams.get('accessKey') ?? undefined);
    return message
      ? json(200, message)
      : json(404, { error: `No message ${JSON.stringify(id)} was recorded (or it was reset).` });
  }
  if (path === '/__nxwa/state') {
    if (method !== 'DELETE') return json(405, { error: `${method} is not allowed on ${path}; use DELETE.` });
    store.reset();
    return { status: 204, body: '' };
  }
  return json(404, {
    error: `No inspection endpoint ${path}: GET /__nxwa/messages, GET /__nxwa/messages/{id}, DELETE /__nxwa/state, POST /__nxwa/inbound.`,
  });
}
