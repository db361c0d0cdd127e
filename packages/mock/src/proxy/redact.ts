// What a cassette or a drift example may keep: secrets (`appkey`, `sign`, tokens, …) become ***, phone numbers are
// masked but their last two digits (unless recipients are kept on purpose). The keys are the journal's, so that
// everything the mock writes down masks the same fields; a number masked once is masked wherever else it appears.
import { maskNumber, RECIPIENT_KEY, SECRET_KEY } from '../admin/journal.js';

export interface RedactOptions {
  /** Keep phone numbers whole (`--keep-recipients`); secrets are always replaced. */
  keepRecipients: boolean;
  /** Collects the whole numbers masked, so that they can be masked in any other text of the same exchange. */
  numbers?: Set<string>;
}

export const REDACTED = '***';

/** A JSON value with secrets replaced and phone numbers masked. */
export function redactJson(value: unknown, options: RedactOptions, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redactJson(v, options, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, options, k)]));
  if (SECRET_KEY.test(key) && value !== null && value !== undefined) return REDACTED;
  if (!options.keepRecipients && RECIPIENT_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) {
    const whole = String(value);
    if (/\d{5,}/.test(whole)) options.numbers?.add(whole);
    return maskNumber(whole);
  }
  return value;
}

/** A name/value pair (a header or a query parameter) redacted as a JSON field of that name would be. */
export function redactPair(name: string, value: string, options: RedactOptions): string {
  if (SECRET_KEY.test(name)) return REDACTED;
  if (name.toLowerCase() === 'cookie' || name.toLowerCase() === 'set-cookie') return REDACTED;
  return String(redactJson(value, options, name));
}

/** Masks, in any text, each whole number masked elsewhere in the exchange (a recipient echoed under another name). */
export function maskKnownNumbers(text: string, numbers: ReadonlySet<string>): string {
  let out = text;
  for (const n of numbers) out = out.split(n).join(maskNumber(n));
  return out;
}
