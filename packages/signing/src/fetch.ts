import { SigningError } from './errors.js';
import type { HashImplementation, SignatureAlgorithm } from './hash.js';
import { assertCredentials, type Credentials, signatureHeaders } from './sign.js';

/** The `action` and `bizType` an operation is signed with. */
export interface OperationSigning {
  action: string;
  bizType: string;
}

export interface SignedFetchOptions extends Credentials {
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

export type SignedFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

const isMultipart = (request: Request) => /^\s*multipart\/form-data/i.test(request.headers.get('content-type') ?? '');

/**
 * A `fetch` that signs every request it sends, with a fresh `ts`: each call is one network attempt, so a retry
 * loop around it re-signs every attempt. A JSON body is signed as the exact bytes that are sent; a
 * `multipart/form-data` body is sent as it is and not signed. The request passed in is left unread, so the
 * caller can send it again. A redirect is not followed: it throws a {@link SigningError} `redirected`.
 */
export function createSignedFetch(options: SignedFetchOptions): SignedFetch {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const now = options.now ?? Date.now;
  const offset = options.clockOffsetMs ?? 0;
  assertCredentials(options);

  return async (input, init) => {
    // A Request passed alone is used as it is (copying it would take its body); it is cloned before reading.
    const original = input instanceof Request && init === undefined ? input : new Request(input, init);
    const operation = options.operation?.(original) ?? fromHeaders(original);
    if (!operation) {
      throw new SigningError(
        'missing-operation',
        `No action and bizType for ${original.method} ${new URL(original.url).pathname}: expected the action and bizType headers (set by operationHeaders) or an operation() option that knows the request.`,
      );
    }
    const ts = Math.round(now() + (typeof offset === 'function' ? offset() : offset));
    const request = original.clone();
    const multipart = isMultipart(request);
    const body = multipart || request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    const signed = signatureHeaders({
      accessKey: options.accessKey,
      accessSecret: options.accessSecret,
      action: operation.action,
      bizType: operation.bizType,
      ts,
      body,
      algorithm: options.algorithm,
      hashImplementation: options.hashImplementation,
    });
    for (const [name, value] of Object.entries(signed)) headers.set(name, value);
    // The API never redirects: a redirect is refused, not followed, so that the signed headers (the accessKey and
    // a valid sign) never go to another address.
    const manual: RequestInit = { headers, redirect: 'manual' };
    const response = await send(
      new Request(request, multipart || request.body === null ? manual : { ...manual, body }),
    );
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => {});
      const target = response.headers.get('location');
      throw new SigningError(
        'redirected',
        `${original.method} ${new URL(original.url).pathname} was redirected${response.status ? ` (HTTP ${response.status})` : ''} to ${target ? new URL(target, original.url).href : 'an undisclosed address'}; the API never redirects: check the URL.`,
      );
    }
    return response;
  };
}

function fromHeaders(request: Request): OperationSigning | undefined {
  const action = request.headers.get('action');
  const bizType = request.headers.get('bizType');
  return action && bizType ? { action, bizType } : undefined;
}
