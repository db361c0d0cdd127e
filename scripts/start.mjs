#!/usr/bin/env node
// The main job: build everything, then run the local mock of every host and serve the docs site, print every URL
// and a one-line example to paste. Stops on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
// The pinned pnpm through npx: another terminal may have no pnpm at all.
const pnpm = `npx --yes ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager}`;
const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
  stdio: 'inherit',
  cwd: root,
  env,
});
if (built.status !== 0) process.exit(built.status ?? 1);

const docs = spawn(process.execPath, [join(root, 'apps', 'docs', 'scripts', 'serve.mjs')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env,
});
let docsLine = '';
let docsDone = false;
docs.stdout.on('data', (chunk) => {
  docsLine += chunk;
  announce();
});
docs.on('exit', () => {
  docsDone = true;
  announce();
});

const mock = spawn(process.execPath, [join(root, 'packages', 'mock', 'dist', 'cli.js')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env,
});
let out = '';
let mockReady = false;
mock.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (mockReady) return;
  out += chunk;
  mockReady = out.includes('__health');
  announce();
});
// The docs' URL and the demo command, once both the mock's banner and the docs' line are out: either may come first.
let announced = false;
function announce() {
  if (announced || !mockReady || !(docsLine.includes('\n') || docsDone)) return;
  announced = true;
  if (docsLine) process.stdout.write(`  ${docsLine.trim()}\n`);
  // The mock's banner names the inspector's page: the place to watch the demo's message arrive.
  const inspector = /^\s+inspector\s+(\S+)/m.exec(out)?.[1];
  console.log(
    `\nSend a message to the mock (in another terminal):\n  ${pnpm} demo\n${inspector ? `and watch the conversation in the phone view (its ticks turn live; answer as the customer there):\n  ${inspector}\n` : ''}`,
  );
}
const stop = (signal) => {
  docs.kill(signal);
  mock.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
mock.on('exit', (code) => {
  docs.kill('SIGTERM');
  process.exit(code ?? 0);
});
