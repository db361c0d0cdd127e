// The sandbox's record of messages: every accepted send, with its timeline of statuses and its callback attempts.
// Shared by the hosts of one mock; in memory, the newest `limit` kept (older ones are dropped first).
import { randomBytes } from 'node:crypto';

export type MessageStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

export interface TimelineEvent {
  status: MessageStatus;
  /** ISO 8601 time of the event. */
  at: string;
}

export interface CallbackAttempt {
  status: Exclude<MessageStatus, 'accepted'>;
  url: string;
  at: string;
  /** The webhook's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why the attempt failed, when it did (no answer, a redirect, …). */
  error?: string;
}

export interface MockMessage {
  id: string;
  host: string;
  /** `POST /api/wa/mt`, … */
  operation: string;
  accessKey: string;
  to?: string;
  body: unknown;
  /** The current status: the last of the timeline. */
  status: MessageStatus;
  timeline: TimelineEvent[];
  callbacks: CallbackAttempt[];
}

export interface MessageFilter {
  to?: string;
  status?: MessageStatus;
  accessKey?: string;
}

/** A fresh message ID, shaped like the documented ones (letters and digits). */
export const newMessageId = () => `mock${randomBytes(12).toString('hex')}`;

export function createMessageStore(limit = 1_000) {
  // Insertion order is age: the first key is the oldest.
  const messages = new Map<string, MockMessage>();
  const now = () => new Date().toISOString();
  return {
    record(message: Omit<MockMessage, 'status' | 'timeline' | 'callbacks'>): MockMessage {
      const stored: MockMessage = { ...message, status: 'accepted', timeline: [{ status: 'accepted', at: now() }], callbacks: [] };
      messages.delete(message.id);
      messages.set(message.id, stored);
      if (messages.size > limit) messages.delete(messages.keys().next().value!);
      return stored;
    },
    /** Adds a status to a message's timeline (unknown IDs — dropped or reset — are ignored). */
    advance(id: string, status: MessageStatus): void {
      const m = messages.get(id);
      if (!m) return;
      m.timeline.push({ status, at: now() });
      m.status = status;
    },
    attempt(id: string, attempt: Omit<CallbackAttempt, 'at'>): void {
      messages.get(id)?.callbacks.push({ ...attempt, at: now() });
    },
    get: (id: string): MockMessage | undefined => messages.get(id),
    /** Newest first. */
    list(filter: MessageFilter = {}): MockMessage[] {
      const out: MockMessage[] = [];
      for (const m of messages.values()) {
        if ((filter.to === undefined || m.to === filter.to) && (filter.status === undefined || m.status === filter.status) && (filter.accessKey === undefined || m.accessKey === filter.accessKey)) out.push(m);
      }
      return out.reverse();
    },
    reset(): void {
      messages.clear();
    },
    /** Every message, oldest first (for the state file). */
    snapshot: (): MockMessage[] => [...messages.values()],
    /** Replaces the record with these messages, oldest first; the newest `limit` are kept. */
    restore(list: MockMessage[]): void {
      messages.clear();
      for (const m of list.slice(-limit)) messages.set(m.id, m);
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
