#!/usr/bin/env node
// The whole test suite: generated files are current, then lint and test every package through turbo, then one
// summary line over every package's vitest report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const workspaces = ['spec', 'packages', 'apps'].flatMap((dir) => {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  if (existsSync(join(abs, 'package.json'))) return [abs];
  return readdirSync(abs).map((d) => join(abs, d)).filter((d) => existsSync(join(d, 'package.json')));
});
const reports = workspaces.map((w) => join(w, 'test-results', 'vitest.json'));
for (const r of reports) rmSync(r, { force: true });

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;
let status = run('node', ['scripts/check-generated.mjs']);
if (status === 0) status = run('pnpm', ['exec', 'turbo', 'run', 'lint', 'test', '--output-logs=new-only', '--continue']);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of reports.filter((f) => existsSync(f))) {
  const report = JSON.parse(readFileSync(r, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (status === 0 && failed > 0) status = 1;
if (status === 0 && passed === 0) {
  console.error('No test ran.');
  status = 1;
}
process.exit(status);
