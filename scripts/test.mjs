#!/usr/bin/env node
// The whole test suite: generated files are current, then lint and test every workspace through turbo, then one
// summary line over every workspace's vitest report (see lib/summary.mjs for what counts as a failure).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { reportOf, summarize, summaryLine, workspaceDirs } from './lib/summary.mjs';

const root = join(import.meta.dirname, '..');
const workspaces = workspaceDirs(root);
for (const w of workspaces) rmSync(reportOf(w), { force: true });

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (result.error) console.error(`${cmd} could not run: ${result.error.message}`);
  return result.status ?? 1;
};
// What only the runtime matrix runs, each a project of its own outside the workspace, installed here rather than by
// `pnpm install`: the Node versions besides this one (each package's bin is named node, which would shadow this
// Node in the workspace's scripts), and Deno, Bun and workerd (about 330 MB of binaries no other work needs).
let status = 0;
for (const project of ['packages/runtime-matrix/node-versions', 'packages/runtime-matrix/runtimes'])
  if (status === 0)
    status = run('pnpm', ['install', '--dir', project, '--ignore-workspace', '--frozen-lockfile', '--reporter=silent']);
// Layout is the formatter's: unformatted code or unsorted imports fail the run, as they fail `pnpm lint`.
if (status === 0) status = run('pnpm', ['exec', 'biome', 'ci', '.']);
if (status === 0) status = run('node', ['scripts/check-generated.mjs']);
// One task at a time: the suites start servers and browsers, and on two cores parallel suites starve each other.
if (status === 0)
  status = run('pnpm', [
    'exec',
    'turbo',
    'run',
    'lint',
    'test',
    '--output-logs=new-only',
    '--continue',
    '--concurrency=1',
  ]);

const total = summarize(workspaces);
for (const p of total.problems) console.error(p);
console.log(`\n${summaryLine(total)}`);
if (status === 0 && total.failed > 0) status = 1;
if (status === 0 && total.passed === 0) {
  console.error('No test ran.');
  status = 1;
}
process.exit(status);
