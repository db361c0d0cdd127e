// `--state <file>`: the sandbox's media, templates and messages kept across restarts. The file is JSON, written
// whole to a temporary file and renamed over the old one (a crash never leaves half a file), shortly after each
// change (debounced) and on stop. A file that is there but cannot be read or is not a state file fails start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoredMedium } from './media/store.js';
import type { MockMessage } from './messages/store.js';
import type { StoredTemplate } from './templates/store.js';

export interface StateSnapshot {
  version: 1;
  media: StoredMedium[];
  templates: StoredTemplate[];
  messages: MockMessage[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a parsed state file, naming the place; undefined when it is one. */
function problem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.version !== 1) return `"version" must be 1; got ${JSON.stringify(value.version)}`;
  const fields: Record<'media' | 'templates' | 'messages', string[]> = {
    media: ['id', 'accessKey', 'mimeType', 'fileName'],
    templates: ['id', 'host', 'accessKey', 'name', 'status'],
    messages: ['id', 'accessKey'],
  };
  for (const [list, required] of Object.entries(fields)) {
    const items = value[list];
    if (!Array.isArray(items)) return `"${list}" must be an array`;
    for (const [i, item] of items.entries()) {
      if (!isObject(item)) return `${list}[${i}] must be an object`;
      const missing = required.find((f) => typeof item[f] !== 'string');
      if (missing) return `${list}[${i}].${missing} must be a string`;
      if (
        list === 'media' &&
        item.bytes !== undefined &&
        (typeof item.bytes !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(item.bytes))
      )
        return `media[${i}].bytes must be base64`;
      if (list === 'templates' && !['PENDING', 'APPROVED', 'REJECTED'].includes(item.status as string))
        return `templates[${i}].status must be PENDING, APPROVED or REJECTED`;
    }
  }
  return undefined;
}

/** Reads a state file; undefined when there is none yet. Throws, naming the file and what is wrong, otherwise. */
export function loadState(file: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      // Started empty; but it must be writable there, or nothing would be kept.
      if (!existsSync(dirname(file)))
        throw new Error(`the state file ${file} cannot be written: the folder ${dirname(file)} does not exist.`);
      return undefined;
    }
    throw new Error(`the state file ${file} cannot be read (${e.code ?? e.message}).`);
  }
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

/** Writes the snapshot at most every `debounceMs` while changes come, and at once on flush(). */
export function createPersister(
  file: string,
  snapshot: () => StateSnapshot,
  log: (line: string) => void,
  debounceMs = 100,
) {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      // Owner only: it holds message bodies and account keys.
      writeFileSync(temp, JSON.stringify(snapshot()), { mode: 0o600 });
      renameSync(temp, file);
    } catch (error) {
      log(`state file ${file} not written: ${(error as Error).message}`);
    }
  };
  return {
    changed(): void {
      if (timer) return;
      timer = setTimeout(write, debounceMs);
      timer.unref?.();
    },
    flush: write,
  };
}
