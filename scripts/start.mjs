#!/usr/bin/env node
// The main job. Today: lint and bundle every host's spec, and say where the bundles are. Later issues add the
// local mock of every host and the docs site.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const status = spawnSync('pnpm', ['exec', 'turbo', 'run', 'lint', 'build', '--output-logs=errors-only'], { stdio: 'inherit', cwd: root }).status;
if (status !== 0) process.exit(status ?? 1);
const dist = join(root, 'spec', 'dist');
console.log('\nEvery spec lints clean. Bundled specs, one per host:');
for (const f of readdirSync(dist).sort()) console.log(`  spec/dist/${f}`);
