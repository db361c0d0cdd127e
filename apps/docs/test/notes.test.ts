// The "partly documented" note: every operation that carries x-nxwa-partly-documented gets it first in its
// description, naming each gap the marker lists; no other operation changes; the built index and error reference
// tag the same operations.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAPS } from '@org/nxwa-spec/partly-documented';
import { hosts } from '@org/nxwa-spec-tools';
import { describe, expect, it } from 'vitest';
import { withPartlyDocumentedNotes } from '../src/notes.mjs';

const app = join(import.meta.dirname, '..');
const specDir = join(app, '..', '..', 'spec');
const spec = (host: string) => JSON.parse(readFileSync(join(specDir, 'dist', `${host}.json`), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete'];
const operations = (doc: any) =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m} ${path}`, op: item[m] })),
  );
const marked = hosts.flatMap((host) =>
  operations(spec(host))
    .filter(({ op }) => op['x-nxwa-partly-documented'])
    .map((o) => ({ host, ...o })),
);

describe('the partly documented note', () => {
  it('is on the operations the specs mark', () => {
    expect(marked.length).toBeGreaterThan(0);
  });

  it.each(marked.map((m) => [`${m.host} ${m.key}`, m] as const))('%s names each gap first', (_label, m) => {
    const withNotes = withPartlyDocumentedNotes(spec(m.host));
    const [method, path] = [m.key.slice(0, m.key.indexOf(' ')), m.key.slice(m.key.indexOf(' ') + 1)];
    const description: string = withNotes.paths[path][method].description;
    expect(description.startsWith('> **Partly documented.**')).toBe(true);
    const note = description.split('\n')[0];
    for (const gap of m.op['x-nxwa-partly-documented'].missing) expect(note).toContain(GAPS[gap]);
    expect(description.endsWith(m.op.description)).toBe(true);
  });

  it.each(hosts)('%s: changes no other operation', (host) => {
    const doc = spec(host);
    const withNotes = withPartlyDocumentedNotes(doc);
    for (const { key, op } of operations(doc).filter(({ op }) => !op['x-nxwa-partly-documented'])) {
      const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      expect(withNotes.paths[path][method], key).toEqual(op);
    }
  });
});

describe('the built site', () => {
  const page = (name: string) => {
    const file = join(app, 'dist', name);
    if (!existsSync(file)) throw new Error('Build the site first (pnpm --filter @org/nxwa-docs build).');
    return readFileSync(file, 'utf8');
  };
  it.each(['index.html', 'errors.html'])('%s tags every partly documented operation, and no other', (name) => {
    expect(page(name).match(/<span class="tag">partly documented<\/span>/g) ?? []).toHaveLength(marked.length);
  });
});
