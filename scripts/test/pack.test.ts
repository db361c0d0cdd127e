// The README's "Try it before publishing", as written: `pnpm pack-packages` is scripts/pack.mjs after an install;
// the rest of the README's block runs verbatim in bash — a fresh app installs the three packs with npm (the
// client's dependency on the signing package resolving from its pack) and sends through the installed mock.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packPublic, publicPackages } from '../pack.mjs';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const section = /^## Try it before publishing\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
const block = /```sh\n([\s\S]*?)^```/m.exec(section)?.[1] ?? '';
const [first, ...rest] = block.split('\n');
const packs = join(root, 'packs');

// The user's shell: nothing of the workspace's package manager leaks into the app.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|PNPM_|NODE_OPTIONS|VITEST|TEST)/i.test(k)),
);

afterAll(() => rmSync(packs, { recursive: true, force: true }));

describe('try it before publishing', () => {
  it('the README packs with the pinned pnpm, and that script installs, then runs scripts/pack.mjs', () => {
    expect(first).toMatch(new RegExp(`^npx --yes ${manifest.packageManager.replace(/\./g, '\\.')} pack-packages `));
    expect(manifest.scripts['pack-packages']).toBe('pnpm install --frozen-lockfile && node scripts/pack.mjs');
  });

  it('packs the public packages only: client, signing and mock', () => {
    expect(
      publicPackages()
        .map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['@org/nxwa-client', '@org/nxwa-mock', '@org/nxwa-signing']);
  });

  it('the rest of the block, verbatim, installs the packs into a fresh app and sends through the mock', () => {
    // Built already (turbo builds the workspace before its tests).
    packPublic(packs, { build: false });
    // As a user's shell runs it, without a start-up file of this machine's (BASH_ENV) in between.
    const { BASH_ENV: _startup, ...env } = userEnv;
    const run = spawnSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', rest.join('\n')], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 540_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^sent \S+$/m);
  }, 600_000);
});
