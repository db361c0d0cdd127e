// The signature checks, in the real servers' order: ts within ±60 s (1004), a known accessKey (1005), then `sign`
// over the raw body (1003).
import type { IncomingHttpHeaders } from 'node:http';
import { verifySignature } from '@org/nxwa-signing';
import { type Answer, type Family, failure } from '../http/answer.js';

export function checkSignature(
  family: Family,
  headers: IncomingHttpHeaders,
  raw: Uint8Array,
  accounts: ReadonlyMap<string, string>,
): { answer?: Answer; secret?: string } {
  const secret = accounts.get(String(headers.accesskey));
  // Verified even for an unknown key (against a secret no one has), so that a stale ts is reported first.
  const verdict = verifySignature({
    headers: headers as Record<string, string>,
    body: raw,
    accessSecret: secret ?? '\u0000',
    maxDriftMs: 60_000,
  });
  if (!verdict.valid && (verdict.reason === 'malformed-ts' || verdict.reason === 'stale-ts'))
    return { answer: failure(family, 1004, `Timestamp expired: ${verdict.message}`) };
  if (secret === undefined)
    return { answer: failure(family, 1005, 'Insufficient permissions: the accessKey is not known to this mock.') };
  if (!verdict.valid) return { answer: failure(family, 1003, `Invalid signature: ${verdict.message}`) };
  return { secret };
}
