// The sandbox's record of messages: every accepted send (and every simulated inbound message), with its timeline
// of statuses and its callback attempts. Shared by the hosts of one mock; in memory, the newest `limit` kept (older
// ones are dropped first). Keyed by account and ID: two accounts that use the same cus_message_id keep two messages.
import { randomBytes } from 'node:crypto';

import { type CallbackStatus, STATUSES, type StatusError } from '../../callbacks/payloads.js';
import { interner } from '../../http/texts.js';
import { isoNow } from '../../http/time.js';

export type { StatusError };

/** A message's statuses: accepted by the mock, then what its callbacks report; `received` for an inbound one. */
export const MESSAGE_STATUSES = ['accepted', ...STATUSES, 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What changed: one message (recorded, advanced, attempted, or dropped when it is gone), or everything (reset). */
export type MessageChange = { kind: 'message'; id: string; accessKey: string; duplicate?: number } | { kind: 'reset' };

export interface TimelineEvent {
  status: MessageStatus;
  /** ISO 8601 time of the event. */
  at: string;
  /** For `failed`: the error its callback carries. */
  error?: StatusError;
}

export interface CallbackAttempt {
  /** The status (or `received`, for an inbound message) the callback reports. */
  status: Exclude<MessageStatus, 'accepted'>;
  url: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  at: string;
  /** The webhook's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why the attempt failed, when it did (no answer, a redirect, a status other than 2xx, …). */
  error?: string;
}

export interface MockMessage {
  id: string;
  host: string;
  /** `outbound`: a send accepted by the mock; `inbound`: a user's message simulated with `POST /__nxwa/inbound`. */
  direction: 'outbound' | 'inbound';
  /** `POST /api/wa/mt`, …; `POST /__nxwa/inbound` for an inbound message. */
  operation: string;
  accessKey: string;
  to?: string;
  /** The sender: the user, for an inbound message; the business number (`business_phone`) of a send that names one. */
  from?: string;
  /**
   * The send's request body, or the inbound message: whole up to {@link KEPT_BODY_BYTES} of JSON, else a note of its
   * size; the newest {@link KEPT_BODIES_BYTES} of bodies are kept, older ones become a note. Kept as its JSON, so
   * each read decodes a fresh copy.
   */
  body: unknown;
  /** The current status: the last of the timeline. */
  status: MessageStatus;
  timeline: TimelineEvent[];
  callbacks: CallbackAttempt[];
  /** For a send: where its status callbacks go; `null` when it set no `dr_webhook` and the mock has no webhook. */
  webhook?: string | null;
  /** A send with the ID of an earlier one of the account (a retried send, a reused cus_message_id): 2 for the second, … */
  duplicate?: number;
  /** An inbound message the business answered with a typing indicator (see sandbox/messages/read.ts). */
  typing?: TypingIndicator;
}

/** A typing indicator shown to the user: from `at` until `until`, or until the business replied (`endedAt`). */
export interface TypingIndicator {
  at: string;
  until: string;
  endedAt?: string;
  endedBy?: 'reply';
}

export interface MessageFilter {
  to?: string;
  status?: MessageStatus;
  accessKey?: string;
}

/** A message's body is kept whole up to this size: the record must not hold a run's worth of large bodies. */
export const KEPT_BODY_BYTES = 64 * 1024;

/** Bytes of bodies the record keeps in all: past it the oldest messages keep a note in place of their bodies. */
export const KEPT_BODIES_BYTES = 32 * 1024 * 1024;

// Random bytes drawn 4 KiB at a time: one draw per message cost more than the rest of recording it.
let pool = Buffer.alloc(0);
let used = 0;

/** A fresh message ID, shaped like the documented ones (letters and digits). */
export const newMessageId = () => {
  if (used + 12 > pool.length) {
    pool = randomBytes(4_096);
    used = 0;
  }
  used += 12;
  // Joined, not concatenated: one flat string, where `+` keeps two (and a third once it is hashed).
  return ['mock', pool.toString('hex', used - 12, used)].join('');
};

/**
 * A message's statuses still to come, worked out when the message is read: its timeline sets this slot while no
 * one listens for statuses as they fall due (see timeline.ts), and reading `status` or `timeline` adds those due.
 */
export const PLANNED = Symbol('statuses still to come');
/** Slots of the message for what sets PLANNED: numbers, held in the message itself rather than in an object of their own. */
export const PLAN_START = Symbol('plan started at');
export const PLAN_NEXT = Symbol('next planned status');
export interface Planned {
  reckon(message: MockMessage): void;
}

const BODY = Symbol('body as JSON');
const STATUS = Symbol('status');
const TIMELINE = Symbol('timeline');
const RECORDED_AT = Symbol('recorded at');
const BODY_SIZE = Symbol('bytes of the kept body');
// The key it is stored under, made once.
const KEY = Symbol('key');

/** The callbacks of a message that has had none: one array for all, replaced by the message's own at its first. */
const NO_CALLBACKS: CallbackAttempt[] = Object.freeze([]) as unknown as CallbackAttempt[];

/**
 * A stored message: its fields are its own data, but for `body`, `status` and `timeline`, which the class reads from
 * slots — the body from its JSON (see keepBody), a fresh copy on each read; the status and timeline after the
 * statuses due are reckoned. Accessors of the class, not of each message: defining them on every message cost a
 * send more than the rest of recording it. The timeline is made when first read or added to: until then the message
 * has one status, given when it was recorded. Every object a message holds is kept through a thousand more sends,
 * which the GC pays for on every send: none is made before it is needed. JSON sees every field through `toJSON`; a
 * copy is made with {@link plainMessage}.
 */
class StoredMessage {
  [BODY]: string | Buffer | { value: unknown } | undefined = undefined;
  [STATUS]: MessageStatus;
  [TIMELINE]: TimelineEvent[] | undefined;
  [RECORDED_AT]: string;
  [PLANNED]: Planned | undefined = undefined;
  [PLAN_START] = 0;
  [PLAN_NEXT] = 0;
  /** Bytes of its body counted toward the bound of all bodies; 0 once none is kept. */
  [BODY_SIZE] = 0;
  [KEY] = '';

  constructor(fields: object | undefined, status: MessageStatus, recordedAt: string, timeline?: TimelineEvent[]) {
    this[STATUS] = status;
    this[RECORDED_AT] = recordedAt;
    this[TIMELINE] = timeline;
    // Outbound unless the fields say otherwise; first, as the field a reader looks for first.
    (this as Record<string, unknown>).direction = 'outbound';
    if (fields) Object.assign(this, fields);
  }

  get body(): unknown {
    const held = this[BODY];
    if (typeof held === 'string') return JSON.parse(held);
    return Buffer.isBuffer(held) ? JSON.parse(held.toString('utf8')) : held?.value;
  }
  set body(value: unknown) {
    this[BODY] = { value };
  }
  get status(): MessageStatus {
    this[PLANNED]?.reckon(this as unknown as MockMessage);
    return this[STATUS];
  }
  set status(value: MessageStatus) {
    timelineOf(this);
    this[STATUS] = value;
  }
  get timeline(): TimelineEvent[] {
    this[PLANNED]?.reckon(this as unknown as MockMessage);
    return timelineOf(this);
  }
  set timeline(value: TimelineEvent[]) {
    this[TIMELINE] = value;
  }

  /** Every field as data: the body, the status and the timeline come before the callbacks. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const own = Object.keys(this);
    for (const key of own) {
      if (key === 'callbacks') Object.assign(out, { body: this.body, status: this.status, timeline: this.timeline });
      out[key] = (this as Record<string, unknown>)[key];
    }
    if (!own.includes('callbacks'))
      Object.assign(out, { body: this.body, status: this.status, timeline: this.timeline });
    return out;
  }
}

/** The message's timeline, made now if it has had only the status it was recorded with (not reckoned). */
function timelineOf(m: StoredMessage): TimelineEvent[] {
  let timeline = m[TIMELINE];
  if (!timeline) m[TIMELINE] = timeline = [{ status: m[STATUS], at: m[RECORDED_AT] }];
  return timeline;
}

/** A message's fields as one plain object (its body decoded afresh; the rest as held). */
export const messageFields = (m: MockMessage): MockMessage =>
  (m instanceof StoredMessage ? m.toJSON() : m) as unknown as MockMessage;

/** A stored message as one plain object, every field a copy: what the mock hands out of its record. */
export const plainMessage = (m: MockMessage): MockMessage => structuredClone(messageFields(m));

/** A stored message with these fields, status and timeline (its body is given by keepBody). */
function stored(fields: object, status: MessageStatus, recordedAt: string, timeline?: TimelineEvent[]): MockMessage {
  const m = new StoredMessage(fields, status, recordedAt, timeline);
  m[KEY] = keyOf(m as unknown as MockMessage);
  return m as unknown as MockMessage;
}

/** The fields of an accepted send, as the sends record it (see `recordSend`). */
export interface SendFields {
  id: string;
  host: string;
  operation: string;
  accessKey: string;
  to: string | undefined;
  from: string | undefined;
  webhook: string | null;
}

/** A message is its account and its ID: two accounts may use the same cus_message_id. */
export const keyOf = (m: { accessKey: string; id: string; duplicate?: number }) =>
  (m.duplicate ? [m.accessKey, m.id, m.duplicate] : [m.accessKey, m.id]).join('\u0000');

/**
 * A body up to this size is kept as its JSON text, in V8's heap; a larger one as bytes outside it (see
 * records/packed.ts), so that the record of a thousand large bodies does not make the heap grow past them.
 */
const IN_HEAP_BODY_BYTES = 4 * 1024;

export function createMessageStore(limit = 1_000, maxBodyBytes = KEPT_BODIES_BYTES) {
  const intern = interner();
  // Insertion order is age: the first key is the oldest.
  const messages = new Map<string, MockMessage>();
  // Bytes of the bodies kept: each message holds its own count (see BODY_SIZE); the oldest are found in `messages`.
  let bodyBytes = 0;
  // The notes a body is replaced with, as JSON: each read decodes its own copy.
  const DROPPED = JSON.stringify({ omitted: 'the message was dropped from the record' });
  const OLDER = JSON.stringify({
    omitted: `the record keeps the newest ${maxBodyBytes} bytes of bodies; this one was older`,
  });
  const release = (m: MockMessage, note: string) => {
    const held = m as unknown as StoredMessage;
    if (held[BODY_SIZE] === 0) return;
    bodyBytes -= held[BODY_SIZE];
    held[BODY_SIZE] = 0;
    held[BODY] = note;
  };
  // Keeps `body` on the message: its JSON up to KEPT_BODY_BYTES (else a note), within the bound of all bodies.
  const keepBody = (m: MockMessage, body: unknown, json?: string) => {
    const text = json ?? JSON.stringify(body) ?? 'null';
    const size = Buffer.byteLength(text);
    if (size > KEPT_BODY_BYTES) {
      m.body = { omitted: `a body of ${size} bytes is not kept` };
      return;
    }
    const held = m as unknown as StoredMessage;
    held[BODY] = size <= IN_HEAP_BODY_BYTES ? text : Buffer.from(text);
    held[BODY_SIZE] = size;
    bodyBytes += size;
    // The message itself is not in the record yet: the older ones go first.
    if (bodyBytes > maxBodyBytes)
      for (const oldest of messages.values()) {
        if (bodyBytes <= maxBodyBytes) break;
        release(oldest, OLDER);
      }
  };
  // Told of every change (the live inspector, the state file); every mutator calls it. `timely`: how many of them
  // must hear of each status as it falls due; `wakers` are told when the first of those comes.
  const listeners = new Set<(change: MessageChange) => void>();
  let timely = 0;
  const wakers = new Set<() => void>();
  const changed = (change: MessageChange) => {
    for (const listener of listeners) listener(change);
  };
  const changedMessage = (m: { accessKey: string; id: string; duplicate?: number }) =>
    listeners.size > 0 &&
    changed(
      m.duplicate
        ? { kind: 'message', id: m.id, accessKey: m.accessKey, duplicate: m.duplicate }
        : { kind: 'message', id: m.id, accessKey: m.accessKey },
    );
  // Told of every reset: what was scheduled for the messages it forgot stops.
  // Whether the message is still the one recorded under its key (not dropped, reset or replaced by a newer send).
  const current = (m: MockMessage) => messages.get((m as any)[KEY] ?? keyOf(m)) === m;
  // Through the slots, not the fields: reading a field would reckon the statuses this is adding.
  const add = (m: MockMessage, status: MessageStatus, error: StatusError | undefined, at: string) => {
    if (!current(m)) return undefined;
    const event: TimelineEvent = error ? { status, at, error } : { status, at };
    timelineOf(m as unknown as StoredMessage).push(event);
    (m as any)[STATUS] = status;
    return event;
  };
  // A message made by `record` or `recordSend` enters the record, with its body.
  const enter = (m: MockMessage, body: unknown, bodyJson?: string): MockMessage => {
    m.callbacks = NO_CALLBACKS;
    keepBody(m, body, bodyJson);
    // A second send with the same ID does not replace the first: both are kept, the later one marked.
    if (messages.has((m as any)[KEY])) {
      let n = 2;
      while (messages.has(keyOf({ accessKey: m.accessKey, id: m.id, duplicate: n }))) n++;
      m.duplicate = n;
      (m as any)[KEY] = keyOf(m);
    }
    messages.set((m as any)[KEY], m);
    if (messages.size > limit) {
      const oldest = messages.values().next().value!;
      messages.delete((oldest as any)[KEY]);
      // Callbacks still under way hold the message to record their attempts; they need not hold its body too.
      release(oldest, DROPPED);
      changedMessage(oldest);
    }
    changedMessage(m);
    return m;
  };
  return {
    /** Records a message; `bodyJson`: the body's JSON text, when the caller has it (a send's own request). */
    record(
      message: Omit<MockMessage, 'status' | 'timeline' | 'callbacks' | 'direction'> & {
        direction?: MockMessage['direction'];
        status?: MessageStatus;
        bodyJson?: string;
      },
    ): MockMessage {
      const { bodyJson, body, status: given, ...rest } = message;
      // The account and numbers of one message are those of many: each kept once (see `intern`).
      rest.accessKey = intern(rest.accessKey);
      if (rest.to !== undefined) rest.to = intern(rest.to);
      if (rest.from !== undefined) rest.from = intern(rest.from);
      // A field the store does not know is kept as it came.
      return enter(stored(rest, given ?? 'accepted', isoNow()), body, bodyJson);
    },
    /**
     * Records an accepted send, as `record` does: the sends' own way in, whose fields are known, so that none is
     * copied from one object to another on every send.
     */
    recordSend(send: SendFields, body: unknown, bodyJson?: string): MockMessage {
      const m = new StoredMessage(undefined, 'accepted', isoNow()) as unknown as MockMessage;
      m.id = send.id;
      m.host = send.host;
      m.operation = send.operation;
      m.accessKey = intern(send.accessKey);
      m.to = send.to === undefined ? undefined : intern(send.to);
      m.from = send.from === undefined ? undefined : intern(send.from);
      m.webhook = send.webhook;
      (m as any)[KEY] = keyOf(m);
      return enter(m, body, bodyJson);
    },
    /** Adds a status to a message's timeline; undefined when the message is no longer recorded (dropped or reset). */
    advance(message: MockMessage, status: MessageStatus, error?: StatusError): TimelineEvent | undefined {
      const event = add(message, status, error, isoNow());
      if (event) changedMessage(message);
      return event;
    },
    /**
     * Adds a status that fell due at `atMs` while no one listened for statuses as they fall due (see
     * {@link onChange}): reckoned when the message is read, it is told to no listener.
     */
    reckon(message: MockMessage, status: MessageStatus, error: StatusError | undefined, atMs: number): void {
      add(message, status, error, new Date(atMs).toISOString());
    },
    /** Sets or clears a message's typing indicator; false when the message is no longer recorded. */
    setTyping(message: MockMessage, typing: TypingIndicator | undefined): boolean {
      if (!current(message)) return false;
      if (typing) message.typing = typing;
      else delete message.typing;
      changedMessage(message);
      return true;
    },
    attempt(message: MockMessage, attempt: Omit<CallbackAttempt, 'at'> & { at?: string }): void {
      if (!current(message)) return;
      if (message.callbacks === NO_CALLBACKS) message.callbacks = [];
      message.callbacks.push({ ...attempt, at: attempt.at ?? isoNow() });
      changedMessage(message);
    },
    /** The message with this ID (of this account; without one, the newest of any account). */
    get(id: string, accessKey?: string): MockMessage | undefined {
      if (accessKey !== undefined) return messages.get(keyOf({ accessKey, id }));
      let found: MockMessage | undefined;
      // The first send with the ID, not a later duplicate of it.
      for (const m of messages.values()) if (m.id === id && !m.duplicate) found = m;
      return found;
    },
    /** Newest first. */
    list(filter: MessageFilter = {}): MockMessage[] {
      const out: MockMessage[] = [];
      for (const m of messages.values()) {
        if (
          (filter.to === undefined || m.to === filter.to) &&
          (filter.status === undefined || m.status === filter.status) &&
          (filter.accessKey === undefined || m.accessKey === filter.accessKey)
        )
          out.push(m);
      }
      return out.reverse();
    },
    reset(): void {
      messages.clear();
      bodyBytes = 0;
      changed({ kind: 'reset' });
    },
    /**
     * Calls `listener` after every change, synchronously; returns the call that stops it. A listener that need not
     * hear of each status as it falls due says `timely: false`: while only such listeners listen, the statuses of a
     * send without a webhook are reckoned when the message is read, and told to none.
     */
    onChange(listener: (change: MessageChange) => void, { timely: isTimely = true } = {}): () => void {
      const counted = isTimely && !listeners.has(listener);
      listeners.add(listener);
      if (counted && timely++ === 0) for (const wake of wakers) wake();
      return () => {
        if (listeners.delete(listener) && counted) timely--;
      };
    },
    /** Whether a listener must hear of each status as it falls due. */
    get timely(): boolean {
      return timely > 0;
    },
    /** Calls `wake` whenever a first listener that must hear of each status as it falls due comes. */
    onTimely(wake: () => void): void {
      wakers.add(wake);
    },
    /** Every message, oldest first (for the state file). */
    snapshot: (): MockMessage[] => [...messages.values()],
    /** Every message, oldest first, as held: not to be changed while iterated. */
    values: (): IterableIterator<MockMessage> => messages.values(),
    /** Replaces the record with these messages, oldest first; the newest `limit` are kept. */
    restore(list: MockMessage[]): void {
      messages.clear();
      bodyBytes = 0;
      // A file written before messages had a direction holds sends only.
      for (const m of list.slice(-limit)) {
        const { status, timeline, ...fields } = m;
        const restored = stored(
          { ...fields, direction: m.direction ?? 'outbound' },
          status,
          timeline[0]?.at ?? isoNow(),
          timeline,
        );
        // A file written before sends recorded their business number as `from`: it is in the body.
        const business = (m.body as Record<string, unknown> | undefined)?.business_phone;
        if (restored.direction === 'outbound' && restored.from === undefined && typeof business === 'string')
          restored.from = business;
        keepBody(restored, m.body);
        messages.set((restored as any)[KEY], restored);
      }
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
