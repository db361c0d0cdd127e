// A sent message's life after the mock accepted it: its timeline advances one planned status every `stepMs`
// (webhook or not, so that the inspection API shows progress), and each status, as it enters the timeline, becomes
// a status callback to the webhook, if there is one. A message's callbacks go out one after another in timeline
// order (a retried one holds back the next), however far the timeline has moved on meanwhile.
//
// A clock steps a timeline only when something must hear of each status as it falls due: a webhook, or a listener
// of the message store (the inspector, a wait, the state file). Otherwise its statuses are reckoned when the message
// is read, each stamped with the time it fell due; a listener that comes later wakes the clock for what is to come.

import type { CallbackCredentials, Delivery } from '../../callbacks/deliver.js';
import { conversationOrigin, DOCUMENTED_FAILURE, statusPayload } from '../../callbacks/payloads.js';
import type { Family } from '../../http/answer.js';
import type { PlannedStatus } from './recipients.js';
import { type MessageStore, type MockMessage, PLAN_NEXT, PLAN_START, PLANNED, type Planned } from './store.js';

/** The statuses a message can be driven to by hand. */
export const MANUAL_STATUSES = ['delivered', 'read', 'failed'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

const ORDER = ['accepted', 'sent', 'delivered', 'read'];

/** The statuses that take a message from `current` to `target`, or why it cannot go there. */
export function manualSteps(current: string, target: ManualStatus): PlannedStatus[] | string {
  if (current === 'failed') return 'it has failed already';
  if (target === 'failed') return [{ status: 'failed', error: DOCUMENTED_FAILURE }];
  const from = ORDER.indexOf(current);
  const to = ORDER.indexOf(target);
  if (from < 0) return `its status ${current} has no next one`;
  if (from >= to) return `it is ${current} already`;
  return ORDER.slice(Math.max(from + 1, 1), to + 1).map((status) => ({ status }) as PlannedStatus);
}

export interface Timeline {
  message: MockMessage;
  /** The message's body, when the caller has it parsed (else it is read from the record). */
  body?: Record<string, unknown>;
  family: Family;
  statuses: readonly PlannedStatus[];
  /** Where its status callbacks go, signed with these credentials; none without a webhook. */
  webhook?: { url: string; credentials: CallbackCredentials };
}

/** What every status callback of a message carries, from its record and its body. */
function callbackFields(message: MockMessage, family: Family, given?: Record<string, unknown>) {
  const body = given ?? (message.body as Record<string, unknown> | undefined);
  return {
    family,
    messageId: message.id,
    to: message.to,
    businessPhone: typeof body?.business_phone === 'string' ? body.business_phone : undefined,
    opaque: typeof body?.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined,
    origin: conversationOrigin(family, message.operation, body),
  };
}

// Reckoned timelines keep their start as ms since this: a small whole number, which V8 holds in the message itself.
const EPOCH = Date.now();

export function createTimelines({
  stepMs,
  delivery,
  messages,
}: {
  stepMs: number;
  delivery: Delivery;
  messages: MessageStore;
}) {
  /**
   * The timelines on one plan that nobody hears as their statuses fall due: each status is reckoned when its message
   * is read, stamped with the time it fell due. Shared by every message on the plan (a life per message, kept through
   * a thousand more sends, cost about a tenth of a send in the bench): what is particular to a message is in its slots
   * PLAN_START and PLAN_NEXT. A message gets a life of its own when it must be stepped, driven or cancelled.
   */
  class Reckoner implements Planned {
    constructor(readonly statuses: readonly PlannedStatus[]) {}

    reckon(m: MockMessage) {
      const { statuses } = this;
      const held = m as any;
      const startedAt = EPOCH + held[PLAN_START];
      const due =
        stepMs === 0 ? statuses.length : Math.min(statuses.length, Math.floor((Date.now() - startedAt) / stepMs));
      while (held[PLAN_NEXT] < due) {
        const { status, error } = statuses[held[PLAN_NEXT]++];
        messages.reckon(m, status, error, startedAt + held[PLAN_NEXT] * stepMs);
      }
    }

    /** Whether the message has statuses still to come at `now`. */
    ongoing(m: MockMessage, now: number) {
      const held = m as any;
      return held[PLAN_NEXT] < this.statuses.length && EPOCH + held[PLAN_START] + this.statuses.length * stepMs > now;
    }
  }
  const reckoners = new WeakMap<readonly PlannedStatus[], Reckoner>();
  const reckonerOf = (statuses: readonly PlannedStatus[]) => {
    let found = reckoners.get(statuses);
    if (!found) reckoners.set(statuses, (found = new Reckoner(statuses)));
    return found;
  };

  /** One message's life: its timeline still to come, and its callbacks one after another. */
  class Life implements Planned {
    /** The next planned status. */
    next = 0;
    /** When the send was accepted (ms since the epoch). */
    startedAt = Date.now();
    cancelled = false;
    timelineDone = false;
    inFlight = 0;
    /** Cancels the callback under way too (its retries), not only those still to come; made with the first callback. */
    aborter?: AbortController;
    /** The callbacks of this message, one after another; made with the first callback. */
    chain?: Promise<unknown>;
    readonly message: MockMessage;
    readonly statuses: readonly PlannedStatus[];
    readonly webhook: Timeline['webhook'];
    /** What every callback of the message carries, taken from its body at the start: the body itself is not held. */
    readonly fixed?: Omit<Parameters<typeof statusPayload>[0], 'status' | 'error' | 'at'>;

    constructor({ message, statuses, webhook, family, body }: Timeline) {
      this.message = message;
      this.statuses = statuses;
      this.webhook = webhook;
      if (webhook) this.fixed = callbackFields(message, family, body);
    }

    /** Nothing to reckon: the clock steps a life. */
    reckon() {}

    cancel() {
      this.cancelled = true;
      this.aborter?.abort();
      pending.delete(this);
    }

    settle() {
      if (this.timelineDone && this.inFlight === 0) pending.delete(this);
    }

    /** One status enters the timeline, and its callback joins the chain. */
    emit({ status, error }: PlannedStatus) {
      const { message, webhook } = this;
      const event = messages.advance(message, status, error);
      if (!webhook) return;
      const payload = statusPayload({
        ...this.fixed!,
        status,
        error,
        at: event ? Date.parse(event.at) : Date.now(),
      });
      this.inFlight++;
      this.aborter ??= new AbortController();
      const { signal } = this.aborter;
      this.chain = (this.chain ?? Promise.resolve())
        .then(() =>
          this.cancelled
            ? false
            : delivery.deliver(
                webhook.url,
                payload,
                webhook.credentials,
                (a) => messages.attempt(message, { ...a, status }),
                {
                  label: `callback ${status} ${message.id}`,
                  signal,
                  callback: { host: message.host, webhook: 'messageStatus' },
                },
              ),
        )
        .finally(() => {
          this.inFlight--;
          this.settle();
        });
    }

    /** The next planned status is due. */
    step() {
      if (this.cancelled || this.timelineDone) return;
      const { statuses } = this;
      this.emit(statuses[this.next++]);
      if (this.next < statuses.length) plan(this);
      else this.done();
    }

    done() {
      this.timelineDone = true;
      this.settle();
    }

    /** Moved on by hand: what was still planned is dropped, and the message goes where it was driven, at once. */
    drive(target: ManualStatus): string | undefined {
      if (this.cancelled) return 'its timeline was cancelled (the mock was reset or stopped)';
      const next = manualSteps(this.message.status, target);
      if (typeof next === 'string') return next;
      this.timelineDone = true;
      pending.add(this);
      for (const planned of next) this.emit(planned);
      this.settle();
      return undefined;
    }
  }

  // Lives on the clock whose timeline or callbacks are still to come. A timeline reckoned when read is found through
  // its message: once the message is dropped, nothing of it is left to come.
  const pending = new Set<Life>();
  const reckonedMessages = function* () {
    for (const m of messages.values()) {
      const planned = (m as any)[PLANNED];
      if (planned instanceof Reckoner) yield [m, planned] as const;
    }
  };

  /** The message's own life, made now (with what has been reckoned) if its timeline is reckoned when read. */
  const lifeOf = (m: MockMessage): Life | undefined => {
    const held = m as any;
    const planned = held[PLANNED];
    if (!(planned instanceof Reckoner)) return planned instanceof Life ? planned : undefined;
    planned.reckon(m);
    // Without a webhook, a life makes no callback: its family is never read.
    const life = new Life({ message: m, statuses: planned.statuses, family: 'classic' });
    life.startedAt = EPOCH + held[PLAN_START];
    life.next = held[PLAN_NEXT];
    life.timelineDone = life.next >= planned.statuses.length;
    held[PLANNED] = life;
    return life;
  };

  // Every step of every timeline is stepMs after the one before, so steps fall due in the order they were planned:
  // one queue and one timer serve all messages, instead of a timer per step.
  let queue: { at: number; life: Life }[] = [];
  let head = 0;
  let timer: NodeJS.Timeout | undefined;
  let firing = false;
  const arm = () => {
    if (timer !== undefined || firing || head >= queue.length) return;
    timer = setTimeout(fire, Math.max(0, queue[head].at - performance.now()));
    timer.unref?.();
  };
  const fire = () => {
    timer = undefined;
    const now = performance.now();
    firing = true;
    try {
      while (head < queue.length && queue[head].at <= now) queue[head++].life.step();
    } finally {
      firing = false;
    }
    // Stepped entries are dropped when the queue runs empty, and under steady load now and then, not on every step.
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else if (head >= 1_024 && head * 2 >= queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    arm();
  };
  const plan = (life: Life) => {
    queue.push({ at: performance.now() + stepMs, life });
    arm();
  };

  function start(timeline: Timeline): void {
    const held = timeline.message as any;
    if (timeline.statuses.length > 0 && !timeline.webhook && !messages.timely) {
      held[PLAN_START] = Date.now() - EPOCH;
      held[PLAN_NEXT] = 0;
      held[PLANNED] = reckonerOf(timeline.statuses);
      return;
    }
    const life = new Life(timeline);
    held[PLANNED] = life;
    if (timeline.statuses.length === 0) return life.done();
    pending.add(life);
    plan(life);
  }

  // A listener that must hear of each status as it falls due has come: the clock steps what is still to come.
  messages.onTimely(() => {
    const wallNow = Date.now();
    const clockNow = performance.now();
    const woken: { at: number; life: Life }[] = [];
    for (const [m] of [...reckonedMessages()]) {
      const life = lifeOf(m)!;
      if (life.timelineDone) continue;
      pending.add(life);
      woken.push({ at: clockNow + life.startedAt + (life.next + 1) * stepMs - wallNow, life });
    }
    if (woken.length === 0) return;
    queue = [...woken, ...queue.slice(head)].sort((a, b) => a.at - b.at);
    head = 0;
    clearTimeout(timer);
    timer = undefined;
    arm();
  });

  const cancelAll = () => {
    for (const [m] of [...reckonedMessages()]) lifeOf(m)!.cancel();
    for (const life of [...pending]) life.cancel();
    // Every life with a step still to come was pending: none is left to step.
    clearTimeout(timer);
    timer = undefined;
    queue = [];
    head = 0;
  };

  return {
    start,
    /**
     * Moves a message's life on at once: to `delivered` or `read` (the statuses before it that it has not had, in
     * order) or to `failed`; each status's callback goes out as a timed one would. A string says why not.
     */
    drive(message: MockMessage, target: ManualStatus): string | undefined {
      const life = lifeOf(message);
      if (!life) return 'it was not sent in this run of the mock (restored from a state file, or inbound)';
      return life.drive(target);
    },
    /** Messages whose timeline or callbacks are still to come. */
    get pending(): number {
      const now = Date.now();
      let count = pending.size;
      for (const [m, reckoner] of reckonedMessages()) if (reckoner.ongoing(m, now)) count++;
      return count;
    },
    cancelAll,
  };
}

export type Timelines = ReturnType<typeof createTimelines>;
