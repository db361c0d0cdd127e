// The Redocly CLI as the spec's scripts run it (scripts/redocly.mjs): no "Node.js 20 support is ending" box on
// Node 20, which the project supports; its own output, errors and exit code unchanged.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const specDir = join(import.meta.dirname, '..');
const wrapper = join(specDir, 'scripts', 'redocly.mjs');
const redocly = (...args: string[]) =>
  spawnSync(process.execPath, [wrapper, ...args], { cwd: specDir, encoding: 'utf8', timeout: 60_000 });
const cliVersion = JSON.parse(
  readFileSync(join(specDir, 'node_modules', '@redocly', 'cli', 'package.json'), 'utf8'),
).version;

describe('redocly, run through scripts/redocly.mjs', () => {
  it('the lint script runs through it', () => {
    const { scripts } = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8'));
    expect(scripts.lint).toMatch(/^node scripts\/redocly\.mjs lint /);
  });

  it('prints what the CLI prints, without the end-of-life box', () => {
    const run = redocly('--version');
    expect(run.stdout.trim()).toBe(cliVersion);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('passes an error through, with its exit code', () => {
    const run = redocly('lint', 'no-such-file.yaml');
    expect(run.stderr).toContain('no-such-file.yaml does not exist');
    expect(run.stderr).not.toContain('end-of-life');
    expect(run.status).toBe(1);
  });
});
