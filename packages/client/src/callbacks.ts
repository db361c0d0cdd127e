import { type HeadersLike, type VerifyFailure, verifySignature } from '@org/nxwa-signing';
import type { components as Saas } from './generated/api.nxcloud.com.js';
import type { components as Api2 } from './generated/api2.nxcloud.com.js';
import {
  ACCOUNT_EVENTS as GENERATED_ACCOUNT_EVENTS,
  INBOUND_TYPES as GENERATED_INBOUND_TYPES,
  TEMPLATE_EVENTS as GENERATED_TEMPLATE_EVENTS,
  MESSAGE_STATUSES,
} from './generated/callbacks.js';

type A = Api2['schemas'];
type S = Saas['schemas'];

export type StatusCallback = A['StatusCallback'] & Partial<Omit<S['SaasStatusCallback'], 'statuses'>>;
export type InboundMessageCallback = A['InboundMessageCallback'];
export type InboundMessage = A['InboundMessage'];
export type TemplateEventCallback = A['TemplateEventCallback'];
export type AccountEventCallback = A['AccountEventCallback'];
export type ButtonClickCallback = S['ButtonClickCallback'];
/** A button click, with its `wa_ext` JSON string parsed into `waExt`. */
export type ButtonClick = S['ButtonClickMessage'] & { waExt?: S['WaExt'] };

/** A callback, told apart by `kind`. */
export type Callback =
  | { kind: 'status'; payload: StatusCallback; statuses: NonNullable<StatusCallback['statuses']> }
  | { kind: 'inbound-message'; payload: InboundMessageCallback; messages: InboundMessage[] }
  | { kind: 'template-event'; payload: TemplateEventCallback; event: TemplateEventCallback['field'] }
  | { kind: 'account-event'; payload: AccountEventCallback; event: AccountEventCallback['field'] }
  | { kind: 'button-click'; payload: ButtonClickCallback; clicks: ButtonClick[] };

export type CallbackErrorReason = 'not-json' | 'unknown-shape' | 'invalid-field' | 'signature' | 'replayed';

/** A callback that cannot be taken: the message says what is wrong and where. */
export class CallbackError extends Error {
  override readonly name = 'CallbackError';
  readonly reason: CallbackErrorReason;
  /** For `signature`: why the signature was refused. */
  readonly signature?: VerifyFailure;
  constructor(reason: CallbackErrorReason, message: string, signature?: VerifyFailure) {
    super(message);
    this.reason = reason;
    this.signature = signature;
  }
}

export interface ParseCallbackOptions {
  /** The callback's headers; needed to verify its signature. */
  headers?: HeadersLike | undefined;
  /**
   * The account's access secret: the callback must carry a valid signature made with it, over its raw body.
   * Required unless `verify: false`; `undefined` (an unset environment variable) throws rather than let callbacks
   * in unchecked.
   */
  accessSecret?: string | undefined;
  /** `false` accepts callbacks without checking their signature: say so explicitly, e.g. behind your own check. */
  verify?: false;
  /**
   * The `action` a callback's signature must carry; `callback` by default (what the mock sends: the vendor does not
   * document it). A request's signature (action `mt`, `uploadMedia`, …) is never taken for a callback's.
   */
  action?: string | undefined;
  /** Largest accepted age (or lead) of the callback's `ts`, in ms; 60 000 by default, the server's window. */
  maxDriftMs?: number | undefined;
  /**
   * Signatures already taken: a callback whose signature is in it is refused as a replay, and a verified one is
   * added. A `Set` works; {@link seenSignatures} forgets what is older than the `ts` window.
   */
  seen?: { has(sign: string): boolean; add(sign: string): unknown } | undefined;
  now?: number | undefined;
}

/**
 * A store of taken signatures for {@link ParseCallbackOptions.seen} that forgets each after `maxAgeMs` (by default
 * twice the 60 s `ts` window: after that a replay is refused as stale anyway), so it stays small.
 */
export function seenSignatures(maxAgeMs = 120_000, now: () => number = Date.now) {
  const expiries = new Map<string, number>();
  const prune = () => {
    // Insertion order is expiry order: stop at the first that is still current.
    for (const [sign, expiry] of expiries) {
      if (expiry > now()) break;
      expiries.delete(sign);
    }
  };
  return {
    has: (sign: string) => (prune(), expiries.has(sign)),
    add: (sign: string) => void expiries.set(sign, now() + maxAgeMs),
    get size() {
      return expiries.size;
    },
  };
}

// The values the spec's webhook schemas allow (generated), as plain string lists for checking what arrives.
const TEMPLATE_EVENTS: readonly string[] = GENERATED_TEMPLATE_EVENTS;
const ACCOUNT_EVENTS: readonly string[] = GENERATED_ACCOUNT_EVENTS;
const STATUSES: readonly string[] = MESSAGE_STATUSES;
const INBOUND_TYPES: readonly string[] = GENERATED_INBOUND_TYPES;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (values: readonly string[]) => values.join(', ');

function arrayOfObjects(payload: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = payload[key];
  if (!Array.isArray(value))
    throw new CallbackError('invalid-field', `${key} is ${value === null ? 'null' : typeof value}: expected an array.`);
  value.forEach((item, i) => {
    if (!isObject(item)) throw new CallbackError('invalid-field', `${key}[${i}] is not an object.`);
  });
  return value as Record<string, unknown>[];
}

/**
 * Reads a callback from its raw body (exactly as received) and headers: checks its signature (with `accessSecret`,
 * unless `verify: false`), its `action`, the age of its `ts`, and — given a `seen` store — that it is not a replay;
 * returns it typed by kind — a message status, an inbound message, a template or account event, or a
 * template button click (with `wa_ext` parsed). Throws a {@link CallbackError} that says what is wrong.
 */
export function parseCallback(body: string | Uint8Array | ArrayBuffer, options: ParseCallbackOptions): Callback {
  options ??= {};
  const bytes = typeof body === 'string' ? undefined : body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  if (options.verify !== false) {
    const { accessSecret, headers = {} } = options;
    if (typeof accessSecret !== 'string' || accessSecret === '') {
      throw new TypeError(
        `parseCallback: accessSecret is ${accessSecret === '' ? 'empty' : typeof accessSecret}: expected the account's access secret to verify the callback, or verify: false to take callbacks unverified.`,
      );
    }
    // Callbacks are JSON: the raw body is always part of the signature, whatever the Content-Type says.
    const result = verifySignature({
      headers,
      body: bytes ?? (body as string),
      accessSecret,
      action: options.action ?? 'callback',
      maxDriftMs: options.maxDriftMs,
      now: options.now,
      signedBody: 'always',
    });
    if (!result.valid)
      throw new CallbackError('signature', `The callback's signature is not valid: ${result.message}`, result.reason);
    // The sign as verification read it: padding or case added to a replay must not make it a new one.
    const { sign } = result;
    if (options.seen?.has(sign))
      throw new CallbackError('replayed', 'The callback was taken before (same signature): refused as a replay.');
    options.seen?.add(sign);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(bytes ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : (body as string));
  } catch (error) {
    throw new CallbackError('not-json', `The callback body is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(payload))
    throw new CallbackError(
      'unknown-shape',
      `The callback body is ${Array.isArray(payload) ? 'an array' : typeof payload}: expected a JSON object.`,
    );

  if ('field' in payload) {
    const field = payload.field;
    if (payload.value !== undefined && !isObject(payload.value))
      throw new CallbackError('invalid-field', 'value is not an object.');
    if (typeof field === 'string' && TEMPLATE_EVENTS.includes(field)) {
      return {
        kind: 'template-event',
        payload: payload as TemplateEventCallback,
        event: field as TemplateEventCallback['field'],
      };
    }
    if (typeof field === 'string' && ACCOUNT_EVENTS.includes(field)) {
      return {
        kind: 'account-event',
        payload: payload as AccountEventCallback,
        event: field as AccountEventCallback['field'],
      };
    }
    throw new CallbackError(
      'invalid-field',
      `field is ${JSON.stringify(field)}: expected one of ${list([...TEMPLATE_EVENTS, ...ACCOUNT_EVENTS])}.`,
    );
  }
  if ('statuses' in payload) {
    const statuses = arrayOfObjects(payload, 'statuses');
    statuses.forEach((s, i) => {
      if (s.status !== undefined && !STATUSES.includes(s.status as string)) {
        throw new CallbackError(
          'invalid-field',
          `statuses[${i}].status is ${JSON.stringify(s.status)}: expected one of ${list(STATUSES)}.`,
        );
      }
    });
    return {
      kind: 'status',
      payload: payload as StatusCallback,
      statuses: statuses as NonNullable<StatusCallback['statuses']>,
    };
  }
  if ('messages' in payload) {
    const messages = arrayOfObjects(payload, 'messages');
    if (messages.length > 0 && messages.every((m) => m.type === 'button')) {
      const clicks = messages.map((m, i) => {
        if (m.wa_ext === undefined || m.wa_ext === null || m.wa_ext === '') return m as ButtonClick;
        if (typeof m.wa_ext !== 'string')
          throw new CallbackError(
            'invalid-field',
            `messages[${i}].wa_ext is ${typeof m.wa_ext}: expected a JSON string.`,
          );
        try {
          return { ...m, waExt: JSON.parse(m.wa_ext) } as ButtonClick;
        } catch (error) {
          throw new CallbackError(
            'invalid-field',
            `messages[${i}].wa_ext is not valid JSON: ${(error as Error).message}`,
          );
        }
      });
      return { kind: 'button-click', payload: payload as ButtonClickCallback, clicks };
    }
    messages.forEach((m, i) => {
      if (!INBOUND_TYPES.includes(m.type as string)) {
        throw new CallbackError(
          'invalid-field',
          `messages[${i}].type is ${JSON.stringify(m.type)}: expected one of ${list([...INBOUND_TYPES, 'button'])}.`,
        );
      }
    });
    return {
      kind: 'inbound-message',
      payload: payload as InboundMessageCallback,
      messages: messages as InboundMessage[],
    };
  }
  throw new CallbackError(
    'unknown-shape',
    'The callback has none of statuses, messages or field: it is not a documented callback.',
  );
}
