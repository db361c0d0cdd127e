// The common headers every operation takes (1001 when one is missing), and the operation's own bizType and action
// (1002), as the real servers check them.

import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, type Family, failure } from '../http/answer.js';
import type { Route } from '../http/routes.js';

const COMMON = ['accessKey', 'ts', 'bizType', 'action', 'sign'];

export function checkCommonHeaders(family: Family, headers: IncomingHttpHeaders): Answer | undefined {
  for (const name of COMMON) {
    if (!headers[name.toLowerCase()])
      return failure(family, 1001, `Missing parameters: the ${name} header is missing.`);
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
 * Seed 003 gives every api-hk.nxlink.ai call `Content-Type: application/json`, bodiless GET and DELETE included. A
 * wrong type there is 1003 like on a body; a missing one is accepted (a bodiless request has nothing to type, and
 * no document says its absence is refused).
 */
const BODILESS_CONTENT_TYPE: Record<string, string> = { 'api-hk.nxlink.ai': 'application/json' };

export function checkContentType(
  host: string,
  family: Family,
  route: Route,
  contentType: string | undefined,
): Answer | undefined {
  if (route.mediaTypes.length > 0) {
    const wantsJson = route.mediaTypes.includes('application/json');
    const isJson = /^application\/json\b/i.test(contentType ?? '');
    const isMultipart = /^multipart\/form-data\b/i.test(contentType ?? '');
    if ((wantsJson && !isJson) || (!wantsJson && !isMultipart)) return wrongType(family, route.mediaTypes.join(' or '));
    return undefined;
  }
  const wanted = BODILESS_CONTENT_TYPE[host];
  if (wanted && contentType && contentType.split(';')[0].trim().toLowerCase() !== wanted)
    return wrongType(family, wanted);
  return undefined;
}

const wrongType = (family: Family, wanted: string) =>
  failure(family, 1003, `Invalid signature: the Content-Type must be ${wanted} for this operation.`);
