// Signed status callbacks (sent, delivered, read — or failed) after an accepted send, to its dr_webhook or the
// configured webhook URL, in the documented payload shape.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { signatureHeaders } from '@org/nxwa-signing';
import type { Family } from '../answer.js';

export const STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type CallbackStatus = (typeof STATUSES)[number];
export const DEFAULT_STATUSES: readonly CallbackStatus[] = ['sent', 'delivered', 'read'];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether the mock may call this URL back: loopback only, unless other targets were allowed. */
export function callbackAllowed(url: string, allowAnyTarget: boolean): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return allowAnyTarget || LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The statuses an `x-nxwa-callbacks` header asks for: known ones, each once, in the order first given — so a
 * header can never ask for more than four callbacks however long it is.
 */
export function wantedStatuses(header: string | string[] | undefined): CallbackStatus[] {
  if (header === undefined) return [...DEFAULT_STATUSES];
  const wanted = new Set<CallbackStatus>();
  for (const s of String(header).slice(0, 4_096).split(',')) {
    const status = s.trim() as CallbackStatus;
    if ((STATUSES as readonly string[]).includes(status)) wanted.add(status);
  }
  return [...wanted];
}

export interface StatusCallbacks {
  url: string;
  messageId: string;
  to: unknown;
  statuses: readonly CallbackStatus[];
  credentials: { accessKey: string; accessSecret: string };
  family: Family;
  /** Told of each status as its callback goes out, and of how the attempt ended. */
  onAttempt?: (attempt: { status: CallbackStatus; url: string; httpStatus?: number; error?: string }) => void;
}

/**
 * Sends callbacks one after another, `delayMs` apart. Each is signed like a request, with the account's credentials
 * and the action `callback` (the vendor does not document which action its callbacks carry). A redirect is never
 * followed (node:http does not): the signed callback must not go anywhere but the address that was allowed.
 */
export function createCallbackSender({ delayMs, log }: { delayMs: number; log: (line: string) => void }) {
  // One canceller per send whose callbacks are still to come; each removes itself when its last one is done.
  const pending = new Set<() => void>();
  // node:http rather than fetch: a fraction of the cost per callback, and it never follows a redirect.
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 32 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };

  /** Posts one callback; resolves with the HTTP status. */
  function deliver(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(u, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: secure ? agents.https : agents.http, timeout: 5_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 5 s')));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Posts one JSON callback signed with the account's credentials; resolves with the HTTP status. */
  function postSigned(url: string, credentials: { accessKey: string; accessSecret: string }, body: string, ts = Date.now()): Promise<number> {
    const headers = { 'content-type': 'application/json', ...signatureHeaders({ ...credentials, action: 'callback', bizType: '2', ts, body }) };
    return deliver(url, headers, body);
  }

  async function post(job: StatusCallbacks, status: CallbackStatus) {
    const now = Date.now();
    const item = {
      id: job.messageId,
      status,
      timestamp: String(Math.floor(now / 1000)),
      recipient_id: job.to,
      ...(status === 'failed'
        ? { errors: [{ code: 131026, title: 'Message undeliverable' }] }
        : { conversation: { id: `mock-conversation-${job.messageId}`, origin: { type: job.family === 'saas' ? 'business_initiated' : 'utility' } } }),
    };
    const body = JSON.stringify({ statuses: [item], messaging_product: 'whatsapp' });
    try {
      const code = await postSigned(job.url, job.credentials, body, now);
      const redirect = code >= 300 && code < 400;
      job.onAttempt?.({ status, url: job.url, httpStatus: code, ...(redirect ? { error: 'a redirect, not followed' } : {}) });
      if (redirect) log(`callback ${status} ${job.messageId} → ${code}: a redirect, not followed`);
      else log(`callback ${status} ${job.messageId} → ${code}`);
    } catch (error) {
      job.onAttempt?.({ status, url: job.url, error: (error as Error).message });
      log(`callback ${status} ${job.messageId} failed: ${(error as Error).message}`);
    }
  }

  return {
    postSigned,
    schedule(job: StatusCallbacks): void {
      if (job.statuses.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        clearTimeout(timer);
        pending.delete(cancel);
      };
      pending.add(cancel);
      const next = (i: number) => {
        timer = setTimeout(async () => {
          if (cancelled) return;
          await post(job, job.statuses[i]);
          if (i + 1 < job.statuses.length && !cancelled) next(i + 1);
          else pending.delete(cancel);
        }, delayMs);
        timer.unref?.();
      };
      next(0);
    },
    /** Sends whose callbacks are still to come. */
    get pending(): number {
      return pending.size;
    },
    cancelAll(): void {
      for (const cancel of [...pending]) cancel();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export type CallbackSender = ReturnType<typeof createCallbackSender>;
