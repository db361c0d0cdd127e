#!/usr/bin/env node
// Packs the packages a user installs (every packages/* not marked private: the client, signing and the mock) into
// one folder, built first, to try them before they are published. pnpm packs them: it writes the versions of the
// workspace's own dependencies (the client's `@org/nxwa-signing`) into each tarball. Installed together, with
// `npm install packs/*.tgz`, those dependencies resolve from the packs; the client's tarball alone would look
// `@org/nxwa-signing` up in the registry, where it is not yet.
//
//   node scripts/pack.mjs [--out <folder>] [--no-build]     (default: packs/ at the root)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..');
// The pinned pnpm through npx: a shell may have no pnpm, or another version.
const pnpm = ['npx', '--yes', JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager];

/** The packages a user installs: `{ name, dir }` of every packages/* whose package.json is not private. */
export function publicPackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'packages', entry.name))
    .flatMap((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return manifest.private === true ? [] : [{ name: manifest.name, dir }];
      } catch {
        return [];
      }
    });
}

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.error?.message}) in ${cwd}:\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-3_000)}`,
    );
  return result.stdout;
}

/**
 * Packs every public package into `out` (emptied first), after building them through turbo unless `build` is
 * false. Returns each package's tarball by name.
 */
export function packPublic(out, { build = true } = {}) {
  const packages = publicPackages();
  if (build)
    run(
      pnpm[0],
      [
        ...pnpm.slice(1),
        'exec',
        'turbo',
        'run',
        'build',
        '--output-logs=errors-only',
        ...packages.map((p) => `--filter=${p.name}`),
      ],
      root,
    );
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tarballs = {};
  for (const { name, dir } of packages) {
    const before = new Set(readdirSync(out));
    run(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', out], dir);
    const file = readdirSync(out).find((f) => !before.has(f));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name} into ${out}`);
    tarballs[name] = join(out, file);
  }
  return tarballs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  if (at !== -1 && !args[at + 1]) {
    console.error('--out needs a folder, e.g. --out packs');
    process.exit(2);
  }
  const unknown = args.filter((a, i) => !['--out', '--no-build'].includes(a) && args[i - 1] !== '--out');
  if (unknown.length) {
    console.error(`unknown argument ${unknown[0]}: expected --out <folder> or --no-build`);
    process.exit(2);
  }
  const out = resolve(at === -1 ? join(root, 'packs') : args[at + 1]);
  try {
    const tarballs = packPublic(out, { build: !args.includes('--no-build') });
    for (const [name, file] of Object.entries(tarballs)) console.log(`${name}: ${relative(process.cwd(), file)}`);
    console.log(`\ninstall them together in an app: npm install ${join(out, '*.tgz')}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
