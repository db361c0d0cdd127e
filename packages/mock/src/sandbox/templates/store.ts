// The sandbox's message templates, per accessKey and host (a template created on api-hk.nxlink.ai is listed there,
// one created on api2.nxcloud.com there). A created or updated template is under review (PENDING) and becomes
// APPROVED after `reviewMs`, like Meta's review; the timers are cancelled by stop() and resumed by resume().
import { randomInt } from 'node:crypto';
import { jsonBytes, keepAsJsonBytes } from '../records/packed.js';

/** The hosts whose documents have template operations (the others keep no templates). */
export const TEMPLATE_HOSTS = ['api2.nxcloud.com', 'api-hk.nxlink.ai'] as const;
export type TemplateHost = (typeof TEMPLATE_HOSTS)[number];
export const isTemplateHost = (host: string): host is TemplateHost =>
  (TEMPLATE_HOSTS as readonly string[]).includes(host);
export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface StoredTemplate {
  /** api2: a string of digits; HK: a whole number (its documented integer ID), as a string here. */
  id: string;
  host: TemplateHost;
  accessKey: string;
  /** The sender number (api2 `business_phone`, HK path `phone`). */
  phone: string;
  name: string;
  language: string;
  status: ReviewStatus;
  /** The definition as last created or updated (the request body, less the account fields); kept as JSON bytes. */
  definition: Record<string, any>;
  createdAt: string;
  updatedAt: string;
  /** When the review ends (ms since the epoch), while PENDING. */
  reviewDueAt?: number;
  /** Why it was rejected, when a verdict given by hand says so. */
  reason?: string;
}

/** What changed: this template (created, updated, reviewed, or deleted when `gone`), or everything (reset). */
export type TemplateChange = { template: StoredTemplate; gone?: boolean } | { reset: true };

/** Templates kept (all accounts and hosts); past it the oldest is dropped, as the oldest messages and media are. */
export const TEMPLATE_LIMIT = 1_000;
/** Largest template definition kept, in bytes of JSON; a larger one is refused, naming it. */
export const TEMPLATE_DEFINITION_BYTES = 64 * 1024;
/** Bytes of definitions kept in all; past it the oldest templates are dropped, as past {@link TEMPLATE_LIMIT}. */
export const TEMPLATE_STORE_BYTES = 32 * 1024 * 1024;

export function createTemplateStore({
  reviewMs,
  onChange = () => {},
  limit = TEMPLATE_LIMIT,
  maxBytes = TEMPLATE_STORE_BYTES,
}: {
  reviewMs: number;
  onChange?: (change: TemplateChange) => void;
  limit?: number;
  maxBytes?: number;
}) {
  // Insertion order is creation order: lists and cursors follow it.
  const templates = new Map<string, StoredTemplate>();
  // Each template's definition size, and their sum.
  const sizes = new Map<string, number>();
  let bytes = 0;
  const keep = (t: StoredTemplate, definition: Record<string, any>) => {
    const json = jsonBytes(definition);
    keepAsJsonBytes(t, 'definition', json);
    bytes += json.length - (sizes.get(key(t)) ?? 0);
    sizes.set(key(t), json.length);
  };
  const forget = (t: StoredTemplate) => {
    bytes -= sizes.get(key(t)) ?? 0;
    sizes.delete(key(t));
    templates.delete(key(t));
  };
  // The oldest go first, told as deleted, until both bounds hold; the template just written stays.
  const trim = (written: StoredTemplate) => {
    for (const oldest of templates.values()) {
      if (templates.size <= limit && bytes <= maxBytes) break;
      if (oldest === written) continue;
      unschedule(oldest);
      forget(oldest);
      onChange({ template: oldest, gone: true });
    }
  };
  const timers = new Map<string, NodeJS.Timeout>();
  const reviewed: ((t: StoredTemplate) => void)[] = [];
  const key = (t: Pick<StoredTemplate, 'host' | 'id'>) => `${t.host} ${t.id}`;
  const now = () => new Date().toISOString();

  function conclude(t: StoredTemplate, verdict: Exclude<ReviewStatus, 'PENDING'>, reason?: string) {
    t.status = verdict;
    t.reviewDueAt = undefined;
    t.reason = reason;
    t.updatedAt = now();
    onChange({ template: t });
    for (const listener of reviewed) listener(t);
  }

  function schedule(t: StoredTemplate) {
    clearTimeout(timers.get(key(t)));
    const timer = setTimeout(
      () => {
        timers.delete(key(t));
        if (templates.get(key(t)) !== t || t.status !== 'PENDING') return;
        conclude(t, 'APPROVED');
      },
      Math.max(0, (t.reviewDueAt ?? 0) - Date.now()),
    );
    timer.unref?.();
    timers.set(key(t), timer);
  }
  const review = (t: StoredTemplate) => {
    t.status = 'PENDING';
    t.reason = undefined;
    t.reviewDueAt = Date.now() + reviewMs;
    schedule(t);
  };
  const unschedule = (t: StoredTemplate) => {
    clearTimeout(timers.get(key(t)));
    timers.delete(key(t));
  };

  return {
    /** Told of each template whose review ends (APPROVED, or REJECTED by hand). */
    onReviewed(listener: (t: StoredTemplate) => void): void {
      reviewed.push(listener);
    },
    create(
      t: Pick<StoredTemplate, 'host' | 'accessKey' | 'phone' | 'name' | 'language' | 'definition'>,
    ): StoredTemplate {
      let id: string;
      do id = String(randomInt(1e9, 2 ** 47));
      while (templates.has(key({ host: t.host, id })));
      const stored: StoredTemplate = { ...t, id, status: 'PENDING', createdAt: now(), updatedAt: now() };
      keep(stored, t.definition);
      templates.set(key(stored), stored);
      review(stored);
      onChange({ template: stored });
      trim(stored);
      return stored;
    },
    /** Changes a template's definition; it goes back under review, as an edited template does at Meta. */
    update(t: StoredTemplate, definition: Record<string, any>): StoredTemplate {
      keep(t, { ...t.definition, ...definition });
      t.updatedAt = now();
      review(t);
      onChange({ template: t });
      // A larger definition may pass the byte bound: the oldest others go, as on create.
      trim(t);
      return t;
    },
    /**
     * Ends a template's review now with this verdict, as the reviewer would (`POST /__nxwa/templates/{id}/review`):
     * its timer is cancelled and the review's listeners are told. A template not under review is judged again.
     */
    decide(t: StoredTemplate, verdict: Exclude<ReviewStatus, 'PENDING'>, reason?: string): StoredTemplate {
      unschedule(t);
      conclude(t, verdict, reason);
      return t;
    },
    /** Any account's template on that host, by ID (for the mock's own paths). */
    find(host: TemplateHost, id: string): StoredTemplate | undefined {
      return templates.get(key({ host, id }));
    },
    /** The account's template on that host; another account's is not found. */
    get(host: TemplateHost, accessKey: string, id: string): StoredTemplate | undefined {
      const t = templates.get(key({ host, id }));
      return t?.accessKey === accessKey ? t : undefined;
    },
    /** The account's templates on that host, oldest first. */
    list(
      host: TemplateHost,
      accessKey: string,
      filter: { phone?: string; name?: string; language?: string } = {},
    ): StoredTemplate[] {
      return [...templates.values()].filter(
        (t) =>
          t.host === host &&
          t.accessKey === accessKey &&
          (filter.phone === undefined || t.phone === filter.phone) &&
          (filter.name === undefined || t.name === filter.name) &&
          (filter.language === undefined || t.language === filter.language),
      );
    },
    delete(t: StoredTemplate): void {
      unschedule(t);
      forget(t);
      onChange({ template: t, gone: true });
    },
    reset(): void {
      for (const t of templates.values()) unschedule(t);
      templates.clear();
      sizes.clear();
      bytes = 0;
      onChange({ reset: true });
    },
    /** Cancels every review timer (the reviews stay PENDING, to be resumed). */
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    /** Under review: the templates whose timers are running. */
    get pending(): number {
      return timers.size;
    },
    snapshot: (): StoredTemplate[] => [...templates.values()].map((t) => ({ ...t })),
    /** Loads templates; a review still running resumes with the time it had left (at once when overdue). */
    restore(list: StoredTemplate[]): void {
      this.stop();
      templates.clear();
      sizes.clear();
      bytes = 0;
      for (const t of list) {
        const stored = { ...t };
        keep(stored, t.definition);
        templates.set(key(stored), stored);
        if (stored.status === 'PENDING') schedule(stored);
      }
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
