// The built `nxwa-mock` command as a separate process, for the tests that a request must not kill: it starts on
// free ports, and `alive()` proves the process is still there and answering afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { signatureHeaders } from '@org/nxwa-signing';
import { DEMO_CREDENTIALS } from '../src/index.js';
import { freePortBase, stopChild } from './support.js';

// Another build (NXWA_MOCK_BIN) can be run instead: to see a test fail on an older one.
const bin = process.env.NXWA_MOCK_BIN ?? join(import.meta.dirname, '..', 'dist', 'cli.js');

export interface MockProcess {
  child: ChildProcess;
  urls: Record<string, string>;
  out(): string;
  /** The process has not exited, and every host answers its health check. */
  alive(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts the built command (or `cli`, another copy of it) with these arguments, on free ports. */
export async function startMockProcess(
  args: string[] = [],
  { cli = bin }: { cli?: string } = {},
): Promise<MockProcess> {
  for (let attempt = 1; ; attempt++) {
    const base = await freePortBase();
    const child = spawn(process.execPath, [cli, '--port-base', String(base), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 30_000;
    while (!out.includes('__health') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    // A port taken by another suite between the check and the start: again on others (bounded).
    if (child.exitCode !== null && out.includes('already in use') && attempt < 3) continue;
    if (!out.includes('__health')) {
      await stopChild(child);
      throw new Error(`nxwa-mock did not start:\n${out}`);
    }
    const urls = Object.fromEntries(
      [...out.matchAll(/^\s+(\S+\.(?:com|ai))\s+(http:\/\/127\.0\.0\.1:\d+)$/gm)].map((m) => [m[1], m[2]]),
    );
    return {
      child,
      urls,
      out: () => out,
      async alive() {
        if (child.exitCode !== null || child.signalCode !== null) return false;
        const answers = await Promise.all(
          Object.values(urls).map((u) =>
            fetch(`${u}/__health`).then(
              (r) => r.status,
              () => 0,
            ),
          ),
        );
        return answers.every((s) => s === 200);
      },
      stop: () => stopChild(child),
    };
  }
}

/** The signature headers of a request to api2 (`action`, with the demo credentials), for a body as sent. */
export const signed = (action: string, body: string | Uint8Array = '', bizType = '2') =>
  signatureHeaders({ ...DEMO_CREDENTIALS, action, bizType, ts: Date.now(), body });
