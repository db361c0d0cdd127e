// Requests to the mock's own paths are checked against the mock's own API document (spec/mock), with the same
// validator as the hosts' requests: one answer names every field at fault and what was expected.
import { parameterProblems } from '../checks/request.js';
import { createValidator, type Problem, type Validator } from '../checks/validation.js';
import { loadSpec, MOCK_API } from '../http/hosts.js';
import { parseJson, TooDeep } from '../http/json.js';
import { compileRoutes, type Route } from '../http/routes.js';

let compiled: { routes: Route[]; validator: Validator } | undefined;
// Compiled once per process, on first use: every host's port shares it.
const mockApi = () => {
  if (!compiled) {
    const spec = loadSpec(MOCK_API);
    compiled = { routes: compileRoutes(spec), validator: createValidator(MOCK_API, spec) };
  }
  return compiled;
};

/** The operation of the mock's API a request is to, when it documents one. */
export function adminOperation(method: string, path: string): Route | undefined {
  const m = method.toLowerCase();
  return mockApi().routes.find((r) => r.method === m && r.regex.test(path));
}

/**
 * The problems of a request to one of the mock's own paths: its query and path parameters, and its JSON body when
 * the operation takes one (`raw`). `body` is the parsed body.
 */
export function adminProblems(route: Route, url: URL, raw?: Buffer): { problems: Problem[]; body?: unknown } {
  const { validator } = mockApi();
  const problems = parameterProblems(route, validator, url);
  if (route.mediaTypes.length === 0 || raw === undefined) return { problems };
  // A file's bytes (media uploads) are the handler's to read; only JSON bodies are checked here.
  if (!/json/i.test(route.mediaTypes[0] ?? '')) return { problems };
  if (raw.length === 0) return { problems: [...problems, { field: '', top: '', text: '(body): is required' }] };
  let body: unknown;
  try {
    body = parseJson(raw.toString('utf8'));
  } catch (error) {
    if (error instanceof TooDeep)
      return { problems: [...problems, { field: '', top: '', text: `(body): ${error.message}` }] };
    return {
      problems: [...problems, { field: '', top: '', text: `(body): is not valid JSON (${(error as Error).message})` }],
    };
  }
  return { problems: [...problems, ...validator.body(route.path, route.method, route.mediaTypes[0], body)], body };
}
