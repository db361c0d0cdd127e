import { Middleware } from 'openapi-fetch';

/** What went wrong, as a stable code callers can branch on. */
type SigningErrorCode = 'missing-access-key' | 'missing-access-secret' | 'invalid-access-key' | 'invalid-ts' | 'unknown-algorithm' | 'missing-operation' | 'invalid-operation';
/**
 * Thrown for input that cannot be signed. Its message names the field and what was expected; it never contains
 * the access secret (nor any value derived from it).
 */
declare class SigningError extends Error {
    readonly name = "SigningError";
    readonly code: SigningErrorCode;
    constructor(code: SigningErrorCode, message: string);
}

/** The hashes the server accepts in the `algorithm` header; `md5` is the default. */
type SignatureAlgorithm = 'md5' | 'sha256';
declare const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[];
/** `native` uses the runtime's own hash when it has one (Node, Bun, Deno), `portable` always the pure-JS one. */
type HashImplementation = 'auto' | 'native' | 'portable';
/** Whether this runtime offers a native hash. */
declare const hasNativeHash: boolean;
/** Lowercase hex digest of the concatenation of `parts` (strings are hashed as their UTF-8 bytes). */
declare function hexDigest(algorithm: SignatureAlgorithm, parts: readonly (Uint8Array | string)[], implementation?: HashImplementation): string;

/** The account's credentials. The secret is only ever hashed: it is never sent, logged or put in an error. */
interface Credentials {
    accessKey: string;
    accessSecret: string;
}
/** What a signature covers. */
interface SignatureInput extends Credentials {
    /** The operation's `action` header, e.g. `mt`. */
    action: string;
    /** The `bizType` header; `2` for WhatsApp. */
    bizType: string;
    /** Milliseconds since the epoch, 13 digits. */
    ts: string | number;
    /**
     * The exact body text (or bytes) sent, for a JSON request. Leave out (or `null`, or empty) for requests without
     * a body and for `multipart/form-data` requests, whose body is not signed.
     */
    body?: string | Uint8Array | null;
    /** `md5` (default) or `sha256`. */
    algorithm?: SignatureAlgorithm;
    /** Which hash implementation to use; `auto` prefers the runtime's native one. */
    hashImplementation?: HashImplementation;
}
/**
 * The exact text that is hashed: the four headers in ASCII order, `&body=` and the body when there is one, and
 * `&accessSecret=` with the secret. It contains the secret: never log it.
 */
declare function stringToSign(input: SignatureInput): string;
/** The `sign` header value: lowercase hex MD5 (or SHA-256) of the UTF-8 bytes of {@link stringToSign}. */
declare function computeSignature(input: SignatureInput): string;
/** The common headers of a request, `sign` included (and `algorithm` when it is not the default md5). */
declare function signatureHeaders(input: SignatureInput): Record<string, string>;

/** Headers as a `Headers`, a plain record, or Node's `IncomingHttpHeaders`; names are matched case-insensitively. */
type HeadersLike = Headers | Record<string, string | readonly string[] | undefined>;
interface VerifyOptions {
    /** The request's (or callback's) headers. */
    headers: HeadersLike;
    /** The raw body exactly as received: bytes, or the text decoded from them. Empty or absent: no body. */
    body?: string | Uint8Array | ArrayBuffer | null;
    /** The account's access secret. */
    accessSecret: string;
    /** The `action` the signature must carry; not checked when left out. */
    action?: string;
    /** The `accessKey` the signature must carry; not checked when left out. */
    accessKey?: string;
    /** The `bizType` the signature must carry; not checked when left out. */
    bizType?: string;
    /** Largest accepted difference between `ts` and `now`, in ms; 60 000 by default, as the server. */
    maxDriftMs?: number;
    /** The current time in ms; `Date.now()` by default. */
    now?: number;
    hashImplementation?: HashImplementation;
}
type VerifyFailure = 'missing-header' | 'malformed-ts' | 'stale-ts' | 'wrong-access-key' | 'wrong-action' | 'wrong-biz-type' | 'unknown-algorithm' | 'bad-signature';
type VerifyResult = {
    valid: true;
    accessKey: string;
    action: string;
    bizType: string;
    ts: number;
    algorithm: SignatureAlgorithm;
} | {
    valid: false;
    reason: VerifyFailure;
    message: string;
};
/** Compares two strings in time that depends only on their lengths. */
declare function timingSafeEqual(a: string, b: string): boolean;
/**
 * Checks the signature of a request or callback: its headers are present, its `ts` is within the allowed drift,
 * its `action` (and `accessKey`, `bizType`) are the expected ones, and `sign` matches the raw body. A
 * `multipart/form-data` body is not part of the signature. Returns why it is not valid rather than throwing.
 */
declare function verifySignature(options: VerifyOptions): VerifyResult;

/** The `action` and `bizType` an operation is signed with. */
interface OperationSigning {
    action: string;
    bizType: string;
}
interface SignedFetchOptions extends Credentials {
    /** `md5` (default) or `sha256`. */
    algorithm?: SignatureAlgorithm;
    /** The fetch that sends the signed request; `globalThis.fetch` by default. */
    fetch?: (request: Request) => Promise<Response>;
    /** The current time in ms; `Date.now` by default. */
    now?: () => number;
    /** Added to `now()` for every `ts`: a correction of the local clock against the server's, in ms. */
    clockOffsetMs?: number | (() => number);
    /**
     * Which operation a request is. By default, the `action` and `bizType` headers already on the request (which
     * {@link operationHeaders} sets from the spec's table) are used.
     */
    operation?: (request: Request) => OperationSigning | undefined;
    hashImplementation?: HashImplementation;
}
type SignedFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
/**
 * A `fetch` that signs every request it sends, with a fresh `ts`: each call is one network attempt, so a retry
 * loop around it re-signs every attempt. A JSON body is signed as the exact bytes that are sent; a
 * `multipart/form-data` body is sent as it is and not signed. The request passed in is left unread, so the
 * caller can send it again.
 */
declare function createSignedFetch(options: SignedFetchOptions): SignedFetch;

/** An operation's entry in the table generated from a spec: `"<method> <path>"` → its signing headers. */
type OperationTable = Readonly<Record<string, OperationSigning & {
    operationId?: string;
}>>;
/**
 * An `openapi-fetch` middleware that puts each operation's `action` and `bizType` headers on its request, from the
 * table generated from the spec's `x-nxcloud-action` and `x-nxcloud-biz-type`. Pair it with
 * {@link createSignedFetch}, which signs each attempt.
 */
declare function operationHeaders(table: OperationTable): Middleware;

declare const operations: {
    readonly 'api2.nxcloud.com': {
        readonly 'post /api/wa/mt': {
            readonly operationId: "sendMessage";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'post /api/wa/otp': {
            readonly operationId: "sendOtp";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'post /api/wa/uploadMedia': {
            readonly operationId: "uploadMedia";
            readonly action: "uploadMedia";
            readonly bizType: "2";
        };
        readonly 'post /api/wa/getMedia': {
            readonly operationId: "getMedia";
            readonly action: "getMedia";
            readonly bizType: "2";
        };
        readonly 'post /api/wa/deleteMedia': {
            readonly operationId: "deleteMedia";
            readonly action: "deleteMedia";
            readonly bizType: "2";
        };
    };
    readonly 'api.nxcloud.com': {
        readonly 'post /saas/wa/send': {
            readonly operationId: "sendTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
    };
    readonly 'api-idn.nxlink.ai': {
        readonly 'post /saas/wa/send': {
            readonly operationId: "sendTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
    };
    readonly 'api-hk.nxlink.ai': {
        readonly 'get /saas/wa/template/{phone}': {
            readonly operationId: "listTemplates";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'put /saas/wa/template/{phone}': {
            readonly operationId: "updateTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'post /saas/wa/template/{phone}': {
            readonly operationId: "createTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'get /saas/wa/template/{phone}/{id}': {
            readonly operationId: "getTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'delete /saas/wa/template/{phone}/{id}': {
            readonly operationId: "deleteTemplate";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'get /saas/wa/flow/{phone}': {
            readonly operationId: "listFlows";
            readonly action: "mt";
            readonly bizType: "2";
        };
        readonly 'post /saas/wa/media/{phone}': {
            readonly operationId: "uploadTemplateMedia";
            readonly action: "mt";
            readonly bizType: "2";
        };
    };
};
/** A documented host. */
type NxcloudHost = keyof typeof operations;

export { type Credentials, type HashImplementation, type HeadersLike, type NxcloudHost, type OperationSigning, type OperationTable, SIGNATURE_ALGORITHMS, type SignatureAlgorithm, type SignatureInput, type SignedFetch, type SignedFetchOptions, SigningError, type SigningErrorCode, type VerifyFailure, type VerifyOptions, type VerifyResult, computeSignature, createSignedFetch, hasNativeHash, hexDigest, operationHeaders, operations, signatureHeaders, stringToSign, timingSafeEqual, verifySignature };
