// Loads the bundled specs (spec/dist) into a JSON Schema 2020-12 validator, so that tests check the very files
// later tools consume.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const specDir = join(import.meta.dirname, '..', '..');
// The NxCloud hosts: the apis whose root is under hosts/ (redocly.yaml also declares the mock's own API).
export const hosts: string[] = Object.entries(parse(readFileSync(join(specDir, 'redocly.yaml'), 'utf8')).apis)
  .filter(([, api]: [string, any]) => api.root.startsWith('hosts/'))
  .map(([name]) => name);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = Record<string, any>;

export function loadBundle(host: string): Doc {
  return JSON.parse(readFileSync(join(specDir, 'dist', `${host}.json`), 'utf8'));
}

const bundles = new Map(hosts.map((h) => [h, loadBundle(h)]));

// Strict mode stays on so that a misspelt keyword fails the build; OpenAPI's own keywords and our documented
// extensions are declared as annotations.
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, strictRequired: false });
addFormats(ajv);
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('binary', true);
ajv.addVocabulary(['discriminator', 'example', 'xml', 'externalDocs', 'x-enum-varnames']);
// Each bundle is registered whole so that `#/components/...` references resolve; its top-level OpenAPI fields
// are not schema keywords.
ajv.addVocabulary(['x-generated', 'openapi', 'info', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags']);
for (const [host, doc] of bundles) ajv.addSchema(doc, `https://nxwa.invalid/${host}`);

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointer = (...segments: string[]) => `#/${segments.map(escape).join('/')}`;

const cache = new Map<string, ValidateFunction>();
/** A validator for the schema at `ptr` (a JSON pointer into the host's bundle). */
export function validatorAt(host: string, ptr: string): ValidateFunction {
  const key = `${host}${ptr}`;
  let v = cache.get(key);
  if (!v) {
    v = ajv.compile({ $ref: `https://nxwa.invalid/${host}${ptr}` });
    cache.set(key, v);
  }
  return v;
}

export function operation(host: string, path: string, method: string): Doc {
  const op = bundles.get(host)?.paths?.[path]?.[method];
  if (!op) throw new Error(`${host} has no ${method.toUpperCase()} ${path}`);
  return op;
}

export function requestSchemaPointer(
  host: string,
  path: string,
  method: string,
  mediaType = 'application/json',
): string {
  if (!operation(host, path, method).requestBody?.content?.[mediaType])
    throw new Error(`${method} ${path} takes no ${mediaType}`);
  return pointer('paths', path, method, 'requestBody', 'content', mediaType, 'schema');
}

export function webhookSchemaPointer(host: string, name: string): string {
  if (!bundles.get(host)?.webhooks?.[name]) throw new Error(`${host} has no webhook ${name}`);
  return pointer('webhooks', name, 'post', 'requestBody', 'content', 'application/json', 'schema');
}

export function responseSchemaPointer(host: string, path: string, method: string): string {
  operation(host, path, method);
  return pointer('paths', path, method, 'responses', '200', 'content', 'application/json', 'schema');
}

export function parameterSchemaPointer(host: string, path: string, method: string, name: string): string {
  const doc = bundles.get(host)!;
  const levels: [string[], Doc[]][] = [
    [['paths', path, method, 'parameters'], doc.paths[path][method].parameters ?? []],
    [['paths', path, 'parameters'], doc.paths[path].parameters ?? []],
  ];
  for (const [base, params] of levels) {
    for (const [i, p] of params.entries()) {
      if (p.$ref) {
        const component = p.$ref.split('/').pop();
        if (doc.components.parameters[component].name === name)
          return pointer('components', 'parameters', component, 'schema');
      } else if (p.name === name) {
        return pointer(...base, String(i), 'schema');
      }
    }
  }
  throw new Error(`${method.toUpperCase()} ${path} has no parameter ${name}`);
}

export interface NamedExample {
  host: string;
  where: string;
  name: string;
  schemaPointer: string;
  value: Json;
}

/** Every named example of every request body, answer and callback of a host, with the schema it illustrates. */
export function namedExamples(host: string): NamedExample[] {
  const doc = bundles.get(host)!;
  const out: NamedExample[] = [];
  const resolveExample = (e: Doc) => (e.$ref ? doc.components.examples[e.$ref.split('/').pop()] : e);
  const visitContent = (content: Doc | undefined, base: string[], where: string) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      for (const [name, example] of Object.entries((media as Doc).examples ?? {})) {
        out.push({
          host,
          where: `${where} ${mediaType}`,
          name,
          schemaPointer: pointer(...base, 'content', mediaType, 'schema'),
          value: resolveExample(example as Doc).value,
        });
      }
    }
  };
  for (const [section, items] of [
    ['paths', doc.paths],
    ['webhooks', doc.webhooks ?? {}],
  ] as const) {
    for (const [key, item] of Object.entries(items as Doc)) {
      for (const [method, op] of Object.entries(item as Doc)) {
        if (method === 'parameters') continue;
        const where = `${method.toUpperCase()} ${key}`;
        visitContent(op.requestBody?.content, [section, key, method, 'requestBody'], `${where} request`);
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          visitContent((response as Doc).content, [section, key, method, 'responses', status], `${where} ${status}`);
        }
      }
    }
  }
  return out;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message}${e.params && 'missingProperty' in e.params ? ` (${e.params.missingProperty})` : ''}`,
    )
    .join('\n');
}
