// Reading a request: its body up to a limit, and a multipart body into its fields.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import busboy from 'busboy';

/** A failure that has its own HTTP status (and NxCloud code, when there is one). */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How far past the limit a body is still read (and dropped) before it is refused: the sender, still sending, then
 * gets the 413. A connection closed with bytes it has not read is reset, and the answer is lost with it.
 */
const DRAINED_BYTES = 64 * 1024 * 1024;

/**
 * Reads a body up to `limit` bytes and calls `done` once, with the body or why there is none: no promise, so that a
 * request's answer can be written in the same turn as its last chunk arrives. A body past the limit is refused when
 * it ends, or once `drained` bytes more have come.
 */
export function onBody(
  req: IncomingMessage,
  limit: number,
  done: (error: Error | null, raw?: Buffer) => void,
  drained = DRAINED_BYTES,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  // `done` is called once: an error after the end (or after the body was refused) is not a second outcome.
  let settled = false;
  const refuse = () => {
    settled = true;
    done(new HttpFailure(413, undefined, `The body is larger than the mock's limit of ${limit} bytes.`));
    req.resume();
  };
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (!over && size > limit) {
      over = true;
      chunks.length = 0;
    }
    if (!over) chunks.push(chunk);
    else if (size - limit > drained) refuse();
  });
  // One chunk is the whole body (Node copies each chunk out of the socket's buffer): no second copy of it.
  req.on('end', () => {
    if (settled) return;
    if (over) return refuse();
    settled = true;
    done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
  });
  req.on('error', (error) => {
    if (settled) return;
    settled = true;
    done(error);
  });
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    onBody(req, limit, (error, raw) => (error ? reject(error) : resolve(raw as Buffer))),
  );
}

/** A file part of a multipart body, as sent. */
export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

/**
 * Parses a multipart/form-data body into its fields (a file stands as a placeholder string, for the validator); the
 * file parts themselves, bytes included, go into `files` when given.
 */
export function parseMultipart(
  headers: IncomingHttpHeaders,
  raw: Buffer,
  limit: number,
  files?: Map<string, UploadedFile>,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers,
        defParamCharset: 'utf8',
        limits: { fileSize: limit, files: 5, fields: 50, parts: 60 },
      });
    } catch (error) {
      return reject(new Error((error as Error).message));
    }
    const fields: Record<string, string> = {};
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (d: Buffer) => {
        size += d.length;
        if (files) chunks.push(d);
      });
      // A part cut short ("Unexpected end of form") errors on its own stream too: unhandled, it would end the process.
      stream.on('error', (error: Error) => reject(new Error(error.message)));
      stream.on('end', () => {
        fields[name] = `<file ${info.filename ?? ''} ${size} bytes>`;
        files?.set(name, { bytes: Buffer.concat(chunks), fileName: info.filename ?? '', mimeType: info.mimeType });
      });
    });
    parser.on('error', (error: Error) => reject(new Error(error.message)));
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}
