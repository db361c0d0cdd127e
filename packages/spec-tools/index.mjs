// The one reader of the specs' layout: which hosts there are (spec/redocly.yaml), each host's bundle
// (spec/dist/<host>.json), its operations in document order, and local `$ref` resolution. Types in index.d.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const specDir = join(import.meta.dirname, '..', '..', 'spec');

/** Every documented host, in the order spec/redocly.yaml declares them. */
// The NxCloud hosts: the apis whose root is under hosts/ (redocly.yaml also declares the mock's own API).
export const hosts = Object.entries(parse(readFileSync(join(specDir, 'redocly.yaml'), 'utf8')).apis)
  .filter(([, api]) => api.root.startsWith('hosts/'))
  .map(([name]) => name);

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const bundles = new Map();
/** The host's bundled spec (spec/dist/<host>.json), read once; a fresh copy with `{ fresh: true }`. */
export function loadBundle(host, { fresh = false } = {}) {
  if (!hosts.includes(host))
    throw new Error(`loadBundle: host ${JSON.stringify(host)} is unknown: expected one of ${hosts.join(', ')}.`);
  const read = () => JSON.parse(readFileSync(join(specDir, 'dist', `${host}.json`), 'utf8'));
  if (fresh) return read();
  if (!bundles.has(host)) bundles.set(host, read());
  return bundles.get(host);
}

/** Every operation of a spec, in document order: `{ key: '<method> <path>', path, method, op }`. */
export function operationsOf(doc) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ key: `${method} ${path}`, path, method, op: item[method] })),
  );
}

/** What a local `$ref` of a document points at (the node itself when it has none). */
export function deref(doc, node) {
  if (!node?.$ref) return node;
  if (!node.$ref.startsWith('#/')) throw new Error(`deref: ${node.$ref} is not a local reference (#/…).`);
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
