// Memory stability: 60,000 sends with callbacks, in a child process on the built mock; its live heap after
// all of them is at most 1.2× its heap after the first 10,000 (RSS also counts what the allocator keeps, which
// varies with load, so it is reported, not judged), and no callback is left pending.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('60,000 sends with callbacks: the heap stays within 1.2× of what it was after 10,000', () => {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', join(import.meta.dirname, 'server.memory-run.mjs'), '60000'],
    {
      encoding: 'utf8',
      timeout: 540_000,
    },
  );
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
  expect(result).toMatchObject({ sends: 60_000, failures: 0, pending: 0 });
  expect(result.heapLast / result.heapFirst, JSON.stringify(result)).toBeLessThanOrEqual(1.2);
}, 600_000);
