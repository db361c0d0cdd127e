// The upstream of each host in proxy mode, and the one way a request reaches it: its bytes as the app sent them
// (body, signature and headers untouched, only the hop-by-hop ones and Host are the connection's own), and the
// answer's bytes back as they came (still compressed, when they were). The proxy never holds a secret.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Spec } from '../http/hosts.js';

// Headers that belong to one connection, never forwarded (RFC 9110, 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Whether a URL's host is this machine: the only place a plain-HTTP upstream may be. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

/** Checks one upstream URL: HTTPS, or HTTP on loopback; an Error saying what was expected otherwise. */
export function checkUpstreamUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${JSON.stringify(text)} is not a URL; expected https://<host>[:port]`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new Error(
      `${JSON.stringify(text)} must be an https:// URL (plain http:// only on loopback: 127.0.0.1, [::1], localhost)`,
    );
  if (url.username || url.password) throw new Error(`${JSON.stringify(text)} must not carry credentials`);
  if (url.search || url.hash) throw new Error(`${JSON.stringify(text)} must have no query or fragment`);
  return url;
}

/** The documented production URL of a host: the first of its spec's `servers`. */
export const documentedUrl = (spec: Spec): string | undefined =>
  (spec.servers as { url?: string }[] | undefined)?.[0]?.url;

/** One answer of the upstream, as it came. */
export interface UpstreamAnswer {
  status: number;
  statusText: string;
  httpVersion: string;
  /** The response's headers in order, as sent (names as written). */
  headers: [string, string][];
  /** The body's bytes as sent (compressed if it was). */
  raw: Buffer;
  /** The body decoded (Content-Encoding undone), for validation and the cassette. */
  decoded: Buffer;
  /** When the request was sent, the first byte came and the last one (ms since the epoch, fractional). */
  timings: { start: number; firstByte: number; end: number };
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  try {
    switch ((encoding ?? '').trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(raw);
      case 'deflate':
        return inflateSync(raw);
      case 'br':
        return brotliDecompressSync(raw);
      default:
        return raw;
    }
  } catch {
    return raw;
  }
}

/** Sends a request's raw head and body to the upstream; rejects with an Error naming the upstream when it does not answer. */
export function forward(
  upstream: URL,
  request: { method: string; target: string; rawHeaders: string[]; body: Buffer },
  timeoutMs = 60_000,
): Promise<UpstreamAnswer> {
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2)
    if (!HOP_BY_HOP.has(request.rawHeaders[i].toLowerCase()))
      headers.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);
  headers.push(['Host', upstream.host]);
  // The upstream's own base path (if any) goes before the request's path, which is sent as the app wrote it.
  const base = upstream.pathname.replace(/\/$/, '');
  const start = performance.timeOrigin + performance.now();
  return new Promise((resolve, reject) => {
    const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
        port: upstream.port || undefined,
        method: request.method,
        path: `${base}${request.target}`,
        // An array of pairs keeps the order and the spelling of every header.
        headers: headers.flat(),
        timeout: timeoutMs,
        setHost: false,
      },
      (res: IncomingMessage) => {
        const firstByte = performance.timeOrigin + performance.now();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const pairs: [string, string][] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          resolve({
            status: res.statusCode ?? 502,
            statusText: res.statusMessage ?? '',
            httpVersion: `HTTP/${res.httpVersion}`,
            headers: pairs,
            raw,
            decoded: decode(raw, res.headers['content-encoding']),
            timings: { start, firstByte, end: performance.timeOrigin + performance.now() },
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => reject(new Error(`the upstream ${upstream.origin} did not answer: ${error.message}`)));
    req.end(request.body);
  });
}

/** The answer's headers to pass back to the app: all but the connection's own. */
export const passedBack = (headers: readonly [string, string][]) =>
  headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && name.toLowerCase() !== 'content-length');
