// A sent message's life after the mock accepted it: its timeline advances one planned status every `stepMs`
// (webhook or not, so that the inspection API shows progress), and each status, as it enters the timeline, becomes
// a status callback to the webhook, if there is one. A message's callbacks go out one after another in timeline
// order (a retried one holds back the next), however far the timeline has moved on meanwhile.

import type { CallbackCredentials, Delivery } from '../../callbacks/deliver.js';
import { conversationOrigin, DOCUMENTED_FAILURE, statusPayload } from '../../callbacks/payloads.js';
import type { Family } from '../../http/answer.js';
import type { PlannedStatus } from './recipients.js';
import type { MessageStore, MockMessage } from './store.js';

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

export function createTimelines({
  stepMs,
  delivery,
  messages,
}: {
  stepMs: number;
  delivery: Delivery;
  messages: MessageStore;
}) {
  // One canceller per message whose timeline or callbacks are still to come; each removes itself when done.
  const pending = new Set<() => void>();

  // Every message this run started, with what drives it by hand (its timeline's webhook and callback chain).
  const driven = new WeakMap<MockMessage, (target: ManualStatus) => string | undefined>();

  function start(life: Timeline): void {
    const { message, statuses, webhook } = life;
    const body = life.body ?? (message.body as Record<string, unknown> | undefined);
    const fixed = {
      family: life.family,
      messageId: message.id,
      to: message.to,
      businessPhone: typeof body?.business_phone === 'string' ? body.business_phone : undefined,
      opaque: typeof body?.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined,
      origin: conversationOrigin(life.family, message.operation, body),
    };
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    // Cancels the callback under way too (its retries), not only those still to come; made with the first callback.
    let aborter: AbortController | undefined;
    let timelineDone = false;
    let inFlight = 0;
    // The callbacks of this message, one after another.
    let chain: Promise<unknown> = Promise.resolve();
    const cancel = () => {
      cancelled = true;
      clearTimeout(timer);
      aborter?.abort();
      pending.delete(cancel);
    };
    const settle = () => timelineDone && inFlight === 0 && pending.delete(cancel);
    pending.add(cancel);
    /** One status enters the timeline, and its callback joins the chain. */
    const emit = ({ status, error }: PlannedStatus) => {
      const event = messages.advance(message, status, error);
      if (!webhook) return;
      const payload = statusPayload({ ...fixed, status, error, at: event ? Date.parse(event.at) : Date.now() });
      inFlight++;
      aborter ??= new AbortController();
      const { signal } = aborter;
      chain = chain
        .then(() =>
          cancelled
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
          inFlight--;
          settle();
        });
    };
    const step = (i: number) => {
      timer = setTimeout(() => {
        if (cancelled) return;
        emit(statuses[i]);
        if (i + 1 < statuses.length) step(i + 1);
        else {
          timelineDone = true;
          settle();
        }
      }, stepMs);
      timer.unref?.();
    };
    driven.set(message, (target) => {
      if (cancelled) return 'its timeline was cancelled (the mock was reset or stopped)';
      const next = manualSteps(message.status, target);
      if (typeof next === 'string') return next;
      // What was still planned is dropped: the message goes where it was driven, at once.
      clearTimeout(timer);
      timelineDone = true;
      pending.add(cancel);
      for (const planned of next) emit(planned);
      settle();
      return undefined;
    });
    if (statuses.length > 0) step(0);
    else {
      timelineDone = true;
      settle();
    }
  }

  const cancelAll = () => {
    for (const cancel of [...pending]) cancel();
  };

  return {
    start,
    /**
     * Moves a message's life on at once: to `delivered` or `read` (the statuses before it that it has not had, in
     * order) or to `failed`; each status's callback goes out as a timed one would. A string says why not.
     */
    drive(message: MockMessage, target: ManualStatus): string | undefined {
      const drive = driven.get(message);
      if (!drive) return 'it was not sent in this run of the mock (restored from a state file, or inbound)';
      return drive(target);
    },
    /** Messages whose timeline or callbacks are still to come. */
    get pending(): number {
      return pending.size;
    },
    cancelAll,
  };
}

export type Timelines = ReturnType<typeof createTimelines>;
