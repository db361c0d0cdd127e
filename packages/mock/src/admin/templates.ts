// POST /__nxwa/templates/{id}/review: ends a template's review now, approved or rejected, as the reviewer would —
// so that a test (or the inspector's page) decides when a template leaves PENDING instead of racing the review time.
import type { Answer } from '../http/answer.js';
import type { MockHost } from '../http/hosts.js';
import { isTemplateHost, TEMPLATE_HOSTS, type TemplateHost, type TemplateStore } from '../sandbox/templates/store.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

interface Review {
  verdict?: 'APPROVED' | 'REJECTED';
  reason?: string;
  host?: TemplateHost;
}

/**
 * Answers the review of template `id` of the port's host. `body` has passed the mock API's document (verdict, reason
 * and host are what it allows), so only what the document cannot know is checked here: where the template lives.
 */
export function answerReview(body: unknown, id: string, host: MockHost, templates: TemplateStore): Answer {
  const { verdict = 'APPROVED', reason, host: named } = (body ?? {}) as Review;
  // The inspector lists every host's templates on each port: it names the template's host in the body.
  const on = named ?? host;
  if (!isTemplateHost(on))
    return json(404, { error: `${on} keeps no templates; templates live on ${TEMPLATE_HOSTS.join(' and ')}.` });
  const t = templates.find(on, decodeURIComponent(id));
  if (!t) return json(404, { error: `id: no template ${JSON.stringify(id.slice(0, 40))} on ${on}.` });
  templates.decide(t, verdict, reason);
  return json(200, { id: t.id, host: on, name: t.name, language: t.language, status: t.status });
}
