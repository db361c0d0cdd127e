// What a sandbox handler gets: the checked request, and how to answer in the host's envelope.
import { type Answer, type Family, failure } from '../http/answer.js';
import type { UploadedFile } from '../http/body.js';
import type { Route } from '../http/routes.js';
import type { MessageStore } from './messages/store.js';

export interface SandboxRequest {
  host: string;
  family: Family;
  route: Route;
  url: URL;
  /** The path parameters, decoded. */
  path: Record<string, string>;
  body: Record<string, any> | undefined;
  /** A multipart body's file parts. */
  files?: Map<string, UploadedFile>;
  accessKey: string;
  /** This port's own base URL (`http://127.0.0.1:4010`), for the URLs the sandbox hands out. */
  base: string;
}

/** A success in the host's envelope (api2's documents say "Request successful"; the SaaS hosts' say "" and add a traceId). */
export function success(family: Family, data: unknown): Answer {
  const body =
    family === 'classic'
      ? { code: 0, message: 'Request successful', data }
      : { code: 0, message: '', data, traceId: `mock-${Date.now().toString(16)}` };
  return { status: 200, code: 0, body: JSON.stringify(body) };
}

/** A documented failure code of the operation, with its documented message and what the sandbox found. */
export function documentedFailure(req: SandboxRequest, code: number, detail: string): Answer {
  const entry = (req.route.op['x-nxcloud-errors'] as { code: number; message: string }[] | undefined)?.find(
    (e) => e.code === code,
  );
  // Only codes the operation documents: a mistake here is the mock's, not the caller's.
  if (!entry) throw new Error(`${req.route.method.toUpperCase()} ${req.route.path} does not document code ${code}`);
  return failure(req.family, code, `${entry.message}: ${detail}`);
}

/**
 * A failure because the medium or template named is not in the store. Marked, so that the sandbox can leave a
 * request naming one of the documents' own example IDs to the engine instead (see index.ts).
 */
export function notFound(req: SandboxRequest, code: number, detail: string): Answer & { notFound: true } {
  return { ...documentedFailure(req, code, detail), notFound: true };
}

/**
 * A request naming a message, number or customer the sandbox does not have: the operation's documented code for a
 * bad parameter (the one the mock answers for any bad body of that operation), naming the field. Marked like
 * {@link notFound}, so that the documents' own example values still reach the engine.
 */
export function unknownParameter(req: SandboxRequest, detail: string): Answer & { notFound: true } {
  return notFound(req, req.route.genericParameterCode.code, detail);
}

/** A phone number compared by its digits, as the magic recipients are (`+86 158…` is `86158…`). */
export const digitsOf = (v: unknown) => String(v ?? '').replace(/\D/g, '');

/** Whether the account used a business number: a send from it, or a message received on it. */
export const usedNumber = (messages: MessageStore, accessKey: string, business: string) =>
  messages
    .list({ accessKey })
    .some((m) => (m.direction === 'inbound' ? digitsOf(m.to) === business : digitsOf(m.from) === business));
