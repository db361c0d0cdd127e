// The first state file format (version 1: one JSON document, media bytes in base64), still read so that an old file
// is migrated; and the checks of each kept item, which the journal applies to what it reads and to what it writes.
import { depthOf, MAX_JSON_DEPTH } from '../../http/json.js';
import { isMediaType, type StoredMedium } from '../media/store.js';
import { MESSAGE_STATUSES, type MockMessage } from '../messages/store.js';
import type { StoredTemplate } from '../templates/store.js';

export interface StateSnapshot {
  version: 1;
  media: StoredMedium[];
  templates: StoredTemplate[];
  messages: MockMessage[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ListName = 'media' | 'templates' | 'messages';
const REQUIRED: Record<ListName, string[]> = {
  media: ['id', 'accessKey', 'mimeType', 'fileName'],
  templates: ['id', 'host', 'accessKey', 'name', 'status'],
  messages: ['id', 'accessKey'],
};

/** What is wrong with one kept item, naming it as `at` (`media[3]`); undefined when it can be kept. */
export function itemProblem(list: ListName, item: unknown, at: string): string | undefined {
  if (!isObject(item)) return `${at} must be an object`;
  const missing = REQUIRED[list].find((f) => typeof item[f] !== 'string');
  if (missing) return `${at}.${missing} must be a string`;
  if (
    list === 'media' &&
    item.bytes !== undefined &&
    (typeof item.bytes !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(item.bytes))
  )
    return `${at}.bytes must be base64`;
  if (list === 'templates' && !['PENDING', 'APPROVED', 'REJECTED'].includes(item.status as string))
    return `${at}.status must be PENDING, APPROVED or REJECTED`;
  // As strict as an upload: a type that cannot be a Content-Type would break the download.
  if (list === 'media' && !isMediaType(item.mimeType))
    return `${at}.mimeType must be a media type such as image/jpeg (printable ASCII); got ${JSON.stringify(String(item.mimeType).slice(0, 60))}`;
  if (list === 'templates' && !isObject(item.definition)) return `${at}.definition must be an object`;
  if (list === 'messages') {
    if (!MESSAGE_STATUSES.includes(item.status as never))
      return `${at}.status must be one of ${MESSAGE_STATUSES.join(', ')}`;
    for (const f of ['timeline', 'callbacks'])
      if (!Array.isArray(item[f]) || !item[f].every(isObject)) return `${at}.${f} must be an array of objects`;
  }
  // No deeper than a request may be (the item and its body or definition are two levels more).
  if (depthOf(item, MAX_JSON_DEPTH + 2) > MAX_JSON_DEPTH + 2)
    return `${at} nests more than ${MAX_JSON_DEPTH} levels deep`;
  return undefined;
}

/** What is wrong with a parsed version-1 state file, naming the place; undefined when it is one. */
function problem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.version !== 1) return `"version" must be 1; got ${JSON.stringify(value.version)}`;
  for (const list of ['media', 'templates', 'messages'] as const) {
    const items = value[list];
    if (!Array.isArray(items)) return `"${list}" must be an array`;
    for (const [i, item] of items.entries()) {
      const wrong = itemProblem(list, item, `${list}[${i}]`);
      if (wrong) return wrong;
    }
  }
  return undefined;
}

/** A version-1 state file's text, checked; throws, naming the file and what is wrong. */
export function parseSnapshot(file: string, text: string): StateSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `the state file ${file} is not valid JSON (${(error as Error).message}); fix it, or delete it to start empty.`,
    );
  }
  const wrong = problem(value);
  if (wrong)
    throw new Error(
      `the state file ${file} is not a state file of this mock: ${wrong}; fix it, or delete it to start empty.`,
    );
  return value as StateSnapshot;
}
