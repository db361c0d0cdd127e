// What is needed to build the error of a failed call, loaded on the first failure only (with the error texts),
// so that the runtime entry stays small.
import { describeCode, type ErrorCategory, type MetaErrorDetails, NxcloudError, opKey } from './errors.js';

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

/** How an HTTP error status is labelled: 404/405 mean the client is pointed at the wrong place. */
export function httpLabels(status: number): { category: ErrorCategory; retryable: boolean } {
  if (status === 429 || status >= 500 || status === 408) return { category: 'transient', retryable: true };
  if (status === 401 || status === 403) return { category: 'auth', retryable: false };
  return { category: status === 404 || status === 405 ? 'config' : 'parameter', retryable: false };
}

/** The error for an envelope whose `code` is not 0. */
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
    traceId: typeof body.traceId === 'string' ? body.traceId : undefined,
    meta,
    status,
    operation,
    host,
    // An envelope on an HTTP error status is not the code's usual case: on a 404/405 (e.g. -1 from another host's
    // server) the client is pointed at the wrong place; on any 4xx but 408/429 trying again cannot help.
    category: status === 404 || status === 405 ? 'config' : (known?.category ?? 'business'),
    retryable:
      status !== undefined && status >= 400 && !httpLabels(status).retryable ? false : (known?.retryable ?? false),
    meaning: known?.meaning ?? 'This code is not documented for the operation.',
    remedy: known?.remedy,
  });
}

/** The error for an HTTP error answer without the envelope: labelled by its status, with the server's message. */
export function httpError(host: string, operation: string, status: number, body: unknown): NxcloudError {
  return new NxcloudError({
    kind: 'http',
    status,
    message: `${operation} answered HTTP ${status}${serverMessage(body)}.`,
    operation,
    host,
    ...httpLabels(status),
  });
}

/**
 * A request that got no answer: the message names the address and the cause (e.g. ECONNREFUSED 127.0.0.1:4010).
 * `safeForSends`: the server cannot have acted on it (the connection was refused).
 */
export function networkFailure(
  host: string,
  operation: string,
  url: string,
  cause: unknown,
): { error: NxcloudError; safeForSends: boolean } {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof inner?.code === 'string' ? inner.code : '';
  const detail = typeof inner?.message === 'string' ? inner.message : ((cause as Error)?.message ?? String(cause));
  // A host name that does not resolve is a set-up mistake (a wrong baseUrl), not bad luck.
  const labels =
    code === 'ENOTFOUND' ? { category: 'config', retryable: false } : { category: 'transient', retryable: true };
  return {
    error: new NxcloudError({
      kind: 'network',
      message: `${operation} got no answer from ${url}: ${detail}.`,
      operation,
      host,
      cause,
      ...(labels as { category: ErrorCategory; retryable: boolean }),
    }),
    safeForSends: code === 'ECONNREFUSED',
  };
}

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
  read?: { json: unknown } | { error: unknown },
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
  if (!response.ok && !isEnvelope(envelope))
    return { error: httpError(host, operation, response.status, envelope ?? text), response };
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
  const traceId = typeof envelope.traceId === 'string' ? envelope.traceId : undefined;
  if (envelope.code === 0 && response.ok) return { data: envelope.data, traceId, response };
  return { error: await apiError(host, operation, envelope, response.status), traceId, response };
}
