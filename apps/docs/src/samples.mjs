// The code samples of every operation (Redoc's `x-codeSamples`), made from the bundled spec's first named request
// example (or its parameters' examples): a TypeScript sample with @org/nxwa-client and a shell sample that signs
// with openssl and sends with curl. Both read NXCLOUD_ACCESS_KEY, NXCLOUD_ACCESS_SECRET and, for the local mock,
// NXCLOUD_BASE_URL; the tests run every one of them against the mock, and type-check the TypeScript.
import { requestExampleCases } from '@org/nxwa-spec/examples';

const METHODS = ['get', 'put', 'post', 'delete'];
const FACTORIES = {
  'api2.nxcloud.com': ['createApi2Client', 'api2'],
  'api.nxcloud.com': ['createSaasClient', 'saas'],
  'api-idn.nxlink.ai': ['createIdnClient', 'idn'],
  'api-hk.nxlink.ai': ['createHkClient', 'hk'],
};
// A file part's name on disk, by its media type (the example only says what it is).
const FILE_NAMES = {
  'image/jpeg': 'photo.jpg',
  'image/png': 'image.png',
  'application/pdf': 'document.pdf',
  'video/mp4': 'video.mp4',
};
export const fileNameOf = (type) => FILE_NAMES[type] ?? 'media.bin';

/** Code to put in a literal as it is (a file read, say), not as a string. */
class Code {
  constructor(code) {
    this.code = code;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const tsString = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
/** A value as a TypeScript literal: unquoted keys where they can be, single-quoted strings. */
export function literal(value, indent = '', multiline = false) {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const key = (k) => (IDENTIFIER.test(k) ? k : tsString(k));
    // Small flat objects on one line, as one would write them.
    const flat = `{ ${entries.map(([k, v]) => `${key(k)}: ${v instanceof Code ? v.code : literal(v, inner)}`).join(', ')} }`;
    if (
      !multiline &&
      flat.length + indent.length <= 90 &&
      !flat.includes('\n') &&
      !entries.some(([, v]) => v && typeof v === 'object' && !(v instanceof Code) && Object.keys(v).length > 2)
    )
      return flat;
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${v instanceof Code ? v.code : literal(v, inner)},`).join('\n')}\n${indent}}`;
  }
  return typeof value === 'string' ? tsString(value) : JSON.stringify(value);
}
/** A word for the shell, single-quoted. */
export const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

const deref = (doc, schema) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);
/** The multipart fields that carry a file (`format: binary`). */
function fileFields(doc, op, mediaType) {
  const schema = deref(doc, op.requestBody?.content?.[mediaType]?.schema);
  return Object.entries(schema?.properties ?? {})
    .filter(([, p]) => p.format === 'binary' || p.contentMediaType)
    .map(([name]) => name);
}

function typescriptSample({ host, doc, method, path, params, body, mediaType, files }) {
  const [factory, client] = FACTORIES[host] ?? ['createNxcloudClient', 'client'];
  const create = FACTORIES[host] ? `${factory}({` : `${factory}(${tsString(host)}, {`;
  const imports = [`import { ${factory} } from '@org/nxwa-client';`];
  const options = {};
  const hasParams = (p) => Object.keys(p ?? {}).length > 0;
  if (hasParams(params.path) || hasParams(params.query)) {
    options.params = {};
    if (hasParams(params.path)) options.params.path = params.path;
    if (hasParams(params.query)) options.params.query = params.query;
  }
  if (body !== undefined) {
    options.body = { ...body };
    for (const name of files) {
      const type = body.type ?? 'application/octet-stream';
      options.body[name] = new Code(`await openAsBlob(${tsString(fileNameOf(type))}, { type: ${tsString(type)} })`);
    }
    if (files.length) imports.push(`import { openAsBlob } from 'node:fs';`);
  }
  return `${imports.sort().join('\n')}

// NXCLOUD_BASE_URL: leave it unset for ${doc.servers[0].url}; http://127.0.0.1:<port> for the local mock.
const ${client} = ${create}
  accessKey: process.env['NXCLOUD_ACCESS_KEY']!,
  accessSecret: process.env['NXCLOUD_ACCESS_SECRET']!,
  baseUrl: process.env['NXCLOUD_BASE_URL'],
});

const { data, error } = await ${client}.${method.toUpperCase()}(${tsString(path)}${Object.keys(options).length ? `, ${literal(options, '', true)}` : ''});
if (error) throw error; // NxcloudError: code, message, meaning, remedy, retryable
console.log(data);
`;
}

function shellSample({ doc, method, path, params, body, mediaType, files, op }) {
  const url = `${path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params.path[name])))}${
    Object.keys(params.query ?? {}).length
      ? `?${new URLSearchParams(Object.entries(params.query).map(([k, v]) => [k, String(v)]))}`
      : ''
  }`;
  const json = body !== undefined && mediaType === 'application/json';
  const headers = `accessKey=$NXCLOUD_ACCESS_KEY&action=${op['x-nxcloud-action']}&bizType=${op['x-nxcloud-biz-type'] ?? 2}&ts=$TS`;
  const lines = [
    `BASE_URL="\${NXCLOUD_BASE_URL:-${doc.servers[0].url}}"`,
    ...(json ? [`BODY=${shellQuote(JSON.stringify(body))}   # the exact text sent, and signed`] : []),
    `TS="$(date +%s)000"   # now, in milliseconds`,
    `# sign = md5 of the headers but sign (ASCII order)${json ? ', the body text' : ''} and the secret, which is never sent${json ? '' : `;\n# ${body === undefined ? 'a request without a body' : 'a multipart/form-data request'} signs no body`}`,
    `SIGN="$(printf '%s' "${headers}${json ? '&body=$BODY' : ''}&accessSecret=$NXCLOUD_ACCESS_SECRET" | openssl dgst -md5 -r | cut -d' ' -f1)"`,
  ];
  const curl = [`curl -sS -X ${method.toUpperCase()} "$BASE_URL${url}"`];
  if (json) curl.push(`-H 'Content-Type: application/json'`);
  curl.push(`-H "accessKey: $NXCLOUD_ACCESS_KEY" -H "ts: $TS" -H "sign: $SIGN"`);
  curl.push(`-H 'bizType: ${op['x-nxcloud-biz-type'] ?? 2}' -H 'action: ${op['x-nxcloud-action']}'`);
  if (json) curl.push(`--data-raw "$BODY"`);
  if (body !== undefined && !json) {
    for (const [name, value] of Object.entries(body)) {
      if (files.includes(name)) {
        const type = body.type ?? 'application/octet-stream';
        curl.push(`-F ${shellQuote(`${name}=@${fileNameOf(type)};type=${type}`)}`);
      } else curl.push(`-F ${shellQuote(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)}`);
    }
  }
  return `${lines.join('\n')}\n${curl.join(' \\\n  ')}\n`;
}

/**
 * The samples of every operation of a host's bundled spec, keyed `method path`: the first named request example
 * of each (or the parameters' examples of a bodiless one).
 */
export function samplesOf(host, doc) {
  const cases = requestExampleCases([host]);
  const samples = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method];
      const c = cases.find((x) => x.method === method && x.path === path);
      if (!c)
        throw new Error(
          `${host} ${method.toUpperCase()} ${path}: no request example to make its code samples from; add a named example to the spec.`,
        );
      const files = c.body !== undefined && c.mediaType !== 'application/json' ? fileFields(doc, op, c.mediaType) : [];
      const input = { host, doc, method, path, op, params: c.params, body: c.body, mediaType: c.mediaType, files };
      samples.set(`${method} ${path}`, {
        operationId: op.operationId,
        example: c.name,
        files: files.map(() => fileNameOf(c.body.type ?? 'application/octet-stream')),
        typescript: typescriptSample(input),
        shell: shellSample(input),
      });
    }
  }
  return samples;
}

/** A copy of the spec with `x-codeSamples` on every operation (the spec's own samples, if any, come first). */
export function withCodeSamples(host, doc) {
  const copy = structuredClone(doc);
  for (const [key, s] of samplesOf(host, doc)) {
    const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    const op = copy.paths[path][method];
    op['x-codeSamples'] = [
      ...(op['x-codeSamples'] ?? []),
      { lang: 'TypeScript', label: 'TypeScript', source: s.typescript },
      { lang: 'curl', label: 'curl', source: s.shell },
    ];
  }
  return copy;
}
