import { SigningError } from './errors.js';
import { type HashImplementation, hexDigest, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './hash.js';

/** The account's credentials. The secret is only ever hashed: it is never sent, logged or put in an error. */
export interface Credentials {
  accessKey: string;
  accessSecret: string;
}

/** What a signature covers. */
export interface SignatureInput extends Credentials {
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

const TS = /^[0-9]{13}$/;
const HEADER_VALUE = /^[\x21-\x7e]+$/;

function checked(input: SignatureInput): { ts: string; algorithm: SignatureAlgorithm } {
  if (typeof input.accessKey !== 'string' || input.accessKey.length === 0) {
    throw new SigningError(
      'missing-access-key',
      "accessKey is missing: expected the account's access key, a non-empty string.",
    );
  }
  if (!HEADER_VALUE.test(input.accessKey)) {
    throw new SigningError(
      'invalid-access-key',
      'accessKey is not a valid header value: expected visible ASCII characters without spaces.',
    );
  }
  if (typeof input.accessSecret !== 'string' || input.accessSecret.length === 0) {
    throw new SigningError(
      'missing-access-secret',
      "accessSecret is missing: expected the account's access secret, a non-empty string.",
    );
  }
  for (const field of ['action', 'bizType'] as const) {
    const value = input[field];
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new SigningError(
        'invalid-operation',
        `${field} is ${value === undefined ? 'missing' : 'invalid'}: expected the operation's ${field} header value, e.g. ${field === 'action' ? '"mt"' : '"2"'}.`,
      );
    }
  }
  const ts = typeof input.ts === 'number' ? (Number.isInteger(input.ts) ? String(input.ts) : '') : input.ts;
  if (typeof ts !== 'string' || !TS.test(ts)) {
    throw new SigningError(
      'invalid-ts',
      `ts is invalid: expected milliseconds since the epoch, 13 digits (e.g. 1655710885431), got ${describe(input.ts, input.accessSecret)}.`,
    );
  }
  const algorithm = input.algorithm ?? 'md5';
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) {
    throw new SigningError(
      'unknown-algorithm',
      `algorithm is unknown: expected "md5" or "sha256", got ${describe(algorithm, input.accessSecret)}.`,
    );
  }
  return { ts, algorithm };
}

// Echoes a short bad value to help the caller, unless it could be (or contain) the secret.
function describe(value: unknown, secret: unknown): string {
  if (typeof value === 'string') {
    const risky =
      value.length > 24 ||
      (typeof secret === 'string' && secret.length > 0 && (value.includes(secret) || secret.includes(value)));
    return risky ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}

// The parts hashed in order; strings stand for their UTF-8 bytes (a native hash takes them without a copy).
function parts(input: SignatureInput, ts: string): (Uint8Array | string)[] {
  const body = input.body === null || input.body === undefined || input.body.length === 0 ? undefined : input.body;
  const head = `accessKey=${input.accessKey}&action=${input.action}&bizType=${input.bizType}&ts=${ts}`;
  const secret = `&accessSecret=${input.accessSecret}`;
  if (body === undefined) return [head + secret];
  return typeof body === 'string' ? [`${head}&body=${body}${secret}`] : [`${head}&body=`, body, secret];
}

/**
 * The exact text that is hashed: the four headers in ASCII order, `&body=` and the body when there is one, and
 * `&accessSecret=` with the secret. It contains the secret: never log it.
 */
export function stringToSign(input: SignatureInput): string {
  const { ts } = checked(input);
  const decoder = new TextDecoder();
  return parts(input, ts)
    .map((p) => (typeof p === 'string' ? p : decoder.decode(p)))
    .join('');
}

/** The `sign` header value: lowercase hex MD5 (or SHA-256) of the UTF-8 bytes of {@link stringToSign}. */
export function computeSignature(input: SignatureInput): string {
  const { ts, algorithm } = checked(input);
  return hexDigest(algorithm, parts(input, ts), input.hashImplementation);
}

/**
 * Checks credentials (and an algorithm) up front, as a client is made, rather than on its first request; throws
 * the {@link SigningError} signing would.
 */
export function assertCredentials(input: Credentials & { algorithm?: SignatureAlgorithm }): void {
  checked({ ...input, action: 'check', bizType: '0', ts: 1_000_000_000_000 });
}

/**
 * The names of the common headers every signed request carries, as NxCloud spells them (header names are
 * case-insensitive on the wire); `algorithm` is sent only when it is not md5.
 */
export const SIGNATURE_HEADERS = ['accessKey', 'ts', 'bizType', 'action', 'sign'] as const;
export const ALGORITHM_HEADER = 'algorithm';

/** The common headers of a request, `sign` included (and `algorithm` when it is not the default md5). */
export function signatureHeaders(input: SignatureInput): Record<string, string> {
  const { ts, algorithm } = checked(input);
  const headers: Record<string, string> = {
    accessKey: input.accessKey,
    ts,
    bizType: input.bizType,
    action: input.action,
    sign: hexDigest(algorithm, parts(input, ts), input.hashImplementation),
  };
  if (algorithm !== 'md5') headers[ALGORITHM_HEADER] = algorithm;
  return headers;
}
