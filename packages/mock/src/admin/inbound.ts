// POST /__nxwa/inbound: a WhatsApp user writing to the business number, simulated. The mock checks the request,
// records the message (direction `inbound`, status `received`) and posts the documented callback to the webhook:
// api2's `onInboundMessage` (text, image, video, voice, audio, document, location, sticker), or — for the SaaS
// hosts, whose pages document no inbound-message callback — their template button click (`onTemplateButtonClick`).
import { randomUUID } from 'node:crypto';
import type { Delivery } from '../callbacks/deliver.js';
import { callbackAllowed } from '../callbacks/targets.js';
import type { Answer } from '../http/answer.js';
import { familyOf } from '../http/answer.js';
import { loadSpec, type Spec } from '../http/hosts.js';
import { type MessageStore, newMessageId } from '../sandbox/messages/store.js';

const MEDIA_TYPES: Record<string, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  voice: 'audio/ogg; codecs=opus',
  audio: 'audio/mpeg',
  document: 'application/pdf',
  sticker: 'image/webp',
};
const MOCK_FIELDS = ['accessKey', 'host', 'webhookUrl'];

export interface InboundOptions {
  messages: MessageStore;
  delivery: Delivery;
  accounts: ReadonlyMap<string, string>;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  /** Why the sandbox refuses this user's message (a user the business blocked); undefined to take it. */
  refuse?: (m: { accessKey: string; business_phone: string; from: string }) => string | undefined;
  /** api2's spec, when the caller has read it already (it is read here otherwise). */
  api2Spec?: Spec;
}

class Refused extends Error {}

class Invalid extends Error {}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 60)) : String(v));

/** The message object of its type (its fields are checked by the mock's API), with what the callback always carries. */
function messageObject(type: string, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  if (MEDIA_TYPES[type]) {
    out.id ??= randomUUID();
    out.mime_type ??= MEDIA_TYPES[type];
  }
  return out;
}

/** The message types of api2's inbound-message callback: the mapping of its spec's `InboundMessage` discriminator. */
function api2Types(spec: Spec = loadSpec('api2.nxcloud.com')): readonly string[] {
  const mapping = spec.components?.schemas?.InboundMessage?.discriminator?.mapping;
  if (!mapping) throw new Error("api2.nxcloud.com's spec has no InboundMessage with a discriminator mapping");
  return Object.keys(mapping);
}

export function createInbound(options: InboundOptions) {
  const types = api2Types(options.api2Spec);
  // Inbound callbacks still being delivered (retries included).
  let pending = 0;
  let aborter = new AbortController();
  return {
    /** Answers POST /__nxwa/inbound; `request` is its body, valid against the mock's API. */
    answer: (request: Record<string, unknown>) =>
      answer(request, options, types, (deliver) => {
        pending++;
        void deliver(aborter.signal).finally(() => pending--);
      }),
    get pending(): number {
      return pending;
    },
    /** Cancels the inbound callbacks still being delivered (a reset forgets their messages). */
    cancelAll(): void {
      aborter.abort();
      aborter = new AbortController();
    },
  };
}

export type Inbound = ReturnType<typeof createInbound>;

function answer(
  request: Record<string, unknown>,
  options: InboundOptions,
  api2: readonly string[],
  track: (deliver: (signal: AbortSignal) => Promise<boolean>) => void,
): Answer {
  const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
  // Each field's form is checked against the mock's API before it gets here; what depends on the mock's
  // configuration (accounts, webhook targets) or on several fields together is checked here.
  try {
    const host = (request.host as string | undefined) ?? 'api2.nxcloud.com';
    const family = familyOf(host);
    const accessKey = (request.accessKey as string | undefined) ?? options.accounts.keys().next().value!;
    const secret = options.accounts.get(accessKey);
    if (secret === undefined)
      throw new Invalid(
        `accessKey must be an account of the mock (${[...options.accounts.keys()].join(', ')}); got ${show(accessKey)}.`,
      );
    const businessPhone = request.business_phone as string;
    const from = request.from as string;
    const types: readonly string[] = family === 'saas' ? ['button'] : api2;
    const type = request.type as string;
    if (!types.includes(type)) {
      const why =
        family === 'saas'
          ? ` (the SaaS hosts' pages document no inbound-message callback, only the template button click; for the other types use host api2.nxcloud.com)`
          : '';
      throw new Invalid(
        `type must be ${types.length === 1 ? types[0] : `one of ${types.join(', ')}`} for host ${host}${why}; got ${show(type)}.`,
      );
    }
    const allowed = new Set([
      'business_phone',
      'from',
      'type',
      type,
      'name',
      ...MOCK_FIELDS,
      ...(type === 'button' ? ['context', 'wa_ext'] : []),
    ]);
    const extra = Object.keys(request).find((k) => !allowed.has(k));
    if (extra) throw new Invalid(`${extra} is not expected here; the fields are ${[...allowed].join(', ')}.`);
    const name = (request.name as string | undefined) ?? 'Sandbox user';
    const webhookUrl = (request.webhookUrl as string | undefined) ?? options.webhookUrl;
    if (webhookUrl !== undefined && !callbackAllowed(webhookUrl, options.allowAnyCallbackTarget)) {
      throw new Invalid(
        `webhookUrl must be an http(s) URL on a loopback address (unless the mock was started with --allow-any-callback-target); got ${show(webhookUrl)}.`,
      );
    }
    const refused = options.refuse?.({ accessKey, business_phone: businessPhone, from });
    if (refused) throw new Refused(refused);
    const content = messageObject(type, request[type] as Record<string, unknown>);

    const id = newMessageId();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const contacts = [{ profile: { name }, wa_id: from }];
    let message: Record<string, unknown>;
    let payload: Record<string, unknown>;
    if (type === 'button') {
      const waExt = isObject(request.wa_ext) ? JSON.stringify(request.wa_ext) : request.wa_ext;
      message = {
        button: content,
        ...(request.context ? { context: request.context } : {}),
        from,
        id,
        timestamp,
        type,
        ...(waExt !== undefined ? { wa_ext: waExt } : {}),
      };
      payload = { business_phone: businessPhone, contacts, messages: [message], messaging_product: 'whatsapp' };
    } else {
      message = {
        from,
        id,
        timestamp,
        type,
        [type]: content,
        cost: { currency: 'USD', price: 0, foreign_price: 0, cdr_type: 7, message_id: id, direction: 2 },
      };
      // The table names the business number business_phone, the examples merchant_phone: both are sent.
      payload = {
        contacts,
        messages: [message],
        business_phone: businessPhone,
        merchant_phone: businessPhone,
        messaging_product: 'whatsapp',
      };
    }
    const recorded = options.messages.record({
      id,
      host,
      direction: 'inbound',
      operation: 'POST /__nxwa/inbound',
      accessKey,
      to: businessPhone,
      from,
      body: message,
      status: 'received',
    });
    if (webhookUrl) {
      const body = JSON.stringify(payload);
      track((signal) =>
        options.delivery.deliver(
          webhookUrl,
          body,
          { accessKey, accessSecret: secret },
          (a) => options.messages.attempt(recorded, { ...a, status: 'received' }),
          {
            label: `inbound ${id}`,
            signal,
            // api2 documents its inbound message callback; the SaaS hosts only their template button click.
            callback: { host, webhook: host === 'api2.nxcloud.com' ? 'inboundMessage' : 'buttonClick' },
          },
        ),
      );
    }
    return json(202, { id, host, accessKey, webhook: webhookUrl ?? null });
  } catch (error) {
    if (error instanceof Invalid) return json(400, { error: error.message });
    if (error instanceof Refused) return json(403, { error: error.message });
    throw error;
  }
}
