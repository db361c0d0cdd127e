// api2's markMessageAsRead and typingIndicator on the messages a business number received (simulated with
// POST /__nxwa/inbound). Marking read moves the message to `read`. A typing indicator marks it read too and is shown
// to the user from then until the business's next message to that user, or for 25 s, whichever comes first (the
// vendor's page): the record keeps when it started, when it would end, and whether a reply ended it, so whether it
// shows is a matter of the reader's clock (`typingShown`) and needs no timer.
import type { Answer } from '../../http/answer.js';
import { digitsOf, type SandboxRequest, success, unknownParameter } from '../request.js';
import type { MessageChange, MessageStore, MockMessage } from './store.js';

/** How long a typing indicator shows without a reply (the vendor's page). */
export const TYPING_MS = 25_000;

/** Whether the message's typing indicator shows at time `at` (ms since the epoch). */
export function typingShown(m: Pick<MockMessage, 'typing'>, at: number): boolean {
  return m.typing !== undefined && m.typing.endedAt === undefined && at < Date.parse(m.typing.until);
}

export interface ReadsOptions {
  messages: MessageStore;
  /** The sandbox's clock, in ms since the epoch (injectable for tests). */
  now?: () => number;
}

export function createReads({ messages, now = Date.now }: ReadsOptions) {
  // Inbound messages whose typing indicator may still show: a reply has to end only these.
  const typing = new Set<MockMessage>();
  const isAnswer = (v: MockMessage | Answer): v is Answer => typeof v.status === 'number';

  /** The received message the request names, or the parameter code naming the field at fault. */
  function received(req: SandboxRequest): MockMessage | Answer {
    const id = String(req.body?.message_id);
    const m = messages.get(id, req.accessKey);
    if (!m || m.direction !== 'inbound')
      return unknownParameter(
        req,
        `message_id: no message ${JSON.stringify(id)} was received with this accessKey (received messages are simulated with POST /__nxwa/inbound)`,
      );
    if (digitsOf(m.to) !== digitsOf(req.body?.business_phone))
      return unknownParameter(
        req,
        `business_phone: message ${JSON.stringify(id)} was received by ${m.to}, not ${String(req.body?.business_phone)}`,
      );
    return m;
  }

  const markRead = (m: MockMessage) => {
    if (m.status !== 'read') messages.advance(m, 'read');
  };

  // The business's next message to the user ends the indicator: any send recorded to that user from that number.
  // Listened to only while an indicator may show: the record tells its changes to no one when no one listens.
  let stopListening: (() => void) | undefined;
  const listen = () => {
    stopListening ??= messages.onChange(replied, { timely: false });
  };
  const settle = () => {
    if (typing.size > 0) return;
    stopListening?.();
    stopListening = undefined;
  };
  function replied(change: MessageChange) {
    if (change.kind === 'reset') {
      typing.clear();
      return settle();
    }
    const sent = messages.get(change.id, change.accessKey);
    // Sends as they are recorded, not their statuses: those may be reckoned when read.
    if (!sent || sent.direction !== 'outbound' || sent.timeline.length !== 1 || sent.callbacks.length !== 0) return;
    const business = digitsOf(sent.from);
    const at = now();
    for (const m of [...typing]) {
      if (!typingShown(m, at)) {
        typing.delete(m);
        continue;
      }
      if (m.accessKey !== sent.accessKey || digitsOf(m.from) !== digitsOf(sent.to) || digitsOf(m.to) !== business)
        continue;
      typing.delete(m);
      messages.setTyping(m, { ...m.typing!, endedAt: new Date(at).toISOString(), endedBy: 'reply' });
    }
    settle();
  }
  // After a restart from the state file: the indicators still showing.
  for (const m of messages.snapshot()) if (typingShown(m, now())) typing.add(m);
  if (typing.size > 0) listen();

  return {
    markMessageAsRead(req: SandboxRequest): Answer {
      const m = received(req);
      if (isAnswer(m)) return m;
      markRead(m);
      return success(req.family, null);
    },
    sendTypingIndicator(req: SandboxRequest): Answer {
      const message = received(req);
      if (isAnswer(message)) return message;
      markRead(message);
      const at = now();
      for (const m of typing) if (!typingShown(m, at)) typing.delete(m);
      messages.setTyping(message, {
        at: new Date(at).toISOString(),
        until: new Date(at + TYPING_MS).toISOString(),
      });
      typing.add(message);
      listen();
      return success(req.family, null);
    },
  };
}

export type Reads = ReturnType<typeof createReads>;
