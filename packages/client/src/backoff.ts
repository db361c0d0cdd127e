// How long to wait before another attempt: needed after a failure only, so it is loaded with the code that builds
// errors (failures.ts) and the runtime entry stays small. Whether to try again is the policy's (retry.ts).
import type { RetryOptions } from './retry.js';

/**
 * The wait before attempt `n + 1`: the server's Retry-After (seconds, or an HTTP date on the server's clock,
 * `serverNow()`) when it names a wait, else `baseDelayMs · 2^(n-1)` capped at `maxDelayMs`, with jitter (50–100 %).
 */
export function retryDelay(
  n: number,
  retryAfter: string | null | undefined,
  options: RetryOptions,
  serverNow: () => number,
  random: () => number,
): number {
  const value = retryAfter?.trim();
  const asked = value ? (/^\d+$/.test(value) ? Number(value) * 1000 : Math.ceil(Date.parse(value) - serverNow())) : NaN;
  if (asked > 0) return asked;
  const backoff = Math.min(options.maxDelayMs ?? 8_000, (options.baseDelayMs ?? 250) * 2 ** (n - 1));
  return Math.round(backoff * (0.5 + random() / 2));
}
