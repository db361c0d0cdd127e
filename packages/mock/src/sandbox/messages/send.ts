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
  /** The request body, parsed, and its JSON text as sent (none for a multipart one). */
  body: Record<string, any>;
  json?: string;
  /** The engine's answer (`code` 0): kept by the engine and given again, so it is never changed here. */
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

/** An accepted answer's text around its message ID: made once per answer object, as the engine's answers are kept. */
type AnswerText = { before: string; after: string } | { whole: string };

// The text of an answer with a marker where the message ID goes; the ID is then put in as JSON, escaped.
const ID_MARK = '\u0000nxwa-message-id\u0000';

function answerText(answer: Record<string, any>): AnswerText {
  const out = structuredClone(answer);
  if (out.data?.messages?.[0]) out.data.messages[0].id = ID_MARK;
  else if (out.data && 'message_id' in out.data) out.data.message_id = ID_MARK;
  else return { whole: JSON.stringify(out) };
  const [before, after] = JSON.stringify(out).split(JSON.stringify(ID_MARK));
  return { before, after };
}

export function createSends({ messages, timelines, webhookUrl, allowAnyCallbackTarget, log }: SendsOptions) {
  const texts = new WeakMap<object, AnswerText>();
  return {
    /** Records an accepted send and starts its timeline; returns the answer's text, carrying the message's ID. */
    record(send: Send): string {
      const { body } = send;
      const id = typeof body.cus_message_id === 'string' && body.cus_message_id ? body.cus_message_id : newMessageId();
      let text = texts.get(send.answer);
      if (!text) texts.set(send.answer, (text = answerText(send.answer)));
      const to = body.to ?? body.recipient;
      let webhook: string | undefined = body.dr_webhook ?? webhookUrl;
      if (webhook && !callbackAllowed(webhook, allowAnyCallbackTarget)) {
        log(refusedTarget('callback', webhook));
        webhook = undefined;
      }
      const recorded = messages.recordSend(
        {
          id,
          host: send.host,
          operation: send.operation,
          accessKey: send.credentials.accessKey,
          to: typeof to === 'string' ? to : undefined,
          from: typeof body.business_phone === 'string' ? body.business_phone : undefined,
          webhook: webhook ?? null,
        },
        body,
        send.json,
      );
      // The timeline advances with or without a webhook; its statuses become callbacks when there is one.
      timelines.start({
        message: recorded,
        body,
        family: send.family,
        statuses: plannedStatuses(to, wantedStatuses(send.callbacks)),
        webhook: webhook ? { url: webhook, credentials: send.credentials } : undefined,
      });
      return 'whole' in text ? text.whole : text.before + JSON.stringify(id) + text.after;
    },
  };
}

export type Sends = ReturnType<typeof createSends>;
