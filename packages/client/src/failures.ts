// What is needed to build the error of a failed call, loaded on the first failure only (with the error texts),
// so that the runtime entry stays small.
import {
  classifyCode,
  codesOf,
  type DocumentedCode,
  type ErrorCategory,
  loadTexts,
  type MetaErrorDetails,
  NxcloudError,
  opKey,
} from './errors.js';
import { operationTable } from './generated/operations.js';
import { mayRetry, networkOutcome, type Outcome, statusOutcome, transientNetwork, transientStatus } from './retry.js';

export { retryDelay } from './backoff.js';

/** What the specs say of `code` for this operation (or, failing that, for another operation of the host). */
export async function describeCode(host: string, key: string, code: number): Promise<DocumentedCode | undefined> {
  const found = classifyCode(host, key, code);
  if (!found) return undefined;
  const [meaning, remedy] = (await loadTexts())[found.index];
  return { code, meaning, remedy, category: found.category, retryable: found.retryable };
}

/** `: <the server's message>` from an error answer (an envelope's `message`, a problem's `detail`, short text). */
export function serverMessage(body: unknown): string {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {}
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const message = [record.message, record.detail, record.title, record.error, value].find(
    (m): m is string => typeof m === 'string' && m.trim() !== '',
  );
  return message ? `: ${message.trim().slice(0, 300)}` : '';
}

/**
 * How an HTTP failure status is labelled, whatever body it carries: 408, 429 and 5xx can pass; 401/403 are the
 * credentials; 404/405 mean the client is pointed at the wrong place; any other 4xx, the request.
 */
export function httpLabels(status: number): {
  category: ErrorCategory;
  transient: boolean;
  outcome: Outcome;
  remedy?: string;
} {
  const transient = transientStatus(status);
  const outcome = statusOutcome(status);
  if (transient)
    return {
      category: 'transient',
      transient,
      outcome,
      remedy:
        outcome === 'unknown'
          ? 'Try again later. A send may have gone out: look for it (its callbacks, its cus_message_id) before sending it again.'
          : 'NxCloud is throttling the account: wait as Retry-After says, then try again.',
    };
  if (status === 401 || status === 403)
    return { category: 'auth', transient, outcome, remedy: 'Check accessKey and accessSecret.' };
  if (status === 404 || status === 405)
    return {
      category: 'config',
      transient,
      outcome,
      remedy: "Check baseUrl: the host's address (e.g. https://api2.nxcloud.com), without a path of its own.",
    };
  return { category: 'parameter', transient, outcome };
}

/** The error for an envelope whose `code` is not 0, on HTTP 200: NxCloud answered that the call failed. */
export async function apiError(
  host: string,
  operation: string,
  body: { code: number; message?: unknown; traceId?: unknown; data?: any },
  status?: number,
): Promise<NxcloudError> {
  const known = await describeCode(host, opKey(operation), body.code);
  const meta: MetaErrorDetails | undefined =
    body.code === 9099 && body.data && typeof body.data.error === 'object' ? body.data.error : undefined;
  const serverMessage =
    typeof body.message === 'string' && body.message ? body.message : (known?.meaning ?? 'no message');
  return new NxcloudError({
    kind: 'api',
    code: body.code,
    message: `${operation} failed with code ${body.code}: ${serverMessage}${meta?.message ? ` (Meta: ${meta.message})` : ''}`,
    traceId: traceIdOf(body),
    meta,
    status,
    operation,
    host,
    category: known?.category ?? 'business',
    // The server answered that it did not carry the call out: the policy's verdict is the code's own.
    retryable: mayRetry(known?.retryable ?? false, 'not-carried-out', false),
    outcome: 'not-carried-out',
    meaning: known?.meaning ?? 'This code is not documented for the operation.',
    remedy: known?.remedy,
  });
}

/**
 * The error for an HTTP failure status: labelled by the status, whatever it carries. An NxCloud envelope's code,
 * message and traceId are kept; its documented meaning and remedy only on a status that says nothing by itself
 * (400, 409, 422…), since a 429 or 503 carrying -1 is no business failure.
 */
export async function httpError(
  host: string,
  operation: string,
  status: number,
  body: unknown,
  resendable: boolean,
): Promise<NxcloudError> {
  const { transient, outcome, category, remedy } = httpLabels(status);
  const envelope = isEnvelope(body) ? body : undefined;
  const known =
    envelope && category === 'parameter' ? await describeCode(host, opKey(operation), envelope.code) : undefined;
  return new NxcloudError({
    kind: 'http',
    status,
    code: envelope?.code,
    traceId: traceIdOf(envelope),
    message: `${operation} answered HTTP ${status}${envelope ? ` with code ${envelope.code}` : ''}${serverMessage(body).replace(/\.$/, '')}.`,
    operation,
    host,
    category: known?.category ?? category,
    retryable: mayRetry(transient, outcome, resendable),
    outcome,
    meaning: known?.meaning,
    remedy: known?.remedy ?? remedy,
  });
}

/**
 * A request that got no answer: the message names the address and the cause (e.g. ECONNREFUSED 127.0.0.1:4010).
 * `resendable`: the operation may be tried again after a failure that may have been carried out.
 */
export function networkFailure(
  host: string,
  operation: string,
  url: string,
  cause: unknown,
  resendable: boolean,
): NxcloudError {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof inner?.code === 'string' ? inner.code : '';
  const detail = typeof inner?.message === 'string' ? inner.message : ((cause as Error)?.message ?? String(cause));
  const transient = transientNetwork(code);
  const outcome = networkOutcome(code);
  return new NxcloudError({
    kind: 'network',
    message: `${operation} got no answer from ${url}: ${detail}.`,
    operation,
    host,
    cause,
    // A host name that does not resolve is a set-up mistake (a wrong baseUrl), not bad luck.
    category: transient ? 'transient' : 'config',
    retryable: mayRetry(transient, outcome, resendable),
    outcome,
  });
}

const traceIdOf = (body?: { traceId?: unknown }) => (typeof body?.traceId === 'string' ? body.traceId : undefined);

const isEnvelope = (v: unknown): v is { code: number; message?: unknown; data?: unknown; traceId?: unknown } =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'number';

/**
 * The result of a call whose answer is not a plain success: `read` is what the transport parsed, if it did (it does
 * not for a non-200 answer, handed on as a copy, nor for a response a middleware replaced).
 */
export async function resultOf(
  host: string,
  operation: string,
  response: Response,
  read: { json: unknown } | { error: unknown } | undefined,
  resendable: boolean,
): Promise<{ data?: unknown; error?: NxcloudError; traceId?: string; response: Response }> {
  let text = '';
  if (!read) {
    text = await response.text();
    try {
      read = { json: JSON.parse(text) };
    } catch (error) {
      read = { error };
    }
  }
  if ('error' in read && response.ok) {
    return {
      error: new NxcloudError({
        kind: 'invalid-response',
        status: response.status,
        message: `${operation} answered with a body that is not JSON.`,
        operation,
        host,
        cause: read.error,
      }),
      response,
    };
  }
  const envelope = 'json' in read ? read.json : undefined;
  if (!response.ok)
    return {
      error: await httpError(host, operation, response.status, envelope ?? text, resendable),
      traceId: traceIdOf(envelope as { traceId?: unknown }),
      response,
    };
  if (!isEnvelope(envelope)) {
    return {
      error: new NxcloudError({
        kind: 'invalid-response',
        status: response.status,
        message: `${operation} answered without the {code, message, data} envelope.`,
        operation,
        host,
      }),
      response,
    };
  }
  const traceId = traceIdOf(envelope);
  if (envelope.code === 0) return { data: envelope.data, traceId, response };
  return { error: await apiError(host, operation, envelope, response.status), traceId, response };
}

/**
 * Every code the specs document for an operation (`"POST /api/wa/mt"` or `"post /api/wa/mt"`, as in
 * `error.operation`), with its meaning and remedy. Throws for a host or operation the specs do not have.
 */
export async function documentedCodes(host: string, key: string): Promise<DocumentedCode[]> {
  const operations = operationTable[host];
  if (!operations)
    throw new Error(
      `documentedCodes: host ${JSON.stringify(host)} is unknown: expected one of ${Object.keys(operationTable).join(', ')}.`,
    );
  if (!operations[opKey(key)])
    throw new Error(
      `documentedCodes: ${JSON.stringify(key)} is not an operation of ${host}: expected "<METHOD> <path>", one of ${Object.keys(operations).join(', ')}.`,
    );
  const texts = await loadTexts();
  return codesOf(host, key).map(({ code, category, retryable, index }) => ({
    code,
    meaning: texts[index][0],
    remedy: texts[index][1],
    category,
    retryable,
  }));
}
