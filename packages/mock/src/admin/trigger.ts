// POST /__nxwa/trigger and mock.trigger(kind, overrides): fires any documented callback of a host — every kind its
// spec's webhooks document (callbacks/kinds.ts), the ones the sandbox never sends by itself included (account
// events, template quality and category updates, `deleted` statuses) — at the webhook, signed and retried like the
// sandbox's own callbacks. The body is the spec's example with the overrides laid over it.

import type { Delivery } from '../callbacks/deliver.js';
import { callbackKinds, findKind, overlay } from '../callbacks/kinds.js';
import { callbackAllowed } from '../callbacks/targets.js';
import type { Answer } from '../http/answer.js';
import { HOSTS, type MockHost } from '../http/hosts.js';

export interface TriggerRequest {
  /** `<webhook>.<example>` (`messageStatus.deleted`, `accountEvent.accountUpdate`) or a webhook for its first example. */
  kind: string;
  /** Laid over the example's body: objects merged key by key, anything else replaced. */
  overrides?: Record<string, unknown>;
  /** Whose callback: the host's kinds (the port's host over HTTP; the first host served from `mock.trigger`). */
  host?: MockHost;
  /** Which account signs it (the first by default). */
  accessKey?: string;
  /** Where it goes (the mock's `webhookUrl` by default; loopback only unless the mock allows any target). */
  webhookUrl?: string;
}

export interface Triggered {
  kind: string;
  host: MockHost;
  accessKey: string;
  webhook: string;
  /** The body posted, as JSON text. */
  body: string;
  /** Resolves with whether the webhook took it (2xx), after the retries if needed. */
  delivered: Promise<boolean>;
}

export interface TriggerOptions {
  delivery: Delivery;
  accounts: ReadonlyMap<string, string>;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  hosts: readonly MockHost[];
}

/** A bad trigger request; its message names the field. */
export class TriggerError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS = ['kind', 'overrides', 'host', 'accessKey', 'webhookUrl'];

export function createTrigger(options: TriggerOptions) {
  let pending = 0;
  let aborter = new AbortController();

  function fire(request: TriggerRequest): Triggered {
    if (!isObject(request))
      throw new TriggerError('The trigger must be an object { kind, overrides?, host?, accessKey?, webhookUrl? }.');
    const extra = Object.keys(request).find((k) => !FIELDS.includes(k));
    if (extra) throw new TriggerError(`${extra} is not expected here; the fields are ${FIELDS.join(', ')}.`);
    const host = request.host ?? options.hosts[0];
    if (!(HOSTS as readonly string[]).includes(host))
      throw new TriggerError(
        `host must be one of ${HOSTS.join(', ')}; got ${JSON.stringify(String(host).slice(0, 60))}.`,
      );
    if (typeof request.kind !== 'string' || request.kind === '')
      throw new TriggerError(
        `kind must be a documented callback kind of ${host}, one of ${callbackKinds([host])
          .map((k) => k.kind)
          .join(', ')}.`,
      );
    let kind: ReturnType<typeof findKind>;
    try {
      kind = findKind(host, request.kind);
    } catch (error) {
      throw new TriggerError((error as Error).message);
    }
    if (request.overrides !== undefined && !isObject(request.overrides))
      throw new TriggerError(
        'overrides must be an object laid over the example body (objects merged, the rest replaced).',
      );
    const accessKey = request.accessKey ?? options.accounts.keys().next().value!;
    const secret = options.accounts.get(accessKey);
    if (secret === undefined)
      throw new TriggerError(`accessKey must be an account of the mock (${[...options.accounts.keys()].join(', ')}).`);
    const webhook = request.webhookUrl ?? options.webhookUrl;
    if (webhook === undefined)
      throw new TriggerError('webhookUrl is needed: the mock was started without one (--webhook-url).');
    if (typeof webhook !== 'string' || !callbackAllowed(webhook, options.allowAnyCallbackTarget))
      throw new TriggerError(
        'webhookUrl must be an http(s) URL on a loopback address (unless the mock was started with --allow-any-callback-target).',
      );
    const body = JSON.stringify(overlay(kind.payload, request.overrides));
    pending++;
    const delivered = options.delivery
      .deliver(webhook, body, { accessKey, accessSecret: secret }, undefined, {
        label: `triggered ${host} ${kind.kind}`,
        signal: aborter.signal,
        callback: { host, webhook: kind.webhook },
      })
      .finally(() => pending--);
    return { kind: kind.kind, host, accessKey, webhook, body, delivered };
  }

  return {
    fire,
    /** Answers POST /__nxwa/trigger on the port of `host`; 202 once the callback is on its way. */
    answer(raw: Buffer, host: MockHost): Answer {
      const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
      let request: unknown;
      try {
        request = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return json(400, {
          error: `The body is not valid JSON (${(error as Error).message}); expected { kind, overrides? }.`,
        });
      }
      try {
        const t = fire({ host, ...(request as TriggerRequest) });
        return json(202, {
          kind: t.kind,
          host: t.host,
          accessKey: t.accessKey,
          webhook: t.webhook,
          body: JSON.parse(t.body),
        });
      } catch (error) {
        if (error instanceof TriggerError) return json(400, { error: error.message });
        throw error;
      }
    },
    /** Triggered callbacks still being delivered (retries included). */
    get pending(): number {
      return pending;
    },
    cancelAll(): void {
      aborter.abort();
      aborter = new AbortController();
    },
  };
}

export type Trigger = ReturnType<typeof createTrigger>;
