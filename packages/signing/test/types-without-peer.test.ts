// The published typings type-check under strict TypeScript without skipLibCheck when openapi-fetch (an optional
// peer) is not installed: the package is copied into a scratch folder with nothing else beside it.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const pkg = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'nxwa-signing-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const into = join(scratch, 'node_modules', '@org', 'nxwa-signing');
mkdirSync(into, { recursive: true });
cpSync(join(pkg, 'package.json'), join(into, 'package.json'));
cpSync(join(pkg, 'dist'), join(into, 'dist'), { recursive: true });
writeFileSync(
  join(scratch, 'use.ts'),
  `import { createSignedFetch, operationHeaders, operations, verifySignature, type OperationHeadersMiddleware } from '@org/nxwa-signing';
const middleware: OperationHeadersMiddleware = operationHeaders(operations['api2.nxcloud.com']);
const signed = createSignedFetch({ accessKey: 'k', accessSecret: 's' });
export { middleware, signed, verifySignature };
`,
);

it.each([
  ['nodenext', 'nodenext'],
  ['esnext', 'bundler'],
])('module %s, moduleResolution %s', async (module, moduleResolution) => {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      module,
      moduleResolution,
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
    },
    files: ['use.ts'],
  };
  writeFileSync(join(scratch, `tsconfig.${moduleResolution}.json`), JSON.stringify(config));
  const result = await run(process.execPath, [tsc, '-p', `tsconfig.${moduleResolution}.json`], { cwd: scratch }).catch(
    (error: { stdout: string }) => error,
  );
  expect(result.stdout).toBe('');
});
