// Coverage of the contract by the caller's tests, per host: which documented operations were called and accepted
// (counted from the journal as requests are answered, so nothing is lost when old requests are dropped), which
// documented error codes were answered, and which documented callbacks reached the webhook and how it answered
// (from the messages' callback attempts the sandbox keeps).
import type { Spec } from '../http/hosts.js';
import type { MockMessage } from '../sandbox/messages/store.js';
import type { JournalEntry } from './journal.js';

const METHODS = ['get', 'put', 'post', 'delete'] as const;

export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  called: number;
  accepted: number;
  /** Every code the operation documents (x-nxcloud-errors), and those the mock answered. */
  documentedCodes: number[];
  seenCodes: number[];
}

export interface CallbackCoverage {
  /** The documented callback (the spec's webhook name). */
  kind: string;
  /** Callbacks the webhook took (answered 2xx). */
  delivered: number;
  attempts: number;
  /** The webhook's HTTP statuses, and how often; `none` when it did not answer. */
  answers: Record<string, number>;
}

export interface HostCoverage {
  host: string;
  operations: OperationCoverage[];
  callbacks: CallbackCoverage[];
  summary: {
    operations: number;
    called: number;
    accepted: number;
    documentedCodes: number;
    seenCodes: number;
    callbackKinds: number;
    deliveredKinds: number;
  };
}

/** The documented callback a recorded attempt is: a status callback, or an inbound one (api2's inbound message, the SaaS hosts' button click). */
const kindOf = (host: string, m: MockMessage) =>
  m.direction === 'inbound' ? (host === 'api2.nxcloud.com' ? 'inboundMessage' : 'buttonClick') : 'messageStatus';

export function createCoverage(specs: ReadonlyMap<string, Spec>) {
  const hosts = [...specs.entries()].map(([host, spec]) => ({
    host,
    webhooks: Object.keys((spec.webhooks as Record<string, unknown> | undefined) ?? {}),
    operations: Object.entries(spec.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map(
        (m): OperationCoverage => ({
          operationId: item[m].operationId,
          method: m.toUpperCase(),
          path,
          called: 0,
          accepted: 0,
          documentedCodes: [
            ...new Set<number>((item[m]['x-nxcloud-errors'] ?? []).map((e: { code: number }) => e.code)),
          ],
          seenCodes: [],
        }),
      ),
    ),
  }));

  return {
    /** Counts one answered request. */
    record(entry: JournalEntry): void {
      const op = hosts.find((h) => h.host === entry.host)?.operations.find((o) => o.operationId === entry.operationId);
      if (!op) return;
      op.called++;
      if (entry.verdict === 'accepted') op.accepted++;
      if (entry.code !== null && op.documentedCodes.includes(entry.code) && !op.seenCodes.includes(entry.code))
        op.seenCodes.push(entry.code);
    },
    /** The coverage so far; `messages` are the sandbox's records (their callback attempts). */
    report(messages: readonly MockMessage[]): HostCoverage[] {
      return hosts.map(({ host, webhooks, operations }) => {
        const callbacks = webhooks.map((kind): CallbackCoverage => ({ kind, delivered: 0, attempts: 0, answers: {} }));
        for (const m of messages) {
          if (m.host !== host) continue;
          const c = callbacks.find((k) => k.kind === kindOf(host, m));
          if (!c) continue;
          for (const a of m.callbacks) {
            c.attempts++;
            if (!a.error) c.delivered++;
            const key = a.httpStatus === undefined ? 'none' : String(a.httpStatus);
            c.answers[key] = (c.answers[key] ?? 0) + 1;
          }
        }
        const ops = operations.map((o) => ({ ...o, seenCodes: [...o.seenCodes].sort((a, b) => a - b) }));
        return {
          host,
          operations: ops,
          callbacks,
          summary: {
            operations: ops.length,
            called: ops.filter((o) => o.called > 0).length,
            accepted: ops.filter((o) => o.accepted > 0).length,
            documentedCodes: ops.reduce((n, o) => n + o.documentedCodes.length, 0),
            seenCodes: ops.reduce((n, o) => n + o.seenCodes.length, 0),
            callbackKinds: callbacks.length,
            deliveredKinds: callbacks.filter((c) => c.delivered > 0).length,
          },
        };
      });
    },
    reset(): void {
      for (const h of hosts)
        for (const o of h.operations) {
          o.called = 0;
          o.accepted = 0;
          o.seenCodes = [];
        }
    },
  };
}

export type Coverage = ReturnType<typeof createCoverage>;
