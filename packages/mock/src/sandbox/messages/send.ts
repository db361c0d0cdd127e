// Recording a send: every accepted send gets its own message ID, enters the record, and starts its timeline, whose
// statuses become callbacks when the send has a webhook. As on the real server, a cus_message_id is the message's
// ID in the answer and in its callbacks.
import type { CallbackCredentials } from '../../callbacks/deliver.js';
import { callbackAllowed, refusedTarget } from '../../callbacks/targets.js';
import type { Family } from '../../http/answer.js';
import { plannedStatuses, wantedStatuses } from './recipients.js';
import { type MessageStore, newMessageId } from './store.js';
import type { Timelines } from './timeline.js';

export interface Send {
  host: string;
  family: Family;
  /** `POST /api/wa/mt`, … */
  operation: string;
  credentials: CallbackCredentials;
  /** The request body, parsed, and as sent. */
  body: Record<string, any>;
  raw: Buffer;
  /** The engine's answer (`code` 0); it may be the spec's own example object, so it is changed on a copy. */
  answer: Record<string, any>;
  /** The `x-nxwa-callbacks` header, when given. */
  callbacks?: string | string[];
}

export interface SendsOptions {
  messages: MessageStore;
  timelines: Timelines;
  /** Where callbacks go when a send names no dr_webhook. */
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  log: (line: string) => void;
}

export function createSends({ messages, timelines, webhookUrl, allowAnyCallbackTarget, log }: SendsOptions) {
  return {
    /** Records an accepted send and starts its timeline; returns the answer carrying the message's ID. */
    record(send: Send): Record<string, any> {
      const { body } = send;
      const id = typeof body.cus_message_id === 'string' && body.cus_message_id ? body.cus_message_id : newMessageId();
      const out = structuredClone(send.answer);
      if (out.data?.messages?.[0]) out.data.messages[0].id = id;
      else if (out.data && 'message_id' in out.data) out.data.message_id = id;
      const messageId = String(out.data?.messages?.[0]?.id ?? out.data?.message_id ?? id);
      const to = body.to ?? body.recipient;
      let webhook: string | undefined = body.dr_webhook ?? webhookUrl;
      if (webhook && !callbackAllowed(webhook, allowAnyCallbackTarget)) {
        log(refusedTarget('callback', webhook));
        webhook = undefined;
      }
      const recorded = messages.record({
        id: messageId,
        host: send.host,
        operation: send.operation,
        accessKey: send.credentials.accessKey,
        to: typeof to === 'string' ? to : undefined,
        from: typeof body.business_phone === 'string' ? body.business_phone : undefined,
        body,
        bodyJson: send.raw,
        webhook: webhook ?? null,
      });
      // The timeline advances with or without a webhook; its statuses become callbacks when there is one.
      timelines.start({
        message: recorded,
        body,
        family: send.family,
        statuses: plannedStatuses(to, wantedStatuses(send.callbacks)),
        webhook: webhook ? { url: webhook, credentials: send.credentials } : undefined,
      });
      return out;
    },
  };
}

export type Sends = ReturnType<typeof createSends>;
