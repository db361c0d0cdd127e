// The sandbox's uploaded media: the bytes, MIME type and file name of every upload, per accessKey (one account never
// sees another's). Shared by the hosts of one mock; in memory, and in the state file when there is one.
import { randomBytes, randomUUID } from 'node:crypto';

/** Which upload made it: api2 uploadMedia (`media`), api2 uploadTemplateFile (`template-file`) or HK (`hk-template-media`). */
export type MediumKind = 'media' | 'template-file' | 'hk-template-media';

export interface Medium {
  id: string;
  kind: MediumKind;
  accessKey: string;
  /** The sender number it was uploaded for. */
  phone: string;
  mimeType: string;
  fileName: string;
  /** The uploaded bytes; absent when only a URL was given (HK), which the mock does not fetch. */
  bytes?: Buffer;
  /** The URL an HK upload named. */
  sourceUrl?: string;
  /** A template header handle (`4:…`) for template uploads. */
  handle?: string;
  createdAt: string;
}

/** A medium as the state file keeps it: the bytes in base64. */
export type StoredMedium = Omit<Medium, 'bytes'> & { bytes?: string };

const TOKEN = "[-!#$%&'*+.^_`|~0-9A-Za-z]+";
const MEDIA_TYPE = new RegExp(
  `^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*"))*$`,
);

/**
 * Whether a MIME type can be served as a Content-Type: a type/subtype with parameters, printable ASCII only (a
 * character above 0xFF, or CR/LF, would make the download throw). Uploads and loaded state files are held to it.
 */
export const isMediaType = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 255 && MEDIA_TYPE.test(value);

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * `byteLimit` caps the bytes held (256 MiB by default): past it the oldest media are dropped, as the message
 * store drops its oldest messages, so that a long run of uploads cannot exhaust the process.
 */
/** What changed: the medium with this ID (added, or gone when the store no longer has it), or everything (reset). */
export type MediaChange = { id: string } | { reset: true };

export function createMediaStore(onChange: (change: MediaChange) => void = () => {}, byteLimit = 256 * 1024 * 1024) {
  // accessKey → id → medium; insertion order is age.
  const accounts = new Map<string, Map<string, Medium>>();
  const byId = new Map<string, Medium>();
  const of = (accessKey: string) => {
    let media = accounts.get(accessKey);
    if (!media) accounts.set(accessKey, (media = new Map()));
    return media;
  };
  let bytes = 0;
  const put = (m: Medium) => {
    of(m.accessKey).set(m.id, m);
    byId.set(m.id, m);
    bytes += m.bytes?.length ?? 0;
    for (const oldest of byId.values()) {
      if (bytes <= byteLimit || oldest === m) break;
      remove(oldest);
      onChange({ id: oldest.id });
    }
  };
  const remove = (m: Medium) => {
    accounts.get(m.accessKey)?.delete(m.id);
    byId.delete(m.id);
    bytes -= m.bytes?.length ?? 0;
  };
  return {
    add(medium: Omit<Medium, 'id' | 'createdAt' | 'handle'>): Medium {
      // api2 answers UUIDs; HK answers digits (its documented `media_id`); template uploads also get a handle shaped
      // like the documented ones (`4:<file name>:<mime type>:<random>`, base64 parts).
      const id =
        medium.kind === 'hk-template-media' ? String(1e15 + (randomBytes(6).readUIntBE(0, 6) % 9e15)) : randomUUID();
      const handle =
        medium.kind === 'media'
          ? undefined
          : `4:${b64(medium.fileName)}:${b64(medium.mimeType)}:${randomBytes(24).toString('base64url')}`;
      const stored: Medium = {
        ...medium,
        id: medium.kind === 'template-file' ? handle! : id,
        handle,
        createdAt: new Date().toISOString(),
      };
      put(stored);
      onChange({ id: stored.id });
      return stored;
    },
    /** The account's medium with this ID (or handle); another account's is not found. */
    get: (accessKey: string, id: string): Medium | undefined => accounts.get(accessKey)?.get(id),
    /** For the download URL, which carries no credentials (like the real signed storage URL): the ID is the key. */
    byId: (id: string): Medium | undefined => byId.get(id),
    delete(accessKey: string, id: string): boolean {
      const m = accounts.get(accessKey)?.get(id);
      if (!m) return false;
      remove(m);
      onChange({ id: m.id });
      return true;
    },
    list: (accessKey?: string): Medium[] =>
      accessKey === undefined ? [...byId.values()] : [...(accounts.get(accessKey)?.values() ?? [])],
    reset(): void {
      accounts.clear();
      byId.clear();
      bytes = 0;
      onChange({ reset: true });
    },
    snapshot: (): StoredMedium[] => [...byId.values()].map((m) => ({ ...m, bytes: m.bytes?.toString('base64') })),
    /** Replaces the store with these media, oldest first. */
    restoreMedia(list: Medium[]): void {
      accounts.clear();
      byId.clear();
      bytes = 0;
      for (const m of list) put(m);
    },
    restore(list: StoredMedium[]): void {
      accounts.clear();
      byId.clear();
      bytes = 0;
      for (const m of list) put({ ...m, bytes: m.bytes === undefined ? undefined : Buffer.from(m.bytes, 'base64') });
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
