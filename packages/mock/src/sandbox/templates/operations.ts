// Templates: api2 createTemplate / getTemplate (a list, cursor-paged) / updateTemplate / deleteTemplate, and HK
// createTemplate / listTemplates (page_number, page_size) / getTemplate / updateTemplate / deleteTemplate, over
// the template store. The review (PENDING → APPROVED) runs in the store; its api2 callback is built here.
import type { Answer } from '../../http/answer.js';
import { documentedFailure, notFound, type SandboxRequest, success } from '../request.js';
import { type StoredTemplate, TEMPLATE_DEFINITION_BYTES, type TemplateStore } from './store.js';

// Neither host documents a "no such template" code: the parameter code each documents for a bad value is used
// (api2 9000 "Parameter exception"; HK 22072 "Parameter error: the parameters are invalid").
const UNKNOWN = { classic: 9000, saas: 22072 } as const;
const unknown = (req: SandboxRequest, detail: string) => notFound(req, UNKNOWN[req.family], detail);

// ---- api2.nxcloud.com ----

const api2Info = (t: StoredTemplate) => {
  const { category, components } = t.definition;
  return {
    id: t.id,
    name: t.name,
    language: t.language,
    category,
    status: t.status,
    quality_score: { score: 'UNKNOWN' },
    components,
  };
};

/** A refusal of a definition larger than the store keeps, or undefined. */
function tooLarge(req: SandboxRequest, definition: unknown, code: number): Answer | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(definition));
  if (bytes <= TEMPLATE_DEFINITION_BYTES) return undefined;
  return documentedFailure(
    req,
    code,
    `components: the template is ${bytes} bytes of JSON; the mock keeps templates of at most ${TEMPLATE_DEFINITION_BYTES} bytes`,
  );
}

export function api2Create(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const large = tooLarge(req, { category: b.category, components: b.components }, 9000);
  if (large) return large;
  const t = templates.create({
    host: 'api2.nxcloud.com',
    accessKey: req.accessKey,
    phone: b.business_phone,
    name: b.name,
    language: b.language,
    definition: { category: b.category, components: b.components },
  });
  return success(req.family, { id: t.id });
}

const cursorOf = (t: StoredTemplate) => Buffer.from(t.id).toString('base64url');

/** getTemplate: the number's templates, oldest first, `limit` a page; `after`/`before` are the answer's cursors. */
export function api2List(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const limit: number = b.limit ?? 20;
  if (limit < 1) return documentedFailure(req, 9000, `limit: must be at least 1; got ${limit}`);
  const all = templates.list('api2.nxcloud.com', req.accessKey, { phone: b.business_phone, name: b.name || undefined });
  const at = (cursor: string, field: string) => {
    const i = all.findIndex((t) => cursorOf(t) === cursor);
    return i >= 0 ? i : unknown(req, `${field}: ${JSON.stringify(cursor)} is not a cursor of this list`);
  };
  let start = 0;
  let end = Math.min(all.length, limit);
  if (typeof b.after === 'string' && b.after !== '') {
    const i = at(b.after, 'after');
    if (typeof i !== 'number') return i;
    start = i + 1;
    end = Math.min(all.length, start + limit);
  } else if (typeof b.before === 'string' && b.before !== '') {
    const i = at(b.before, 'before');
    if (typeof i !== 'number') return i;
    end = i;
    start = Math.max(0, end - limit);
  }
  const page = all.slice(start, end);
  const paging: Record<string, unknown> = {};
  if (page.length > 0) {
    paging.cursors = { before: cursorOf(page[0]), after: cursorOf(page.at(-1)!) };
    // Only a sign that another page is there (the real ones are Meta's URLs): page with the cursors.
    const more = (cursor: 'after' | 'before', value: string) =>
      `${req.base}/api/wa/getTemplate?limit=${limit}&${cursor}=${value}`;
    if (end < all.length) paging.next = more('after', cursorOf(page.at(-1)!));
    if (start > 0) paging.previous = more('before', cursorOf(page[0]));
  }
  return success(req.family, { data: page.map(api2Info), paging });
}

export function api2Update(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const t = templates.get('api2.nxcloud.com', req.accessKey, String(b.template_id));
  if (!t)
    return unknown(
      req,
      `template_id: no template ${JSON.stringify(b.template_id)} was created with this accessKey (or it was deleted)`,
    );
  templates.update(t, { components: b.components, ...(b.category ? { category: b.category } : {}) });
  return success(req.family, { id: t.id });
}

/** deleteTemplate: by name, every language of it (as documented). */
export function api2Delete(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const named = templates.list('api2.nxcloud.com', req.accessKey, { phone: b.business_phone, name: b.name });
  if (named.length === 0)
    return unknown(
      req,
      `name: no template ${JSON.stringify(b.name)} of ${b.business_phone} was created with this accessKey (or it was deleted)`,
    );
  for (const t of named) templates.delete(t);
  return success(req.family, { success: true });
}

/** The documented template-status callback of api2 (`onTemplateEvent`), for a template whose review ended. */
export const templateStatusCallback = (t: StoredTemplate) => ({
  field: 'message_template_status_update',
  value: {
    business_phone: t.phone,
    event: t.status,
    message_template_id: t.id,
    message_template_language: t.language,
    message_template_name: t.name,
    reason: t.reason ?? null,
    time: Math.floor(Date.now() / 1000),
  },
});

// ---- api-hk.nxlink.ai ----

const CATEGORIES: Record<number, string> = { 1: 'MARKETING', 2: 'UTILITY' };
// HK's status numbers: 0 rejected, 1 pending, 2 in use (approved).
const HK_STATUS = { REJECTED: 0, PENDING: 1, APPROVED: 2 } as const;
const hkTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');
const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code.replace('_', '-')) ?? code;
  } catch {
    return code;
  }
};

/** A template as HK's list and detail answer give it (`TemplateRecord`); buttons in the detail only. */
function hkRecord(t: StoredTemplate, detail: boolean) {
  const d = t.definition;
  return {
    id: Number(t.id),
    channel: 2,
    name: t.name,
    content: d.content ?? null,
    created_at: hkTime(t.createdAt),
    updated_at: hkTime(t.updatedAt),
    status: HK_STATUS[t.status],
    language: t.language,
    language_name: languageName(t.language),
    unsubscribe: '',
    additional: null,
    quality: 'UNKNOWN',
    category: CATEGORIES[d.category_type] ?? String(d.category_type),
    category_type: d.category_type,
    waRejectedReason: t.reason ?? '',
    is_close_auto_flow: d.is_close_auto_flow ?? 0,
    ...(detail ? { buttonComponents: d.buttonComponents ?? null } : {}),
  };
}

const definitionOf = (body: Record<string, any>) => {
  const { tenant_id: _tenant, ...definition } = body;
  return definition;
};

/** Create: the document shows no answer; the sandbox answers the new template's record (its `id` is needed later). */
export function hkCreate(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const large = tooLarge(req, definitionOf(b), 22072);
  if (large) return large;
  const t = templates.create({
    host: 'api-hk.nxlink.ai',
    accessKey: req.accessKey,
    phone: req.path.phone,
    name: b.name,
    language: b.language,
    definition: definitionOf(b),
  });
  return success(req.family, hkRecord(t, true));
}

/** List: newest first, `page_number` from 1, `page_size` a page, `name` an exact match. */
export function hkList(req: SandboxRequest, templates: TemplateStore): Answer {
  const q = req.url.searchParams;
  const pageNumber = Number(q.get('page_number'));
  const pageSize = Number(q.get('page_size'));
  if (pageNumber < 1) return documentedFailure(req, 22072, `page_number: must be at least 1; got ${pageNumber}`);
  if (pageSize < 1) return documentedFailure(req, 22072, `page_size: must be at least 1; got ${pageSize}`);
  const all = templates
    .list('api-hk.nxlink.ai', req.accessKey, { phone: req.path.phone, name: q.get('name') || undefined })
    .reverse();
  const start = (pageNumber - 1) * pageSize;
  return success(req.family, {
    list: all.slice(start, start + pageSize).map((t) => hkRecord(t, false)),
    total: all.length,
    has_next_page: start + pageSize < all.length,
  });
}

const hkFind = (req: SandboxRequest, templates: TemplateStore): StoredTemplate | undefined => {
  const t = templates.get('api-hk.nxlink.ai', req.accessKey, req.path.id);
  return t && t.phone === req.path.phone ? t : undefined;
};
const hkUnknown = (req: SandboxRequest) =>
  unknown(
    req,
    `id: no template ${JSON.stringify(req.path.id)} of ${req.path.phone} was created with this accessKey (or it was deleted)`,
  );

export function hkGet(req: SandboxRequest, templates: TemplateStore): Answer {
  const t = hkFind(req, templates);
  return t ? success(req.family, hkRecord(t, true)) : hkUnknown(req);
}

export function hkDelete(req: SandboxRequest, templates: TemplateStore): Answer {
  const t = hkFind(req, templates);
  if (!t) return hkUnknown(req);
  templates.delete(t);
  return success(req.family, null);
}

/** Update: the document names no ID; the template with this `name` and `language` is the one updated. */
export function hkUpdate(req: SandboxRequest, templates: TemplateStore): Answer {
  const b = req.body!;
  const [t] = templates.list('api-hk.nxlink.ai', req.accessKey, {
    phone: req.path.phone,
    name: b.name,
    language: b.language,
  });
  if (!t)
    return unknown(
      req,
      `name, language: no template ${JSON.stringify(b.name)} in ${b.language} of ${req.path.phone} was created with this accessKey (or it was deleted)`,
    );
  templates.update(t, definitionOf(b));
  return success(req.family, null);
}
