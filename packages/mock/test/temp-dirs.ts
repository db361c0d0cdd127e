// Temporary directories a test file makes, each removed when the file's tests have ended.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Called at a file's top level: a maker of fresh directories (`nxwa-<name>-…`), all removed after the file's tests. */
export function tempDirs(): (name: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(join(tmpdir(), `nxwa-${name}-`));
    made.push(dir);
    return dir;
  };
}
