import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

// History and issue numbers belong in commits: code, tests and their names speak of the project only.
it('no code or test cites an issue number', () => {
  const grep = spawnSync(
    'git',
    [
      'grep',
      '-n',
      '-i',
      '-E',
      String.raw`\bissue ?#?[0-9]+`,
      '--',
      '*.ts',
      '*.mjs',
      '*.js',
      '*.cjs',
      ':!spec/reference',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  // git grep exits 1 when nothing matches, 0 with matches, more on an error.
  expect(grep.status, grep.stderr).not.toBeGreaterThan(1);
  expect(grep.stdout).toBe('');
});
