// A sent message's life after the mock accepted it: its timeline advances one planned status every `stepMs`
// (webhook or not, so that the inspection API shows progress), and each status, as it enters the timeline, becomes
// a status callback to the webhook, if there is one. A message's callbacks go out one after another in timeline
// order (a retried one holds back the next), however far the timeline has moved on meanwhile.

import type { CallbackCredentials, Delivery } from '../../callbacks/deliver.js';
import { conversationOrigin, statusPayload } from '../../callbacks/payloads.js';
import type { Family } from '../../http/answer.js';
import type { PlannedStatus } from './recipients.js';
import type { MessageStore, MockMessage } from './store.js';

export interface Timeline {
  message: MockMessage;
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

  function start(life: Timeline): void {
    const { message, statuses, webhook } = life;
    if (statuses.length === 0) return;
    const body = message.body as Record<string, unknown> | undefined;
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
    // Cancels the callback under way too (its retries), not only those still to come.
    const aborter = new AbortController();
    let timelineDone = false;
    let inFlight = 0;
    // The callbacks of this message, one after another.
    let chain: Promise<unknown> = Promise.resolve();
    const cancel = () => {
      cancelled = true;
      clearTimeout(timer);
      aborter.abort();
      pending.delete(cancel);
    };
    const settle = () => timelineDone && inFlight === 0 && pending.delete(cancel);
    pending.add(cancel);
    const step = (i: number) => {
      timer = setTimeout(() => {
        if (cancelled) return;
        const { status, error } = statuses[i];
        const event = messages.advance(message, status, error);
        if (webhook) {
          const payload = statusPayload({ ...fixed, status, error, at: event ? Date.parse(event.at) : Date.now() });
          inFlight++;
          chain = chain
            .then(() =>
              cancelled
                ? false
                : delivery.deliver(
                    webhook.url,
                    payload,
                    webhook.credentials,
                    (a) => messages.attempt(message, { ...a, status }),
                    { label: `callback ${status} ${message.id}`, signal: aborter.signal },
                  ),
            )
            .finally(() => {
              inFlight--;
              settle();
            });
        }
        if (i + 1 < statuses.length) step(i + 1);
        else {
          timelineDone = true;
          settle();
        }
      }, stepMs);
      timer.unref?.();
    };
    step(0);
  }

  const cancelAll = () => {
    for (const cancel of [...pending]) cancel();
  };

  return {
    start,
    /** Messages whose timeline or callbacks are still to come. */
    get pending(): number {
      return pending.size;
    },
    cancelAll,
  };
}

export type Timelines = ReturnType<typeof createTimelines>;
