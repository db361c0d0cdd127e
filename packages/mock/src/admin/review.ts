// POST /__nxwa/templates/{id}/review: a template's review ended by hand — `{ "status": "APPROVED" | "REJECTED" }`
// (and `host` when two hosts have a template with that ID). The template must be PENDING; its documented status
// callback (api2's `message_template_status_update`) goes out as when the review ends by itself.
import type { Answer } from '../http/answer.js';
import type { TemplateHost, TemplateStore } from '../sandbox/templates/store.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const DECISIONS = ['APPROVED', 'REJECTED'] as const;

export function reviewTemplate(raw: Buffer, encodedId: string, templates: TemplateStore | undefined): Answer {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return json(400, { error: 'The template ID in the path is not valid percent-encoding.' });
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8') || 'null');
  } catch (error) {
    return json(400, { error: `The body is not valid JSON (${(error as Error).message}); expected { "status": … }.` });
  }
  const { status, host } = (body ?? {}) as { status?: unknown; host?: unknown };
  if (typeof status !== 'string' || !(DECISIONS as readonly string[]).includes(status))
    return json(400, {
      error: `status must be one of ${DECISIONS.join(', ')}; got ${status === undefined ? 'nothing' : JSON.stringify(status)}.`,
    });
  if (host !== undefined && typeof host !== 'string')
    return json(400, { error: `host must be the template's host, a string; got ${JSON.stringify(host)}.` });
  const template = templates?.find(id, host as TemplateHost | undefined);
  if (!template || !templates)
    return json(404, { error: `No template ${JSON.stringify(id)} in the sandbox (never created, deleted, or reset).` });
  const why = templates.decide(template, status as (typeof DECISIONS)[number]);
  if (why) return json(409, { error: `Template ${id} cannot be ${status.toLowerCase()}: ${why}.` });
  const { reviewDueAt: _due, ...shown } = template;
  return json(200, shown);
}
