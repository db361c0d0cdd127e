// The engine's operations the build writes beside each spec (specs/<host>.operations.json) are exactly what Prism
// reads from that spec: a stale file would answer from an older spec.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { expect, it } from 'vitest';
import { loadOperations, loadSpec } from '../../src/http/hosts.js';
import { HOSTS } from '../../src/index.js';

it.each(HOSTS)('%s: the prepared operations are current', async (host) => {
  const prepared = loadOperations(host);
  expect(prepared, 'build the package (pnpm build) first').toBeDefined();
  const fresh = JSON.parse(JSON.stringify(await getHttpOperationsFromSpec(loadSpec(host) as any)));
  expect(prepared).toEqual(fresh);
});
