// The coverage table of spec/README.md names every operation and callback of every spec, and every reference
// document is the source of at least one operation.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hosts, loadBundle, specDir } from './support/spec.js';

const readme = readFileSync(join(specDir, 'README.md'), 'utf8');
// The vendor documents the specs are written from, vendored in the repo (spec/reference/).
const referenceDir = join(specDir, 'reference');

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

describe('coverage table', () => {
  it.each(operations.map((o) => [`${o.host} ${o.id}`, o] as const))('lists %s', (_label, op) => {
    const rows = readme.split('\n').filter((line) => line.includes(`\`${op.id}\``));
    expect(rows.length, `no row names ${op.id}`).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes(op.host)), `no row for ${op.id} names ${op.host}`).toBe(true);
  });
});

describe('reference documents', () => {
  const documents = [
    ...readdirSync(join(referenceDir, 'seeds')).map((f) => `seeds/${f}`),
    ...readdirSync(join(referenceDir, 'nxcloud-wiki-2023'))
      .filter((f) => f !== 'API-Interface-Invocation-Convention.md')
      .map((f) => `nxcloud-wiki-2023/${f}`),
    'webhooks-newer.md',
  ];
  const sources = new Set(operations.flatMap((o) => o.sources));

  it.each(documents)('%s is the source of an operation', (doc) => {
    expect(sources.has(doc)).toBe(true);
  });
  it.each([...sources])('%s exists', (source) => {
    expect(existsSync(join(referenceDir, source))).toBe(true);
  });
});
