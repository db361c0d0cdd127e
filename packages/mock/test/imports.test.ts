// The source's imports run one way — cli → index → server → {checks, engine, faults, sandbox, admin} → callbacks →
// http — and form no cycle. Read from the files with TypeScript's own import scanner, type-only imports included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Each area of src/ (a top-level file or folder) and its rank: an import must go to a lower rank or stay in its area. */
const RANKS: Record<string, number> = {
  http: 0,
  callbacks: 1,
  engine: 1,
  checks: 2,
  faults: 2,
  sandbox: 2,
  admin: 3,
  'server.ts': 4,
  'options.ts': 4,
  // Between the admin paths (which it feeds through a function) and the server (which forwards through it).
  proxy: 3.5,
  'index.ts': 5,
  'cli.ts': 6,
};

const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.(ts|js|cjs)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => f.split('\\').join('/'));
const areaOf = (file: string) => file.split('/')[0];

/** The src/ files a file imports (relative imports; `?raw` text and other packages left out). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.') && !name.endsWith('?raw'))
    .map((name) => {
      const target = relative(SRC, join(SRC, dirname(file), name))
        .split('\\')
        .join('/');
      const found = [target, target.replace(/\.js$/, '.ts')].find((t) => files.includes(t));
      if (!found) throw new Error(`${file} imports ${name}, which is not a file of src/`);
      return found;
    });
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('src/ imports', () => {
  it('every area of src/ has a rank', () => {
    expect(files.map(areaOf).filter((a) => RANKS[a] === undefined)).toEqual([]);
  });

  it('run one way: to a lower rank, or within the same area', () => {
    const against: string[] = [];
    for (const [file, imports] of graph)
      for (const target of imports)
        if (areaOf(target) !== areaOf(file) && RANKS[areaOf(target)] >= RANKS[areaOf(file)])
          against.push(`${file} → ${target}`);
    expect(against).toEqual([]);
  });

  it('form no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
