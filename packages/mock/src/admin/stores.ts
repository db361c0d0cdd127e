// What the sandbox's template and media stores hold, for the phone view (and anyone reading over HTTP):
//   GET /__nxwa/templates   every template, oldest first; ?accessKey=… for one account's
//   GET /__nxwa/media       every medium without its bytes (its size and the URL of its bytes instead), oldest first
import type { Answer } from '../http/answer.js';
import { MEDIA_PATH } from '../sandbox/media/operations.js';
import type { MediaStore } from '../sandbox/media/store.js';
import type { TemplateStore } from '../sandbox/templates/store.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export function listTemplates(url: URL, templates: TemplateStore | undefined): Answer {
  const accessKey = url.searchParams.get('accessKey') ?? undefined;
  const list = (templates?.snapshot() ?? []).filter((t) => accessKey === undefined || t.accessKey === accessKey);
  return json(200, { templates: list.map(({ reviewDueAt: _due, ...t }) => t) });
}

export function listMedia(url: URL, media: MediaStore): Answer {
  const accessKey = url.searchParams.get('accessKey') ?? undefined;
  return json(200, {
    media: media.list(accessKey).map(({ bytes, ...m }) => ({
      ...m,
      size: bytes?.length ?? null,
      // Only media with bytes can be downloaded: one uploaded by URL was never fetched.
      url: bytes ? `${MEDIA_PATH}${encodeURIComponent(m.id)}` : null,
    })),
  });
}
