// The hosts the mock serves, their bundled specs, and the demo credentials.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NxcloudHost, operations } from '@org/nxwa-signing';

/** Every host of the specs, in the order of the signing package's generated table (the order of the ports). */
export const HOSTS = Object.keys(operations) as readonly NxcloudHost[];
export type MockHost = NxcloudHost;
export const DEMO_CREDENTIALS = { accessKey: 'nxwa-demo-key', accessSecret: 'nxwa-demo-secret' } as const;
export const DEFAULT_PORT_BASE = 4010;

/** A bundled OpenAPI document, as far as the mock reads it. */
export interface Spec {
  paths: Record<string, Record<string, any>>;
  components?: Record<string, any>;
  [key: string]: unknown;
}

// The package's root: one folder above dist/ (bundled), two above src/http/ (tests run the source).
const here = dirname(fileURLToPath(import.meta.url));
const root = basename(here) === 'http' ? join(here, '..', '..') : join(here, '..');

/** The name of the mock's own API (its `/__nxwa` paths) among the bundled specs. */
export const MOCK_API = 'nxwa-mock';

/** The bundled spec of a host (or of the mock's own API): shipped with the package (specs/), or from the workspace (spec/dist). */
export function specFile(host: MockHost | typeof MOCK_API): string {
  for (const dir of [join(root, 'specs'), join(root, '..', '..', 'spec', 'dist')]) {
    const file = join(dir, `${host}.json`);
    if (existsSync(file)) return file;
  }
  throw new Error(`No bundled spec for ${host}: build the package (pnpm build) first.`);
}

export const loadSpec = (host: MockHost | typeof MOCK_API): Spec =>
  JSON.parse(readFileSync(specFile(host), 'utf8')) as Spec;

/** The engine's operations for a host, as the build wrote them beside the spec; undefined when not built. */
export function loadOperations(host: MockHost): unknown[] | undefined {
  const file = specFile(host).replace(/\.json$/, '.operations.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : undefined;
}
