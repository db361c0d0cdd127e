// The summary line of `pnpm test` counts every failure, including the ones vitest reports only as skipped tests.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize, summaryLine, workspaceDirs } from '../lib/summary.mjs';

const base = join(import.meta.dirname, '..', 'test-results', 'summary-fixtures');

function workspace(name: string, { test = true, report }: { test?: boolean; report?: object } = {}): string {
  const dir = join(base, 'packages', name);
  mkdirSync(join(dir, 'test-results'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `@fixture/${name}`, scripts: test ? { test: 'vitest run' } : {} }),
  );
  if (report) writeFileSync(join(dir, 'test-results', 'vitest.json'), JSON.stringify(report));
  return dir;
}

const passing = {
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: [{ name: 'x', status: 'passed', message: '', assertionResults: [{ status: 'passed' }] }],
};

describe('summarize', () => {
  beforeAll(() => rmSync(base, { recursive: true, force: true }));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('adds up passed, failed and skipped tests of every report', () => {
    const a = workspace('a', { report: passing });
    const b = workspace('b', {
      report: { ...passing, numPassedTests: 2, numFailedTests: 1, numPendingTests: 0, numTodoTests: 2 },
    });
    const total = summarize([a, b]);
    expect(total).toMatchObject({ passed: 5, failed: 1, skipped: 3, problems: [] });
    expect(summaryLine(total)).toBe('tests: 5 passed, 1 failed, 3 skipped');
  });

  it('counts a test file that failed to load as a failure, naming it and the error', () => {
    const dir = workspace('c', {
      report: {
        numPassedTests: 0,
        numFailedTests: 0,
        numPendingTests: 16,
        numTodoTests: 0,
        testResults: [
          {
            name: join(base, 'packages', 'c', 'test', 'site.test.ts'),
            status: 'failed',
            message: 'Error: No Chromium at /usr/bin/chromium\n    at x',
            assertionResults: [{ status: 'skipped' }],
          },
        ],
      },
    });
    const total = summarize([dir]);
    expect(total.failed).toBe(1);
    expect(total.problems).toEqual([
      '@fixture/c: test/site.test.ts failed to run: Error: No Chromium at /usr/bin/chromium',
    ]);
  });

  it('counts a workspace whose tests left no report as a failure, and ignores one without tests', () => {
    const missing = workspace('d');
    const none = workspace('e', { test: false });
    const total = summarize([missing, none]);
    expect(total.failed).toBe(1);
    expect(total.problems).toEqual(['@fixture/d: no test report (its tests did not run)']);
  });

  it('finds the workspaces of a checkout', () => {
    workspace('f', { report: passing });
    const dirs: string[] = workspaceDirs(base);
    expect(dirs.map((d) => d.slice(base.length + 1))).toEqual(expect.arrayContaining(['packages/a', 'packages/f']));
    expect(dirs.some((d) => d.endsWith('/scripts'))).toBe(false);
  });
});
