// The operations of a host's spec, compiled once: how to match a request to one, its parameters (each with the
// JSON pointer of its schema for the validator), the media types it takes and its documented error codes.
import type { Spec } from './hosts.js';

const METHODS = ['get', 'put', 'post', 'delete'] as const;

export interface DocumentedError {
  code: number;
  message: string;
  field?: string;
  /** The page says this code is what a missing `field` gets (otherwise a missing field gets the generic code). */
  absent?: boolean;
  category?: string;
}

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
  /** Where its schema sits in the spec (the validator compiles it from there). */
  pointer: string;
}

export interface Route {
  path: string;
  method: string;
  /** `POST /api/wa/mt`: how records name the operation. */
  label: string;
  regex: RegExp;
  names: string[];
  op: Record<string, any>;
  parameters: Parameter[];
  mediaTypes: string[];
  /** The documented parameter code for a field (21058 for tenant_id, …). */
  fieldCodes: Map<string, DocumentedError>;
  /** The documented code for any other parameter problem. */
  genericParameterCode: DocumentedError;
  /** Whether an accepted request sends a message (and so gets status callbacks). */
  sends: boolean;
  /** The Content-Type a bodiless request must carry (`x-nxcloud-content-type`), when the spec gives one. */
  bodilessContentType?: string;
  /** The message the operation documents for a code, when it documents the code. */
  documentedMessage(code: number): string | undefined;
}

const pointerEscape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function compileRoutes(spec: Spec): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const names: string[] = [];
    // A path the vendor documents with a doubled slash (x-nxcloud-documented-path) is served in both forms.
    const documented = METHODS.map((m) => item[m]?.['x-nxcloud-documented-path']).find(
      (d): d is string => typeof d === 'string' && d.replace(/\/+/g, '/') === path,
    );
    const regex = new RegExp(
      `^${(documented ?? path)
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{([^}]+)\\?\}/g, (_, n: string) => (names.push(n), '([^/]+)'))
        .replace(/\/\//g, '/{1,2}')}$`,
    );
    const shared: any[] = item.parameters ?? [];
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method];
      const errors: DocumentedError[] = op['x-nxcloud-errors'] ?? [];
      const own: any[] = op.parameters ?? [];
      const parameters = [...shared, ...own].map((p, i): Parameter => {
        const ref: string | undefined = p.$ref;
        const param = ref ? spec.components?.parameters[ref.split('/').pop()!] : p;
        const pointer = ref
          ? `/components/parameters/${ref.split('/').pop()}/schema`
          : i < shared.length
            ? `/paths/${pointerEscape(path)}/parameters/${i}/schema`
            : `/paths/${pointerEscape(path)}/${method}/parameters/${i - shared.length}/schema`;
        return { ...param, pointer };
      });
      routes.push({
        path,
        method,
        label: `${method.toUpperCase()} ${path}`,
        regex,
        names,
        op,
        parameters,
        mediaTypes: Object.keys(op.requestBody?.content ?? {}),
        fieldCodes: new Map(errors.filter((e) => e.field).map((e) => [e.field!, e])),
        genericParameterCode: errors.find((e) => e.category === 'parameter' && !e.field) ?? {
          code: 1002,
          message: 'Parameter error',
        },
        sends: op['x-nxcloud-sends-message'] === true,
        bodilessContentType: op['x-nxcloud-content-type'],
        documentedMessage: (code) => errors.find((e) => e.code === code)?.message,
      });
    }
  }
  return routes;
}
