// The main entry, bundled for browsers and edge runtimes, contains no Node built-in.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('the runtime entry bundles for browsers without any Node built-in', async () => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '..', 'dist', 'index.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const inputs = Object.keys(result.metafile.inputs);
  // openapi-fetch is used for its types only.
  expect(inputs.some((i) => i.includes('openapi-fetch'))).toBe(false);
  expect(inputs.some((i) => i.includes('@noble/hashes'))).toBe(true);
  expect(inputs.filter((i) => builtins.has(i) || i.startsWith('node:'))).toEqual([]);
  expect(result.outputFiles.map((f) => f.text).join('')).not.toMatch(/from ["']node:|require\(["']node:/);
});
