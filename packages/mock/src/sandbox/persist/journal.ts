// `--state <file>`: the sandbox's media, templates and messages kept across restarts, as a journal of JSON lines —
// one line per change, written before the request that made it is answered (so a SIGKILL loses nothing that was
// acknowledged), never the whole state per change. Media bytes live beside it in `<file>.media/`, one file per
// SHA-256 of the bytes. The journal is compacted (rewritten as one line per item, to a temporary file renamed over
// it) at start and, off the request's path, once it has grown to twice its compacted size. `<file>.lock` holds the
// pid of the mock using it: a second mock on the same file fails start, naming that pid. A version-1 file (one JSON
// document) is read and rewritten as a journal.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { MediaChange, MediaStore, Medium, StoredMedium } from '../media/store.js';
import { keyOf, type MessageChange, type MessageStore, type MockMessage, messageFields } from '../messages/store.js';
import { RECORD_KINDS, type RecordChange, type RecordStore, type StoredRecord } from '../records/store.js';
import type { StoredTemplate, TemplateChange, TemplateStore } from '../templates/store.js';
import { itemProblem, type ListName, parseSnapshot } from './snapshot.js';

/** The journal's first line. */
const HEADER = { 'nxwa-mock-state': 2 };

/** One line of the journal: an item as it now is, one gone (by key), or everything forgotten. */
type Line =
  | { m: MockMessage }
  | { 'm-': string }
  | { f: Omit<StoredMedium, 'bytes'> & { sha256?: string } }
  | { 'f-': string }
  | { t: StoredTemplate }
  | { 't-': string }
  | { r: StoredRecord }
  | { 'r-': { kind: string; key: string } }
  | { reset: true };

export interface LoadedState {
  messages: MockMessage[];
  media: Medium[];
  templates: StoredTemplate[];
  /** Profiles, blocklists, customers. */
  records: StoredRecord[];
}

/** What is wrong with a kept record, naming it as `at`; undefined when it can be kept. */
function recordProblem(item: unknown, at: string): string | undefined {
  const r = item as Partial<StoredRecord> | null;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return `${at} must be an object`;
  if (!RECORD_KINDS.includes(r.kind as never)) return `${at}.kind must be one of ${RECORD_KINDS.join(', ')}`;
  if (typeof r.key !== 'string') return `${at}.key must be a string`;
  return undefined;
}
const recordKeyOf = (r: { kind: string; key: string }) => `${r.kind} ${r.key}`;

const templateKey = (t: Pick<StoredTemplate, 'host' | 'id'>) => `${t.host} ${t.id}`;
const fail = (file: string, what: string) =>
  new Error(`the state file ${file} ${what}; fix it, or delete it (and ${file}.media) to start empty.`);

/** Takes `<file>.lock` for this process; throws naming the pid of a live mock that holds it. */
function lock(file: string): () => void {
  const path = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new Error(
          `the state file ${file} is in use by another mock (pid ${pid}); stop it, or give this one another --state file.`,
        );
      // Left by a mock that was killed: taken over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`the state file ${file} could not be locked (${path}).`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The journal's lines, replayed; a last line cut short (the process was killed while writing it) is dropped. */
function replay(file: string, raw: Buffer, mediaDir: string): LoadedState {
  const messages = new Map<string, MockMessage>();
  const media = new Map<string, Medium>();
  const templates = new Map<string, StoredTemplate>();
  const records = new Map<string, StoredRecord>();
  let start = raw.indexOf(0x0a) + 1;
  for (let n = 2; start > 0 && start < raw.length; n++) {
    const end = raw.indexOf(0x0a, start);
    const last = end === -1;
    const text = raw.subarray(start, last ? raw.length : end).toString('utf8');
    start = last ? raw.length : end + 1;
    if (text.trim() === '') continue;
    let line: Record<string, any>;
    try {
      line = JSON.parse(text);
    } catch {
      if (last) break;
      throw fail(file, `has a line that is not JSON (line ${n})`);
    }
    const check = (list: ListName, item: unknown) => {
      const wrong = itemProblem(list, item, `line ${n}: ${list.slice(0, -1)}`);
      if (wrong) throw fail(file, `is not a state file of this mock: ${wrong}`);
    };
    if (line.m !== undefined) {
      check('messages', line.m);
      messages.set(keyOf(line.m), line.m);
    } else if (typeof line['m-'] === 'string') messages.delete(line['m-']);
    else if (line.f !== undefined) {
      check('media', line.f);
      const { sha256, ...medium } = line.f;
      let bytes: Buffer | undefined;
      if (sha256 !== undefined) {
        if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
          throw fail(file, `is not a state file of this mock: line ${n}: medium.sha256 must be a SHA-256 in hex`);
        try {
          bytes = readFileSync(join(mediaDir, sha256));
        } catch {
          throw fail(file, `names media bytes ${sha256} that ${mediaDir} does not hold (line ${n})`);
        }
      }
      media.set(medium.id, { ...medium, bytes });
    } else if (typeof line['f-'] === 'string') media.delete(line['f-']);
    else if (line.t !== undefined) {
      check('templates', line.t);
      templates.set(templateKey(line.t), line.t);
    } else if (typeof line['t-'] === 'string') templates.delete(line['t-']);
    else if (line.r !== undefined) {
      const wrong = recordProblem(line.r, `line ${n}: record`);
      if (wrong) throw fail(file, `is not a state file of this mock: ${wrong}`);
      records.set(recordKeyOf(line.r), line.r);
    } else if (line['r-'] !== undefined && recordProblem(line['r-'], '') === undefined)
      records.delete(recordKeyOf(line['r-']));
    else if (line.reset === true) {
      messages.clear();
      media.clear();
      templates.clear();
      records.clear();
    } else throw fail(file, `is not a state file of this mock: line ${n} is no change it knows`);
  }
  return {
    messages: [...messages.values()],
    media: [...media.values()],
    templates: [...templates.values()],
    records: [...records.values()],
  };
}

/** Reads what the file keeps (a journal, or a version-1 file); undefined when there is no file yet. */
export function readState(file: string): LoadedState | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      if (!existsSync(dirname(file)))
        throw new Error(`the state file ${file} cannot be written: the folder ${dirname(file)} does not exist.`);
      return undefined;
    }
    throw new Error(`the state file ${file} cannot be read (${e.code ?? e.message}).`);
  }
  if (raw.length === 0) return undefined;
  const firstEnd = raw.indexOf(0x0a);
  const first = raw.subarray(0, firstEnd === -1 ? raw.length : firstEnd).toString('utf8');
  let header: unknown;
  try {
    header = JSON.parse(first);
  } catch {
    header = undefined;
  }
  if ((header as Record<string, unknown> | undefined)?.['nxwa-mock-state'] === 2)
    return replay(file, raw, `${file}.media`);
  // Version 1: one JSON document, the media bytes in it.
  const v1 = parseSnapshot(file, raw.toString('utf8'));
  return {
    messages: v1.messages,
    media: v1.media.map((m) => ({ ...m, bytes: m.bytes === undefined ? undefined : Buffer.from(m.bytes, 'base64') })),
    templates: v1.templates,
    records: [],
  };
}

export interface JournalStores {
  messages: MessageStore;
  media: MediaStore;
  templates: TemplateStore;
  records?: readonly RecordStore[];
}

/**
 * Opens the state file for writing: locks it, rewrites it compacted from the stores (already restored from it),
 * and from then on appends every change the stores report. `close()` compacts once more and unlocks.
 */
export function openJournal(file: string, stores: JournalStores, log: (line: string) => void) {
  const unlock = lock(file);
  const mediaDir = `${file}.media`;
  mkdirSync(mediaDir, { recursive: true, mode: 0o700 });
  // Medium ID → SHA-256 of its bytes (the name of its file in mediaDir).
  const hashes = new Map<string, string>();
  let fd = -1;
  let size = 0;
  let compactedSize = 0;
  let compacting = false;
  let syncTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const mediumLine = (m: Medium): Line => {
    const { bytes, ...rest } = m;
    let sha256: string | undefined;
    if (bytes) {
      sha256 = hashes.get(m.id) ?? createHash('sha256').update(bytes).digest('hex');
      const path = join(mediaDir, sha256);
      if (!existsSync(path)) {
        const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
        const out = openSync(temp, 'w', 0o600);
        try {
          writeSync(out, bytes);
          fsyncSync(out);
        } finally {
          closeSync(out);
        }
        renameSync(temp, path);
      }
      hashes.set(m.id, sha256);
    }
    return { f: { ...rest, ...(sha256 ? { sha256 } : {}) } };
  };

  /** The line of an item, or undefined (logged) when the loader would refuse it: it is then not written. */
  const checked = (list: ListName, item: unknown, line: () => Line): Line | undefined => {
    const wrong = itemProblem(list, item, list);
    if (!wrong) return line();
    log(`state file ${file}: not kept, as it could not be read back: ${wrong}`);
    return undefined;
  };

  function compact(): void {
    compacting = false;
    if (closed && fd === -1) return;
    const lines: string[] = [JSON.stringify(HEADER)];
    for (const m of stores.media.list()) {
      const line = checked('media', { ...m, bytes: undefined }, () => mediumLine(m));
      if (line) lines.push(JSON.stringify(line));
    }
    for (const t of stores.templates.snapshot()) {
      const line = checked('templates', t, () => ({ t }));
      if (line) lines.push(JSON.stringify(line));
    }
    for (const stored of stores.messages.snapshot()) {
      const m = messageFields(stored);
      const line = checked('messages', m, () => ({ m }));
      if (line) lines.push(JSON.stringify(line));
    }
    for (const store of stores.records ?? []) for (const r of store.snapshot()) lines.push(JSON.stringify({ r }));
    const text = `${lines.join('\n')}\n`;
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const out = openSync(temp, 'w', 0o600);
    try {
      writeSync(out, text);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    renameSync(temp, file);
    if (fd !== -1) closeSync(fd);
    fd = openSync(file, 'a', 0o600);
    size = compactedSize = Buffer.byteLength(text);
    // Bytes no medium names any more.
    const kept = new Set(hashes.values());
    for (const name of readdirSync(mediaDir))
      if (/^[0-9a-f]{64}$/.test(name) && !kept.has(name)) rmSync(join(mediaDir, name), { force: true });
  }

  /** Appends a line; `durable`: flushed to the disk before returning (an item a request created). */
  function append(line: Line | undefined, durable: boolean): void {
    if (!line || fd === -1) return;
    const text = `${JSON.stringify(line)}\n`;
    try {
      writeSync(fd, text);
      size += Buffer.byteLength(text);
      if (durable) fsyncSync(fd);
      else if (!syncTimer) {
        syncTimer = setTimeout(() => {
          syncTimer = undefined;
          if (fd !== -1) fsyncSync(fd);
        }, 100);
        syncTimer.unref?.();
      }
    } catch (error) {
      log(`state file ${file} not written: ${(error as Error).message}`);
    }
    if (!compacting && size > Math.max(2 * compactedSize, 1024 * 1024)) {
      compacting = true;
      setImmediate(() => {
        try {
          compact();
        } catch (error) {
          log(`state file ${file} not compacted: ${(error as Error).message}`);
        }
      });
    }
  }

  compact();

  return {
    message(change: MessageChange): void {
      if (change.kind === 'reset') {
        hashes.clear();
        return append({ reset: true }, true);
      }
      const m = stores.messages.get(change.id, change.accessKey);
      if (!m) return append({ 'm-': keyOf(change) }, true);
      // A message just recorded was acknowledged by its answer; its later statuses and callbacks are not.
      const recorded = m.timeline.length === 1 && m.callbacks.length === 0;
      const fields = messageFields(m);
      append(
        checked('messages', fields, () => ({ m: fields })),
        recorded,
      );
    },
    medium(change: MediaChange): void {
      if ('reset' in change) return;
      const m = stores.media.byId(change.id);
      if (!m) {
        hashes.delete(change.id);
        return append({ 'f-': change.id }, true);
      }
      append(
        checked('media', { ...m, bytes: undefined }, () => mediumLine(m)),
        true,
      );
    },
    template(change: TemplateChange): void {
      if ('reset' in change) return;
      const t = change.template;
      if (change.gone) return append({ 't-': templateKey(t) }, true);
      append(
        checked('templates', t, () => ({ t: { ...t } })),
        true,
      );
    },
    record(change: RecordChange): void {
      if ('reset' in change) return;
      const key = { kind: change.kind, key: change.key };
      // A batch's lines reach the disk with its last one, before the request is answered.
      append(change.value === undefined ? { 'r-': key } : { r: { ...key, value: change.value } }, !change.more);
    },
    /** Compacts, closes and unlocks (the mock stops). */
    close(): void {
      if (closed) return;
      clearTimeout(syncTimer);
      try {
        compact();
      } catch (error) {
        log(`state file ${file} not compacted: ${(error as Error).message}`);
      }
      closed = true;
      if (fd !== -1) closeSync(fd);
      fd = -1;
      unlock();
    },
  };
}

export type Journal = ReturnType<typeof openJournal>;
