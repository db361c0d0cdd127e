// What every stage may answer with, and NxCloud's envelope for the mock's own answers.
import type { ServerResponse } from 'node:http';

export interface Answer {
  status: number;
  /** The NxCloud code in the body, when known (logged). */
  code?: number;
  /** Text, or bytes (a media download). */
  body: string | Uint8Array;
  contentType?: string;
  /** More headers of the answer (Retry-After, …). */
  headers?: Record<string, string>;
}

/** api2 answers `{ code, message, data }`; the SaaS hosts add a `traceId`. */
export type Family = 'classic' | 'saas';

export const familyOf = (host: string): Family => (host === 'api2.nxcloud.com' ? 'classic' : 'saas');

export function envelope(family: Family, code: number, message: string): string {
  return JSON.stringify({
    code,
    message,
    data: null,
    ...(family === 'saas' ? { traceId: `mock-${Date.now().toString(16)}` } : {}),
  });
}

/** A documented failure: HTTP 200 with NxCloud's envelope, as the real servers answer. */
export const failure = (family: Family, code: number, message: string): Answer => ({
  status: 200,
  code,
  body: envelope(family, code, message),
});

// The headers writeAnswer sets itself, in place of an answer's own.
const SET_HERE = new Set(['content-length', 'content-type', 'connection']);

/** Writes an answer, unless a response was already started. */
export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.headersSent) return;
  // Sized, not chunked: one frame less to write and to parse (a 204 has no body to size). Given as one flat list of
  // names and values, which Node writes without walking an object.
  const headers: (string | number)[] = [];
  if (answer.headers)
    for (const name in answer.headers) if (!SET_HERE.has(name)) headers.push(name, answer.headers[name]);
  if (answer.status !== 204)
    headers.push(
      'content-length',
      typeof answer.body === 'string' ? Buffer.byteLength(answer.body) : answer.body.byteLength,
    );
  headers.push('content-type', answer.contentType ?? 'application/json');
  // A body too large may not have been read to its end (see onBody): the connection cannot carry another request.
  headers.push('connection', answer.status === 413 ? 'close' : 'keep-alive');
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
