// Status callbacks: which statuses a send asks for, where they may go, and their documented payloads — api2's
// `onMessageStatus` and the SaaS hosts' `onSaasMessageStatus` (spec/dist/*.yaml webhooks; vendor pages
// WhatsApp-API-webhook.md and SAAS-WhatsApp-API-webhook.md).
import type { Family } from '../http/answer.js';
import type { StatusError } from '../sandbox/messages/store.js';

export const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type CallbackStatus = (typeof STATUSES)[number];
export const DEFAULT_STATUSES: readonly CallbackStatus[] = ['sent', 'delivered', 'read'];

/** The error of a `failed` status: the one the vendor's pages document (their only example). */
export const DOCUMENTED_FAILURE: StatusError = {
  code: 470,
  title:
    'Failed to send message because you are outside the support window for freeform messages to this user. Please use a valid HSM notification or reconsider.',
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether the mock may call this URL back: loopback only, unless other targets were allowed. */
export function callbackAllowed(url: string, allowAnyTarget: boolean): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return allowAnyTarget || LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

/** The log line for a callback target that {@link callbackAllowed} refused. */
export const refusedTarget = (what: string, url: string) =>
  `${what} to ${url} refused: not a loopback address (start the mock with --allow-any-callback-target to allow it)`;

/**
 * The statuses an `x-nxwa-callbacks` header asks for: known ones, each once, in the order first given — so a
 * header can never ask for more than four callbacks however long it is. Undefined without the header.
 */
export function wantedStatuses(header: string | string[] | undefined): CallbackStatus[] | undefined {
  if (header === undefined) return undefined;
  const wanted = new Set<CallbackStatus>();
  for (const s of String(header).slice(0, 4_096).split(',')) {
    const status = s.trim() as CallbackStatus;
    if ((STATUSES as readonly string[]).includes(status)) wanted.add(status);
  }
  return [...wanted];
}

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
