// The inspection API: what the sandbox recorded.
//   GET    /__nxwa/messages            newest first; ?to=…&status=…&accessKey=… filter
//   GET    /__nxwa/messages/{id}       one message: its timeline and callback attempts (404 when unknown);
//                                      ?accessKey=… picks the account's when two used the same ID
import type { Answer } from '../http/answer.js';
import type { MessageStatus, MessageStore } from '../sandbox/messages/store.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export function listMessages(url: URL, store: MessageStore): Answer {
  // Checked against the mock's API (a MessageStatus) before it gets here.
  const status = url.searchParams.get('status') ?? undefined;
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
