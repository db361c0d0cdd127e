// The "Contract tests in CI" page: its CI snippets are valid YAML whose shell is valid sh, name only flags the
// mock's command has, run the mock with a JUnit report and --fail-on-violation, and hand the report to the CI
// server; the page renders from its Markdown.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contractGuide } from '../src/contract.mjs';

const markdown = readFileSync(join(import.meta.dirname, '..', 'src', 'contract-tests.md'), 'utf8');
const cli = readFileSync(join(import.meta.dirname, '..', '..', '..', 'packages', 'mock', 'src', 'cli.ts'), 'utf8');
const snippet = (heading: string) => {
  const block = new RegExp(`### ${heading}\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(markdown)?.[1];
  if (!block) throw new Error(`no yaml block under "### ${heading}"`);
  return parse(block, { strict: true, uniqueKeys: true });
};
const COMMAND = 'npx --yes --package @org/nxwa-mock nxwa-mock --report junit.xml --fail-on-violation';

/** Every --flag of the nxwa-mock command lines in a script exists in the CLI's options. */
function unknownFlags(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line.includes('nxwa-mock '))
    .flatMap((line) => [...line.slice(line.indexOf('nxwa-mock ')).matchAll(/--([a-z-]+)/g)].map((m) => m[1]))
    .filter((flag) => !new RegExp(`^\\s+(?:'${flag}'|${flag}): \\{ type:`, 'm').test(cli));
}
const shellOk = (script: string) => spawnSync('sh', ['-n'], { input: script, encoding: 'utf8' });

describe('Contract tests in CI', () => {
  it('GitHub Actions: one step runs the mock around the tests, another shows the JUnit report', () => {
    const doc = snippet('GitHub Actions');
    const steps = doc.jobs.contract.steps;
    const run: string = steps.find((s: any) => s.run?.includes('nxwa-mock')).run;
    expect(run).toContain(COMMAND);
    expect(run).toMatch(/kill -TERM "\$MOCK"\n\s*wait "\$MOCK"/);
    expect(unknownFlags(run)).toEqual([]);
    expect(shellOk(run).status, shellOk(run).stderr).toBe(0);
    const report = steps.find((s: any) => s.uses?.startsWith('mikepenz/action-junit-report'));
    expect(report).toMatchObject({ if: 'always()', with: { report_paths: 'junit.xml' } });
  });

  it('GitLab CI: the script runs the mock around the tests, the JUnit report is an artifact', () => {
    const job = snippet('GitLab CI').contract;
    const script = (job.script as string[]).join('\n');
    expect(script).toContain(COMMAND);
    expect(unknownFlags(script)).toEqual([]);
    expect(shellOk(script).status, shellOk(script).stderr).toBe(0);
    expect(job.artifacts).toEqual({ when: 'always', reports: { junit: 'junit.xml' } });
  });

  it('staging: the proxy and replay scripts name only flags the command has, and are valid sh', () => {
    for (const heading of ['Staging: proxy, record, read the drift', 'CI: replay the cassettes']) {
      const script = new RegExp(`### ${heading}\\n[\\s\\S]*?\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(markdown)?.[1];
      expect(script, heading).toBeTruthy();
      expect(script).toMatch(/nxwa-mock .*--(proxy|replay) /);
      expect(unknownFlags(script!)).toEqual([]);
      expect(shellOk(script!).status, shellOk(script!).stderr).toBe(0);
    }
  });

  it('the flag check catches a flag the command does not have', () => {
    expect(unknownFlags('nxwa-mock --report x.xml --fail-on-violations')).toEqual(['fail-on-violations']);
  });

  it('renders with anchors, code as text', () => {
    const html = contractGuide(markdown);
    expect(html).toContain('<h2 id="from-any-language-the-nxwa-mock-command">');
    expect(html).toContain('--fail-on-violation');
    expect(html).not.toContain('<script');
  });
});
