// The time as ISO 8601 text, made once per millisecond: every send stamps its record and its journal entry, and
// formatting a Date for each of them cost more than the rest of either.
let stampedMs = -1;
let stamp = '';

/** `new Date().toISOString()`, the text kept for the millisecond it was made in. */
export function isoNow(): string {
  const ms = Date.now();
  if (ms !== stampedMs) {
    stampedMs = ms;
    stamp = new Date(ms).toISOString();
  }
  return stamp;
}
