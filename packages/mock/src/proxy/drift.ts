// Where a real answer (or callback) departs from the spec, each departure recorded once per operation and shape with
// a count, a masked example and the spec location it contradicts. The mock's own validator (Ajv over the bundled spec
// the mock loaded) judges each keyword; this module only walks the schema so that it can also name what JSON Schema
// lets pass: a field the spec does not declare, a `code` the operation does not document, and which branch of a
// oneOf the answer meant.
import type { ErrorObject } from 'ajv';
import type { Validator } from '../checks/validation.js';
import type { Spec } from '../http/hosts.js';
import { redactJson } from './redact.js';

export type DriftKind =
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'wrong-value'
  | 'undocumented-code'
  | 'undocumented-status'
  | 'undocumented-content-type'
  | 'not-json'
  | 'bad-signature'
  | 'accepted-against-spec';

/** One departure of one answer: what, where in the answer, what the spec says there, and where it says it. */
export interface DriftFinding {
  kind: DriftKind;
  /** The field at fault (`data.messages[].id`; array indexes as `[]`), or empty for the answer as a whole. */
  field: string;
  /** What the spec documents there, in words. */
  expected: string;
  /** What came instead. */
  got: string;
  /** A JSON pointer into the host's bundled spec (`spec/dist/<host>.json`). */
  location: string;
}

/** A departure as the report shows it: counted once per host, operation, kind, field and location. */
export interface Drift extends DriftFinding {
  host: string;
  /** The operation (or the webhook's operation, for a callback). */
  operationId: string;
  /** An answer of the upstream, or a callback it sent. */
  source: 'answer' | 'callback' | 'request';
  count: number;
  firstAt: string;
  lastAt: string;
  /** The first body that showed it, secrets and phone numbers masked. */
  example: string | null;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const join = (field: string, key: string) => (field ? `${field}.${key}` : key);

// Keywords the walk follows itself; every other keyword of a schema is judged by Ajv.
const STRUCTURE = new Set([
  '$ref',
  'oneOf',
  'anyOf',
  'allOf',
  'if',
  'then',
  'else',
  'not',
  'properties',
  'additionalProperties',
  'patternProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'contains',
  'discriminator',
]);

/** What a schema declares at one level of the answer: its findings, and the keys it names (undefined: any key). */
interface Walked {
  findings: DriftFinding[];
  keys: Set<string> | undefined;
  /** The schema that declares the keys (the first one that names any): where an unknown key contradicts it. */
  declaredAt?: string;
}

function findingOf(e: ErrorObject, pointer: string, field: string, value: unknown): DriftFinding | undefined {
  const p = e.params as Record<string, any>;
  const at = `${pointer}/${e.keyword}`;
  switch (e.keyword) {
    case 'type':
      return { kind: 'wrong-type', field, expected: [p.type].flat().join(' or '), got: typeOf(value), location: at };
    case 'required':
      return {
        kind: 'missing-field',
        field: join(field, p.missingProperty),
        expected: 'present (required)',
        got: 'absent',
        location: at,
      };
    case 'enum':
      return {
        kind: 'wrong-value',
        field,
        expected: `one of ${show(p.allowedValues)}`,
        got: show(value),
        location: at,
      };
    case 'const':
      return { kind: 'wrong-value', field, expected: show(p.allowedValue), got: show(value), location: at };
    default:
      return { kind: 'wrong-value', field, expected: e.message ?? e.keyword, got: show(value), location: at };
  }
}

/**
 * How far a value is from a branch: each finding weighs less the deeper its field, since a fault near the root (a
 * `data` of the wrong type) says the branch is the wrong one, while a fault deep inside says only that field is off.
 */
export const driftWeight = (findings: readonly DriftFinding[]) =>
  findings.reduce((sum, f) => sum + 2 ** -(f.field ? f.field.split('.').length : 0), 0);
const lighter = (a: Walked, b: Walked) => driftWeight(a.findings) < driftWeight(b.findings);

/**
 * Walks a value against the schema at `pointer` (a JSON pointer of the spec). `report` is false for the members of
 * an allOf or a oneOf: their parent names the unknown keys once, from all members' keys together.
 */
function walk(v: Validator, pointer: string, value: unknown, field: string, report: boolean): Walked {
  const schema = v.resolve({ $ref: `#${pointer}` });
  if (schema === true || schema === undefined || schema === null || typeof schema !== 'object')
    return { findings: [], keys: undefined };
  const findings: DriftFinding[] = [];
  let keys: Set<string> | undefined = schema.properties ? new Set(Object.keys(schema.properties)) : undefined;
  let declaredAt: string | undefined = schema.properties ? pointer : undefined;
  const open =
    schema.additionalProperties === true ||
    typeof schema.additionalProperties === 'object' ||
    schema.patternProperties !== undefined;
  const add = (w: Walked) => {
    findings.push(...w.findings);
    if (w.keys) keys = new Set([...(keys ?? []), ...w.keys]);
    declaredAt ??= w.declaredAt;
  };
  if (typeof schema.$ref === 'string') add(walk(v, schema.$ref.slice(1), value, field, false));
  else {
    // This schema's own keywords; a wrong type stops the walk here (its fields mean nothing then).
    const own = v
      .errorsAt(pointer, value)
      .filter((e) => e.instancePath === '' && e.parentSchema === schema && !STRUCTURE.has(e.keyword));
    const typeError = own.find((e) => e.keyword === 'type');
    if (typeError) return { findings: [findingOf(typeError, pointer, field, value)!], keys: undefined };
    for (const e of own) {
      const f = findingOf(e, pointer, field, value);
      if (f) findings.push(f);
    }
  }
  for (const [i] of (schema.allOf ?? []).entries()) add(walk(v, `${pointer}/allOf/${i}`, value, field, false));
  const tag = schema.discriminator?.propertyName;
  if (tag !== undefined) {
    // A discriminated oneOf (as the validator has it: see checks/validation.ts): the branch the value names, if any.
    const named = (schema.oneOf as any[]).findIndex(
      (b) => b.properties?.[tag]?.const === (value as Record<string, unknown> | null)?.[tag],
    );
    if (named >= 0) add(walk(v, `${pointer}/oneOf/${named}`, value, field, false));
  }
  for (const combinator of tag === undefined ? (['oneOf', 'anyOf'] as const) : (['anyOf'] as const)) {
    const branches: Walked[] = (schema[combinator] ?? []).map((_: unknown, i: number) =>
      walk(v, `${pointer}/${combinator}/${i}`, value, field, false),
    );
    if (branches.length > 0) add(branches.reduce((best, b) => (lighter(b, best) ? b : best)));
  }
  if (schema.if !== undefined) {
    const branch = v.errorsAt(`${pointer}/if`, value).length === 0 ? 'then' : 'else';
    if (schema[branch] !== undefined) add(walk(v, `${pointer}/${branch}`, value, field, false));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (schema.properties?.[key] !== undefined)
        findings.push(...walk(v, `${pointer}/properties/${esc(key)}`, item, join(field, key), true).findings);
      else if (typeof schema.additionalProperties === 'object')
        findings.push(...walk(v, `${pointer}/additionalProperties`, item, join(field, key), true).findings);
    }
    // An object schema that names no field at all is free-form: any key is its own.
    if (report && keys && !open)
      for (const key of Object.keys(value))
        if (!keys.has(key))
          findings.push({
            kind: 'unknown-field',
            field: join(field, key),
            expected: `one of the documented fields ${[...keys].join(', ')}`,
            got: typeOf((value as Record<string, unknown>)[key]),
            location: `${declaredAt ?? pointer}/properties`,
          });
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    // Every element of one array is one shape: reported once (`field[]`), however many elements share it.
    const seen = new Set<string>();
    for (const item of value)
      for (const f of walk(v, `${pointer}/items`, item, `${field}[]`, true).findings) {
        const key = `${f.kind}|${f.field}|${f.location}`;
        if (!seen.has(key)) findings.push(f);
        seen.add(key);
      }
  }
  return { findings, keys: open ? undefined : keys, declaredAt };
}

/** The findings of a value against the schema at a pointer of the spec: the validator's verdicts, and unknown fields. */
export function schemaDrift(v: Validator, pointer: string, value: unknown): DriftFinding[] {
  return walk(v, pointer, value, '', true).findings;
}

/** The findings of one of several schemas, the one the value departs from least (which webhook a callback is). */
export function closestDrift(
  v: Validator,
  pointers: readonly string[],
  value: unknown,
): { pointer: string; findings: DriftFinding[] } | undefined {
  let best: { pointer: string; walked: Walked } | undefined;
  for (const pointer of pointers) {
    const walked = walk(v, pointer, value, '', true);
    if (!best || lighter(walked, best.walked)) best = { pointer, walked };
  }
  return best && { pointer: best.pointer, findings: best.walked.findings };
}

const mediaTypeOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** A real answer to one operation against its documented responses: status, content type, body and `code`. */
export function answerDrift(
  v: Validator,
  spec: Spec,
  operation: { path: string; method: string },
  answer: { status: number; contentType?: string; text: string },
): DriftFinding[] {
  const opPointer = `/paths/${esc(operation.path)}/${operation.method}`;
  const op = spec.paths[operation.path]?.[operation.method];
  const responses: Record<string, any> = op?.responses ?? {};
  const statusKey = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find(
    (k) => responses[k] !== undefined,
  );
  if (!statusKey)
    return [
      {
        kind: 'undocumented-status',
        field: '',
        expected: `HTTP ${Object.keys(responses).join(' or ')}`,
        got: `HTTP ${answer.status}`,
        location: `${opPointer}/responses`,
      },
    ];
  const content: Record<string, any> | undefined = v.resolve(responses[statusKey])?.content;
  if (!content) return [];
  const media = mediaTypeOf(answer.contentType);
  const documented = Object.keys(content);
  const mediaKey = documented.find((m) => m.toLowerCase() === media);
  const at = `${opPointer}/responses/${esc(statusKey)}/content`;
  if (!mediaKey)
    return [
      {
        kind: 'undocumented-content-type',
        field: '',
        expected: documented.join(' or '),
        got: media || '(none)',
        location: at,
      },
    ];
  if (!/json/.test(mediaKey) || content[mediaKey]?.schema === undefined) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [{ kind: 'not-json', field: '', expected: mediaKey, got: 'a body that is not JSON', location: at }];
  }
  const findings = schemaDrift(v, `${at}/${esc(mediaKey)}/schema`, body);
  // A failure code the operation's documents do not list (its `x-nxcloud-errors`).
  const code = (body as Record<string, unknown> | null)?.code;
  const errors: { code: number }[] = op?.['x-nxcloud-errors'] ?? [];
  if (typeof code === 'number' && code !== 0 && !errors.some((e) => e.code === code))
    findings.push({
      kind: 'undocumented-code',
      field: 'code',
      expected: `0 or one of ${errors.map((e) => e.code).join(', ') || '(no documented failure code)'}`,
      got: String(code),
      location: `${opPointer}/x-nxcloud-errors`,
    });
  return findings;
}

/** How many distinct departures are kept: an upstream sending ever new field names cannot grow the log without end. */
export const DRIFT_LIMIT = 1_000;

/** The drift log: findings grouped by host, operation and shape, counted, with the first example. */
export function createDriftLog(limit = DRIFT_LIMIT) {
  const grouped = new Map<string, Drift>();
  return {
    record(
      host: string,
      operationId: string,
      source: Drift['source'],
      findings: readonly DriftFinding[],
      body: unknown,
    ): void {
      const at = new Date().toISOString();
      for (const f of findings) {
        const key = [host, operationId, source, f.kind, f.field, f.location].join('\u0000');
        const seen = grouped.get(key);
        if (seen) {
          seen.count++;
          seen.lastAt = at;
          continue;
        }
        if (grouped.size >= limit) continue;
        let example: string | null = null;
        if (body !== undefined) {
          const text = JSON.stringify(redactJson(body, { keepRecipients: false }));
          example = text.length > 300 ? `${text.slice(0, 299)}…` : text;
        }
        grouped.set(key, { host, operationId, source, ...f, count: 1, firstAt: at, lastAt: at, example });
      }
    },
    list(): Drift[] {
      return [...grouped.values()];
    },
    reset(): void {
      grouped.clear();
    },
  };
}

export type DriftLog = ReturnType<typeof createDriftLog>;
