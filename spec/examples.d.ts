// Types of examples.js.
export interface RequestExampleCase {
  host: string;
  method: string;
  path: string;
  name: string;
  mediaType?: string;
  body?: any;
  params: { path: Record<string, unknown>; query: Record<string, unknown> };
}

/** The bundled spec of a host. */
export function loadSpec(host: string): any;

/** One case per named request example (or per bodiless operation, with its parameters' examples). */
export function requestExampleCases(hosts: readonly string[]): RequestExampleCase[];
