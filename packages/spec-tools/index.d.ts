// Types of index.mjs.

/** An OpenAPI document as parsed from JSON. */
export type Doc = Record<string, any>;

export interface OperationAt {
  /** `'<method> <path>'`, the key of the generated tables, e.g. `'post /api/wa/mt'`. */
  key: string;
  path: string;
  method: string;
  op: Record<string, any>;
}

/** The spec folder of the repository. */
export const specDir: string;
/** Every documented host, in the order spec/redocly.yaml declares them. */
export const hosts: readonly string[];
export const METHODS: readonly string[];
/** The host's bundled spec (spec/dist/<host>.json), read once; a fresh copy with `{ fresh: true }`. */
export function loadBundle(host: string, options?: { fresh?: boolean }): Doc;
/** Every operation of a spec, in document order. */
export function operationsOf(doc: Doc): OperationAt[];
/** What a local `$ref` of a document points at (the node itself when it has none). */
export function deref<T = any>(doc: Doc, node: T | { $ref: string }): T;
