#!/usr/bin/env node
// The main job: build everything, then run the local mock of every host (and, once built, the docs), print every
// URL and a one-line example to paste. Stops on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
const built = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { stdio: 'inherit', cwd: root, env });
if (built.status !== 0) process.exit(built.status ?? 1);

const mock = spawn(process.execPath, [join(root, 'packages', 'mock', 'bin', 'nxwa-mock.js')], { stdio: ['ignore', 'pipe', 'inherit'], env });
let banner = false;
mock.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!banner && String(chunk).includes('health')) {
    banner = true;
    console.log('Send a message to the mock (in another terminal):\n  pnpm demo\n');
  }
});
const stop = (signal) => mock.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
mock.on('exit', (code) => process.exit(code ?? 0));
