// A template send checked against the account's sandbox templates, as the real server checks it against the
// account's approved ones: a template the store does not have (by name, language and sender number), or has not
// approved yet, gets the documented code (api2: 10005). Only once the account has created a template for that
// sender number in the sandbox — until then any name is taken, so that the documents' examples work as written — or always with
// `strictTemplates`.
import { type Answer, failure } from '../../http/answer.js';
import type { SandboxRequest } from '../request.js';
import type { TemplateStore } from './store.js';

/** The documented code of a template that does not exist or is not usable, per host and send operation. */
const NOT_FOUND: Record<string, Record<string, number>> = {
  'api2.nxcloud.com': { sendMessage: 10005 },
};

export function templateSendRefusal(
  req: SandboxRequest,
  templates: TemplateStore,
  strict: boolean,
): Answer | undefined {
  const code = NOT_FOUND[req.host]?.[req.route.op.operationId as string];
  if (code === undefined || req.body?.type !== 'template') return undefined;
  const host = req.host as 'api2.nxcloud.com';
  const name = req.body.template?.name;
  const language = req.body.template?.language?.code;
  const phone = req.body.business_phone;
  if (!strict && templates.list(host, req.accessKey, { phone }).length === 0) return undefined;
  const found = templates
    .list(host, req.accessKey, { name, phone })
    .filter((t) => language === undefined || t.language === language);
  const message = req.route.documentedMessage(code) ?? 'Template does not exist';
  const which = `template ${JSON.stringify(name)}${language ? ` (${language})` : ''} of business_phone ${JSON.stringify(phone)}`;
  if (found.length === 0)
    return failure(req.family, code, `${message}: the sandbox has no ${which}; create it with createTemplate first`);
  if (!found.some((t) => t.status === 'APPROVED'))
    return failure(req.family, code, `${message}: the sandbox's ${which} is ${found[0].status}, not APPROVED yet`);
  return undefined;
}
