// The mock of every NxCloud host in one process: for each host, its spec's operations in Prism's engine, behind a
// server on its own port that does what Prism cannot (signatures, NxCloud's error codes, webhook callbacks).

import { createInbound } from './admin/inbound.js';
import { createDelivery } from './callbacks/deliver.js';
import { createEngine, type Engine } from './engine/prism.js';
import { createFaults, parseRules, scopesOf } from './faults/faults.js';
import {
  DEFAULT_PORT_BASE,
  DEMO_CREDENTIALS,
  HOSTS,
  loadOperations,
  loadSpec,
  type MockHost,
  type Spec,
} from './http/hosts.js';
import { createSandbox } from './sandbox/index.js';
import { createMediaStore } from './sandbox/media/store.js';
import { createMessageStore, type MessageFilter, type MockMessage } from './sandbox/messages/store.js';
import { createLifecycles } from './sandbox/messages/timeline.js';
import { createPersister, loadState } from './sandbox/persist.js';
import { createTemplateStore } from './sandbox/templates/store.js';
import { createHostServer } from './server.js';

export { DEFAULT_PORT_BASE, DEMO_CREDENTIALS, HOSTS, type MockHost, specFile } from './http/hosts.js';
export { MAGIC_RECIPIENTS } from './sandbox/messages/recipients.js';
export type {
  CallbackAttempt,
  MessageFilter,
  MessageStatus,
  MockMessage,
  StatusError,
  TimelineEvent,
} from './sandbox/messages/store.js';

export interface MockCredentials {
  accessKey: string;
  accessSecret: string;
}

export interface MockOptions {
  /** The hosts to serve; every one of {@link HOSTS} by default. */
  hosts?: readonly MockHost[];
  /** A port per host; 0 picks a free one. Wins over `portBase`. */
  ports?: Partial<Record<MockHost, number>>;
  /** Host i of {@link HOSTS} listens on `portBase + i` (default 4010); 0 picks a free port for every host. */
  portBase?: number;
  /** Address to listen on; 127.0.0.1 by default. */
  listen?: string;
  /** The accepted account (with `accessSecret`); the demo credentials when neither this nor `credentials` is given. */
  accessKey?: string;
  accessSecret?: string;
  /** Several accepted accounts. */
  credentials?: readonly MockCredentials[];
  /** Where status callbacks go when a send has no `dr_webhook`. */
  webhookUrl?: string;
  /** Also call back addresses that are not loopback. */
  allowAnyCallbackTarget?: boolean;
  /** Pause before each status of a sent message's timeline (and its callback), in ms (200 by default). */
  callbackDelayMs?: number;
  /** Wait before a webhook's first retry, in ms, doubled before each further one (5 attempts in all); 1,000 by default. */
  callbackRetryBaseMs?: number;
  /**
   * Faults for the whole run, each `[scope:]fault` (the README's grammar), e.g. `sendMessage:accepted-then-500` or
   * `api-hk.nxlink.ai:429;retry-after=1,times=1`; the first rule that matches a request applies. A request's own
   * `x-nxwa-fault` header wins over them.
   */
  faults?: readonly string[];
  /** Largest accepted request body, in bytes (20 MiB by default). */
  maxBodyBytes?: number;
  /** How many messages the sandbox keeps (the oldest are dropped first); 1,000 by default. */
  messageLimit?: number;
  /** How long a created or updated template stays under review (PENDING) before it is approved, in ms; 1,000 by default. */
  templateReviewMs?: number;
  /** A JSON file that keeps media, templates and messages across restarts (read at start, written on change and on stop). */
  stateFile?: string;
  /** Receives one line per request and per callback (never a body or a secret); silent by default. */
  log?: (line: string) => void;
}

export interface MockServer {
  host: MockHost;
  url: string;
}

export interface RunningMock {
  /** The base URL of each host served. */
  urls: Partial<Record<MockHost, string>>;
  servers: MockServer[];
  /** Stops answering: closes every port and cancels the callbacks still to come. */
  stop(): Promise<void>;
  /** Sent messages whose timeline or callbacks, and inbound messages whose callback, are still to come. */
  pendingCallbacks(): number;
  /** The messages accepted so far, newest first (as `GET /__nxwa/messages`); copies. */
  messages(filter?: MessageFilter): MockMessage[];
  /**
   * One message with its timeline and callback attempts (as `GET /__nxwa/messages/{id}`); a copy. Give the
   * `accessKey` when two accounts used the same ID (without it: the newest).
   */
  message(id: string, accessKey?: string): MockMessage | undefined;
  /** Forgets every recorded message, medium and template (as `DELETE /__nxwa/state`). */
  reset(): void;
  /** @internal Stops a host's engine (its `/__health` then fails). */
  stopEngine(host: MockHost): void;
}

function accountsOf(options: MockOptions): Map<string, string> {
  if (options.credentials && (options.accessKey !== undefined || options.accessSecret !== undefined)) {
    throw new TypeError('startMock: give either credentials or accessKey and accessSecret, not both.');
  }
  if ((options.accessKey === undefined) !== (options.accessSecret === undefined)) {
    throw new TypeError(
      `startMock: ${options.accessKey === undefined ? 'accessKey' : 'accessSecret'} is missing; give both accessKey and accessSecret (non-empty strings).`,
    );
  }
  const list =
    options.credentials ??
    (options.accessKey !== undefined
      ? [{ accessKey: options.accessKey, accessSecret: options.accessSecret! }]
      : [DEMO_CREDENTIALS]);
  for (const [i, c] of list.entries()) {
    for (const field of ['accessKey', 'accessSecret'] as const) {
      if (typeof c?.[field] !== 'string' || c[field] === '')
        throw new TypeError(`startMock: credentials[${i}].${field} must be a non-empty string.`);
    }
  }
  return new Map(list.map((c) => [c.accessKey, c.accessSecret]));
}

function nonNegative(options: MockOptions, name: 'callbackDelayMs' | 'callbackRetryBaseMs'): number | undefined {
  const value = options[name];
  if (value !== undefined && (!Number.isInteger(value) || value < 0))
    throw new TypeError(`startMock: ${name} must be a whole number of ms, 0 or more; got ${value}.`);
  return value;
}

/** The run's fault rules, checked against the hosts served and their operationIds. */
function faultRules(options: MockOptions, hosts: readonly MockHost[], specs: Spec[]) {
  if (options.faults === undefined) return [];
  if (!Array.isArray(options.faults))
    throw new TypeError(
      `startMock: faults must be an array of strings such as "sendMessage:accepted-then-500"; got ${typeof options.faults}.`,
    );
  try {
    return parseRules(options.faults, scopesOf(hosts, specs), (i) => `faults[${i}]`);
  } catch (error) {
    throw new TypeError(`startMock: ${(error as Error).message}`);
  }
}

function portOf(options: MockOptions, host: MockHost): number {
  const port =
    options.ports?.[host] ??
    (options.portBase === 0 ? 0 : (options.portBase ?? DEFAULT_PORT_BASE) + HOSTS.indexOf(host));
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new TypeError(`startMock: the port of ${host} must be a whole number from 0 to 65535; got ${port}.`);
  return port;
}

function loadStateOrFail(file: string) {
  try {
    return loadState(file);
  } catch (error) {
    throw new Error(`startMock: ${(error as Error).message}`);
  }
}

/** Starts the mock of the given hosts in this process; resolves once every host answers. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const hosts = options.hosts ?? HOSTS;
  const unknown = hosts.filter((h) => !HOSTS.includes(h));
  if (unknown.length > 0)
    throw new TypeError(`startMock: unknown host ${unknown.join(', ')}; expected one of ${HOSTS.join(', ')}.`);
  const accounts = accountsOf(options);
  if (options.messageLimit !== undefined && (!Number.isInteger(options.messageLimit) || options.messageLimit < 1)) {
    throw new TypeError(`startMock: messageLimit must be a whole number of at least 1; got ${options.messageLimit}.`);
  }
  const reviewMs = options.templateReviewMs ?? 1_000;
  if (!Number.isInteger(reviewMs) || reviewMs < 0)
    throw new TypeError(`startMock: templateReviewMs must be a whole number of ms, 0 or more; got ${reviewMs}.`);
  const ports = hosts.map((h) => portOf(options, h));
  const log = options.log ?? (() => {});
  const listen = options.listen ?? '127.0.0.1';
  const stepMs = nonNegative(options, 'callbackDelayMs') ?? 200;
  const retryBaseMs = nonNegative(options, 'callbackRetryBaseMs') ?? 1_000;
  const specs = hosts.map(loadSpec);
  const faults = createFaults(faultRules(options, hosts, specs));
  const engines = new Map<MockHost, Engine>();
  const saved = options.stateFile === undefined ? undefined : loadStateOrFail(options.stateFile);
  let persister: ReturnType<typeof createPersister> | undefined;
  const changed = () => persister?.changed();
  const messages = createMessageStore(options.messageLimit ?? 1_000);
  messages.onChange(changed);
  const media = createMediaStore(changed);
  const templates = createTemplateStore({ reviewMs, onChange: changed });
  const delivery = createDelivery({ retryBaseMs, log });
  const lifecycles = createLifecycles({ stepMs, delivery, messages });
  const allowAnyCallbackTarget = options.allowAnyCallbackTarget ?? false;
  const inbound = createInbound({
    messages,
    delivery,
    accounts,
    webhookUrl: options.webhookUrl,
    allowAnyCallbackTarget,
  });
  const sandbox = createSandbox({
    media,
    templates,
    delivery,
    accounts,
    webhookUrl: options.webhookUrl,
    allowAnyCallbackTarget,
    log,
  });
  // A reset of the record (mock.reset(), DELETE /__nxwa/state) forgets media and templates too.
  messages.onReset(() => sandbox.reset());
  if (saved) {
    messages.restore(saved.messages);
    media.restore(saved.media);
    templates.restore(saved.templates);
  }
  if (options.stateFile !== undefined)
    persister = createPersister(
      options.stateFile,
      () => ({ version: 1, media: media.snapshot(), templates: templates.snapshot(), messages: messages.snapshot() }),
      log,
    );
  const servers: ReturnType<typeof createHostServer>[] = [];
  const stop = async () => {
    lifecycles.cancelAll();
    delivery.cancelAll();
    await Promise.all(servers.map((s) => s.close()));
    templates.stop();
    persister?.flush();
  };
  try {
    const built = await Promise.all(specs.map((spec, i) => createEngine(spec, loadOperations(hosts[i]))));
    const started: MockServer[] = [];
    for (const [i, host] of hosts.entries()) {
      engines.set(host, built[i]);
      const server = createHostServer({
        host,
        spec: specs[i],
        engine: built[i],
        accounts,
        lifecycles,
        inbound,
        faults,
        messages,
        sandbox,
        webhookUrl: options.webhookUrl,
        allowAnyCallbackTarget,
        maxBodyBytes: options.maxBodyBytes ?? 20 * 1024 * 1024,
        log,
      });
      servers.push(server);
      try {
        started.push({ host, url: await server.listen(ports[i], listen) });
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new Error(
            `port ${ports[i]} (${host}) on ${listen} is already in use: stop what holds it, or choose other ports (--port-base, or port 0 for free ones).`,
          );
        throw error;
      }
    }
    return {
      urls: Object.fromEntries(started.map((s) => [s.host, s.url])),
      servers: started,
      stop,
      pendingCallbacks: () => lifecycles.pending + inbound.pending,
      messages: (filter) => structuredClone(messages.list(filter)),
      message: (id, accessKey) => {
        const m = messages.get(id, accessKey);
        return m && structuredClone(m);
      },
      reset: () => messages.reset(),
      stopEngine: (host) => engines.get(host)?.stop(),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
