// The house rules (rules/nxwa.js) run through the real Redocly CLI: a fixture that breaks each rule is reported
// once per breach, a fixture that keeps them all passes, and the real specs pass the full ruleset.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hosts, specDir } from './support/spec.js';

const redocly = join(specDir, 'node_modules', '.bin', 'redocly');
const fixtures = join(specDir, 'test', 'fixtures', 'house-rules');

interface Problem {
  ruleId: string;
  message: string;
  location: { pointer: string }[];
}

function lint(cwd: string, apis: string[]): { status: number | null; problems: Problem[] } {
  const run = spawnSync(redocly, ['lint', ...apis, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  return { status: run.status, problems: JSON.parse(json).problems };
}

describe('house rules', () => {
  const broken = lint(fixtures, ['broken']);
  const at = (operationPath: string, ruleId: string) =>
    broken.problems.filter((p) => p.ruleId === ruleId && p.location[0].pointer.startsWith(`#/paths/${operationPath}`));

  it('fail the lint', () => {
    expect(broken.status).not.toBe(0);
  });
  it('operation-action reports a missing action and biz type', () => {
    expect(at('~1no-action', 'nxwa/operation-action').map((p) => p.message)).toEqual([
      expect.stringContaining('x-nxcloud-action'),
      expect.stringContaining('x-nxcloud-biz-type'),
    ]);
  });
  it('operation-errors reports an incomplete entry and a code listed twice', () => {
    const messages = at('~1bad-errors', 'nxwa/operation-errors').map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/\[0\] needs `meaning`.*`remedy`.*`category`.*`retryable`/),
      expect.stringContaining('code 9000 twice'),
    ]);
  });
  it('operation-errors reports an operation without codes', () => {
    expect(at('~1no-source', 'nxwa/operation-errors')).toHaveLength(1);
  });
  it('operation-examples reports a parameter without example and an answer without examples', () => {
    const messages = at('~1no-examples~1{id}', 'nxwa/operation-examples').map((p) => p.message);
    expect(messages).toEqual([expect.stringContaining('`id`'), expect.stringContaining('response example')]);
  });
  it('operation-source reports an operation without sources', () => {
    expect(at('~1no-source', 'nxwa/operation-source')).toHaveLength(1);
  });
  it('partly-documented reports an operation from a cut-off page without the marker', () => {
    expect(at('~1partly-unmarked', 'nxwa/partly-documented').map((p) => p.message)).toEqual([
      expect.stringMatching(/Typing-Indicator\.md.*x-nxwa-partly-documented/),
    ]);
  });
  it('partly-documented reports a gap it does not know and a gap named twice', () => {
    expect(at('~1partly-bad-marker', 'nxwa/partly-documented').map((p) => p.message)).toEqual([
      expect.stringContaining('not data'),
    ]);
  });
  it('partly-documented reports the marker on an operation whose pages are complete', () => {
    expect(at('~1partly-stale-marker', 'nxwa/partly-documented').map((p) => p.message)).toEqual([
      expect.stringContaining('none of its sources'),
    ]);
  });
  it('operation-examples excuses a missing answer example only when the marker names it', () => {
    expect(at('~1partly-answer-examples', 'nxwa/operation-examples').map((p) => p.message)).toEqual([
      expect.stringContaining('response example'),
    ]);
  });
  it('report nothing else', () => {
    expect(broken.problems).toHaveLength(12);
  });
  it('apply to operations in path files', () => {
    const split = lint(fixtures, ['split']);
    expect(split.problems.map((p) => p.ruleId).sort()).toEqual(['nxwa/operation-action', 'nxwa/partly-documented']);
  });
  it('pass an operation that keeps them', () => {
    const good = lint(fixtures, ['good']);
    expect(good.problems).toEqual([]);
    expect(good.status).toBe(0);
  });
});

describe('the specs', () => {
  it.each(hosts)('%s passes the strict ruleset and the house rules', (host) => {
    const result = lint(specDir, [host]);
    expect(result.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(result.status).toBe(0);
  });
});
