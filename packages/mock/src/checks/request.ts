// The request against the spec: path and query parameters, then the body (JSON or multipart fields). Problems are
// answered with the host's documented parameter code for the field at fault, naming every field and what was
// expected.
import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, type Family, failure } from '../http/answer.js';
import { parseMultipart, type UploadedFile } from '../http/body.js';
import { parseJson, TooDeep } from '../http/json.js';
import type { Route } from '../http/routes.js';
import { NO_PROBLEMS, type Problem, type Validator } from './validation.js';

const coerce = (schema: any, value: string): unknown => {
  const types: string[] = [].concat(schema?.type ?? []);
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
};

const decode = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

// The path parameters of a route that has none: one object for all, which no reader changes.
const NO_PATH_PARAMETERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The route's path parameters in this URL, decoded. */
export function pathParameters(route: Route, url: URL): Record<string, string> {
  if (route.names.length === 0) return NO_PATH_PARAMETERS;
  const match = route.regex.exec(url.pathname)!;
  return Object.fromEntries(route.names.map((n, i) => [n, decode(match[i + 1])]));
}

const inPathOrQuery = (p: Route['parameters'][number]) => p.in === 'path' || p.in === 'query';

export function parameterProblems(route: Route, validator: Validator, url: URL): Problem[] {
  if (!route.parameters.some(inPathOrQuery)) return NO_PROBLEMS;
  const problems: Problem[] = [];
  const pathValues = pathParameters(route, url);
  for (const p of route.parameters) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const value = p.in === 'path' ? pathValues[p.name] : url.searchParams.get(p.name);
    if (value === null || value === undefined) {
      if (p.required) problems.push({ field: p.name, top: p.name, text: `${p.in} parameter ${p.name}: is required` });
      continue;
    }
    problems.push(...validator.parameter(p.pointer, coerce(validator.resolve(p.schema), value), p.name, p.in));
  }
  return problems;
}

/** A body as read for the engine, and its problems. */
export interface BodyCheck {
  body?: unknown;
  /** A JSON body's text, as sent. */
  text?: string;
  files?: Map<string, UploadedFile>;
  problems: Problem[];
}

/**
 * Parses the body for the engine and adds its problems; `body` is undefined when there is none or it is unreadable.
 * A multipart body's file parts are in `files`.
 */
export function bodyProblems(
  route: Route,
  validator: Validator,
  headers: IncomingHttpHeaders,
  raw: Buffer,
  maxBodyBytes: number,
): BodyCheck | Promise<BodyCheck> {
  if (route.mediaTypes.length === 0) return { problems: [] };
  const isJson = /^application\/json\b/i.test(headers['content-type'] ?? '');
  if (raw.length === 0) return { problems: [{ field: '', top: '', text: '(body): is required' }] };
  // A JSON body is checked at once (no promise to wait for on every send); a multipart one is streamed through.
  if (!isJson) return multipartProblems(route, validator, headers, raw, maxBodyBytes);
  let body: unknown;
  const text = raw.toString('utf8');
  try {
    body = parseJson(text);
  } catch (error) {
    if (error instanceof TooDeep) return { problems: [{ field: '', top: '', text: `(body): ${error.message}` }] };
    return { problems: [{ field: '', top: '', text: `(body): is not valid JSON (${(error as Error).message})` }] };
  }
  return { body, text, problems: validator.body(route.path, route.method, 'application/json', body) };
}

async function multipartProblems(
  route: Route,
  validator: Validator,
  headers: IncomingHttpHeaders,
  raw: Buffer,
  maxBodyBytes: number,
): Promise<BodyCheck> {
  const files = new Map<string, UploadedFile>();
  let body: unknown;
  try {
    body = await parseMultipart(headers, raw, maxBodyBytes, files);
  } catch (error) {
    return {
      problems: [
        { field: '', top: '', text: `(body): is not a valid multipart/form-data body (${(error as Error).message})` },
      ],
    };
  }
  return { body, files, problems: validator.body(route.path, route.method, 'multipart/form-data', body) };
}

export function problemsAnswer(family: Family, route: Route, problems: Problem[]): Answer | undefined {
  if (problems.length === 0) return undefined;
  const named = problems
    .map((p) => {
      const entry = route.fieldCodes.get(p.top);
      const missing = p.field === p.top && p.text.endsWith(`${p.field}: is required`);
      return entry && (!missing || entry.absent) ? entry : undefined;
    })
    .find(Boolean);
  const code = named ?? route.genericParameterCode;
  return failure(family, code.code, `${code.message}: ${problems.map((p) => p.text).join('; ')}`);
}
