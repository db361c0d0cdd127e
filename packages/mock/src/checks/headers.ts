// The common headers every operation takes (1001 when one is missing), and the operation's own bizType and action
// (1002), as the real servers check them.

import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, type Family, failure } from '../http/answer.js';
import type { Spec } from '../http/hosts.js';
import type { Route } from '../http/routes.js';
import { lowercaser } from '../http/texts.js';

/** The headers every operation takes: the spec's header security schemes, in the order its `security` lists them. */
export function commonHeaders(spec: Spec): string[] {
  const schemes = (spec.components?.securitySchemes ?? {}) as Record<string, { in?: string; name?: string }>;
  const required = (spec.security as Record<string, unknown>[] | undefined)?.flatMap((s) => Object.keys(s)) ?? [];
  return required
    .map((key) => schemes[key])
    .filter((s) => s?.in === 'header' && s.name)
    .map((s) => s.name!);
}

// Node keys headers in lower case: each name the spec gives is lowercased once, not on every request.
const lowerOf = lowercaser();

export function checkCommonHeaders(
  family: Family,
  headers: IncomingHttpHeaders,
  common: readonly string[],
): Answer | undefined {
  for (const name of common) {
    if (!headers[lowerOf(name)]) return failure(family, 1001, `Missing parameters: the ${name} header is missing.`);
  }
  return undefined;
}

export function checkOperationHeaders(family: Family, route: Route, headers: IncomingHttpHeaders): Answer | undefined {
  const bizType = route.op['x-nxcloud-biz-type'];
  const action = route.op['x-nxcloud-action'];
  if (headers.biztype === bizType && headers.action === action) return undefined;
  return failure(
    family,
    1002,
    `Parameter error: ${route.method.toUpperCase()} ${route.path} takes bizType "${bizType}" and action "${action}"; got bizType "${headers.biztype}" and action "${headers.action}".`,
  );
}

/**
 * A body's Content-Type must be one of the operation's media types; a bodiless operation whose spec gives
 * `x-nxcloud-content-type` must carry that one when it carries any (a missing one is accepted: a bodiless request
 * has nothing to type, and no document says its absence is refused). Either mistake fails the signature (1003).
 */
export function checkContentType(family: Family, route: Route, contentType: string | undefined): Answer | undefined {
  if (route.mediaTypes.length > 0) {
    const wantsJson = route.mediaTypes.includes('application/json');
    const isJson = /^application\/json\b/i.test(contentType ?? '');
    const isMultipart = /^multipart\/form-data\b/i.test(contentType ?? '');
    if ((wantsJson && !isJson) || (!wantsJson && !isMultipart))
      return wrongType(family, route, route.mediaTypes.join(' or '));
    return undefined;
  }
  const wanted = route.bodilessContentType;
  if (wanted && contentType && contentType.split(';')[0].trim().toLowerCase() !== wanted.toLowerCase())
    return wrongType(family, route, wanted);
  return undefined;
}

const wrongType = (family: Family, route: Route, wanted: string) =>
  failure(
    family,
    1003,
    `${route.documentedMessage(1003) ?? 'Invalid signature'}: the Content-Type must be ${wanted} for this operation.`,
  );
