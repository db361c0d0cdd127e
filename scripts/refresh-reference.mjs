#!/usr/bin/env node
// Refreshes spec/reference/, the repo's copy of the vendor documents the specs are written from, from a folder of
// reference material (default: ../shared/reference beside the checkout), folders new to the repo included. Run by
// hand when new pages appear; no test or build reads anything outside the repository. A second argument names
// another target folder (the script's test copies between temporary folders).
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const from = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference'));
const to = resolve(process.argv[3] ?? join(root, 'spec', 'reference'));
if (!existsSync(from) || !statSync(from).isDirectory()) {
  console.error(`refresh-reference: ${from} is not a folder; pass the reference folder as the first argument.`);
  process.exit(2);
}
const list = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
const before = new Set(existsSync(to) ? list(to) : []);
cpSync(from, to, { recursive: true });
// The source may be read-only; the copy is the repo's own and stays writable.
for (const f of list(to)) chmodSync(join(to, f), 0o644);
const added = list(to).filter((f) => !before.has(f));
console.log(
  `${relative(root, to) || '.'} refreshed from ${relative(root, from) || '.'}: ${added.length} new file(s)${added.length ? `: ${added.join(', ')}` : ''}.`,
);
