// The mock of every NxCloud host in one process: for each host, its spec's operations in Prism's engine, behind a
// server on its own port that does what Prism cannot (signatures, NxCloud's error codes, webhook callbacks).

import { createCoverage, type HostCoverage } from './admin/coverage.js';
import { createInbound } from './admin/inbound.js';
import { createAdmin } from './admin/index.js';
import {
  createJournal,
  describeViolations,
  type JournalEntry,
  type JournalFilter,
  type Violation,
} from './admin/journal.js';
import { contractSections, type ReportSection, writeReport } from './admin/report.js';
import { createTrigger, type Triggered, type TriggerRequest } from './admin/trigger.js';
import { adminOperation, adminProblems } from './admin/validation.js';
import { checkCondition, type WaitCondition, waitFor } from './admin/wait.js';
import { createDelivery } from './callbacks/deliver.js';
import { createEngine, type Engine } from './engine/prism.js';
import { createFaults, parseRules, scopesOf } from './faults/faults.js';
import { loadOperations, type MockHost, type Spec } from './http/hosts.js';
import { type MockOptions, NO_LOG, type ResolvedOptions, resolveOptions } from './options.js';
import {
  createDriftLog,
  createProxyHost,
  createReplay,
  type Drift,
  type ProxyHost,
  type Replay,
} from './proxy/index.js';
import { createRelay, type Relay } from './proxy/relay.js';
import { createBlocks } from './sandbox/blocks/operations.js';
import { createCustomers } from './sandbox/customers/operations.js';
import { createSandbox } from './sandbox/index.js';
import { createMediaStore } from './sandbox/media/store.js';
import { createReads } from './sandbox/messages/read.js';
import { createSends } from './sandbox/messages/send.js';
import { createMessageStore, type MessageFilter, type MockMessage, plainMessage } from './sandbox/messages/store.js';
import { createTimelines } from './sandbox/messages/timeline.js';
import { openJournal, readState, type Journal as StateJournal } from './sandbox/persist/journal.js';
import { type BusinessProfile, createProfiles } from './sandbox/profile/operations.js';
import { createTemplateStore } from './sandbox/templates/store.js';
import { createHostServer } from './server.js';

export { checkWebhookCommand, webhookCheckSection, writeWebhookReport } from './admin/check-webhook.js';
export type { CallbackCoverage, HostCoverage, OperationCoverage } from './admin/coverage.js';
export type { JournalEntry, JournalFilter, JournalProblem, Violation } from './admin/journal.js';
export type { JunitCase, JunitSuite, ReportSection } from './admin/report.js';
export type { Triggered, TriggerRequest } from './admin/trigger.js';
export type { WaitCondition } from './admin/wait.js';
export {
  type CheckWebhookOptions,
  checkWebhook,
  formatWebhookTable,
  WebhookCheckError,
  type WebhookCheckResult,
  type WebhookCheckRow,
} from './callbacks/conformance.js';
export { type CallbackKind, callbackKinds } from './callbacks/kinds.js';
export { DEFAULT_PORT_BASE, DEMO_CREDENTIALS, HOSTS, type MockHost, specFile } from './http/hosts.js';
export type { MockCredentials, MockOptions } from './options.js';
export type { Drift, DriftKind } from './proxy/index.js';
export { TYPING_MS, typingShown } from './sandbox/messages/read.js';
export { MAGIC_RECIPIENTS } from './sandbox/messages/recipients.js';
export type {
  CallbackAttempt,
  MessageFilter,
  MessageStatus,
  MockMessage,
  StatusError,
  TimelineEvent,
  TypingIndicator,
} from './sandbox/messages/store.js';
export type { BusinessProfile } from './sandbox/profile/operations.js';

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
  /**
   * Fires a documented callback at the webhook (as `POST /__nxwa/trigger`): `kind` is `<webhook>.<example>` of the
   * spec (`messageStatus.deleted`, `templateEvent.message_template_quality_update`, `accountEvent.accountUpdate`),
   * its body the example with `overrides` laid over it. Throws a TypeError naming the field at fault.
   */
  trigger(
    kind: string,
    overrides?: Record<string, unknown>,
    options?: Omit<TriggerRequest, 'kind' | 'overrides'>,
  ): Triggered;
  /** Simulates a user's message (as `POST /__nxwa/inbound`, same fields); resolves with its ID. Throws a TypeError naming the field. */
  inbound(request: Record<string, unknown>): { id: string; host: string; accessKey: string; webhook: string | null };
  /** Replaces the run's fault rules (as `PUT /__nxwa/faults`); `[]` clears them. Throws a TypeError naming the rule. */
  setFaults(rules: readonly string[]): void;
  /** The fault rules in force. */
  faults(): readonly string[];
  /**
   * Resolves when the condition holds — a message reached a status, the webhooks took N callbacks (since the start or
   * the last reset), nothing is pending — or rejects after `timeoutMs` (10 s; at most 60 s) saying what it waited for.
   */
  waitFor(condition: WaitCondition, options?: { timeoutMs?: number }): Promise<void>;
  /** Ends a template's review now (as `POST /__nxwa/templates/{id}/review`); the template's new status. */
  reviewTemplate(
    host: 'api2.nxcloud.com' | 'api-hk.nxlink.ai',
    id: string | number,
    verdict?: 'APPROVED' | 'REJECTED',
    reason?: string,
  ): string;
  /** The requests the hosts answered, oldest first, with their verdicts (as `GET /__nxwa/requests`); copies. */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Every refusal the caller did not ask for, grouped by operation, field and rule (as `GET /__nxwa/requests?verdict=refused`). */
  violations(): Violation[];
  /** Throws one error listing every violation (operation, field, rule, how often, a masked excerpt); works in any test runner. */
  assertNoViolations(): void;
  /** Per host served: the documented operations called and accepted, the documented codes answered, the callbacks delivered (as `GET /__nxwa/coverage`). */
  coverage(): HostCoverage[];
  /** Writes the report to the `reportFile` now (as `POST /__nxwa/report`); stop() writes it too. */
  writeReport(): void;
  /**
   * Sets a business number's profile (as `PUT /__nxwa/profiles/{phone}`): what api2's getBusinessProfile answers
   * for it from then on. `accessKey`: the account (the mock's first by default).
   */
  setBusinessProfile(businessPhone: string, profile: BusinessProfile, accessKey?: string): BusinessProfile;
  /**
   * Where the upstream's answers and callbacks departed from the spec (proxy mode and the callbacks relay), each
   * departure once per operation and shape, with its count, a masked example and the spec location (as `GET /__nxwa/drift`).
   */
  drift(): Drift[];
  /** The callbacks relay's URL (the one to give NxCloud, through a tunnel), when `relayTo` is set. */
  relayUrl?: string;
  /** @internal Stops a host's engine (its `/__health` then fails). */
  stopEngine(host: MockHost): void;
}

function orFail<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(`startMock: ${(error as Error).message}`);
  }
}

/** Starts the mock of the given hosts in this process; resolves once every host answers. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  let o: ResolvedOptions;
  let specs: Spec[];
  try {
    o = resolveOptions(options);
    // Read on first use: here, so that a missing spec is reported as the options' other errors are.
    specs = o.specs;
  } catch (error) {
    throw new TypeError(`startMock: ${(error as Error).message}`);
  }
  const { hosts, accounts, log } = o;
  const faults = createFaults(o.faultRules);
  let faultTexts: readonly string[] = [...(options.faults ?? [])];
  const scopes = scopesOf(hosts, specs);
  const runFaults = {
    list: () => faultTexts,
    set(rules: unknown) {
      if (!Array.isArray(rules)) throw new Error('faults must be an array of rules such as "sendMessage:429,times=1".');
      faults.replace(parseRules(rules, scopes, (i) => `faults[${i}]`));
      faultTexts = [...rules];
    },
  };
  const engines = new Map<MockHost, Engine>();
  const stateFile = o.stateFile;
  const saved = stateFile === undefined ? undefined : orFail(() => readState(stateFile));
  let stateJournal: StateJournal | undefined;

  // One store per kind; none knows of another.
  const messages = createMessageStore(o.messageLimit);
  const journal = createJournal(o.messageLimit);
  const coverage = createCoverage(new Map(hosts.map((h, i) => [h, specs[i]])));
  journal.onRecord(coverage.record);
  const coverageReport = () => coverage.report();
  // The report's sections, in order; another check adds its own section here.
  const reportSections: ReportSection[] = [
    ...contractSections(journal, coverageReport),
    {
      // Sends whose ID an earlier send of the account already had: a retried send is two messages.
      name: 'sends',
      json: () => {
        const sent = messages.list().filter((m) => m.direction === 'outbound');
        const duplicates = sent.filter((m) => m.duplicate);
        return {
          kept: sent.length,
          duplicates: duplicates.length,
          duplicateIds: [...new Set(duplicates.map((m) => m.id))],
        };
      },
      junit: () => [],
    },
  ];
  const drift = createDriftLog();
  if (o.proxy.upstreams || o.proxy.relayTo)
    reportSections.push({
      name: 'drift',
      json: () => drift.list(),
      // One test case per departure: CI shows each as a failed test naming the field and the spec location.
      junit: () => [
        {
          name: 'nxwa-mock drift',
          cases: drift.list().map((d) => ({
            name: `${d.host} ${d.operationId} ${d.kind} ${d.field || '(body)'}`,
            classname: `drift.${d.host}`,
            failure: {
              message: `${d.kind} ${d.field || '(body)'}: expected ${d.expected}, got ${d.got} (${d.count}×)`,
              text: `spec: ${d.host}.json#${d.location}\nexample: ${d.example ?? '(none)'}`,
            },
          })),
        },
      ],
    });
  const report = () => {
    if (o.reportFile === undefined) throw new Error('the mock was started without a report file (--report <file>)');
    writeReport(o.reportFile, reportSections);
  };
  const media = createMediaStore((change) => stateJournal?.medium(change));
  // Told of every change a wait may be waiting for. The messages' changes are listened to while a wait waits.
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const w of watchers) w();
  };
  let stopWatching: (() => void) | undefined;
  const templates = createTemplateStore({
    reviewMs: o.reviewMs,
    onChange: (change) => {
      stateJournal?.template(change);
      notify();
    },
  });
  // Profiles, blocklists and customers: one small store each, kept in the state file like the others.
  const recordChanged = (change: Parameters<StateJournal['record']>[0]) => {
    stateJournal?.record(change);
    notify();
  };
  const profiles = createProfiles(messages, recordChanged);
  const blocks = createBlocks({ messages, onChange: recordChanged });
  const customers = createCustomers(recordChanged);
  const records = [profiles.store, blocks.store, customers.store];
  if (saved) {
    messages.restore(saved.messages);
    media.restoreMedia(saved.media);
    templates.restore(saved.templates);
    for (const store of records) store.restore(saved.records);
  }
  if (stateFile !== undefined) {
    const opened = orFail(() => openJournal(stateFile, { messages, media, templates, records }, log));
    stateJournal = opened;
    messages.onChange((change) => opened.message(change));
  }
  const reads = createReads({ messages });
  const firstAccount = accounts.keys().next().value!;
  const accountOf = (accessKey: string | undefined) => {
    const key = accessKey ?? firstAccount;
    if (!accounts.has(key))
      throw new TypeError(
        `accessKey must be an account of the mock (${[...accounts.keys()].join(', ')}); got ${JSON.stringify(key)}`,
      );
    return key;
  };
  const sandboxProfiles = {
    get(accessKey: string | undefined, phone: string) {
      const key = accountOf(accessKey);
      const profile = profiles.get(key, phone);
      return profile && { business_phone: phone.replace(/\D/g, ''), accessKey: key, profile };
    },
    set(accessKey: string | undefined, phone: string, profile: object) {
      const key = accountOf(accessKey);
      return {
        business_phone: phone.replace(/\D/g, ''),
        accessKey: key,
        profile: profiles.set(key, phone, profile as BusinessProfile),
      };
    },
  };

  const callbacks = { webhookUrl: o.webhookUrl, allowAnyCallbackTarget: o.allowAnyCallbackTarget };
  const delivery = createDelivery({ retryBaseMs: o.retryBaseMs, log });
  delivery.watchAttempts(coverage.attempt);
  const timelines = createTimelines({ stepMs: o.stepMs, delivery, messages });
  const sends = createSends({ messages, timelines, ...callbacks, log });
  const inbound = createInbound({
    api2Spec: specs[hosts.indexOf('api2.nxcloud.com')],
    messages,
    delivery,
    accounts,
    ...callbacks,
    refuse: (m) =>
      blocks.blocked(m.accessKey, m.business_phone, m.from)
        ? `from: ${m.from} is on the blocklist of ${m.business_phone} (createBlockUsers): a blocked user cannot reach the business`
        : undefined,
  });
  const sandbox = createSandbox({
    media,
    templates,
    reads,
    profiles,
    blocks,
    customers,
    delivery,
    accounts,
    ...callbacks,
    log,
    strictTemplates: o.strictTemplates,
  });
  const trigger = createTrigger({ delivery, accounts, hosts, ...callbacks });
  delivery.onSettled(notify);
  let takenAtReset = 0;
  // Overlapping counts (a timeline's callback is a delivery too): only whether the sum is 0 matters.
  const pending = () => timelines.pending + inbound.pending + trigger.pending + templates.pending + delivery.pending;
  const probe = {
    message: (id: string, accessKey?: string) => messages.get(id, accessKey),
    taken: () => delivery.taken - takenAtReset,
    pending,
    subscribe(listener: () => void) {
      watchers.add(listener);
      stopWatching ??= messages.onChange(notify);
      return () => {
        watchers.delete(listener);
        if (watchers.size > 0) return;
        stopWatching?.();
        stopWatching = undefined;
      };
    },
  };

  /** Forgets every record (messages, media, templates) and cancels the timelines and callbacks still to come. */
  const resetAll = () => {
    timelines.cancelAll();
    inbound.cancelAll();
    trigger.cancelAll();
    takenAtReset = delivery.taken;
    messages.reset();
    media.reset();
    templates.reset();
    for (const store of records) store.reset();
    journal.reset();
    coverage.reset();
    drift.reset();
  };

  const servers: ReturnType<typeof createHostServer>[] = [];
  let relay: Relay | undefined;
  const stop = async () => {
    timelines.cancelAll();
    delivery.cancelAll();
    await Promise.all(servers.map((s) => s.close()));
    await relay?.close();
    templates.stop();
    stateJournal?.close();
    // Last, once nothing more is recorded; a failure to write is thrown to the caller.
    if (o.reportFile !== undefined) report();
  };
  try {
    const knows = (host: string, operationId: string) => {
      const spec = specs[hosts.indexOf(host as MockHost)];
      return (
        !!spec &&
        Object.values(spec.paths).some((item) => Object.values(item).some((op) => op?.operationId === operationId))
      );
    };
    let replay: Replay | undefined;
    if (o.proxy.replayDir !== undefined) {
      try {
        replay = createReplay(o.proxy.replayDir, o.proxy.replayStrict, knows);
      } catch (error) {
        throw new Error(`replay: ${(error as Error).message}`);
      }
    }
    const proxies = new Map<MockHost, ProxyHost>();
    for (const [host, upstream] of o.proxy.upstreams ?? [])
      proxies.set(
        host,
        createProxyHost({
          host,
          spec: specs[hosts.indexOf(host)],
          upstream,
          drift,
          recordDir: o.proxy.recordDir,
          keepRecipients: o.proxy.keepRecipients,
          version: '1',
        }),
      );
    const built = await Promise.all(specs.map((spec, i) => createEngine(spec, loadOperations(hosts[i]))));
    const started: MockServer[] = [];
    for (const [i, host] of hosts.entries()) {
      engines.set(host, built[i]);
      const server = createHostServer({
        host,
        spec: specs[i],
        engine: built[i],
        accounts,
        faults,
        sandbox,
        sends,
        admin: createAdmin({
          host,
          messages,
          media,
          templates,
          timelines,
          inbound,
          resetAll,
          maxBodyBytes: o.maxBodyBytes,
          log,
          trigger,
          faults: runFaults,
          wait: probe,
          journal,
          coverage: coverageReport,
          report,
          allowedHosts: o.allowedHosts,
          profiles: sandboxProfiles,
          drift: () => drift.list(),
        }),
        proxy: proxies.get(host),
        replay,
        maxBodyBytes: o.maxBodyBytes,
        log,
        logRequests: log !== NO_LOG,
        journal,
      });
      servers.push(server);
      try {
        started.push({ host, url: await server.listen(o.ports[i], o.listen) });
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new Error(
            `port ${o.ports[i]} (${host}) on ${o.listen} is already in use: stop what holds it, or choose other ports (--port-base, or port 0 for free ones).`,
          );
        throw error;
      }
    }
    if (o.proxy.relayTo) {
      relay = createRelay({ target: o.proxy.relayTo, hosts, specs, accounts, drift, log });
      // The port after the hosts' (a free one when theirs are chosen freely).
      const port = o.proxy.relayPort ?? (o.ports.every((p) => p !== 0) ? Math.max(...o.ports) + 1 : 0);
      await relay.listen(port, o.listen);
    }
    return {
      urls: Object.fromEntries(started.map((s) => [s.host, s.url])),
      relayUrl: relay?.url,
      drift: () => structuredClone(drift.list()),
      servers: started,
      stop,
      pendingCallbacks: () => timelines.pending + inbound.pending + trigger.pending,
      trigger: (kind, overrides, more) => {
        try {
          return trigger.fire({ ...more, kind, overrides });
        } catch (error) {
          throw new TypeError(`trigger: ${(error as Error).message}`);
        }
      },
      inbound: (request) => {
        // Checked against the mock's own API as POST /__nxwa/inbound is.
        const route = adminOperation('POST', '/__nxwa/inbound')!;
        const checked = adminProblems(
          route,
          new URL('http://mock.invalid/__nxwa/inbound'),
          Buffer.from(JSON.stringify(request)),
        );
        if (checked.problems.length > 0)
          throw new TypeError(`inbound: ${checked.problems.map((p) => p.text).join('; ')}.`);
        const answer = inbound.answer(checked.body as Record<string, unknown>);
        const body = JSON.parse(String(answer.body));
        if (answer.status !== 202) throw new TypeError(`inbound: ${body.error}`);
        return body;
      },
      setFaults: (rules) => {
        try {
          runFaults.set(rules);
        } catch (error) {
          throw new TypeError(`setFaults: ${(error as Error).message}`);
        }
      },
      faults: () => runFaults.list(),
      waitFor: (condition, { timeoutMs } = {}) => {
        try {
          return waitFor(checkCondition(condition), probe, timeoutMs);
        } catch (error) {
          return Promise.reject(new TypeError(`waitFor: ${(error as Error).message}`));
        }
      },
      reviewTemplate: (host, id, verdict = 'APPROVED', reason) => {
        const t = templates.find(host, String(id));
        if (!t) throw new TypeError(`reviewTemplate: id: no template ${JSON.stringify(String(id))} on ${host}.`);
        return templates.decide(t, verdict, reason).status;
      },
      messages: (filter) => messages.list(filter).map(plainMessage),
      message: (id, accessKey) => {
        const m = messages.get(id, accessKey);
        return m && plainMessage(m);
      },
      reset: resetAll,
      requests: (filter) => structuredClone(journal.list(filter)),
      violations: () => structuredClone(journal.violations()),
      coverage: coverageReport,
      writeReport: report,
      setBusinessProfile: (phone, profile, accessKey) => sandboxProfiles.set(accessKey, phone, profile).profile,
      assertNoViolations: () => {
        const text = describeViolations(journal.violations());
        if (text) throw new Error(text);
      },
      stopEngine: (host) => engines.get(host)?.stop(),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
