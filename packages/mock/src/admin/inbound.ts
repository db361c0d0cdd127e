// POST /__nxwa/inbound: a WhatsApp user writing to the business number, simulated. The mock checks the request,
// records the message (direction `inbound`, status `received`) and posts the documented callback to the webhook:
// api2's `onInboundMessage` (text, image, video, voice, audio, document, location, sticker), or — for the SaaS
// hosts, whose pages document no inbound-message callback — their template button click (`onTemplateButtonClick`).
import { randomUUID } from 'node:crypto';
import type { Delivery } from '../callbacks/deliver.js';
import { callbackAllowed } from '../callbacks/targets.js';
import type { Answer } from '../http/answer.js';
import { familyOf } from '../http/answer.js';
import { HOSTS, loadSpec } from '../http/hosts.js';
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
}

class Invalid extends Error {}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'string'
          ? JSON.stringify(v.slice(0, 60))
          : typeof v === 'object'
            ? 'an object'
            : String(v);

function string(
  value: unknown,
  field: string,
  { required = false, pattern, what }: { required?: boolean; pattern?: RegExp; what?: string } = {},
): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value)))
    throw new Invalid(`${field} must be ${what ?? 'a non-empty string'}; got ${show(value)}.`);
  return value;
}

/** The message object of its type, checked, with what the callback always carries filled in. */
function messageObject(type: string, value: unknown): Record<string, unknown> {
  if (!isObject(value))
    throw new Invalid(
      `${type} must be an object (the ${type} message, as in the documented callback); got ${show(value)}.`,
    );
  const out: Record<string, unknown> = { ...value };
  if (type === 'text') {
    string(value.body, 'text.body', { required: true });
  } else if (type === 'location') {
    for (const key of ['latitude', 'longitude']) {
      const v = value[key];
      if (
        !(typeof v === 'number' && Number.isFinite(v)) &&
        !(typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
      )
        throw new Invalid(`location.${key} must be a number (or a string of one); got ${show(v)}.`);
    }
    for (const key of ['name', 'address', 'url']) string(value[key], `location.${key}`);
  } else if (type === 'button') {
    string(value.text, 'button.text', { required: true });
    string(value.payload, 'button.payload');
  } else {
    for (const key of ['id', 'mime_type', 'sha256', 'caption', 'filename']) string(value[key], `${type}.${key}`);
    out.id ??= randomUUID();
    out.mime_type ??= MEDIA_TYPES[type];
  }
  return out;
}

/** The message types of api2's inbound-message callback: the mapping of its spec's `InboundMessage` discriminator. */
function api2Types(): readonly string[] {
  const mapping = loadSpec('api2.nxcloud.com').components?.schemas?.InboundMessage?.discriminator?.mapping;
  if (!mapping) throw new Error("api2.nxcloud.com's spec has no InboundMessage with a discriminator mapping");
  return Object.keys(mapping);
}

export function createInbound(options: InboundOptions) {
  const types = api2Types();
  // Inbound callbacks still being delivered (retries included).
  let pending = 0;
  let aborter = new AbortController();
  return {
    /** Answers POST /__nxwa/inbound; `raw` is the request body. */
    answer: (raw: Buffer) =>
      answer(raw, options, types, (deliver) => {
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
  raw: Buffer,
  options: InboundOptions,
  api2: readonly string[],
  track: (deliver: (signal: AbortSignal) => Promise<boolean>) => void,
): Answer {
  const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
  let request: unknown;
  try {
    request = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return json(400, {
      error: `The body is not valid JSON (${(error as Error).message}); expected { business_phone, from, type, <type>: {…} }.`,
    });
  }
  try {
    if (!isObject(request))
      throw new Invalid(
        `The body must be a JSON object { business_phone, from, type, <type>: {…} }; got ${show(request)}.`,
      );
    const host =
      string(request.host, 'host', {
        pattern: new RegExp(`^(${HOSTS.join('|').replace(/\./g, '\\.')})$`),
        what: `one of ${HOSTS.join(', ')}`,
      }) ?? 'api2.nxcloud.com';
    const family = familyOf(host);
    const accessKey = string(request.accessKey, 'accessKey') ?? options.accounts.keys().next().value!;
    const secret = options.accounts.get(accessKey);
    if (secret === undefined)
      throw new Invalid(
        `accessKey must be an account of the mock (${[...options.accounts.keys()].join(', ')}); got ${show(accessKey)}.`,
      );
    const businessPhone = string(request.business_phone, 'business_phone', {
      required: true,
      pattern: /^\d{5,20}$/,
      what: 'the business number, digits with the country code first',
    })!;
    const from = string(request.from, 'from', {
      required: true,
      pattern: /^\d{5,20}$/,
      what: "the user's WhatsApp number, digits with the country code first",
    })!;
    const types: readonly string[] = family === 'saas' ? ['button'] : api2;
    const type = request.type;
    if (typeof type !== 'string' || !types.includes(type)) {
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
    const name = string(request.name, 'name') ?? 'Sandbox user';
    const webhookUrl = string(request.webhookUrl, 'webhookUrl') ?? options.webhookUrl;
    if (webhookUrl !== undefined && !callbackAllowed(webhookUrl, options.allowAnyCallbackTarget)) {
      throw new Invalid(
        `webhookUrl must be an http(s) URL on a loopback address (unless the mock was started with --allow-any-callback-target); got ${show(webhookUrl)}.`,
      );
    }
    const content = messageObject(type, request[type]);

    const id = newMessageId();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const contacts = [{ profile: { name }, wa_id: from }];
    let message: Record<string, unknown>;
    let payload: Record<string, unknown>;
    if (type === 'button') {
      if (request.context !== undefined && !isObject(request.context))
        throw new Invalid(
          `context must be an object { from, id } (the message the button belongs to); got ${show(request.context)}.`,
        );
      if (request.wa_ext !== undefined && typeof request.wa_ext !== 'string' && !isObject(request.wa_ext))
        throw new Invalid(
          `wa_ext must be the template that was sent, an object or its JSON string; got ${show(request.wa_ext)}.`,
        );
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
          { label: `inbound ${id}`, signal },
        ),
      );
    }
    return json(202, { id, host, accessKey, webhook: webhookUrl ?? null });
  } catch (error) {
    if (error instanceof Invalid) return json(400, { error: error.message });
    throw error;
  }
}
