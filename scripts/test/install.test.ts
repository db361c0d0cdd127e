// A fresh clone installs quietly: every command a workspace package declares (`bin`) points at a committed file,
// so that pnpm can link it at install time, before anything is built (a bin into dist/ is a "Failed to create bin
// … ENOENT" warning for every workspace that depends on the package).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceDirs } from '../lib/summary.mjs';

const root = join(import.meta.dirname, '..', '..');
const committed = new Set(
  execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => normalize(f)),
);
const bins = (workspaceDirs(root) as string[]).flatMap((dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  return Object.entries<string>(bin).map(([name, file]) => ({
    name,
    file: normalize(join(dir, file).slice(root.length + 1)),
  }));
});

describe('install', () => {
  it('finds the commands: the mock has one', () => expect(bins.map((b) => b.name)).toContain('nxwa-mock'));

  it.each(bins.map((b) => [b.name, b.file] as const))('the command %s is a committed file (%s)', (_, file) => {
    expect(committed.has(file), `${file} is not in git: pnpm cannot link it before a build`).toBe(true);
  });
});
