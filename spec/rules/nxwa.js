// House rules of the nxwa specs, as Redocly lint rules. Each applies to operations under `paths` (the ones a
// client calls); callbacks under `webhooks` are checked only for their source.
import { readFileSync } from 'node:fs';
import { GAPS as GAP_WORDS, missingOf } from '../partly-documented.js';

const CATEGORIES = new Set(['auth', 'parameter', 'business', 'transient']);

// An operation of a path item: under `#/paths/` of the root, or in a path file (`paths/<url>.yaml`, where the
// pointer is relative to the file and starts at the method).
const isPathOperation = (ctx) =>
  ctx.location.pointer.startsWith('#/paths/') || /[\\/]paths[\\/][^\\/]+\.yaml$/.test(ctx.location.source.absoluteRef);

function OperationAction() {
  return {
    Operation(operation, ctx) {
      if (!isPathOperation(ctx)) return;
      const action = operation['x-nxcloud-action'];
      if (typeof action !== 'string' || action.length === 0) {
        ctx.report({ message: 'Operation must declare `x-nxcloud-action`: the `action` header it is signed with.' });
      }
      const bizType = operation['x-nxcloud-biz-type'];
      if (typeof bizType !== 'string' || !/^[0-9]+$/.test(bizType)) {
        ctx.report({ message: 'Operation must declare `x-nxcloud-biz-type` as a string of digits (e.g. "2").' });
      }
    },
  };
}

function OperationErrors() {
  return {
    Operation(operation, ctx) {
      if (!isPathOperation(ctx)) return;
      const errors = operation['x-nxcloud-errors'];
      if (!Array.isArray(errors) || errors.length === 0) {
        ctx.report({ message: 'Operation must list the codes it can answer in `x-nxcloud-errors`.' });
        return;
      }
      const seen = new Set();
      errors.forEach((entry, i) => {
        const where = ctx.location.child(['x-nxcloud-errors', i]);
        const resolved = entry && entry.$ref ? ctx.resolve(entry).node : entry;
        if (!resolved || typeof resolved !== 'object') {
          ctx.report({ message: `x-nxcloud-errors[${i}] does not resolve to an object.`, location: where });
          return;
        }
        const problems = [];
        if (!Number.isInteger(resolved.code) || resolved.code === 0) problems.push('`code` (a non-zero integer)');
        for (const key of ['message', 'meaning', 'remedy']) {
          if (typeof resolved[key] !== 'string' || resolved[key].trim() === '') problems.push(`\`${key}\` (text)`);
        }
        if (!CATEGORIES.has(resolved.category)) problems.push(`\`category\` (one of ${[...CATEGORIES].join(', ')})`);
        if (typeof resolved.retryable !== 'boolean') problems.push('`retryable` (a boolean)');
        if (problems.length > 0) {
          ctx.report({ message: `x-nxcloud-errors[${i}] needs ${problems.join(', ')}.`, location: where });
        }
        if (seen.has(resolved.code)) {
          ctx.report({ message: `x-nxcloud-errors lists code ${resolved.code} twice.`, location: where });
        }
        seen.add(resolved.code);
      });
    },
  };
}

const hasNamedExamples = (mediaType) =>
  mediaType &&
  mediaType.examples &&
  typeof mediaType.examples === 'object' &&
  Object.keys(mediaType.examples).length > 0;

function OperationExamples() {
  return {
    Operation(operation, ctx) {
      if (!isPathOperation(ctx)) return;
      const body =
        operation.requestBody && operation.requestBody.$ref
          ? ctx.resolve(operation.requestBody).node
          : operation.requestBody;
      if (body) {
        const media = Object.values(body.content || {});
        if (!media.some(hasNamedExamples)) {
          ctx.report({
            message: 'Operation must have at least one named request body example.',
            location: ctx.location.child('requestBody'),
          });
        }
      } else {
        // Without a body, the request is its parameters: each must show an example value.
        for (const [i, p] of (operation.parameters || []).entries()) {
          const param = p && p.$ref ? ctx.resolve(p).node : p;
          if (param && param.required && param.example === undefined && !param.examples) {
            ctx.report({
              message: `Parameter \`${param.name}\` of a bodiless operation must have an example.`,
              location: ctx.location.child(['parameters', i]),
            });
          }
        }
      }
      const responses = Object.values(operation.responses || {});
      const withExamples = responses.some((r) => {
        const response = r && r.$ref ? ctx.resolve(r).node : r;
        return response && Object.values(response.content || {}).some(hasNamedExamples);
      });
      // A page that gives no answer example is not filled in: the marker says so instead.
      if (!withExamples && !partlyMissing(operation).includes('answer-examples')) {
        ctx.report({
          message: 'Operation must have at least one named response example.',
          location: ctx.location.child('responses'),
        });
      }
    },
  };
}

function OperationSource() {
  return {
    Operation(operation, ctx) {
      const source = operation['x-nxcloud-source'];
      if (
        !Array.isArray(source) ||
        source.length === 0 ||
        !source.every((s) => typeof s === 'string' && s.length > 0)
      ) {
        ctx.report({
          message: 'Operation must name the reference documents it is written from in `x-nxcloud-source`.',
        });
      }
    },
  };
}

// What a partly documented operation's page may not give (spec/EXTENSIONS.md, x-nxwa-partly-documented).
const GAPS = new Set(Object.keys(GAP_WORDS));
const partlyMissing = missingOf;
// The reference files mark each part of a page that was not retrieved `[not retrieved]`.
const referenceDir = new URL('../reference/', import.meta.url);

const gapsCache = new Map();
function sourceHasGaps(source) {
  if (!gapsCache.has(source)) {
    let text = '';
    try {
      text = readFileSync(new URL(source, referenceDir), 'utf8');
    } catch {
      // A source that does not exist is operation-source's and the coverage test's concern, not this rule's.
    }
    gapsCache.set(source, text.includes('[not retrieved]'));
  }
  return gapsCache.get(source);
}

function PartlyDocumented() {
  return {
    Operation(operation, ctx) {
      if (!isPathOperation(ctx)) return;
      const marker = operation['x-nxwa-partly-documented'];
      const sources = Array.isArray(operation['x-nxcloud-source']) ? operation['x-nxcloud-source'] : [];
      const partial = sources.filter((s) => typeof s === 'string' && sourceHasGaps(s));
      if (marker === undefined) {
        if (partial.length > 0) {
          ctx.report({
            message: `Operation is written from a page cut off before its end (${partial.join(', ')}): add \`x-nxwa-partly-documented: { missing: [...] }\` naming what the page does not give.`,
          });
        }
        return;
      }
      const where = ctx.location.child('x-nxwa-partly-documented');
      const missing = marker && marker.missing;
      if (!Array.isArray(missing) || missing.length === 0) {
        ctx.report({
          message: `\`x-nxwa-partly-documented.missing\` must list what the page does not give (${[...GAPS].join(', ')}).`,
          location: where,
        });
        return;
      }
      const unknown = missing.filter((m) => !GAPS.has(m));
      if (unknown.length > 0 || new Set(missing).size !== missing.length) {
        ctx.report({
          message: `\`x-nxwa-partly-documented.missing\` takes each of ${[...GAPS].join(', ')} at most once; not ${unknown.length ? unknown.join(', ') : 'a repeat'}.`,
          location: where,
        });
      }
      if (partial.length === 0) {
        ctx.report({
          message:
            'Operation carries `x-nxwa-partly-documented` but none of its sources marks a part as not retrieved.',
          location: where,
        });
      }
    },
  };
}

// Redocly inlines a `$ref` that is a whole extension value, but not the `$ref`s inside an extension's array;
// this decorator inlines each entry of `x-nxcloud-errors` so that bundles carry the codes themselves.
function InlineErrorRefs() {
  return {
    Operation: {
      leave(operation, ctx) {
        const errors = operation['x-nxcloud-errors'];
        if (!Array.isArray(errors)) return;
        operation['x-nxcloud-errors'] = errors.map((entry) => (entry && entry.$ref ? ctx.resolve(entry).node : entry));
      },
    },
  };
}

// Adds to each operation's 200 answer a named example `code-<code>` for every code of `x-nxcloud-errors` that has
// none, so that a mock can be asked for any documented answer (Prism: `Prefer: example=code-22125`).
function ErrorExamples() {
  return {
    Operation: {
      leave(operation, ctx) {
        const errors = operation['x-nxcloud-errors'];
        const media = operation.responses?.['200']?.content?.['application/json'];
        if (!Array.isArray(errors) || !media) return;
        media.examples = media.examples ?? {};
        for (const entry of errors) {
          const e = entry && entry.$ref ? ctx.resolve(entry).node : entry;
          const name = `code-${e.code}`;
          if (media.examples[name]) continue;
          const value =
            e.code === 9099
              ? {
                  code: 9099,
                  message: e.message,
                  data: {
                    error: {
                      code: 131026,
                      message: 'Message undeliverable',
                      type: 'OAuthException',
                      fbtrace_id: 'AmCuD7sOjcEDetBNhlT2cJm',
                      error_data: { messaging_product: 'whatsapp', details: 'Message undeliverable' },
                    },
                  },
                }
              : { code: e.code, message: e.message, data: null };
          media.examples[name] = {
            summary: `${e.code}: ${e.message}`,
            description: `${e.meaning} Remedy: ${e.remedy}`,
            value,
          };
        }
      },
    },
  };
}

export default function nxwaPlugin() {
  return {
    id: 'nxwa',
    decorators: {
      oas3: {
        'inline-error-refs': InlineErrorRefs,
        'error-examples': ErrorExamples,
      },
    },
    rules: {
      oas3: {
        'operation-action': OperationAction,
        'operation-errors': OperationErrors,
        'operation-examples': OperationExamples,
        'operation-source': OperationSource,
        'partly-documented': PartlyDocumented,
      },
    },
  };
}
