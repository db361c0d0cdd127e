// Facts the specs hold are written by hand in one place only: the host list is read through spec-tools (or the
// signing package's generated table), the callback enums and message statuses are generated from the webhook
// schemas, and the signature header names are listed by the signing package alone.
// Generated files, the specs themselves and the mock (which adopts spec-tools on its own) are left out.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hosts } from '@org/nxwa-spec-tools';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const CODE = ['*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'];
const OUTSIDE = [':!**/generated/**', ':!spec/dist/**', ':!packages/mock/**', ':!**/node_modules/**'];

/** `path:line` of every line of the tracked code that matches the (extended) regular expression. */
function grep(pattern: string, ...exclude: string[]): string[] {
  const result = spawnSync('git', ['grep', '-n', '-I', '-E', pattern, '--', ...CODE, ...OUTSIDE, ...exclude], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status === 2) throw new Error(`git grep failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':').slice(0, 2).join(':'));
}

const quoted = (text: string) => `['"\`]${text.replace(/\./g, '\\.')}['"\`]`;

describe('one source of truth', () => {
  it('the host list is read from spec/redocly.yaml by spec-tools alone (and the bundler)', () => {
    expect(grep('redocly\\.yaml.*\\.apis', ':!packages/spec-tools/**', ':!spec/scripts/bundle.mjs')).toEqual([]);
  });

  it('no code writes out the whole host list by hand', () => {
    expect(hosts.length).toBeGreaterThan(1);
    // A line naming every host as a string literal is a copy of the list.
    const lines = hosts.map((host) => new Set(grep(quoted(host))));
    const copies = [...lines[0]].filter((line) => lines.every((set) => set.has(line)));
    expect(copies, 'read the hosts from @org/nxwa-spec-tools or the signing package').toEqual([]);
  });

  it('the signature header names are listed by the signing package alone', () => {
    // Two of the names side by side in a list, in any case.
    const pair = `${quoted('(accessKey|accesskey)')},\\s*${quoted('ts')}`;
    expect(grep(pair, ':!packages/signing/src/sign.ts')).toEqual([]);
  });

  it('the message statuses and callback enums are generated, not copied', () => {
    const lists = [
      `${quoted('sent')},\\s*${quoted('delivered')}`,
      `${quoted('message_template_status_update')},`,
      `${quoted('account_update')},`,
      `${quoted('voice')},\\s*${quoted('audio')}`,
    ];
    expect(grep(lists.join('|'))).toEqual([]);
  });
});
