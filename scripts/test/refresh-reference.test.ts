// `pnpm refresh-reference` copies a reference folder into spec/reference: folders the repo does not have yet come
// along whole, files from a read-only source stay writable in the copy, and the new files are named.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', 'refresh-reference.mjs');
const work = mkdtempSync(join(tmpdir(), 'nxwa-refresh-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('refresh-reference', () => {
  const from = join(work, 'shared');
  const to = join(work, 'repo-reference');
  mkdirSync(join(from, 'wiki-old'), { recursive: true });
  mkdirSync(join(from, 'wiki-new'), { recursive: true });
  mkdirSync(join(to, 'wiki-old'), { recursive: true });
  writeFileSync(join(from, 'wiki-old', 'a.md'), 'a, newer\n');
  writeFileSync(join(to, 'wiki-old', 'a.md'), 'a\n');
  writeFileSync(join(from, 'wiki-new', 'b.md'), 'b\n');
  chmodSync(join(from, 'wiki-new', 'b.md'), 0o444);
  const run = spawnSync(process.execPath, [script, from, to], { encoding: 'utf8' });

  it('copies a folder the target lacks and names its files as new', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(to, 'wiki-new', 'b.md'), 'utf8')).toBe('b\n');
    expect(run.stdout).toContain('1 new file(s): wiki-new/b.md');
  });
  it('updates files the target has', () => {
    expect(readFileSync(join(to, 'wiki-old', 'a.md'), 'utf8')).toBe('a, newer\n');
  });
  it('leaves the copy writable', () => {
    expect(statSync(join(to, 'wiki-new', 'b.md')).mode & 0o200).toBe(0o200);
  });
  it('names a missing source folder', () => {
    const missing = spawnSync(process.execPath, [script, join(work, 'nowhere'), to], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere is not a folder');
  });
});
