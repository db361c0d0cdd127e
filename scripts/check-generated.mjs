#!/usr/bin/env node
// Fails when regenerating any committed generated file would change it: runs every workspace package's
// `check:generated` script (each regenerates into a temporary folder and compares).
import { execFileSync } from 'node:child_process';

try {
  execFileSync('pnpm', ['-r', '--if-present', '--reporter-hide-prefix', 'run', 'check:generated'], { stdio: 'inherit' });
} catch {
  console.error('Generated files are stale: run `pnpm build` (or `pnpm generate`) and commit the result.');
  process.exit(1);
}
