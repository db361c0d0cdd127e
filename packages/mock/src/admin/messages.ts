// The inspection API: what the sandbox recorded.
//   GET    /__nxwa/messages            newest first; ?to=…&status=…&accessKey=… filter
//   GET    /__nxwa/messages/{id}       one message: its timeline and callback attempts (404 when unknown);
//                                      ?accessKey=… picks the account's when two used the same ID
import type { Answer } from '../http/answer.js';
import { MESSAGE_STATUSES, type MessageStatus, type MessageStore } from '../sandbox/messages/store.js';

const STATUSES = new Set<string>(MESSAGE_STATUSES);
const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export function listMessages(url: URL, store: MessageStore): Answer {
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

/** `encodedId`: the ID as it stands in the path. */
export function getMessage(url: URL, encodedId: string, store: MessageStore): Answer {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return json(400, { error: 'The message ID in the path is not valid percent-encoding.' });
  }
  const message = store.get(id, url.searchParams.get('accessKey') ?? undefined);
  return message
    ? json(200, message)
    : json(404, { error: `No message ${JSON.stringify(id)} was recorded (or it was reset).` });
}
