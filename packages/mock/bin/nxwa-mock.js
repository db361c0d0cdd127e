#!/usr/bin/env node
// nxwa-mock: a local mock of every NxCloud WhatsApp API host. `nxwa-mock --help` for the options.
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, HOSTS, startMock } from '../src/index.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', multiple: true },
    'port-base': { type: 'string' },
    listen: { type: 'string' },
    'access-key': { type: 'string' },
    'access-secret': { type: 'string' },
    'webhook-url': { type: 'string' },
    'allow-any-callback-target': { type: 'boolean' },
    'callback-delay-ms': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(`nxwa-mock — a local mock of every NxCloud WhatsApp API host (Prism behind a signature-checking gateway)

  --host <host>                 only this host (repeatable); all of ${HOSTS.join(', ')} by default
  --port-base <n>               ports n, n+1, n+2, n+3 in that order (default 4010; env NXWA_MOCK_PORT_BASE)
  --listen <address>            address to listen on (default 127.0.0.1; env NXWA_MOCK_LISTEN)
  --access-key <key>            accepted accessKey (default ${DEMO_CREDENTIALS.accessKey}; env NXWA_MOCK_ACCESS_KEY)
  --access-secret <secret>      its secret (default ${DEMO_CREDENTIALS.accessSecret}; env NXWA_MOCK_ACCESS_SECRET)
  --webhook-url <url>           where status callbacks go when a send has no dr_webhook (env NXWA_MOCK_WEBHOOK_URL)
  --allow-any-callback-target   also call back addresses that are not loopback
  --callback-delay-ms <n>       pause between callbacks (default 200)
  --max-body-bytes <n>          largest accepted body (default 20 MiB)
  --quiet                       no log line per request`);
  process.exit(0);
}

const env = process.env;
const number = (v, name) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`nxwa-mock: ${name} must be a whole number, got ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return n;
};
const hosts = values.host ?? HOSTS;
const unknown = hosts.filter((h) => !HOSTS.includes(h));
if (unknown.length) {
  console.error(`nxwa-mock: unknown host ${unknown.join(', ')}; expected one of ${HOSTS.join(', ')}`);
  process.exit(2);
}
const credentials = {
  accessKey: values['access-key'] ?? env.NXWA_MOCK_ACCESS_KEY ?? DEMO_CREDENTIALS.accessKey,
  accessSecret: values['access-secret'] ?? env.NXWA_MOCK_ACCESS_SECRET ?? DEMO_CREDENTIALS.accessSecret,
};
const quiet = values.quiet ?? false;
const time = () => new Date().toISOString().slice(11, 23);
const started = Date.now();

let mock;
try {
  mock = await startMock({
    hosts,
    portBase: number(values['port-base'] ?? env.NXWA_MOCK_PORT_BASE, '--port-base'),
    listen: values.listen ?? env.NXWA_MOCK_LISTEN ?? '127.0.0.1',
    credentials: [credentials],
    webhookUrl: values['webhook-url'] ?? env.NXWA_MOCK_WEBHOOK_URL,
    allowAnyCallbackTarget: values['allow-any-callback-target'] ?? false,
    callbackDelayMs: number(values['callback-delay-ms'], '--callback-delay-ms'),
    maxBodyBytes: number(values['max-body-bytes'], '--max-body-bytes'),
    log: quiet ? () => {} : (line) => console.log(`${time()} ${line}`),
  });
} catch (error) {
  console.error(`nxwa-mock: could not start: ${error.message}`);
  process.exit(1);
}

const secretShown = credentials.accessSecret === DEMO_CREDENTIALS.accessSecret ? credentials.accessSecret : '(as given)';
console.log(`\nnxwa-mock ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const { host, url } of mock.servers) console.log(`  ${host.padEnd(18)} ${url}`);
console.log(`  credentials        accessKey ${credentials.accessKey}, accessSecret ${secretShown}`);
console.log(`  health             GET <url>/__health\n`);

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`nxwa-mock: ${signal}, stopping`);
  await mock.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
