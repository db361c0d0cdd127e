// Prism's engine put together from its parts (src/engine/instance.cjs) answers as Prism's own `createInstance` does:
// every operation of every host, with and without Prism's own checks (its validators, loaded by their first call).
import { createInstance as prismsInstance } from '@stoplight/prism-http';
import { describe, expect, it } from 'vitest';
import { createInstance } from '../../src/engine/instance.cjs';
import { HOSTS, loadOperations } from '../../src/http/hosts.js';

const silent: any = { level: 'silent' };
for (const name of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success']) silent[name] = () => {};
silent.child = () => silent;

// Prism's checks: none (as the mock runs it), request and response validation, the security check (which answers
// before validation).
const CHECKS = {
  none: { checkSecurity: false, validateRequest: false, validateResponse: false },
  validation: { checkSecurity: false, validateRequest: true, validateResponse: true },
  security: { checkSecurity: true, validateRequest: false, validateResponse: false },
};
const config = (checks: keyof typeof CHECKS) =>
  ({ mock: { dynamic: false }, ...CHECKS[checks], errors: false, upstreamProxy: undefined, isProxy: false }) as const;

describe('createInstance from Prism’s parts', () => {
  for (const checks of Object.keys(CHECKS) as (keyof typeof CHECKS)[])
    it(`answers every operation as Prism’s own, Prism’s checks: ${checks}`, async () => {
      let asked = 0;
      for (const host of HOSTS) {
        const operations = loadOperations(host) as any[];
        expect(operations, `${host}: the build prepares its operations`).toBeDefined();
        const ours = createInstance(config(checks), { logger: silent });
        const prisms = prismsInstance(config(checks), { logger: silent });
        for (const op of operations) {
          // No parameter, header or body: with the checks on, each operation's refusal is compared too.
          const input = { method: op.method, url: { path: op.path.replace(/\{[^}]+\}/g, 'x') }, headers: {} };
          const [a, b] = await Promise.all([ours.request(input, operations)(), prisms.request(input, operations)()]);
          expect(JSON.parse(JSON.stringify(a)), `${host} ${op.method} ${op.path}`).toEqual(
            JSON.parse(JSON.stringify(b)),
          );
          asked++;
        }
      }
      expect(asked).toBe(HOSTS.reduce((n, host) => n + (loadOperations(host)?.length ?? 0), 0));
    });
});
