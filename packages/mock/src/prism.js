// Starts and stops the pinned Prism, one process per host's bundled spec, on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode} before listening`);
    try {
      await fetch(`http://127.0.0.1:${port}/__nxwa_ready`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Prism did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Starts Prism on `specFile`; resolves once it answers. */
export async function startPrism(specFile, { port, log = () => {}, timeoutMs = 30_000 } = {}) {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [prismBin, 'mock', specFile, '-h', '127.0.0.1', '-p', String(listenPort), '--errors', 'false'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
    // Its own process group: Prism starts a worker process of its own, and stopping the group stops both.
    detached: true,
  });
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitUntilListening(listenPort, child, timeoutMs);
  } catch (error) {
    signal('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  }
  log(`prism ${specFile} on 127.0.0.1:${listenPort} (pid ${child.pid})`);
  return {
    port: listenPort,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          signal('SIGKILL');
          return resolve();
        }
        const force = setTimeout(() => signal('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(force);
          // The worker goes with the group, even if Prism left it behind.
          signal('SIGKILL');
          resolve();
        });
        signal('SIGTERM');
      }),
  };
}
