// Status callbacks: their statuses and their documented payloads — api2's
// `onMessageStatus` and the SaaS hosts' `onSaasMessageStatus` (spec/dist/*.yaml webhooks; vendor pages
// WhatsApp-API-webhook.md and SAAS-WhatsApp-API-webhook.md).
import type { Family } from '../http/answer.js';

/**
 * The statuses a status callback reports: the spec's `Status.status` less `deleted`, which the mock never reports
 * (test/callbacks/payloads.test.ts holds them to the spec).
 */
export const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type CallbackStatus = (typeof STATUSES)[number];

/** Why a message failed, as its `failed` callback carries it. */
export interface StatusError {
  code: number;
  title: string;
}

/** The error of a `failed` status: the one the vendor's pages document (their only example). */
export const DOCUMENTED_FAILURE: StatusError = {
  code: 470,
  title:
    'Failed to send message because you are outside the support window for freeform messages to this user. Please use a valid HSM notification or reconsider.',
};

/**
 * The conversation type of a send, as the documents list them: api2's OTP sends open an authentication
 * conversation, its templates a utility one (the mock does not know a template's category), its free-form messages
 * answer a user (service); the SaaS pages show only `business_initiated`.
 */
export function conversationOrigin(family: Family, operation: string, body: unknown): string {
  if (family === 'saas') return 'business_initiated';
  if (operation.endsWith('/otp')) return 'authentication';
  return (body as { type?: unknown } | undefined)?.type === 'template' ? 'utility' : 'service';
}

// cdr_type per conversation type (api2 webhook page: 5 notification, 6 authentication, 7 service).
const CDR_TYPES: Record<string, number> = { utility: 5, authentication: 6, service: 7 };

export interface StatusEvent {
  family: Family;
  messageId: string;
  to?: string;
  businessPhone?: string;
  /** The send's `biz_opaque_callback_data`, echoed back as the newer pages describe. */
  opaque?: string;
  origin: string;
  status: CallbackStatus;
  /** When the status changed (ms). */
  at: number;
  error?: StatusError;
}

/**
 * The callback body of one status change, shaped as the documents' examples for that status: `sent` carries the
 * conversation with its expiry (and, on api2, the costs), `delivered` the conversation, `read` neither, `failed`
 * its errors.
 */
export function statusPayload(e: StatusEvent): string {
  const seconds = Math.floor(e.at / 1000);
  const conversation = { id: `mockconv${e.messageId}`, origin: { type: e.origin } };
  const item: Record<string, unknown> = {
    id: e.messageId,
    status: e.status,
    timestamp: String(seconds),
    recipient_id: e.to,
  };
  if (e.status === 'sent') {
    item.conversation = { ...conversation, expiration_timestamp: String(seconds + 86_400) };
    const cdr = CDR_TYPES[e.origin];
    if (e.family === 'classic' && cdr)
      item.costs = [
        { currency: 'USD', price: 0, foreign_price: 0, cdr_type: cdr, message_id: e.messageId, direction: 1 },
      ];
  } else if (e.status === 'delivered') {
    item.conversation = conversation;
  } else if (e.status === 'failed') {
    item.errors = [e.error ?? DOCUMENTED_FAILURE];
  }
  if (e.opaque !== undefined) item.biz_opaque_callback_data = e.opaque;
  return JSON.stringify({
    statuses: [item],
    ...(e.businessPhone ? { business_phone: e.businessPhone } : {}),
    messaging_product: 'whatsapp',
  });
}
