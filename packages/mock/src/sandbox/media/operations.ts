// Media: api2 uploadMedia / getMedia / deleteMedia and uploadTemplateFile, HK uploadTemplateMedia, and the download
// URL the sandbox hands out (`GET /__nxwa/media/{id}` on any host's port).
import type { Answer } from '../../http/answer.js';
import { documentedFailure, notFound, type SandboxRequest, success } from '../request.js';
import { isMediaType, type MediaStore, type Medium } from './store.js';

export const MEDIA_PATH = '/__nxwa/media/';
const downloadUrl = (base: string, m: Medium) => `${base}${MEDIA_PATH}${encodeURIComponent(m.id)}`;

// getMedia and deleteMedia document no "not found" code. 9000 ("Parameter exception: a required parameter is missing
// or invalid") is the one that says the request carries a bad value and must change; -1 and 9001 send the caller to
// support, 9002 and 9006 speak of the sender number.
const UNKNOWN_MEDIA = 9000;

export function uploadMedia(req: SandboxRequest, media: MediaStore, kind: 'media' | 'template-file'): Answer {
  const file = req.files?.get('file');
  if (!file) return documentedFailure(req, 9000, 'file: a file part is required');
  const m = media.add({
    kind,
    accessKey: req.accessKey,
    phone: String(req.body?.business_phone),
    mimeType: [req.body?.type, file.mimeType].find(isMediaType) ?? 'application/octet-stream',
    fileName: file.fileName || 'file',
    bytes: file.bytes,
  });
  return success(req.family, { id: m.id });
}

function mediumOf(req: SandboxRequest, media: MediaStore): Medium | Answer {
  const id = String(req.body?.['Media-ID']);
  const m = media.get(req.accessKey, id);
  if (m?.kind === 'media') return m;
  return notFound(
    req,
    UNKNOWN_MEDIA,
    `Media-ID: no medium ${JSON.stringify(id)} was uploaded with this accessKey (or it was deleted)`,
  );
}

export function getMedia(req: SandboxRequest, media: MediaStore): Answer {
  const m = mediumOf(req, media);
  if ('status' in m) return m;
  return success(req.family, { mime_type: m.mimeType, file_name: m.fileName, url: downloadUrl(req.base, m) });
}

export function deleteMedia(req: SandboxRequest, media: MediaStore): Answer {
  const m = mediumOf(req, media);
  if ('status' in m) return m;
  media.delete(req.accessKey, m.id);
  return success(req.family, { success: true });
}

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  pdf: 'application/pdf',
};

/**
 * HK's upload names the media by `url` only. The mock never fetches it (it calls nothing but loopback webhooks):
 * it stores the URL, takes the file name and type from it, and keeps the bytes of a `file` part when one is sent
 * as well (not documented, but what a test needs to download something).
 */
export function uploadTemplateMedia(req: SandboxRequest, media: MediaStore): Answer {
  const sourceUrl = String(req.body?.url);
  const file = req.files?.get('file');
  let fromUrl = 'media';
  try {
    fromUrl = decodeURIComponent(new URL(sourceUrl).pathname.split('/').pop() || '') || fromUrl;
  } catch {
    // The validator took it as a URL; a name is all that is read from it.
  }
  const fileName = file?.fileName || fromUrl;
  const mimeType =
    isMediaType(file?.mimeType) && file.mimeType !== 'application/octet-stream'
      ? file.mimeType
      : (EXTENSION_TYPES[fileName.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream');
  const m = media.add({
    kind: 'hk-template-media',
    accessKey: req.accessKey,
    phone: req.path.phone,
    mimeType,
    fileName,
    bytes: file?.bytes,
    sourceUrl,
  });
  const mediaType = mimeType.startsWith('image/') ? 'IMAGE' : mimeType.startsWith('video/') ? 'VIDEO' : 'DOCUMENT';
  return success(req.family, {
    media_id: m.id,
    original_filename: m.fileName,
    media_type: mediaType,
    url: downloadUrl(req.base, m),
    h: m.handle,
  });
}

/** `GET /__nxwa/media/{id}`: exactly the uploaded bytes, with their type. */
/** GET /__nxwa/media/{id}: a medium's bytes; `encodedId` is the ID as it stands in the path. */
export function download(encodedId: string, media: MediaStore): Answer {
  const json = (status: number, error: string): Answer => ({ status, body: JSON.stringify({ error }) });
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return json(400, 'The media ID in the path is not valid percent-encoding.');
  }
  const m = media.byId(id);
  if (!m) return json(404, `No medium ${JSON.stringify(id)} (never uploaded, deleted, or reset).`);
  if (!m.bytes)
    return json(
      404,
      `Medium ${id} was uploaded by URL (${m.sourceUrl}); the mock does not fetch outside URLs, so it has no bytes.`,
    );
  // Served from the inspector's origin: whatever was uploaded (HTML, SVG with script, …) is never run there, and a
  // browser saves it rather than showing it.
  return {
    status: 200,
    body: m.bytes,
    contentType: isMediaType(m.mimeType) ? m.mimeType : 'application/octet-stream',
    headers: {
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(m.fileName)}`,
    },
  };
}
