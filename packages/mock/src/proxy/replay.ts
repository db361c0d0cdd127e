// Replay: answers a request from the cassettes when one recorded the same request (same operation, path, query and
// body once redacted, `ts` and `sign` aside). Requests recorded more than once are answered in the order recorded,
// the last answer repeating; a request no cassette holds goes to the sandbox, or is refused with --replay-strict.
import type { Answer } from '../http/answer.js';
import { type NxwaEntry, readCassettes, requestKey } from './har.js';

export interface Replay {
  /** The recorded answer for this request, or undefined. */
  answer(
    host: string,
    operationId: string,
    request: { method: string; target: string; body: Buffer },
    pathNames: Record<string, string>,
  ): Answer | undefined;
  /** Refuse what no cassette holds (instead of the sandbox answering). */
  strict: boolean;
  /** The cassettes read, and how many entries each holds. */
  cassettes: { file: string; entries: number }[];
}

function answerOf(entry: NxwaEntry): Answer {
  const { content, headers, status } = entry.response;
  const body =
    content.encoding === 'base64' ? Buffer.from(content.text ?? '', 'base64') : Buffer.from(content.text ?? '', 'utf8');
  let code: number | undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    if (typeof parsed?.code === 'number') code = parsed.code;
  } catch {}
  const kept: Record<string, string> = {};
  for (const h of headers)
    if (!/^(content-type|date|connection|keep-alive)$/i.test(h.name)) kept[h.name.toLowerCase()] = h.value;
  return {
    status,
    code,
    body,
    contentType: content.mimeType || headers.find((h) => h.name.toLowerCase() === 'content-type')?.value,
    headers: { ...kept, 'x-nxwa-replayed': '1' },
  };
}

export function createReplay(
  dir: string,
  strict: boolean,
  knows: (host: string, operationId: string) => boolean,
): Replay {
  const read = readCassettes(dir, knows);
  // host → operation → key → entries in the order recorded, and how many were served.
  const recorded = new Map<string, { entries: NxwaEntry[]; served: number }>();
  for (const { entries } of read)
    for (const e of entries) {
      const id = [e._nxwa.host, e._nxwa.operationId, e._nxwa.keepRecipients === true, e._nxwa.key].join('\u0000');
      const list = recorded.get(id) ?? { entries: [], served: 0 };
      list.entries.push(e);
      recorded.set(id, list);
    }
  return {
    strict,
    cassettes: read.map((c) => ({ file: c.file, entries: c.entries.length })),
    answer(host, operationId, request, pathNames) {
      for (const keepRecipients of [false, true]) {
        const key = requestKey(request, pathNames, { keepRecipients, numbers: new Set() });
        const list = recorded.get([host, operationId, keepRecipients, key].join('\u0000'));
        if (!list) continue;
        const entry = list.entries[Math.min(list.served, list.entries.length - 1)];
        list.served++;
        return answerOf(entry);
      }
      return undefined;
    },
  };
}
