// Who may use the mock's own paths. A web page of another origin must not: by DNS rebinding (its name pointed at
// 127.0.0.1) it would reach them with its own name in Host — so only loopback names, the listen address and the
// names the user allows are taken — and by a "simple" cross-origin POST (text/plain, no preflight) it could post
// an inbound message whose signed callback the developer's webhook takes as genuine — so a POST must carry what a
// browser sends only after a preflight, which the mock never grants (it answers no CORS headers).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Answer } from '../http/answer.js';

/** The header a client may send instead of a JSON Content-Type (a browser must preflight it). */
export const ADMIN_HEADER = 'x-nxwa-admin';

const json = (status: number, error: string): Answer => ({ status, body: JSON.stringify({ error }) });

/** The host name of a Host header, lowercased, without its port or IPv6 brackets; undefined when it has none. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '').replace(/\.$/, '') || undefined;
}

export function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** A 403 for a request addressed to another name, or undefined. `allowed`: host names besides loopback ones. */
export function refusedHost(req: IncomingMessage, allowed: ReadonlySet<string>): Answer | undefined {
  const name = hostNameOf(req.headers.host);
  if (name === undefined || !(isLoopbackName(name) || allowed.has(name)))
    return json(
      403,
      `The mock's own paths answer only requests addressed to a loopback name (localhost, 127.0.0.1, [::1]) or one allowed with --allowed-host / allowedHosts; this one was addressed to ${JSON.stringify((req.headers.host ?? '').slice(0, 100))}.`,
    );
  return undefined;
}

// The Content-Types a page of another origin may POST without a preflight (the Fetch standard's CORS-safelisted
// ones, and none at all); anything else — JSON, a file's own type — makes the browser ask first, and we never agree.
const SIMPLE_TYPES = new Set(['', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded']);

/** A 415 for a POST a browser would send cross-origin without a preflight, or undefined. */
export function refusedPost(req: IncomingMessage): Answer | undefined {
  if (req.method !== 'POST' || req.headers[ADMIN_HEADER] !== undefined) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!SIMPLE_TYPES.has(type)) return undefined;
  return json(
    415,
    `A POST to the mock's own paths must carry Content-Type: application/json (a file its own type), or the header ${ADMIN_HEADER}: 1 — what a web page of another origin cannot send without the browser's preflight; got ${JSON.stringify(type || 'no Content-Type')}.`,
  );
}
