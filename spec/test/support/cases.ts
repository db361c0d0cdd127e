// Helpers for table-driven constraint tests: start from a documented example, change one thing, and say
// whether the schema must accept or reject the result (and, when rejecting, which field must be blamed).
import type { ErrorObject } from 'ajv';
import type { Json } from './spec.js';

export type Mutation = (body: any) => void;

export interface Case {
  name: string;
  mutate: Mutation;
  /** For a rejection: the JSON pointer (or its last segment) of the field an error must point at. */
  blames?: string;
}

export const clone = <T extends Json>(v: T): T => structuredClone(v);

/** Whether some error points at `field`: at its path, or as the missing property of its parent. */
export function blamesField(errors: ErrorObject[] | null | undefined, field: string): boolean {
  const target = field.startsWith('/') ? field : `/${field}`;
  return (errors ?? []).some((e) => {
    const missing =
      e.params && 'missingProperty' in e.params ? `${e.instancePath}/${String(e.params.missingProperty)}` : undefined;
    const extra = e.keyword === 'false schema' ? e.instancePath : undefined;
    return [e.instancePath, missing, extra].some((p) => p !== undefined && (p === target || p.endsWith(target)));
  });
}
