import { type HashImplementation, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './hash.js';
import { ALGORITHM_HEADER, computeSignature, SIGNATURE_HEADERS } from './sign.js';

/** Headers as a `Headers`, a plain record, or Node's `IncomingHttpHeaders`; names are matched case-insensitively. */
export type HeadersLike = Headers | Record<string, string | readonly string[] | undefined>;

export interface VerifyOptions {
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
  /**
   * `unless-multipart` (default, as the server checks requests): a `multipart/form-data` body is not part of the
   * signature. `always`: the body is signed whatever the Content-Type says — for callbacks, which are JSON, so that
   * a forged `Content-Type` cannot take the body out of the signature.
   */
  signedBody?: 'unless-multipart' | 'always';
  /** Largest accepted difference between `ts` and `now`, in ms; 60 000 by default, as the server. */
  maxDriftMs?: number;
  /** The current time in ms; `Date.now()` by default. */
  now?: number;
  hashImplementation?: HashImplementation;
}

export type VerifyFailure =
  | 'missing-header'
  | 'malformed-ts'
  | 'stale-ts'
  | 'wrong-access-key'
  | 'wrong-action'
  | 'wrong-biz-type'
  | 'unknown-algorithm'
  | 'bad-signature';

export type VerifyResult =
  | {
      valid: true;
      accessKey: string;
      action: string;
      bizType: string;
      ts: number;
      algorithm: SignatureAlgorithm;
      /**
       * The signature as it was checked: without the padding around it, in lower case. Padding and case do not
       * change what is accepted, so a store that refuses replays must key on this, not on the header as received.
       */
      sign: string;
    }
  | { valid: false; reason: VerifyFailure; message: string };

// The lower-case spelling of each header name looked up: made once, not on every request.
const lowerNames = new Map<string, string>();
const lowerOf = (name: string) => {
  let lower = lowerNames.get(name);
  if (lower === undefined) lowerNames.set(name, (lower = name.toLowerCase()));
  return lower;
};

function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = lowerOf(name);
  // Node's IncomingHttpHeaders are keyed in lower case: one lookup, before a scan for other spellings (by key, with
  // no list of entries made: an absent header, as `algorithm` mostly is, is scanned for on every request).
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const direct = Object.hasOwn(record, lower) ? record[lower] : undefined;
  if (typeof direct === 'string') return direct;
  if (Array.isArray(direct)) return direct.join(', ');
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (value === undefined || key.toLowerCase() !== lower) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

/** Compares two strings in time that depends only on their lengths. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ valid: false, reason, message });

/**
 * Checks the signature of a request or callback: its headers are present, its `ts` is within the allowed drift,
 * its `action` (and `accessKey`, `bizType`) are the expected ones, and `sign` matches the raw body. A
 * `multipart/form-data` body is not part of the signature unless `signedBody: 'always'`. Returns why it is not
 * valid rather than throwing.
 */
export function verifySignature(options: VerifyOptions): VerifyResult {
  const names = SIGNATURE_HEADERS;
  const values: Partial<Record<(typeof names)[number], string>> = {};
  for (const name of names) {
    const value = header(options.headers, name)?.trim();
    if (!value) return fail('missing-header', `The ${name} header is missing.`);
    values[name] = value;
  }
  const { accessKey, ts, bizType, action, sign } = values as Record<(typeof names)[number], string>;
  const algorithm = (header(options.headers, ALGORITHM_HEADER)?.trim().toLowerCase() || 'md5') as SignatureAlgorithm;
  if (!SIGNATURE_ALGORITHMS.includes(algorithm))
    return fail('unknown-algorithm', 'The algorithm header is neither md5 nor sha256.');
  if (!/^[0-9]{13}$/.test(ts))
    return fail('malformed-ts', 'The ts header is not milliseconds since the epoch (13 digits).');
  const drift = Math.abs((options.now ?? Date.now()) - Number(ts));
  const maxDrift = options.maxDriftMs ?? 60_000;
  if (drift > maxDrift)
    return fail('stale-ts', `The ts header is ${drift} ms away from now; at most ${maxDrift} ms is allowed.`);
  if (options.accessKey !== undefined && accessKey !== options.accessKey)
    return fail('wrong-access-key', 'The accessKey header is not the expected one.');
  if (options.action !== undefined && action !== options.action)
    return fail('wrong-action', `The action header is not "${options.action}".`);
  if (options.bizType !== undefined && bizType !== options.bizType)
    return fail('wrong-biz-type', `The bizType header is not "${options.bizType}".`);

  const contentType = header(options.headers, 'content-type') ?? '';
  const raw = options.body instanceof ArrayBuffer ? new Uint8Array(options.body) : options.body;
  const body = options.signedBody !== 'always' && /^\s*multipart\/form-data/i.test(contentType) ? undefined : raw;
  let expected: string;
  try {
    expected = computeSignature({
      accessKey,
      accessSecret: options.accessSecret,
      action,
      bizType,
      ts,
      body,
      algorithm,
      hashImplementation: options.hashImplementation,
    });
  } catch {
    return fail('bad-signature', 'The signature cannot be checked: the headers are not valid values.');
  }
  if (!timingSafeEqual(sign.toLowerCase(), expected))
    return fail('bad-signature', 'The sign header does not match the request.');
  return { valid: true, accessKey, action, bizType, ts: Number(ts), algorithm, sign: expected };
}
