// The journal: every request a host answered, with its verdict. A refusal the caller did not ask for (no `Prefer`
// example, no fault) is a violation of the contract: the application sent what the spec forbids. The newest
// `limit` requests are kept (as the message store keeps messages); the violations are also counted, grouped by
// operation, field and rule, so that a report still names every one after the oldest requests are dropped.

import { interner } from '../http/texts.js';

/** One problem of a refused request: the field at fault (empty for the request as a whole) and the rule it broke. */
export interface JournalProblem {
  field: string;
  rule: string;
}

export interface JournalEntry {
  /** 1 for the first request journaled since the start (or the last reset), then 2, … */
  seq: number;
  /** ISO 8601 time of the answer. */
  at: string;
  host: string;
  method: string;
  /** The request path, without its query. */
  path: string;
  /** The documented operation, or null when the spec has none for this method and path. */
  operationId: string | null;
  /** The account (the `accessKey` header), when the request carried one. */
  accessKey: string | null;
  /** The answer's HTTP status. */
  status: number;
  /** NxCloud's `code` in the answer, when it has one. */
  code: number | null;
  verdict: 'accepted' | 'refused';
  /** Why a refusal was asked for on purpose (a `Prefer` example, a fault): such a refusal is no violation. */
  chosen: 'prefer' | 'fault' | null;
  violation: boolean;
  /** The answer's message, for a refusal. */
  message: string | null;
  problems: JournalProblem[];
  /** For a violation: the start of the body, with secrets and phone numbers masked. */
  excerpt: string | null;
}

/** Violations of one operation, field and rule: how often, and the first request's excerpt. */
export interface Violation {
  host: string;
  operationId: string | null;
  method: string;
  path: string;
  field: string;
  rule: string;
  count: number;
  firstAt: string;
  excerpt: string | null;
  accessKeys: string[];
}

export interface JournalFilter {
  verdict?: 'accepted' | 'refused';
  operation?: string;
  /** ISO 8601 time: only requests answered at or after it. */
  since?: string;
  accessKey?: string;
}

/** What one answered request gives the journal; the rest is derived. */
export interface Journaled {
  host: string;
  method: string;
  path: string;
  operationId?: string;
  accessKey?: string;
  status: number;
  code?: number;
  chosen?: 'prefer' | 'fault';
  /** The answer's body text (its `message` is taken from it). */
  answer?: string;
  /** The validation problems as the answer's message words them (`field: rule`). */
  problems?: { field: string; text: string }[];
  /** The request body, for the excerpt of a violation. */
  body?: Buffer;
}

export const SECRET_KEY = /secret|sign|token|password|passwd|authorization|appkey|api_?key/i;
export const RECIPIENT_KEY = /^(to|from|phone|phone_number|business_phone|merchant_phone|wa_id|mobile|recipient)s?$/i;
const EXCERPT_CHARS = 300;

/** Masks a phone number but its last two digits. */
export const maskNumber = (v: string) => v.replace(/\d(?=\d{2})/g, '•');

function mask(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => mask(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
  if (SECRET_KEY.test(key) && value !== null && value !== undefined) return '***';
  if (RECIPIENT_KEY.test(key) && (typeof value === 'string' || typeof value === 'number'))
    return maskNumber(String(value));
  return value;
}

/** The start of a body, secrets (`appkey`, `sign`, …) replaced by *** and phone numbers masked but their last two digits. */
export function excerptOf(body: Buffer | undefined): string | null {
  if (!body || body.length === 0) return null;
  const text = body.subarray(0, 64 * 1024).toString('utf8');
  let shown: string;
  try {
    shown = JSON.stringify(mask(JSON.parse(text)));
  } catch {
    // Not JSON (a multipart upload, or broken JSON): say what it is rather than show bytes that may hold anything.
    return `(${body.length} bytes, not JSON)`;
  }
  return shown.length > EXCERPT_CHARS ? `${shown.slice(0, EXCERPT_CHARS - 1)}…` : shown;
}

function messageOf(answer: string | undefined): string | null {
  if (!answer) return null;
  try {
    const parsed = JSON.parse(answer) as Record<string, unknown>;
    const m = parsed.message ?? parsed.msg ?? parsed.error;
    return typeof m === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** What a listener of the journal is told of each answered request (as its entry words them). */
export type JournalSummary = Pick<JournalEntry, 'host' | 'operationId' | 'verdict' | 'code'>;

/** What makes a refused request's entry; an accepted one has none of it. */
interface Refusal {
  chosen: JournalEntry['chosen'];
  violation: boolean;
  message: string | null;
  problems: JournalProblem[];
  excerpt: string | null;
}

/**
 * One place of the journal's ring, written over by the request that takes it; its entry is made when read. A new
 * entry per request, each kept through a thousand more, was moved up the GC's generations: an eighth of a send.
 */
class Kept implements JournalSummary {
  seq = 0;
  atMs = 0;
  host = '';
  method = '';
  path = '';
  operationId: string | null = null;
  accessKey: string | null = null;
  status = 0;
  code: number | null = null;
  refusal: Refusal | undefined = undefined;

  get verdict(): JournalEntry['verdict'] {
    return this.refusal ? 'refused' : 'accepted';
  }

  entry(): JournalEntry {
    const r = this.refusal;
    return {
      seq: this.seq,
      at: new Date(this.atMs).toISOString(),
      host: this.host,
      method: this.method,
      path: this.path,
      operationId: this.operationId,
      accessKey: this.accessKey,
      status: this.status,
      code: this.code,
      verdict: this.verdict,
      chosen: r?.chosen ?? null,
      violation: r?.violation ?? false,
      message: r?.message ?? null,
      problems: r ? r.problems : [],
      excerpt: r?.excerpt ?? null,
    };
  }
}

export function createJournal(limit = 1_000) {
  // The kept requests as a ring: once full, the newest takes the place of the oldest, at `oldest`.
  let ring: Kept[] = [];
  let oldest = 0;
  let seq = 0;
  const intern = interner();
  const grouped = new Map<string, Violation>();
  const listeners = new Set<(summary: JournalSummary) => void>();

  return {
    /** Records one answered request. */
    record(r: Journaled): void {
      const refused = r.status >= 400 || (r.code !== undefined && r.code !== 0);
      let kept: Kept;
      if (ring.length < limit) ring.push((kept = new Kept()));
      else {
        kept = ring[oldest];
        oldest = oldest + 1 === limit ? 0 : oldest + 1;
      }
      kept.seq = ++seq;
      kept.atMs = Date.now();
      kept.host = r.host;
      kept.method = r.method.toUpperCase();
      kept.path = intern(r.path);
      kept.operationId = r.operationId ?? null;
      kept.accessKey = r.accessKey === undefined ? null : intern(r.accessKey);
      kept.status = r.status;
      kept.code = r.code ?? null;
      kept.refusal = refused ? refusalOf(r) : undefined;
      if (kept.refusal?.violation) group(kept, kept.refusal);
      for (const listener of listeners) listener(kept);
    },
    /** The kept requests, oldest first, filtered. */
    list(filter: JournalFilter = {}): JournalEntry[] {
      const inOrder = oldest === 0 ? ring : [...ring.slice(oldest), ...ring.slice(0, oldest)];
      return inOrder
        .map((kept) => kept.entry())
        .filter(
          (e) =>
            (filter.verdict === undefined || e.verdict === filter.verdict) &&
            (filter.operation === undefined || e.operationId === filter.operation) &&
            (filter.since === undefined || e.at >= filter.since) &&
            (filter.accessKey === undefined || e.accessKey === filter.accessKey),
        );
    },
    /** Every violation since the start (or the last reset), grouped by operation, field and rule. */
    violations(accessKey?: string): Violation[] {
      const all = [...grouped.values()];
      return accessKey === undefined ? all : all.filter((v) => v.accessKeys.includes(accessKey));
    },
    /** How many requests were journaled since the start (or the last reset), kept or not. */
    get total(): number {
      return seq;
    },
    /** Called with every new request, as it is journaled (coverage and reports build on it). */
    onRecord(listener: (summary: JournalSummary) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset(): void {
      ring = [];
      oldest = 0;
      seq = 0;
      grouped.clear();
    },
  };

  function refusalOf(r: Journaled): Refusal {
    const message = messageOf(r.answer);
    const problems: JournalProblem[] = r.problems?.length
      ? r.problems.map((p) => ({
          field: p.field,
          rule: p.text.startsWith(`${p.field || '(body)'}: `) ? p.text.slice((p.field || '(body)').length + 2) : p.text,
        }))
      : [{ field: '', rule: message ?? `HTTP ${r.status}` }];
    const violation = !r.chosen;
    return { chosen: r.chosen ?? null, violation, message, problems, excerpt: violation ? excerptOf(r.body) : null };
  }

  function group(kept: Kept, refusal: Refusal): void {
    for (const p of refusal.problems) {
      const key = [kept.host, kept.operationId ?? `${kept.method} ${kept.path}`, p.field, p.rule].join('\u0000');
      const seen = grouped.get(key);
      if (seen) {
        seen.count++;
        if (kept.accessKey && !seen.accessKeys.includes(kept.accessKey)) seen.accessKeys.push(kept.accessKey);
      } else
        grouped.set(key, {
          host: kept.host,
          operationId: kept.operationId,
          method: kept.method,
          path: kept.path,
          field: p.field,
          rule: p.rule,
          count: 1,
          firstAt: new Date(kept.atMs).toISOString(),
          excerpt: refusal.excerpt,
          accessKeys: kept.accessKey ? [kept.accessKey] : [],
        });
    }
  }
}

export type Journal = ReturnType<typeof createJournal>;

/** One readable text of every violation (what `assertNoViolations()` throws); empty when there is none. */
export function describeViolations(violations: readonly Violation[]): string {
  if (violations.length === 0) return '';
  const total = violations.reduce((n, v) => n + v.count, 0);
  const lines = [
    `The mock refused ${total} request${total === 1 ? '' : 's'} that the spec forbids (${violations.length} distinct problem${violations.length === 1 ? '' : 's'}):`,
  ];
  for (const v of violations) {
    const op = v.operationId
      ? `${v.operationId} (${v.method} ${v.path})`
      : `${v.method} ${v.path} (no documented operation)`;
    lines.push(`- ${v.host} ${op}: ${v.field || '(request)'} — ${v.rule}${v.count > 1 ? ` (${v.count} times)` : ''}`);
    if (v.excerpt) lines.push(`    body: ${v.excerpt}`);
  }
  return lines.join('\n');
}
