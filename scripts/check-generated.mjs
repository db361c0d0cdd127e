#!/usr/bin/env node
// Fails when regenerating any committed generated file would change it: the spec bundles (spec/dist) and the
// code generated from them (scripts/codegen.mjs). Each check regenerates in memory or a temporary folder.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const checks = [
  ['node', ['spec/scripts/bundle.mjs', '--check']],
  ['node', ['scripts/codegen.mjs', '--check']],
];
let failed = false;
for (const [cmd, args] of checks) {
  if (spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status !== 0) failed = true;
}
if (failed) {
  console.error('Generated files are stale: run `pnpm generate` and commit the result.');
  process.exit(1);
}
