#!/usr/bin/env node
// nxwa-mock: a local mock of every NxCloud WhatsApp API host, in this one process. `nxwa-mock --help` for options.
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { checkWebhookCommand, DEMO_CREDENTIALS, HOSTS, type MockHost, type MockOptions, startMock } from './index.js';
import { resolveOptions } from './options.js';

// `nxwa-mock check-webhook <url>`: checks a webhook instead of starting the mock.
if (process.argv[2] === 'check-webhook') {
  const code = await checkWebhookCommand(process.argv.slice(3), process.env, console.log, console.error);
  process.exit(code);
}

const HELP = `nxwa-mock — a local mock of every NxCloud WhatsApp API host (one process; signatures, NxCloud's codes, callbacks)

  --host <host>                 only this host (repeatable); all of ${HOSTS.join(', ')} by default
  --port-base <n>               ports n, n+1, n+2, n+3 in that order (default 4010; env NXWA_MOCK_PORT_BASE)
  --listen <address>            address to listen on (default 127.0.0.1; env NXWA_MOCK_LISTEN)
  --access-key <key>            accepted accessKey (default ${DEMO_CREDENTIALS.accessKey}; env NXWA_MOCK_ACCESS_KEY)
  --access-secret <secret>      its secret (default ${DEMO_CREDENTIALS.accessSecret}; env NXWA_MOCK_ACCESS_SECRET)
  --webhook-url <url>           where status callbacks go when a send has no dr_webhook (env NXWA_MOCK_WEBHOOK_URL)
  --allow-any-callback-target   also call back addresses that are not loopback
  --callback-delay-ms <n>       pause before each status of a send's timeline and its callback (default 200)
  --callback-retry-base-ms <n>  wait before a webhook's first retry, doubled each time, 5 tries (default 1000)
  --fault <[scope:]fault>       a fault for the run (repeatable), e.g. sendMessage:accepted-then-500,
                                api-hk.nxlink.ai:429;retry-after=2,times=1 or delay=300 (see the README)
  --max-body-bytes <n>          largest accepted body (default 20 MiB)
  --template-review-ms <n>      how long a new or edited template stays PENDING before it is approved (default 1000)
  --allowed-host <name>         also answer the /__nxwa paths addressed to this host name (repeatable); only
                                localhost, 127.0.0.1, [::1] and the --listen address by default
  --state <file>                keep media, templates and messages in this JSON file across restarts
  --report <file>               on stop (and on POST /__nxwa/report) write the requests' summary, the violations
                                and the coverage: JSON for a .json file, JUnit XML for a .xml file
  --fail-on-violation           exit with code 1 on stop when any request broke the contract
  --strict-templates            refuse a template send naming a template the sandbox lacks (10005) from the start
  --proxy                       forward every request, unchanged, to the real host (checked and journaled here
                                all the same) and report where its answers depart from the spec (GET /__nxwa/drift)
  --upstream <host=url>         proxy mode: a host's upstream (repeatable); https, or http on loopback only; the
                                spec's production URL by default
  --record <dir>                proxy mode: write each exchange to <dir>/<host>.har (HAR 1.2), secrets, signatures
                                and phone numbers redacted
  --keep-recipients             keep phone numbers whole in the cassettes
  --replay <dir>                answer requests from the cassettes in <dir>; the sandbox answers the rest
  --replay-strict               refuse (HTTP 404) a request no cassette holds
  --relay-to <url>              relay the callbacks posted to the relay's port to this URL (the app's handler),
                                checking each against the spec and, with the account's secret, its signature
  --relay-port <n>              the relay's port (default: the one after the hosts')
  --quiet                       no log line per request
  --help                        this text

  nxwa-mock check-webhook <url> posts every documented callback and forged ones to a webhook (check-webhook --help)`;

const fail = (message: string): never => {
  console.error(`nxwa-mock: ${message}`);
  process.exit(2);
};

let values: Record<string, string | boolean | string[] | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      host: { type: 'string', multiple: true },
      'port-base': { type: 'string' },
      listen: { type: 'string' },
      'access-key': { type: 'string' },
      'access-secret': { type: 'string' },
      'webhook-url': { type: 'string' },
      'allow-any-callback-target': { type: 'boolean' },
      'callback-delay-ms': { type: 'string' },
      'callback-retry-base-ms': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'max-body-bytes': { type: 'string' },
      'template-review-ms': { type: 'string' },
      state: { type: 'string' },
      report: { type: 'string' },
      'fail-on-violation': { type: 'boolean' },
      'strict-templates': { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      proxy: { type: 'boolean' },
      upstream: { type: 'string', multiple: true },
      record: { type: 'string' },
      'keep-recipients': { type: 'boolean' },
      replay: { type: 'string' },
      'replay-strict': { type: 'boolean' },
      'relay-to': { type: 'string' },
      'relay-port': { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  // Node's message names the flag ("Unknown option '--x'"); its stack helps no one here.
  fail(
    `${(error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '')} (see nxwa-mock --help)`,
  );
}

if (values!.help) {
  console.log(HELP);
  process.exit(0);
}

const env = process.env;
const number = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || !Number.isSafeInteger(n))
    fail(`${name} must be a whole number, got ${JSON.stringify(v)}`);
  return n;
};
const faults = (values!.fault as string[] | undefined) ?? [];
/** `--upstream api2.nxcloud.com=https://…`, repeatable. */
function upstreamsOf(list: string[] | undefined): MockOptions['upstreams'] {
  if (!list) return undefined;
  const out: Record<string, string> = {};
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0)
      fail(
        `--upstream must be <host>=<url>, such as api2.nxcloud.com=https://api2.nxcloud.com; got ${JSON.stringify(item)}`,
      );
    out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}
const credentials = {
  accessKey: (values!['access-key'] as string | undefined) ?? env.NXWA_MOCK_ACCESS_KEY ?? DEMO_CREDENTIALS.accessKey,
  accessSecret:
    (values!['access-secret'] as string | undefined) ?? env.NXWA_MOCK_ACCESS_SECRET ?? DEMO_CREDENTIALS.accessSecret,
};
const startedByNpm = env.npm_command === 'exec';
// Read once; nothing this process might start later inherits it.
delete env.NXWA_MOCK_ACCESS_SECRET;
const quiet = values!.quiet === true;
const time = () => new Date().toISOString().slice(11, 23);

const options: MockOptions = {
  hosts: (values!.host as MockHost[] | undefined) ?? HOSTS,
  portBase: number(values!['port-base'] ?? env.NXWA_MOCK_PORT_BASE, '--port-base'),
  listen: (values!.listen as string | undefined) ?? env.NXWA_MOCK_LISTEN ?? '127.0.0.1',
  accessKey: credentials.accessKey,
  accessSecret: credentials.accessSecret,
  webhookUrl: (values!['webhook-url'] as string | undefined) ?? env.NXWA_MOCK_WEBHOOK_URL,
  allowAnyCallbackTarget: values!['allow-any-callback-target'] === true,
  callbackDelayMs: number(values!['callback-delay-ms'], '--callback-delay-ms'),
  callbackRetryBaseMs: number(values!['callback-retry-base-ms'], '--callback-retry-base-ms'),
  faults,
  maxBodyBytes: number(values!['max-body-bytes'], '--max-body-bytes'),
  templateReviewMs: number(values!['template-review-ms'], '--template-review-ms'),
  stateFile: values!.state as string | undefined,
  reportFile: values!.report as string | undefined,
  strictTemplates: values!['strict-templates'] === true,
  allowedHosts: values!['allowed-host'] as string[] | undefined,
  log: quiet ? undefined : (line) => console.log(`${time()} ${line}`),
  proxy: values!.proxy === true || undefined,
  upstreams: upstreamsOf(values!.upstream as string[] | undefined),
  recordDir: values!.record as string | undefined,
  keepRecipients: values!['keep-recipients'] === true || undefined,
  replayDir: values!.replay as string | undefined,
  replayStrict: values!['replay-strict'] === true || undefined,
  relayTo: values!['relay-to'] as string | undefined,
  relayPort: number(values!['relay-port'], '--relay-port'),
};

// The flag each option comes from, for the one check of the options that startMock makes too.
const FLAGS: Partial<Record<keyof MockOptions, string>> = {
  hosts: '--host',
  portBase: '--port-base',
  listen: '--listen',
  accessKey: '--access-key',
  accessSecret: '--access-secret',
  callbackDelayMs: '--callback-delay-ms',
  callbackRetryBaseMs: '--callback-retry-base-ms',
  maxBodyBytes: '--max-body-bytes',
  templateReviewMs: '--template-review-ms',
  reportFile: '--report',
  allowedHosts: '--allowed-host',
  proxy: '--proxy',
  upstreams: '--upstream',
  recordDir: '--record',
  keepRecipients: '--keep-recipients',
  replayDir: '--replay',
  replayStrict: '--replay-strict',
  relayTo: '--relay-to',
  relayPort: '--relay-port',
};
try {
  resolveOptions(options, (option, i) =>
    option === 'faults' && i !== undefined ? `--fault ${JSON.stringify(faults[i])}` : (FLAGS[option] ?? option),
  );
} catch (error) {
  fail((error as Error).message.replace(/\.$/, ''));
}

// A server whose kept state is bounded: V8 would let its heap grow to about four times what is live before a full
// collection; 30% holds the process near what it keeps (the README's Figures). A setting given to Node itself wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent')))
  setFlagsFromString('--heap-growing-percent=30');

let mock: Awaited<ReturnType<typeof startMock>>;
try {
  mock = await startMock(options);
} catch (error) {
  console.error(`nxwa-mock: could not start: ${(error as Error).message}`);
  process.exit(1);
}

const secretShown =
  credentials.accessSecret === DEMO_CREDENTIALS.accessSecret ? credentials.accessSecret : '(as given)';
// Since the process started (module loading included).
console.log(`\nnxwa-mock ready in ${(performance.now() / 1000).toFixed(1)} s`);
for (const { host, url } of mock.servers) console.log(`  ${host.padEnd(18)} ${url}`);
console.log(`  credentials        accessKey ${credentials.accessKey}, accessSecret ${secretShown}`);
// The live page of what the mock records; every host's port serves it, the first one is shown.
console.log(`  inspector          ${mock.servers[0].url}/__nxwa/`);
console.log('                     the phone view: conversations, replies as the customer, templates, media, log');
if (options.proxy) console.log('  proxy              every request goes upstream; drift: GET <url>/__nxwa/drift');
if (options.recordDir) console.log(`  recording to       ${options.recordDir}`);
if (options.replayDir)
  console.log(`  replaying          ${options.replayDir}${options.replayStrict ? ' (strict)' : ''}`);
if (mock.relayUrl) console.log(`  callbacks relay    ${mock.relayUrl} → ${options.relayTo}`);
console.log(`  health             GET <url>/__health\n`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`nxwa-mock: ${signal}, stopping`);
  try {
    await mock.stop();
  } catch (error) {
    fail((error as Error).message);
  }
  const violations = mock.violations().reduce((n, v) => n + v.count, 0);
  if (values!.report) console.log(`nxwa-mock: report written to ${values!.report}`);
  if (values!['fail-on-violation'] && violations > 0) {
    console.error(
      `nxwa-mock: ${violations} request${violations === 1 ? '' : 's'} broke the contract (--fail-on-violation)`,
    );
    process.exit(1);
  }
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// Under npx (npm exec), a SIGTERM to npm stops npm and its shell but not this process: when the process that
// started it is gone, the mock stops too and frees its ports.
if (startedByNpm) {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void shutdown('the npx process that started it exited'), 500).unref();
}
