// POST /__nxwa/templates/{id}/review: ends a template's review now, approved or rejected, as the reviewer would —
// so that a test (or the inspector's page) decides when a template leaves PENDING instead of racing the review time.
import type { Answer } from '../http/answer.js';
import type { MockHost } from '../http/hosts.js';
import type { TemplateHost, TemplateStore } from '../sandbox/templates/store.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const VERDICTS = ['APPROVED', 'REJECTED'] as const;
const TEMPLATE_HOSTS: readonly string[] = ['api2.nxcloud.com', 'api-hk.nxlink.ai'] satisfies TemplateHost[];

/** Answers the review of template `id` of the port's host; body `{ verdict: "APPROVED" | "REJECTED", reason?, host? }`. */
export function answerReview(raw: Buffer, id: string, host: MockHost, templates: TemplateStore): Answer {
  let body: Record<string, unknown>;
  try {
    body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    return json(400, {
      error: 'The body is not valid JSON; expected { "verdict": "APPROVED" | "REJECTED", "reason"? }.',
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return json(400, { error: 'The body must be an object { verdict, reason? }.' });
  const verdict = body.verdict ?? 'APPROVED';
  if (!VERDICTS.includes(verdict as (typeof VERDICTS)[number]))
    return json(400, { error: `verdict must be one of ${VERDICTS.join(', ')}; got ${JSON.stringify(verdict)}.` });
  if (body.reason !== undefined && typeof body.reason !== 'string')
    return json(400, { error: 'reason must be a string (why the template was rejected).' });
  // The inspector lists every host's templates on each port: it names the template's host in the body.
  if (body.host !== undefined && (typeof body.host !== 'string' || !TEMPLATE_HOSTS.includes(body.host)))
    return json(400, { error: `host must be one of ${TEMPLATE_HOSTS.join(', ')}; got ${JSON.stringify(body.host)}.` });
  const on = (body.host as string | undefined) ?? host;
  if (!TEMPLATE_HOSTS.includes(on))
    return json(404, { error: `${on} keeps no templates; templates live on ${TEMPLATE_HOSTS.join(' and ')}.` });
  const t = templates.find(on as TemplateHost, decodeURIComponent(id));
  if (!t) return json(404, { error: `id: no template ${JSON.stringify(id.slice(0, 40))} on ${on}.` });
  templates.decide(t, verdict as (typeof VERDICTS)[number], body.reason as string | undefined);
  return json(200, { id: t.id, host: on, name: t.name, language: t.language, status: t.status });
}
