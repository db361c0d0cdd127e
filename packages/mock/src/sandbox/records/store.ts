// The small keyed stores of the newer operations — business profiles, blocklists, CDP customers — one instance per
// kind, each a map from a key (the account and what the record belongs to) to a JSON value. They share this shape so
// that the state file keeps them with one kind of line, and a reset forgets them with the rest of the sandbox.

export const RECORD_KINDS = ['profile', 'block', 'customer'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One kept record: its kind, its key within the kind, its value (plain JSON). */
export interface StoredRecord<T = unknown> {
  kind: RecordKind;
  key: string;
  value: T;
}

/**
 * A record as it now is, or one gone (`value` undefined); or the whole kind forgotten. `more`: further changes of
 * the same request follow, so the state file need not flush this one to the disk yet (the last one flushes them all).
 */
export type RecordChange =
  | { kind: RecordKind; key: string; value?: unknown; more?: true }
  | { kind: RecordKind; reset: true };

/**
 * One kind's records. Past `limit` records the oldest is dropped (told as a change), as the message store drops its
 * oldest messages: one run holds a bounded amount whatever it is sent.
 */
export function createRecordStore<T>(
  kind: RecordKind,
  onChange: (change: RecordChange) => void = () => {},
  limit = Number.POSITIVE_INFINITY,
) {
  // Insertion order is age: listing is oldest first.
  const records = new Map<string, T>();
  return {
    kind,
    get: (key: string): T | undefined => records.get(key),
    has: (key: string) => records.has(key),
    /**
     * Keeps the value (a copy is the caller's business: values are replaced, never changed in place). `more`: the
     * request changes more records after this one.
     */
    set(key: string, value: T, more = false): void {
      records.set(key, value);
      onChange({ kind, key, value, ...(more ? { more: true as const } : {}) });
      if (records.size > limit) {
        const oldest = records.keys().next().value!;
        records.delete(oldest);
        onChange({ kind, key: oldest });
      }
    },
    delete(key: string): void {
      if (records.delete(key)) onChange({ kind, key });
    },
    /** Every value whose key starts with `prefix`, oldest first. */
    list(prefix = ''): T[] {
      const out: T[] = [];
      for (const [key, value] of records) if (key.startsWith(prefix)) out.push(value);
      return out;
    },
    get size() {
      return records.size;
    },
    reset(): void {
      records.clear();
      onChange({ kind, reset: true });
    },
    /** Every record, oldest first (for the state file). */
    snapshot: (): StoredRecord<T>[] => [...records].map(([key, value]) => ({ kind, key, value })),
    /** Replaces the store's records with these (the state file's). */
    restore(list: readonly StoredRecord[]): void {
      records.clear();
      for (const r of list) if (r.kind === kind) records.set(r.key, r.value as T);
      for (const key of [...records.keys()].slice(0, Math.max(0, records.size - limit))) records.delete(key);
    },
  };
}

export type RecordStore<T = unknown> = ReturnType<typeof createRecordStore<T>>;

/** The key of a record of an account: parts joined by a character no JSON value or phone number holds. */
export const recordKey = (...parts: (string | number)[]) => parts.join('\u0000');
