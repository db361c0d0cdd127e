import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.changeset');
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const publicPackages = ['packages/client', 'packages/mock', 'packages/signing']
  .map((p) => JSON.parse(readFileSync(join(root, p, 'package.json'), 'utf8')))
  .filter((p) => !p.private)
  .map((p) => p.name as string);

// changesets reads only a front matter that opens the file; anything else is silently a changeset of nothing.
describe('every pending changeset', () => {
  it.each(files)('%s names published packages and a bump', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(match, `${file} must open with a --- front matter block`).not.toBeNull();
    const bumps = parse(match![1]) as Record<string, string>;
    expect(Object.keys(bumps).length, `${file} names no package`).toBeGreaterThan(0);
    for (const [name, bump] of Object.entries(bumps)) {
      expect(publicPackages, `${file}: ${name}`).toContain(name);
      expect(['patch', 'minor', 'major'], `${file}: ${name}`).toContain(bump);
    }
    expect(text.slice(match![0].length).trim(), `${file} has no summary`).not.toBe('');
  });
});
