// The GitHub Actions workflows are valid YAML and do what the README says: CI mirrors .ci/run on Node 20, 22 and
// 24; a release versions or publishes with changesets, after the same tests; the docs deploy to Pages after a
// publish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const workflow = (name: string) =>
  parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8'), { strict: true, uniqueKeys: true });
const runs = (job: any) =>
  job.steps
    .filter((s: any) => s.run)
    .map((s: any) => s.run as string)
    .join('\n');

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  it('runs on pushes and pull requests', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });
  it('runs .ci/run on Node 20, 22 and 24', () => {
    const job = ci.jobs.test;
    expect(job.strategy.matrix.node).toEqual([20, 22, 24]);
    expect(job.steps.find((s: any) => s.uses?.startsWith('actions/setup-node')).with['node-version']).toBe(
      '${{ matrix.node }}',
    );
    expect(runs(job)).toContain('bash .ci/run');
    expect(runs(job)).toContain('apt-get install -y -qq chromium');
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');
  it('tests, then versions or publishes with changesets', () => {
    const job = release.jobs.release;
    const steps = job.steps.map((s: any) => s.uses ?? s.run);
    const tested = steps.findIndex((s: string) => s === 'bash .ci/run');
    const changesets = steps.findIndex((s: string) => s.startsWith('changesets/action'));
    expect(tested).toBeGreaterThan(-1);
    expect(changesets).toBeGreaterThan(tested);
    const withs = job.steps[changesets].with;
    expect(withs.version).toMatch(/version-packages$/);
    expect(withs.publish).toMatch(/release$/);
  });
  it('deploys the docs to Pages after a publish', () => {
    const docs = release.jobs.docs;
    expect(docs.needs).toBe('release');
    expect(docs.if).toContain("needs.release.outputs.published == 'true'");
    const uses = docs.steps.map((s: any) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining(['actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4']));
    expect(docs.steps.find((s: any) => s.uses === 'actions/upload-pages-artifact@v3').with.path).toBe('apps/docs/dist');
    expect(release.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
  it('the scripts it calls exist', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['version-packages']).toBe('changeset version');
    expect(pkg.scripts.release).toContain('changeset publish');
  });
});
