// Cassettes: HAR 1.2 files (one per host, `<dir>/<host>.har`) that browsers' dev tools, `redocly drift` and other
// HAR tools read. Each entry is one exchange with the upstream, redacted as it is written, and carries what replay
// matches on in the custom field `_nxwa` (HAR's extension rule: a leading underscore). A cassette is read back only
// if it is valid against the HAR JSON Schema (`har-schema`, the schema `har-validator` checks with) and was written
// by nxwa-mock for a host and operations this mock knows: anything else fails the start, naming the file.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import type { Entry, Har, Header } from 'har-format';
import harSchemas from 'har-schema';
import { addFormats, newAjv } from '../checks/ajv.cjs';
import { maskKnownNumbers, type RedactOptions, redactJson, redactPair } from './redact.js';
import type { UpstreamAnswer } from './upstream.js';

export const CREATOR = 'nxwa-mock';

/** What replay matches a request on, kept with each entry. */
export interface EntryKey {
  host: string;
  operationId: string;
  /** Method, redacted path and query, and the redacted body without `ts` and `sign`: see {@link requestKey}. */
  key: string;
  /** Whether the recording kept phone numbers whole (`--keep-recipients`): the key was made the same way. */
  keepRecipients: boolean;
}

export type NxwaEntry = Entry & { _nxwa: EntryKey };

/** One request as the proxy saw it (its raw bytes) and as its route reads it. */
export interface SeenRequest {
  method: string;
  /** The request target as sent (`/api/wa/mt?x=1`). */
  target: string;
  rawHeaders: string[];
  body: Buffer;
  httpVersion: string;
}

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
};

/** The path and query with secrets and phone numbers masked (the path's `{phone}` parameters by name). */
function redactTarget(target: string, pathNames: Record<string, string>, options: RedactOptions): string {
  const url = new URL(`http://x${target}`);
  let path = url.pathname;
  for (const [name, value] of Object.entries(pathNames)) {
    const shown = redactPair(name, value, options);
    if (shown !== value) path = path.split(encodeURIComponent(value)).join(encodeURIComponent(shown));
  }
  const query = new URLSearchParams();
  for (const [name, value] of url.searchParams) query.append(name, redactPair(name, value, options));
  const q = query.toString();
  return `${path}${q ? `?${q}` : ''}`;
}

/**
 * What replay matches on: the operation, the redacted path and query, and the body redacted as the cassette keeps
 * it without `ts` and `sign` (the signature and its time change with every send). A body that is not JSON (an
 * upload) is matched by its operation and path alone.
 */
export function requestKey(
  request: Pick<SeenRequest, 'method' | 'target' | 'body'>,
  pathNames: Record<string, string>,
  options: RedactOptions,
): string {
  const parsed = parseJson(request.body);
  let body = '';
  if (parsed !== undefined) {
    const redacted = redactJson(parsed, options);
    if (redacted && typeof redacted === 'object' && !Array.isArray(redacted)) {
      const { ts: _ts, sign: _sign, ...rest } = redacted as Record<string, unknown>;
      body = JSON.stringify(rest);
    } else body = JSON.stringify(redacted);
  }
  const key = `${request.method.toUpperCase()} ${redactTarget(request.target, pathNames, options)} ${body}`;
  return options.numbers ? maskKnownNumbers(key, options.numbers) : key;
}

const isText = (mime: string) => /json|^text\/|xml|x-www-form-urlencoded/i.test(mime) || mime === '';

/** One exchange as a HAR entry, redacted: no secret, no signature, no whole phone number (unless kept). */
export function harEntry(
  upstream: URL,
  request: SeenRequest,
  answer: UpstreamAnswer,
  match: { host: string; operationId: string; pathNames: Record<string, string> },
  options: Pick<RedactOptions, 'keepRecipients'>,
): NxwaEntry {
  const numbers = new Set<string>();
  const o: RedactOptions = { ...options, numbers };
  const headerPairs = (raw: string[]) => {
    const out: Header[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i], value: redactPair(raw[i], raw[i + 1], o) });
    return out;
  };
  const header = (name: string) =>
    request.rawHeaders.find((_, i) => i % 2 === 0 && request.rawHeaders[i].toLowerCase() === name) === undefined
      ? undefined
      : request.rawHeaders[request.rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name) + 1];
  const requestJson = parseJson(request.body);
  const requestMime = header('content-type') ?? '';
  const answerMime = answer.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const answerJson = parseJson(answer.decoded);
  const target = redactTarget(request.target, match.pathNames, o);
  const url = new URL(`${upstream.origin}${upstream.pathname.replace(/\/$/, '')}${target}`);
  const { start, firstByte, end } = answer.timings;
  const entry: NxwaEntry = {
    startedDateTime: new Date(start).toISOString(),
    time: end - start,
    request: {
      method: request.method.toUpperCase(),
      url: url.href,
      httpVersion: `HTTP/${request.httpVersion}`,
      cookies: [],
      headers: headerPairs(request.rawHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body.length > 0
        ? {
            postData: {
              mimeType: requestMime,
              // A body that is not JSON (an upload) is not kept: it may hold anything.
              text: requestJson === undefined ? '' : JSON.stringify(redactJson(requestJson, o)),
              ...(requestJson === undefined ? { comment: `${request.body.length} bytes, not recorded` } : {}),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: request.body.length,
    },
    response: {
      status: answer.status,
      statusText: answer.statusText,
      httpVersion: answer.httpVersion,
      cookies: [],
      // The body is kept decoded, so the encoding and the length of the bytes sent are not the kept body's.
      headers: headerPairs(
        answer.headers
          .filter(([n]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(n))
          .flat() as string[],
      ),
      content:
        answerJson !== undefined
          ? { size: answer.decoded.length, mimeType: answerMime, text: JSON.stringify(redactJson(answerJson, o)) }
          : isText(answerMime)
            ? { size: answer.decoded.length, mimeType: answerMime, text: answer.decoded.toString('utf8') }
            : {
                size: answer.decoded.length,
                mimeType: answerMime,
                text: answer.decoded.toString('base64'),
                encoding: 'base64',
              },
      redirectURL: '',
      headersSize: -1,
      bodySize: answer.raw.length,
    },
    cache: {},
    timings: { send: 0, wait: firstByte - start, receive: end - firstByte },
    _nxwa: {
      host: match.host,
      operationId: match.operationId,
      key: requestKey(request, match.pathNames, { ...o, numbers: new Set() }),
      keepRecipients: options.keepRecipients,
    },
  };
  // A number masked under one name is masked wherever else it appears (a recipient echoed in a message text).
  return numbers.size === 0 ? entry : JSON.parse(maskKnownNumbers(JSON.stringify(entry), numbers));
}

/** A cassette being recorded: the whole file rewritten (to a temporary file, then renamed) after every exchange, so
 * that it is a complete HAR file whenever the process stops. */
export function createCassetteWriter(dir: string, host: string, version: string) {
  const file = join(dir, `${host}.har`);
  const entries: NxwaEntry[] = [];
  return {
    file,
    add(entry: NxwaEntry): void {
      entries.push(entry);
      const har: Har = {
        log: { version: '1.2', creator: { name: CREATOR, version }, entries, comment: `Recorded from ${host}` },
      };
      writeFileSync(`${file}.tmp`, `${JSON.stringify(har, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    },
    get size(): number {
      return entries.length;
    },
  };
}

let harValidator: ReturnType<Ajv['compile']> | undefined;

/** The HAR 1.2 JSON Schema (`har-schema`'s), compiled once. */
function validateHar(value: unknown): string | undefined {
  if (!harValidator) {
    const ajv = newAjv({ strict: false, allErrors: false });
    ajv.addMetaSchema(draft06);
    addFormats(ajv);
    for (const schema of Object.values(harSchemas as Record<string, object>)) ajv.addSchema(schema);
    harValidator = ajv.getSchema('har.json')!;
  }
  if (harValidator(value)) return undefined;
  const e = harValidator.errors?.[0];
  return e ? `${e.instancePath || '(the file)'} ${e.message}` : 'not a HAR document';
}

/** Every entry of the cassettes in a folder; an Error naming the file for anything that is not a cassette of ours. */
export function readCassettes(
  dir: string,
  knows: (host: string, operationId: string) => boolean,
): { file: string; entries: NxwaEntry[] }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${JSON.stringify(dir)} is not a folder`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.har'))
    .sort();
  if (files.length === 0) throw new Error(`${JSON.stringify(dir)} holds no cassette (*.har file)`);
  return files.map((name) => {
    const file = join(dir, name);
    const fail = (why: string): never => {
      throw new Error(`cassette ${file}: ${why}`);
    };
    let har: any;
    try {
      har = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`is not JSON (${(error as Error).message})`);
    }
    const invalid = validateHar(har);
    if (invalid) fail(`is not a valid HAR 1.2 file: ${invalid}`);
    if (har.log.creator?.name !== CREATOR)
      fail(`was written by ${JSON.stringify(har.log.creator?.name)}, not by ${CREATOR} --record`);
    for (const [i, e] of (har.log.entries as any[]).entries()) {
      const k = e._nxwa;
      if (typeof k?.host !== 'string' || typeof k.operationId !== 'string' || typeof k.key !== 'string')
        fail(`entry ${i} has no _nxwa {host, operationId, key}`);
      if (!knows(k.host, k.operationId)) fail(`entry ${i}: ${k.host} has no operation ${k.operationId}`);
    }
    return { file, entries: har.log.entries as NxwaEntry[] };
  });
}
