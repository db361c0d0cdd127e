// The published packages as a user meets them: packed into tarballs, installed with npm (and with pnpm) into fresh
// apps outside the workspace, then used from ESM and CommonJS, type-checked under strict TypeScript, and the
// mock's command run from the installed package.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packPublic } from '../../../scripts/pack.mjs';

const here = import.meta.dirname;
const root = join(here, '..', '..', '..');
const catalog = (parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { catalog: Record<string, string> })
  .catalog;
const pinned = (name: string) => {
  const version = catalog[name];
  if (!version) throw new Error(`${name} is not pinned in the catalog of pnpm-workspace.yaml`);
  return String(version);
};
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1] as string;

/** The environment of a user's shell: nothing of the workspace's package manager leaks into the scratch apps. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|PNPM_|NODE_OPTIONS|VITEST|TEST)/i.test(k)),
);

function run(cmd: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', env: userEnv, timeout: 540_000, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new Error(`${cmd} ${args.join(' ')} could not run: ${result.error.message}`);
  return { status: result.status, stdout: String(result.stdout ?? ''), output };
}
function mustRun(cmd: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = run(cmd, args, options);
  if (result.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (exit ${result.status}) in ${options.cwd}:\n${result.output.slice(-4_000)}`,
    );
  return result;
}

let scratch: string;
const tarballs: Record<string, string> = {};

/** A fresh app: its package.json depends on the given packages' tarballs (and pins them for transitive use too). */
function createApp(name: string, packages: string[], extra: Record<string, string>) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const deps = Object.fromEntries(packages.map((p) => [p, `file:${tarballs[p]}`]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `nxwa-consumer-${name}`,
        private: true,
        version: '1.0.0',
        dependencies: { ...deps, ...extra },
        overrides: deps,
        pnpm: { overrides: deps },
      },
      null,
      2,
    ),
  );
  return dir;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'nxwa-consumer-'));
  // The packing the README's "Try it before publishing" runs (scripts/pack.mjs); turbo has built them already.
  Object.assign(tarballs, packPublic(join(scratch, 'tarballs'), { build: false }));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('installed with npm', () => {
  let app: string;
  beforeAll(() => {
    app = createApp('npm', Object.keys(tarballs), {
      typescript: pinned('typescript'),
      '@types/node': pinned('@types/node'),
    });
    cpSync(join(here, '..', 'app'), app, { recursive: true });
    mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app });
  });

  it('packs every publishable package', () => {
    expect(Object.keys(tarballs).sort()).toEqual(['@org/nxwa-client', '@org/nxwa-mock', '@org/nxwa-signing']);
  });

  it.each([
    ['ES module', 'send.mjs', 'esm'],
    ['CommonJS', 'send.cjs', 'cjs'],
  ])('%s: the client sends to the installed mock and reads a signed callback', (_label, script, module) => {
    const { stdout } = mustRun(process.execPath, [script], { cwd: app });
    const line = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ module, callback: 'status' });
    expect(line.id).toEqual(expect.any(String));
  });

  it.each(['nodenext', 'bundler'])(
    'every entry point type-checks under strict TypeScript (%s), without skipLibCheck',
    (resolution) => {
      const result = run(
        process.execPath,
        [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${resolution}.json`],
        { cwd: app },
      );
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it.each([
    ['npx nxwa-mock --help', ['--no-install', 'nxwa-mock', '--help']],
    // The docs' quick start, as written there.
    [
      'npx --package @org/nxwa-mock nxwa-mock --help',
      ['--offline', '--package', '@org/nxwa-mock', 'nxwa-mock', '--help'],
    ],
  ])('%s runs the installed command', (_label, args) => {
    const { stdout } = mustRun('npx', args, { cwd: app });
    expect(stdout).toContain('--port-base');
  });
});

describe('the signing package alone (openapi-fetch, an optional peer, absent)', () => {
  it('type-checks under strict TypeScript without skipLibCheck', () => {
    const app = createApp('signing-only', ['@org/nxwa-signing'], {
      typescript: pinned('typescript'),
      '@types/node': pinned('@types/node'),
    });
    cpSync(join(here, '..', 'app-signing-only'), app, { recursive: true });
    mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app });
    expect(readdirSync(join(app, 'node_modules'))).not.toContain('openapi-fetch');
    const result = run(
      process.execPath,
      [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      { cwd: app },
    );
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('installed with pnpm, engines enforced', () => {
  it('the mock installs on this Node and its command runs', () => {
    const app = createApp('pnpm', ['@org/nxwa-signing', '@org/nxwa-mock'], {});
    writeFileSync(join(app, '.npmrc'), 'engine-strict=true\n');
    writeFileSync(join(app, 'pnpm-workspace.yaml'), 'packages: []\n');
    mustRun('npx', ['--yes', `pnpm@${pnpmVersion}`, 'install', '--prefer-offline', '--reporter=append-only'], {
      cwd: app,
    });
    const { stdout } = mustRun(join(app, 'node_modules', '.bin', 'nxwa-mock'), ['--help'], { cwd: app });
    expect(stdout).toContain('--port-base');
  });
});
