// POST /__nxwa/messages/{id}/status: a sent message's life driven by hand — `{ "status": "delivered" | "read" |
// "failed" }` moves it there at once (the statuses before it that it has not had, in order), and each status's
// callback goes out as a timed one would; what was still planned is dropped. `accessKey` picks the account's message
// when two used the same ID. Answers the message as it is then (its callbacks may still be on their way).
import type { Answer } from '../http/answer.js';
import type { MessageStore } from '../sandbox/messages/store.js';
import { MANUAL_STATUSES, type ManualStatus, type Timelines } from '../sandbox/messages/timeline.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export function driveMessage(
  raw: Buffer,
  encodedId: string,
  messages: MessageStore,
  timelines: Pick<Timelines, 'drive'> | undefined,
): Answer {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return json(400, { error: 'The message ID in the path is not valid percent-encoding.' });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8') || 'null');
  } catch (error) {
    return json(400, { error: `The body is not valid JSON (${(error as Error).message}); expected { "status": … }.` });
  }
  const { status, accessKey } = (body ?? {}) as { status?: unknown; accessKey?: unknown };
  if (typeof status !== 'string' || !(MANUAL_STATUSES as readonly string[]).includes(status))
    return json(400, {
      error: `status must be one of ${MANUAL_STATUSES.join(', ')}; got ${status === undefined ? 'nothing' : JSON.stringify(status)}.`,
    });
  if (accessKey !== undefined && typeof accessKey !== 'string')
    return json(400, {
      error: `accessKey must be a string (the account that sent the message); got ${JSON.stringify(accessKey)}.`,
    });
  const message = messages.get(id, accessKey);
  if (!message) return json(404, { error: `No message ${JSON.stringify(id)} was recorded (or it was reset).` });
  if (message.direction === 'inbound')
    return json(409, { error: `Message ${id} is inbound: only a sent message has statuses to drive.` });
  const why = timelines ? timelines.drive(message, status as ManualStatus) : 'this port drives no timelines';
  if (why) return json(409, { error: `Message ${id} cannot be made ${status}: ${why}.` });
  return json(200, message);
}
