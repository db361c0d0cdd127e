// The wait before another attempt: the server's Retry-After first, else exponential backoff with jitter.
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../src/backoff.js';

describe('retryDelay', () => {
  it('waits as Retry-After says (seconds or a date on the server clock), else backs off with jitter', () => {
    const half = () => 0.5;
    expect(retryDelay(1, '2', {}, () => 0, half)).toBe(2_000);
    expect(retryDelay(1, new Date(10_000).toUTCString(), {}, () => 4_000, half)).toBe(6_000);
    expect(retryDelay(3, null, { baseDelayMs: 100, maxDelayMs: 300 }, () => 0, half)).toBe(225);
    expect(retryDelay(2, 'soon', { baseDelayMs: 100 }, () => 0, half)).toBe(150);
  });
});
