// The one summary line of `pnpm test`, over every workspace's vitest JSON report (`test-results/vitest.json`).
// A workspace with a test script and no report, and a test file that failed to load or whose hooks failed (vitest
// then counts its tests as skipped, not failed), count as failures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every workspace folder under `root` (spec, scripts, packages/*, apps/*) that has a package.json. */
export function workspaceDirs(root) {
  return ['spec', 'scripts', 'packages', 'apps'].flatMap((dir) => {
    const abs = join(root, dir);
    if (!existsSync(abs)) return [];
    if (existsSync(join(abs, 'package.json'))) return [abs];
    return readdirSync(abs)
      .sort()
      .map((d) => join(abs, d))
      .filter((d) => existsSync(join(d, 'package.json')));
  });
}

export const reportOf = (workspace) => join(workspace, 'test-results', 'vitest.json');

/** `{ passed, failed, skipped, problems }` over the reports of `workspaces`. */
export function summarize(workspaces) {
  const total = { passed: 0, failed: 0, skipped: 0, problems: [] };
  for (const dir of workspaces) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!pkg.scripts?.test) continue;
    const report = reportOf(dir);
    if (!existsSync(report)) {
      total.problems.push(`${pkg.name}: no test report (its tests did not run)`);
      total.failed += 1;
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    total.passed += json.numPassedTests ?? 0;
    total.failed += json.numFailedTests ?? 0;
    total.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    for (const file of json.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) {
        const name = relative(dir, file.name ?? '') || file.name;
        total.problems.push(`${pkg.name}: ${name} failed to run: ${String(file.message ?? '').split('\n')[0]}`);
        total.failed += 1;
      }
    }
  }
  return total;
}

export const summaryLine = ({ passed, failed, skipped }) =>
  `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
