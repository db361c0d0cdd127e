import { VerifyFailure, HeadersLike } from '@org/nxwa-signing';
import { c as components, a as components$1 } from './api.nxcloud.com-BfqURsgw.js';

type A = components['schemas'];
type S = components$1['schemas'];
type StatusCallback = A['StatusCallback'] & Partial<Omit<S['SaasStatusCallback'], 'statuses'>>;
type InboundMessageCallback = A['InboundMessageCallback'];
type InboundMessage = A['InboundMessage'];
type TemplateEventCallback = A['TemplateEventCallback'];
type AccountEventCallback = A['AccountEventCallback'];
type ButtonClickCallback = S['ButtonClickCallback'];
/** A button click, with its `wa_ext` JSON string parsed into `waExt`. */
type ButtonClick = S['ButtonClickMessage'] & {
    waExt?: S['WaExt'];
};
/** A callback, told apart by `kind`. */
type Callback = {
    kind: 'status';
    payload: StatusCallback;
    statuses: NonNullable<StatusCallback['statuses']>;
} | {
    kind: 'inbound-message';
    payload: InboundMessageCallback;
    messages: InboundMessage[];
} | {
    kind: 'template-event';
    payload: TemplateEventCallback;
    event: TemplateEventCallback['field'];
} | {
    kind: 'account-event';
    payload: AccountEventCallback;
    event: AccountEventCallback['field'];
} | {
    kind: 'button-click';
    payload: ButtonClickCallback;
    clicks: ButtonClick[];
};
type CallbackErrorReason = 'not-json' | 'unknown-shape' | 'invalid-field' | 'signature';
/** A callback that cannot be taken: the message says what is wrong and where. */
declare class CallbackError extends Error {
    readonly name = "CallbackError";
    readonly reason: CallbackErrorReason;
    /** For `signature`: why the signature was refused. */
    readonly signature?: VerifyFailure;
    constructor(reason: CallbackErrorReason, message: string, signature?: VerifyFailure);
}
interface ParseCallbackOptions {
    /** The callback's headers; needed to verify a signature. */
    headers?: HeadersLike;
    /** When given, the callback must carry a valid signature made with it. */
    accessSecret?: string;
    /** The `action` a signed callback must carry (not documented by the vendor; not checked when left out). */
    action?: string;
    /** Largest accepted ts drift in ms; 60 000 by default. */
    maxDriftMs?: number;
    now?: number;
}
/**
 * Reads a callback from its raw body (exactly as received) and headers: checks its signature when given the
 * secret, and returns it typed by kind — a message status, an inbound message, a template or account event, or a
 * template button click (with `wa_ext` parsed). Throws a {@link CallbackError} that says what is wrong.
 */
declare function parseCallback(body: string | Uint8Array | ArrayBuffer, options?: ParseCallbackOptions): Callback;

export { type AccountEventCallback, type ButtonClick, type ButtonClickCallback, type Callback, CallbackError, type CallbackErrorReason, type InboundMessage, type InboundMessageCallback, type ParseCallbackOptions, type StatusCallback, type TemplateEventCallback, parseCallback };
