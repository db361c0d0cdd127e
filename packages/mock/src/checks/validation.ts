// Validates request bodies and parameters against a host's bundled spec, and explains a failure the way a
// person needs it: which field, and what was expected.
//
// Prism validates too, but reports every branch of a oneOf at once. Here each discriminated oneOf is rewritten for
// Ajv's own discriminator, which validates only the branch the request names (and makes nothing for the others).
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import type { Spec } from '../http/hosts.js';
import { addFormats, newAjv2020 } from './ajv.cjs';

/** One problem of a request: the dotted path of the field at fault, its first segment, and what is wrong. */
export interface Problem {
  field: string;
  top: string;
  text: string;
}

export interface Validator {
  body(path: string, method: string, mediaType: string, value: unknown): Problem[];
  resolve(schema: any): any;
  parameter(pointer: string, value: unknown, name: string, where: string): Problem[];
  /** Ajv's own errors of a value against the schema at a JSON pointer of the spec ([] when valid): for readers that word them their own way. */
  errorsAt(pointer: string, value: unknown): ErrorObject[];
}

const clone = <T>(v: T): T => structuredClone(v);

/** What a valid value has: one empty list for all, which no reader changes. */
export const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/**
 * Rewrites every `oneOf` that has a `discriminator.mapping` into the form Ajv's discriminator takes (it does not take
 * a mapping): one branch per mapped value, which names that value and holds the mapped schema. The property is
 * required and one of the mapped values, so a missing or unknown value is named as such.
 */
function resolveDiscriminators(node: any): any {
  if (Array.isArray(node)) return node.map(resolveDiscriminators);
  if (!node || typeof node !== 'object') return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolveDiscriminators(v);
  const mapping = out.discriminator?.mapping;
  if (Array.isArray(out.oneOf) && mapping) {
    const prop = out.discriminator.propertyName;
    out.type = 'object';
    out.required = [...new Set([...(out.required ?? []), prop])];
    out.properties = { ...(out.properties ?? {}), [prop]: { enum: Object.keys(mapping) } };
    out.discriminator = { propertyName: prop };
    out.oneOf = Object.entries(mapping as Record<string, string>).map(([value, ref]) => ({
      properties: { [prop]: { const: value } },
      allOf: [{ $ref: ref }],
    }));
  } else if (out.discriminator) {
    // Without a mapping it is an annotation only, as OpenAPI has it: Ajv's would ask more of the branches.
    delete out.discriminator;
  }
  return out;
}

/** Whether any schema object of a document has one of these keywords. */
function usesKeyword(node: unknown, keywords: string[]): boolean {
  if (!node || typeof node !== 'object') return false;
  if (!Array.isArray(node) && keywords.some((k) => Object.hasOwn(node, k))) return true;
  return Object.values(node).some((v) => usesKeyword(v, keywords));
}

export function createValidator(host: string, spec: Spec): Validator {
  const id = `https://nxwa.invalid/${host}`;
  // Set up by the first request that needs it rather than at start, where it was a tenth of the start-up. A broken
  // reference in a spec was found only when its schema was first compiled, as it still is.
  let set: { doc: any; ajv: Ajv2020 } | undefined;
  const setUp = () => {
    if (set) return set;
    const doc = resolveDiscriminators(clone(spec));
    // The specs are linted where they are built: checking them against the meta-schema again would double the set-up.
    const ajv = newAjv2020({
      strict: false,
      discriminator: true,
      allErrors: true,
      verbose: true,
      allowUnionTypes: true,
      validateSchema: false,
    });
    // Ajv for 2020-12 tracks, through every call of a referenced schema, which properties and items were evaluated, for
    // the unevaluated* keywords, and carries the dynamic anchors, for $dynamicRef: objects made on every send. A spec
    // with neither keyword needs neither (both are read when a schema is compiled, which is later).
    const opts = ajv.opts as { unevaluated: boolean; dynamicRef: boolean };
    opts.unevaluated = usesKeyword(doc, ['unevaluatedProperties', 'unevaluatedItems']);
    opts.dynamicRef = usesKeyword(doc, ['$dynamicRef', '$dynamicAnchor']);
    addFormats(ajv);
    ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isSafeInteger(n) });
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, id);
    return (set = { doc, ajv });
  };
  const cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  const compile = (pointer: string) => {
    let validate = cache.get(pointer);
    if (!validate) cache.set(pointer, (validate = setUp().ajv.compile({ $ref: `${id}#${pointer}` })));
    return validate;
  };
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  // A body's validator by path, method and media type in turn: the routes' own strings, so no pointer is built per
  // request. As many as the spec has operations and media types.
  const bodies = new Map<string, Map<string, Map<string, ReturnType<Ajv2020['compile']>>>>();
  const bodyValidator = (path: string, method: string, mediaType: string) => {
    let byMethod = bodies.get(path);
    if (!byMethod) bodies.set(path, (byMethod = new Map()));
    let byType = byMethod.get(method);
    if (!byType) byMethod.set(method, (byType = new Map()));
    let validate = byType.get(mediaType);
    if (!validate)
      byType.set(
        mediaType,
        (validate = compile(`/paths/${esc(path)}/${method}/requestBody/content/${esc(mediaType)}/schema`)),
      );
    return validate;
  };
  // A local `#/…` reference of the spec → the schema it names.
  const resolve = (schema: any): any =>
    schema?.$ref
      ? (schema.$ref as string)
          .slice(2)
          .split('/')
          .reduce((v: any, k: string) => v?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], setUp().doc)
      : schema;
  return {
    /** Problems of a JSON (or multipart-fields) body, or [] when it is valid. */
    body(path, method, mediaType, value) {
      const validate = bodyValidator(path, method, mediaType);
      return validate(value) ? NO_PROBLEMS : explain(validate.errors ?? [], value, resolve);
    },
    /** The schema at a local reference (or the schema itself). */
    resolve,
    /** Problems of one parameter's value. */
    parameter(pointer, value, name, where) {
      const validate = compile(pointer);
      if (validate(value)) return [];
      return explain(validate.errors ?? [], value, resolve).map((p) => ({
        ...p,
        field: name,
        top: name,
        text: `${where} parameter ${name}: ${p.text.replace(/^\(body\): /, '')}`,
      }));
    },
    errorsAt(pointer, value) {
      const validate = compile(pointer);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

const fieldOf = (instancePath: string, extra?: string) => {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
};

const show = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v) : JSON.stringify(v);
const listed = (values: unknown[]) =>
  values.length > 12
    ? `${values.slice(0, 12).map(show).join(', ')}, … (${values.length} in all)`
    : values.map(show).join(', ');
const valueAt = (root: unknown, instancePath: string) =>
  instancePath
    .split('/')
    .slice(1)
    .reduce((v: any, p) => (v == null ? v : v[p.replace(/~1/g, '/').replace(/~0/g, '~')]), root);

/**
 * Turns Ajv's errors into problems `{ field, top, text }`: `field` is the dotted path of the field at fault, `top`
 * its first segment (which documented parameter code it belongs to). Summary errors (if/then, allOf, a oneOf
 * whose branches reported too) are left out.
 */
export function explain(errors: ErrorObject[], root: unknown, resolve: (s: any) => any = (s) => s): Problem[] {
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const push = (field: string, text: string) => {
    const key = `${field}|${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ field, top: field.split(/[.[]/)[0], text: `${field || '(body)'}: ${text}` });
  };
  for (const e of errors) {
    // A discriminator's own error repeats the required or enum error of its property.
    if (e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'not' || e.keyword === 'discriminator') continue;
    // Inside a oneOf/anyOf without a discriminator, say what the alternatives are instead of each branch's failure.
    const under = oneOfPaths.find(
      (p) =>
        e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && (e.instancePath === p || e.instancePath.startsWith(`${p}/`)),
    );
    if (under !== undefined) continue;
    const value = valueAt(root, e.instancePath);
    switch (e.keyword) {
      case 'required':
        push(fieldOf(e.instancePath, (e.params as any).missingProperty), 'is required');
        break;
      case 'additionalProperties':
        push(fieldOf(e.instancePath, (e.params as any).additionalProperty), 'is not allowed here');
        break;
      case 'false schema':
        push(fieldOf(e.instancePath), 'is not allowed here');
        break;
      case 'enum':
        push(fieldOf(e.instancePath), `must be one of ${listed((e.params as any).allowedValues)}; got ${show(value)}`);
        break;
      case 'const':
        push(fieldOf(e.instancePath), `must be ${show((e.params as any).allowedValue)}; got ${show(value)}`);
        break;
      case 'type':
        push(
          fieldOf(e.instancePath),
          `must be ${([] as string[]).concat((e.params as any).type).join(' or ')}; got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
        );
        break;
      case 'pattern':
        push(fieldOf(e.instancePath), `must match ${(e.params as any).pattern}; got ${show(value)}`);
        break;
      case 'format':
        push(fieldOf(e.instancePath), `must be a valid ${(e.params as any).format}; got ${show(value)}`);
        break;
      case 'oneOf':
      case 'anyOf': {
        const branches: any[] = ((e.schema as unknown[]) ?? []).map(resolve);
        const alternatives = branches
          .map((b) => `${(b.required ?? []).join(' + ') || 'another form'}${b.title ? ` (${b.title})` : ''}`)
          .join(' or ');
        // anyOf is used for "at least one of these fields": point at the first when all are missing.
        const missing =
          e.keyword === 'anyOf' &&
          branches.every((b) =>
            (b.required ?? []).some((r: string) => value && typeof value === 'object' && !(r in value)),
          );
        push(
          fieldOf(e.instancePath, missing ? branches[0].required?.[0] : undefined),
          e.keyword === 'anyOf' ? `one of ${alternatives} is required` : `must have exactly one of ${alternatives}`,
        );
        break;
      }
      default:
        push(fieldOf(e.instancePath), e.message ?? e.keyword);
    }
  }
  return problems;
}
