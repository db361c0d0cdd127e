// Every TypeScript sample a reader may copy — in every README (the root's, packages/*, apps/*) and on the built
// site's own pages (the quick start, the guides) — type-checks under the strictest settings we can name
// (tsconfig.samples.json at the root: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
// noPropertyAccessFromIndexSignature) against the workspace's packages, and runs against the local mock: the
// real hosts the samples name, and the mock's default ports, are routed to a mock on free ports.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PORT_BASE, DEMO_CREDENTIALS, HOSTS, startMock } from '@org/nxwa-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmes, typescriptBlocks, typescriptOnPage } from '../src/guides.mjs';

const app = join(import.meta.dirname, '..');
const root = join(app, '..', '..');
const dist = join(app, 'dist');
// Inside the app (apps/*/build is ignored by git), so that the packages resolve as they do for users.
const dir = join(app, 'build', 'guide-samples');
const preload = join(import.meta.dirname, 'support', 'route-to-mock.mjs');

interface Sample {
  name: string;
  source: string;
  code: string;
}
const samples: Sample[] = [];
const seen = new Set<string>();
const add = (prefix: string, source: string, blocks: string[]) =>
  blocks.forEach((code, i) => {
    if (seen.has(code)) return; // a guide made from a README shows the README's samples again
    seen.add(code);
    samples.push({ name: `${prefix}-${String(i + 1).padStart(2, '0')}`, source: `${source} sample ${i + 1}`, code });
  });
for (const readme of readmes(root))
  add(
    readme.replace(/\/?README\.md$/, '').replace(/\//g, '-') || 'root',
    readme,
    typescriptBlocks(readFileSync(join(root, readme), 'utf8')),
  );
const pages = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.html')) : [];
for (const page of pages)
  add(`page-${page.replace(/\.html$/, '')}`, `dist/${page}`, typescriptOnPage(readFileSync(join(dist, page), 'utf8')));

let mock: { urls: Partial<Record<string, string>>; stop: () => Promise<void> };
const routes: Record<string, string> = {};
let tsc: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('Build the site first (pnpm --filter @org/nxwa-docs build).');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const s of samples) writeFileSync(join(dir, `${s.name}.ts`), `// ${s.source}\n${s.code}`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.samples.json',
      compilerOptions: { noEmit: false, outDir: 'out', declaration: false },
      include: ['*.ts'],
    }),
  );
  tsc = spawnSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  mock = await startMock({ portBase: 0, ...DEMO_CREDENTIALS });
  HOSTS.forEach((host, i) => {
    routes[`https://${host}`] = mock.urls[host]!;
    routes[`http://127.0.0.1:${DEFAULT_PORT_BASE + i}`] = mock.urls[host]!;
  });
}, 120_000);
afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Asynchronous: the mock runs in this process and must go on answering while a sample runs.
const run = (file: string): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((ok) =>
    execFile(
      process.execPath,
      ['--import', preload, file],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          NXCLOUD_ACCESS_KEY: DEMO_CREDENTIALS.accessKey,
          NXCLOUD_ACCESS_SECRET: DEMO_CREDENTIALS.accessSecret,
          NXWA_ROUTES: JSON.stringify(routes),
        },
      },
      (error, stdout, stderr) => ok({ status: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    ),
  );

describe('samples in the READMEs and on the site', () => {
  it('are found: the client, signing and mock READMEs, and the quick start', () => {
    for (const prefix of ['packages-client-', 'packages-signing-', 'packages-mock-', 'page-index-'])
      expect(
        samples.some((s) => s.name.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it('type-check under the strictest settings (tsconfig.samples.json)', () => {
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });

  // A sample that is a vitest test file runs under vitest (the mock's README test runs its own in a child vitest);
  // here it is type-checked with the rest.
  const runnable = samples.filter((s) => !/from 'vitest'/.test(s.code));
  it('leaves out of the runs only the vitest test files', () => {
    expect(samples.length - runnable.length).toBeLessThanOrEqual(2);
  });
  it.each(runnable.map((s) => [s.source, s] as const))('%s runs against the mock', async (_, s) => {
    const result = await run(join(dir, 'out', `${s.name}.js`));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
