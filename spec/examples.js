// The named request examples of the bundled specs, as cases for tests that send them somewhere (the client's
// loopback tests, the mock's contract tests): one per example, or one per bodiless operation with its parameters'
// examples.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const METHODS = ['get', 'post', 'put', 'delete'];

/** The bundled spec of a host. */
export const loadSpec = (host) => JSON.parse(readFileSync(join(dist, `${host}.json`), 'utf8'));

/**
 * @param {string[]} hosts
 * @returns {{ host: string, method: string, path: string, name: string, mediaType?: string, body?: any,
 *   params: { path: Record<string, unknown>, query: Record<string, unknown> } }[]}
 */
export function requestExampleCases(hosts) {
  return hosts.flatMap((host) => {
    const doc = loadSpec(host);
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).flatMap((method) => {
        const op = item[method];
        const params = { path: {}, query: {} };
        for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
          const param = p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p;
          // An optional parameter without an example is left out, as a caller would leave it out.
          if ((param.in === 'path' || param.in === 'query') && param.example !== undefined)
            params[param.in][param.name] = param.example;
        }
        if (!op.requestBody) return [{ host, method, path, name: '(parameter examples)', params }];
        return Object.entries(op.requestBody.content).flatMap(([mediaType, media]) =>
          Object.entries(media.examples).map(([name, example]) => ({
            host,
            method,
            path,
            name,
            mediaType,
            body: example.value,
            params,
          })),
        );
      }),
    );
  });
}
