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

/**
 * POST /__nxwa/media?accessKey=…&phone=…&fileName=…: a medium added to the store as api2's uploadMedia would, the
 * body its bytes and the Content-Type its type — for a file a customer sends (the phone view's composer attaches
 * one this way, then names its ID in `POST /__nxwa/inbound`). Answers the medium as `GET /__nxwa/media` lists it.
 */
export function addMedium(url: URL, contentType: string | undefined, bytes: Buffer, media: MediaStore): Answer {
  const field = (name: string, what: string) => {
    const v = url.searchParams.get(name);
    if (!v) throw new Error(`${name} (query) must be ${what}; got ${v === null ? 'nothing' : 'an empty string'}.`);
    return v;
  };
  try {
    const accessKey = field('accessKey', 'the account the medium belongs to');
    const phone = field('phone', 'the business number it is for');
    const fileName = field('fileName', 'the file name');
    const mimeType = contentType?.split(';')[0].trim();
    if (!mimeType || !/^[\w.+-]+\/[\w.+-]+$/.test(mimeType))
      throw new Error(
        `Content-Type must be the file's MIME type (image/jpeg, application/pdf, …); got ${mimeType || 'nothing'}.`,
      );
    if (bytes.length === 0) throw new Error('The body must be the file’s bytes; it is empty.');
    const { bytes: kept, ...m } = media.add({ kind: 'media', accessKey, phone, mimeType, fileName, bytes });
    return json(201, { ...m, size: kept?.length ?? null, url: `${MEDIA_PATH}${encodeURIComponent(m.id)}` });
  } catch (error) {
    return json(400, { error: (error as Error).message });
  }
}
