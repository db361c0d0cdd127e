// The coverage table of spec/README.md names every operation and callback of every spec and every document in
// spec/reference/; every document is the source of at least one operation, except the pages marked check-only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hosts, loadBundle, specDir } from './support/spec.js';

const readme = readFileSync(join(specDir, 'README.md'), 'utf8');
const tableRows = readme.split('\n').filter((line) => line.startsWith('| `'));
// The vendor documents the specs are written from, vendored in the repo (spec/reference/).
const referenceDir = join(specDir, 'reference');

// Older versions of seeds 001 and 002: the specs are checked against them, never written from them.
const CHECK_ONLY = ['nxcloud-wiki-2023-more/WhatsApp-API-mt.md', 'nxcloud-wiki-2023-more/SAAS-WhatsApp-API-send.md'];
// Documents of conventions rather than operations: the table lists them, no operation names them as its source.
const CONVENTIONS = ['nxcloud-wiki-2023/API-Interface-Invocation-Convention.md', 'signing.md', 'hosts.md'];

interface Operation {
  host: string;
  id: string;
  sources: string[];
}

const operations: Operation[] = hosts.flatMap((host) => {
  const doc = loadBundle(host);
  return [...Object.values(doc.paths ?? {}), ...Object.values(doc.webhooks ?? {})].flatMap((item: any) =>
    Object.entries(item)
      .filter(([method]) => method !== 'parameters')
      .map(([, op]: [string, any]) => ({ host, id: op.operationId, sources: op['x-nxcloud-source'] ?? [] })),
  );
});

/** Every document in reference/ (its README, which describes the folder, aside), relative to it. */
const documents = [
  ...['seeds', 'nxcloud-wiki-2023', 'nxcloud-wiki-2023-more', 'nxcloud-wiki-2026'].flatMap((dir) =>
    readdirSync(join(referenceDir, dir)).map((f) => `${dir}/${f}`),
  ),
  ...readdirSync(referenceDir).filter((f) => f.endsWith('.md') && f !== 'README.md'),
];

describe('coverage table', () => {
  it.each(operations.map((o) => [`${o.host} ${o.id}`, o] as const))('lists %s', (_label, op) => {
    const rows = tableRows.filter((line) => line.includes(`\`${op.id}\``));
    expect(rows.length, `no row names ${op.id}`).toBeGreaterThan(0);
    expect(
      rows.some((row) => row.includes(op.host)),
      `no row for ${op.id} names ${op.host}`,
    ).toBe(true);
  });

  it.each(documents)('lists %s', (doc) => {
    expect(tableRows.some((row) => row.includes(`\`${doc}\``))).toBe(true);
  });

  it.each(CHECK_ONLY)('marks %s check only', (doc) => {
    const rows = tableRows.filter((row) => row.includes(`\`${doc}\``));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes('check only'))).toBe(true);
  });
});

describe('reference documents', () => {
  const sources = new Set(operations.flatMap((o) => o.sources));
  const written = documents.filter((d) => !CHECK_ONLY.includes(d) && !CONVENTIONS.includes(d));

  it('include every page of nxcloud-wiki-2023-more', () => {
    expect(written.filter((d) => d.startsWith('nxcloud-wiki-2023-more/'))).toHaveLength(12);
  });
  it.each(written)('%s is the source of an operation', (doc) => {
    expect(sources.has(doc)).toBe(true);
  });
  it.each(CHECK_ONLY)('%s (check only) is the source of no operation', (doc) => {
    expect(sources.has(doc)).toBe(false);
  });
  it.each([...sources])('%s exists', (source) => {
    expect(existsSync(join(referenceDir, source))).toBe(true);
  });
});
