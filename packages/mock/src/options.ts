// The mock's options, checked in one place for startMock and the CLI: each problem names the option the way the
// caller wrote it (`faults[0]` for the library, `--fault "…"` for the command) and what was expected.
import { checkReportTarget } from './admin/report.js';
import { parseRules, type Rule, scopesOf } from './faults/faults.js';
import { DEFAULT_PORT_BASE, DEMO_CREDENTIALS, HOSTS, loadSpec, type MockHost, type Spec } from './http/hosts.js';
import { type ProxyOptions, type ResolvedProxy, resolveProxy } from './proxy/options.js';

export interface MockCredentials {
  accessKey: string;
  accessSecret: string;
}

/** The log of a mock given none: it says nothing, and the per-request line is not even made. */
export const NO_LOG = (_line: string): void => {};

export interface MockOptions extends ProxyOptions {
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
  /**
   * Host names (besides localhost, 127.0.0.1, [::1] and the listen address) under which the mock's own `/__nxwa`
   * paths answer: the name a container or another machine reaches the mock by.
   */
  allowedHosts?: readonly string[];
  /** A JSON file that keeps media, templates and messages across restarts (read at start, written on change and on stop). */
  stateFile?: string;
  /** Writes the journal's summary, the violations and the coverage here when the mock stops (and on POST /__nxwa/report): `.json`, or JUnit XML for `.xml`. */
  reportFile?: string;
  /** Refuse a template send naming a template the sandbox does not have (or has not approved) from the start, not only once the account created one. */
  strictTemplates?: boolean;
  /** Receives one line per request and per callback (never a body or a secret); silent by default. */
  log?: (line: string) => void;
}

/** The options checked, with every default filled in. */
export interface ResolvedOptions {
  hosts: readonly MockHost[];
  specs: Spec[];
  ports: number[];
  listen: string;
  accounts: Map<string, string>;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  stepMs: number;
  retryBaseMs: number;
  faultRules: Rule[];
  maxBodyBytes: number;
  messageLimit: number;
  reviewMs: number;
  stateFile?: string;
  reportFile?: string;
  strictTemplates: boolean;
  allowedHosts: string[];
  log: (line: string) => void;
  /** Proxy, record and replay (undefined fields: off). */
  proxy: ResolvedProxy;
}

/** How the caller spells an option in a message: `faults[0]`, or `--fault "…"` on the command line. */
export type OptionName = (option: keyof MockOptions, index?: number) => string;

const libraryName: OptionName = (option, index) => (index === undefined ? option : `${option}[${index}]`);

function accountsOf(options: MockOptions, name: OptionName): Map<string, string> {
  if (options.credentials && (options.accessKey !== undefined || options.accessSecret !== undefined)) {
    throw new TypeError(
      `give either ${name('credentials')} or ${name('accessKey')} and ${name('accessSecret')}, not both.`,
    );
  }
  if ((options.accessKey === undefined) !== (options.accessSecret === undefined)) {
    throw new TypeError(
      `${name(options.accessKey === undefined ? 'accessKey' : 'accessSecret')} is missing; give both ${name('accessKey')} and ${name('accessSecret')} (non-empty strings).`,
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
        throw new TypeError(
          `${options.credentials ? `${name('credentials', i)}.${field}` : name(field)} must be a non-empty string.`,
        );
    }
  }
  return new Map(list.map((c) => [c.accessKey, c.accessSecret]));
}

function wholeNumber(
  options: MockOptions,
  option: 'callbackDelayMs' | 'callbackRetryBaseMs' | 'templateReviewMs' | 'messageLimit' | 'maxBodyBytes',
  name: OptionName,
  { fallback, min, unit }: { fallback: number; min: number; unit: string },
): number {
  const value = options[option] ?? fallback;
  if (!Number.isSafeInteger(value) || value < min)
    throw new TypeError(
      `${name(option)} must be a whole number${unit}${min === 0 ? ', 0 or more' : `${unit ? ',' : ''} of at least ${min}`}; got ${value}.`,
    );
  return value;
}

function portsOf(options: MockOptions, hosts: readonly MockHost[], name: OptionName): number[] {
  if (options.portBase !== undefined && options.portBase !== 0) {
    const base = options.portBase;
    if (!Number.isSafeInteger(base) || base < 0 || base + HOSTS.length - 1 > 65_535)
      throw new TypeError(
        `${name('portBase')} must leave room for ${HOSTS.length} ports below 65536 (0 picks free ones); got ${base}.`,
      );
  }
  return hosts.map((host) => {
    const port =
      options.ports?.[host] ??
      (options.portBase === 0 ? 0 : (options.portBase ?? DEFAULT_PORT_BASE) + HOSTS.indexOf(host));
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new TypeError(`the port of ${host} must be a whole number from 0 to 65535; got ${port}.`);
    return port;
  });
}

/** The run's fault rules, checked against the hosts served and their operationIds. */
function faultRules(options: MockOptions, hosts: readonly MockHost[], specs: () => Spec[], name: OptionName): Rule[] {
  if (options.faults === undefined) return [];
  if (!Array.isArray(options.faults))
    throw new TypeError(
      `${name('faults')} must be an array of strings such as "sendMessage:accepted-then-500"; got ${typeof options.faults}.`,
    );
  if (options.faults.length === 0) return [];
  return parseRules(options.faults, scopesOf(hosts, specs()), (i) => name('faults', i));
}

function reportFileOf(options: MockOptions, name: OptionName): string | undefined {
  if (options.reportFile === undefined) return undefined;
  try {
    checkReportTarget(options.reportFile);
  } catch (error) {
    throw new TypeError(`${name('reportFile')}: ${(error as Error).message}.`);
  }
  return options.reportFile;
}

function allowedHostsOf(options: MockOptions, name: OptionName): string[] {
  const list = options.allowedHosts ?? [];
  if (!Array.isArray(list))
    throw new TypeError(`${name('allowedHosts')} must be an array of host names such as "mock.internal".`);
  for (const [i, h] of list.entries())
    if (typeof h !== 'string' || !/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$/i.test(h))
      throw new TypeError(
        `${name('allowedHosts', i)} must be a host name without scheme or port, such as "mock.internal"; got ${JSON.stringify(h)}.`,
      );
  const listen = options.listen ?? '127.0.0.1';
  // The address it listens on is how it is reached; a wildcard address names no host.
  const own = listen === '0.0.0.0' || listen === '::' ? [] : [listen];
  return [
    ...list.map((h) =>
      h
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, ''),
    ),
    ...own,
  ];
}

/** Checks the options and fills in the defaults; throws a TypeError naming the option at fault. */
export function resolveOptions(options: MockOptions, name: OptionName = libraryName): ResolvedOptions {
  const hosts = options.hosts ?? HOSTS;
  const unknown = hosts.filter((h) => !HOSTS.includes(h));
  if (unknown.length > 0)
    throw new TypeError(`unknown host ${unknown.join(', ')}; expected one of ${HOSTS.join(', ')}.`);
  const accounts = accountsOf(options, name);
  const ports = portsOf(options, hosts, name);
  // Read when first needed: the CLI checks its flags before it starts the mock (which resolves them again), and
  // that check needs the specs only for faults and upstreams.
  let read: Spec[] | undefined;
  const specs = () => (read ??= hosts.map(loadSpec));
  let rules: Rule[];
  try {
    rules = faultRules(options, hosts, specs, name);
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
  return {
    hosts,
    get specs() {
      return specs();
    },
    ports,
    listen: options.listen ?? '127.0.0.1',
    accounts,
    webhookUrl: options.webhookUrl,
    allowAnyCallbackTarget: options.allowAnyCallbackTarget ?? false,
    stepMs: wholeNumber(options, 'callbackDelayMs', name, { fallback: 200, min: 0, unit: ' of ms' }),
    retryBaseMs: wholeNumber(options, 'callbackRetryBaseMs', name, { fallback: 1_000, min: 0, unit: ' of ms' }),
    faultRules: rules,
    maxBodyBytes: wholeNumber(options, 'maxBodyBytes', name, { fallback: 20 * 1024 * 1024, min: 1, unit: ' of bytes' }),
    messageLimit: wholeNumber(options, 'messageLimit', name, { fallback: 1_000, min: 1, unit: '' }),
    reviewMs: wholeNumber(options, 'templateReviewMs', name, { fallback: 1_000, min: 0, unit: ' of ms' }),
    stateFile: options.stateFile,
    reportFile: reportFileOf(options, name),
    strictTemplates: options.strictTemplates === true,
    allowedHosts: allowedHostsOf(options, name),
    log: options.log ?? NO_LOG,
    // Its upstreams default to the specs' server URLs, in proxy mode only.
    proxy: resolveProxy(options, hosts, options.proxy ? specs() : [], name),
  };
}
