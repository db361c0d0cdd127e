// The runtime matrix: the same check script, against the built dist of @org/nxwa-signing and @org/nxwa-client,
// in Node (the reference), Deno, Bun, workerd and Chromium, each talking to one signature-verifying server on
// 127.0.0.1. A runtime that cannot be started fails its test with the reason; none is skipped.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../src/checks.js';
import { type Bundles, bundleChecks, nodeBinary, runProcess, runtimeBinary, runtimes } from './runtimes.js';
import { startCheckServer } from './server.js';

let bundles: Bundles;
let server: Awaited<ReturnType<typeof startCheckServer>>;

beforeAll(async () => {
  bundles = await bundleChecks();
  server = await startCheckServer({
    '/matrix.html': [
      'text/html; charset=utf-8',
      '<!doctype html><meta charset="utf-8"><title>nxwa runtime matrix</title><script type="module" src="/browser.mjs"></script>',
    ],
    '/browser.mjs': ['text/javascript; charset=utf-8', readFileSync(bundles.browser, 'utf8')],
  });
});

afterAll(async () => {
  await server?.close();
});

describe('runtime matrix', () => {
  it.each(runtimes.map((r, i) => [r.name, r, `run${i}`] as const))('%s', async (_name, runtime, runId) => {
    const report = await runtime.run({ origin: server.origin, runId }, bundles);

    expect(report.runtime).toMatch(runtime.describes);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(checks.map(([name]) => name));
    expect(report.nativeHash).toBe(runtime.nativeHash);
    // What the server saw: every request signed right for its operation, but the one signed with a wrong secret;
    // three attempts of the retried read; the aborted and the timed-out calls received.
    expect(server.verdicts(runId)).toEqual({
      'signed-fetch': ['valid'],
      send: ['valid', 'valid'],
      refused: ['bad-signature'],
      hang: ['valid'],
      timeout: ['valid'],
      retry: ['valid', 'valid', 'valid'],
    });
  });
});

describe('a runtime that cannot run', () => {
  it('is a failure that says what is missing, not a skip', () => {
    expect(() => runtimeBinary('deno', 'plan9-mips')).toThrow(/no binary for plan9-mips/);
    expect(() => runtimeBinary('bun', 'plan9-mips')).toThrow(/no binary for plan9-mips/);
    expect(() => nodeBinary('26', 'plan9-mips')).toThrow(
      /No Node 26 for plan9-mips: node-versions\/package\.json pins it for linux-x64, linux-arm64 only/,
    );
  });
  it('is a failure that shows how it ended and what it said', async () => {
    await expect(
      runProcess('Node', process.execPath, ['-e', 'console.error("no such thing"); process.exit(3)']),
    ).rejects.toThrow(/Node printed no report: it exited with 3\.[^]*no such thing/);
    await expect(runProcess('Nothing', '/nonexistent/runtime', [])).rejects.toThrow(
      /Nothing did not start \(\/nonexistent\/runtime\)/,
    );
  });
});
