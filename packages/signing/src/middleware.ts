import { SigningError } from './errors.js';
import type { OperationSigning } from './fetch.js';

/** An operation's entry in the table generated from a spec: `"<method> <path>"` → its signing headers. */
export type OperationTable = Readonly<Record<string, OperationSigning & { operationId?: string }>>;

/**
 * The part of an `openapi-fetch` middleware this package implements, written out so that its types need no
 * openapi-fetch (an optional peer): it is accepted by `client.use()`.
 */
export interface OperationHeadersMiddleware {
  onRequest(context: { request: Request; schemaPath: string }): Request;
}

/**
 * An `openapi-fetch` middleware that puts each operation's `action` and `bizType` headers on its request, from the
 * table generated from the spec's `x-nxcloud-action` and `x-nxcloud-biz-type`. Pair it with
 * {@link createSignedFetch}, which signs each attempt.
 */
export function operationHeaders(table: OperationTable): OperationHeadersMiddleware {
  return {
    onRequest({ request, schemaPath }) {
      const key = `${request.method.toLowerCase()} ${schemaPath}`;
      const operation = table[key];
      if (!operation) {
        throw new SigningError(
          'missing-operation',
          `No operation ${request.method} ${schemaPath} in the signing table: expected one of the spec's operations.`,
        );
      }
      request.headers.set('action', operation.action);
      request.headers.set('bizType', operation.bizType);
      return request;
    },
  };
}
