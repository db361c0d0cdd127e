// Webhook conformance: posts every documented callback kind of the chosen hosts to a webhook, signed with the given
// credentials, and then forged and malformed variants of it; a conforming webhook takes every valid one (2xx) and
// refuses every hostile one (anything else). The table of cases is the result (`nxwa-mock check-webhook <url>`).
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS, HOSTS, type MockHost } from '../http/hosts.js';
import { callbackKinds } from './kinds.js';
import { callbackAllowed } from './targets.js';

export interface CheckWebhookOptions {
  /** The hosts whose callbacks are sent (every host by default). */
  hosts?: readonly MockHost[];
  /** The credentials the webhook verifies with (the mock's demo credentials by default). */
  accessKey?: string;
  accessSecret?: string;
  /** Also check a webhook that is not on a loopback address. */
  allowAnyTarget?: boolean;
  /** Longest wait for one answer, in ms (5 000). */
  timeoutMs?: number;
}

export interface WebhookCheckRow {
  /** `valid api2.nxcloud.com messageStatus.sent`, `wrong signature (api2.nxcloud.com)`, … */
  case: string;
  expected: '2xx' | 'non-2xx';
  /** The HTTP status, or what went wrong (`no answer: …`). */
  got: string;
  verdict: 'pass' | 'FAIL';
}

export interface WebhookCheckResult {
  ok: boolean;
  rows: WebhookCheckRow[];
}

/** Input the check cannot run with (a refused connection, a target not allowed, an unknown host); one line. */
export class WebhookCheckError extends Error {}

/** How far out of the ±60 s window the stale case's `ts` is. */
const STALE_MS = 10 * 60_000;
const WRONG_SECRET = 'not-the-account-secret';

interface Post {
  body: string;
  headers: Record<string, string>;
}

/** Checks a webhook; resolves with every case's row (never throws for a wrong answer, only for bad input). */
export async function checkWebhook(url: string, options: CheckWebhookOptions = {}): Promise<WebhookCheckResult> {
  const hosts = options.hosts ?? HOSTS;
  for (const host of hosts)
    if (!(HOSTS as readonly string[]).includes(host))
      throw new WebhookCheckError(`host ${JSON.stringify(host)} is not one of ${HOSTS.join(', ')}`);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new WebhookCheckError(`the webhook URL ${JSON.stringify(url)} is not a URL (http://127.0.0.1:3000/hook)`);
  }
  if (!callbackAllowed(target.href, options.allowAnyTarget === true))
    throw new WebhookCheckError(
      `the webhook ${target.origin} is not on a loopback address: pass --allow-any-target (allowAnyTarget) to check it`,
    );
  const accessKey = options.accessKey ?? DEMO_CREDENTIALS.accessKey;
  const accessSecret = options.accessSecret ?? DEMO_CREDENTIALS.accessSecret;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const sign = (body: string, over: { secret?: string; ts?: number; action?: string } = {}) => ({
    'content-type': 'application/json',
    ...signatureHeaders({
      accessKey,
      accessSecret: over.secret ?? accessSecret,
      action: over.action ?? 'callback',
      bizType: '2',
      ts: over.ts ?? Date.now(),
      body,
    }),
  });

  async function post({ body, headers }: Post): Promise<{ status?: number; got: string }> {
    try {
      // A redirect is an answer (not 2xx), never followed: a signed callback goes nowhere else.
      const res = await fetch(target, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, got: String(res.status) };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code === 'ECONNREFUSED')
        throw new WebhookCheckError(`the webhook ${target.origin} refuses connections: is the handler listening?`);
      return {
        got: `no answer: ${(error as Error).name === 'TimeoutError' ? `none within ${timeoutMs} ms` : (error as Error).message}`,
      };
    }
  }

  const rows: WebhookCheckRow[] = [];
  const record = (name: string, expected: WebhookCheckRow['expected'], answer: { status?: number; got: string }) => {
    const taken = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
    rows.push({ case: name, expected, got: answer.got, verdict: taken === (expected === '2xx') ? 'pass' : 'FAIL' });
  };

  for (const host of hosts) {
    const kinds = callbackKinds([host]);
    let accepted: Post | undefined;
    for (const k of kinds) {
      const body = JSON.stringify(k.payload);
      const sent = { body, headers: sign(body) };
      const answer = await post(sent);
      record(`valid ${host} ${k.kind}`, '2xx', answer);
      if (!accepted && answer.status !== undefined && answer.status >= 200 && answer.status < 300) accepted = sent;
    }
    const sample = JSON.stringify(kinds[0].payload);
    const altered = JSON.stringify({ ...kinds[0].payload, tampered: true });
    const signed = sign(sample);
    const hostile: [string, Post][] = [
      ['wrong signature', { body: sample, headers: sign(sample, { secret: WRONG_SECRET }) }],
      ['body altered after signing', { body: altered, headers: signed }],
      ['ts outside the window', { body: sample, headers: sign(sample, { ts: Date.now() - STALE_MS }) }],
      // Exactly the request the webhook took, again.
      ['replay of an accepted callback', accepted ?? { body: sample, headers: signed }],
      ['another action (mt)', { body: sample, headers: sign(sample, { action: 'mt' }) }],
      ['missing headers', { body: sample, headers: { 'content-type': 'application/json' } }],
      ...Object.keys(signed)
        .filter((h) => h !== 'content-type')
        .map((h): [string, Post] => {
          const fresh = sign(sample);
          delete (fresh as Record<string, string>)[h];
          return [`missing ${h}`, { body: sample, headers: fresh }];
        }),
      ['non-JSON body', { body: 'not json {', headers: sign('not json {') }],
    ];
    for (const [name, p] of hostile) record(`${name} (${host})`, 'non-2xx', await post(p));
  }
  return { ok: rows.every((r) => r.verdict === 'pass'), rows };
}

/** The rows as a plain-text table: case, expected, got, verdict. */
export function formatWebhookTable(rows: readonly WebhookCheckRow[]): string {
  const head = { case: 'case', expected: 'expected', got: 'got', verdict: 'verdict' };
  const all = [head, ...rows];
  const w = (k: keyof WebhookCheckRow) => Math.max(...all.map((r) => r[k].length));
  const line = (r: typeof head) =>
    `${r.case.padEnd(w('case'))}  ${r.expected.padEnd(w('expected'))}  ${r.got.padEnd(w('got'))}  ${r.verdict}`;
  return all.map(line).join('\n');
}
