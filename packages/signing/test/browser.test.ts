// The built package, bundled for browsers, contains no Node built-in, and signs the official vectors correctly
// inside a real headless Chromium (Debian's chromium, driven by playwright-core). No request leaves 127.0.0.1.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '@org/nxwa-chromium';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials, operation, vectors } from './vectors.js';

const packageDir = join(import.meta.dirname, '..');

let bundle: string;
let inputs: string[];
let server: Server;
let browser: Browser;
let origin: string;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist', 'index.js'))) throw new Error('Build the package first (pnpm build).');
  const result = await build({
    stdin: {
      contents: `import * as signing from ${JSON.stringify(join(packageDir, 'dist', 'index.js'))}; globalThis.nxwaSigning = signing;`,
      resolveDir: packageDir,
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0].text;
  inputs = Object.keys(result.metafile.inputs);

  server = createServer((req, res) => {
    if (req.url === '/signing.js') {
      res.setHeader('content-type', 'text/javascript');
      res.end(bundle);
    } else {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><meta charset="utf-8"><script type="module" src="/signing.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('browser bundle', () => {
  it('contains no Node built-in', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(inputs.filter((i) => builtins.has(i) || i.startsWith('node:'))).toEqual([]);
    expect(bundle).not.toMatch(/\brequire\(["'](node:)?(crypto|buffer|fs|http)["']\)/);
    expect(bundle).not.toMatch(/from ["']node:/);
  });

  it('signs the official vectors in Chromium', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        outside.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    await page.goto(origin);
    await page.waitForFunction(() => 'nxwaSigning' in globalThis);
    const results = await page.evaluate(
      ({ credentials, operation, bodies }) => {
        const s = (globalThis as any).nxwaSigning;
        return {
          native: s.hasNativeHash,
          signatures: bodies.map((body: string | null) => ({
            md5: s.computeSignature({ ...credentials, ...operation, body }),
            sha256: s.computeSignature({ ...credentials, ...operation, body, algorithm: 'sha256' }),
          })),
          verified: s.verifySignature({
            headers: s.signatureHeaders({ ...credentials, ...operation, ts: Date.now(), body: '{"a":"牛"}' }),
            body: '{"a":"牛"}',
            accessSecret: credentials.accessSecret,
          }).valid,
        };
      },
      { credentials, operation, bodies: vectors.map((v) => v.body ?? null) },
    );
    expect(results.native).toBe(false);
    expect(results.signatures).toEqual(vectors.map((v) => ({ md5: v.md5, sha256: v.sha256 })));
    expect(results.verified).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
