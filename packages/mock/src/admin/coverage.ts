// Coverage of the contract by the caller's tests, per host: which documented operations were called and accepted
// (counted from the journal as requests are answered, so nothing is lost when old requests are dropped), which
// documented error codes were answered, and which documented callbacks reached the webhook and how it answered
// (told by the delivery of every attempt).

import type { DeliveryAttempt, DocumentedCallback } from '../callbacks/deliver.js';
import type { Spec } from '../http/hosts.js';
import type { JournalSummary } from './journal.js';

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

  // An operation's counts by host, then operationId: found once per answered request, with no key made for it.
  const byOperation = new Map(hosts.map((h) => [h.host, new Map(h.operations.map((o) => [o.operationId, o]))]));

  // Every attempt of every delivery, counted as it ends: the messages' records are bounded, the counts are not.
  const counted = new Map<string, CallbackCoverage>();
  const callbackOf = (host: string, kind: string) => {
    const key = `${host} ${kind}`;
    let c = counted.get(key);
    if (!c) counted.set(key, (c = { kind, delivered: 0, attempts: 0, answers: {} }));
    return c;
  };

  return {
    /** Counts one attempt of a documented callback. */
    attempt(attempt: DeliveryAttempt, callback: DocumentedCallback | undefined): void {
      if (!callback) return;
      const c = callbackOf(callback.host, callback.webhook);
      c.attempts++;
      if (!attempt.error) c.delivered++;
      const key = attempt.httpStatus === undefined ? 'none' : String(attempt.httpStatus);
      c.answers[key] = (c.answers[key] ?? 0) + 1;
    },
    /** Counts one answered request. */
    record(entry: JournalSummary): void {
      if (entry.operationId === null) return;
      const op = byOperation.get(entry.host)?.get(entry.operationId);
      if (!op) return;
      op.called++;
      if (entry.verdict === 'accepted') op.accepted++;
      if (entry.code !== null && op.documentedCodes.includes(entry.code) && !op.seenCodes.includes(entry.code))
        op.seenCodes.push(entry.code);
    },
    /** The coverage so far. */
    report(): HostCoverage[] {
      return hosts.map(({ host, webhooks, operations }) => {
        const callbacks = webhooks.map((kind) => structuredClone(callbackOf(host, kind)));
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
      counted.clear();
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
