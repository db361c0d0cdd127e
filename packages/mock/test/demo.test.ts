// The one-line example `pnpm start` prints (`pnpm demo`) sends a message to the running mock.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

it('pnpm demo sends a text to the mock', () => {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'scripts', 'demo.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, NXWA_MOCK_URL: inject('urls')['api2.nxcloud.com'] },
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/^sent through http:\/\/127\.0\.0\.1:\d+: message \S+/);
  expect(run.status).toBe(0);
});
