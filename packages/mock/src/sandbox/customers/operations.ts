// The SaaS hosts' CDP customers: batch_create keeps customers per account and tenant, query lists them with the
// page's filters and its cursor paging. The pages give the request fields but not the answers (query's `data`,
// the IDs, the cursors), so the sandbox decides them and the README says so: each customer gets an integer `id`
// (ascending in creation order, per tenant) that is also the cursor; a page is oldest first; `after` gives the
// customers with a greater ID, `before` the `limit` ones just before a smaller ID.
import type { Answer } from '../../http/answer.js';
import { createRecordStore, type RecordChange, recordKey } from '../records/store.js';
import { digitsOf, documentedFailure, type SandboxRequest, success, unknownParameter } from '../request.js';

export interface Customer {
  id: number;
  tenant_id: number;
  /** `6`, "third-party API": how a customer created through this API came (the page's source_type list). */
  source_type: number;
  /** `yyyy-MM-dd HH:mm:ss`, UTC: the form of the query's time range. */
  created_at: string;
  tags: { id: number; tag_name: string }[];
  [field: string]: unknown;
}

const API_SOURCE = 6;
/** The contact fields a customer is recognised by when it is created again (the `type` rule of the page). */
const IDENTITY = ['whats_app_phone', 'sms_phone', 'email', 'viber_phone'] as const;
/** The query's contact filters and the customer field each matches (the page spells WhatsApp `whatsApp_phone`). */
const CONTACT_FILTERS: Record<string, string> = {
  whatsApp_phone: 'whats_app_phone',
  sms_phone: 'sms_phone',
  email: 'email',
  viber_phone: 'viber_phone',
};

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** How many customers one run keeps (all hosts, accounts and tenants); the oldest goes first. */
export const CUSTOMER_LIMIT = 10_000;

export function createCustomers(onChange?: (change: RecordChange) => void, now: () => number = Date.now) {
  const store = createRecordStore<Customer>('customer', onChange, CUSTOMER_LIMIT);
  // Per host (each is its own platform), account and tenant.
  const tenantPrefix = (host: string, accessKey: string, tenant: unknown) =>
    `${recordKey(host, accessKey, String(tenant))}\u0000`;
  const keyOf = (host: string, accessKey: string, tenant: unknown, id: number) =>
    recordKey(host, accessKey, String(tenant), id);

  /** Tag IDs per tenant: each tag name gets the next number the first time a customer carries it. */
  function tagIds(prefix: string): Map<string, number> {
    const ids = new Map<string, number>();
    for (const c of store.list(prefix)) for (const t of c.tags) if (!ids.has(t.tag_name)) ids.set(t.tag_name, t.id);
    return ids;
  }

  return {
    store,
    list: (host: string, accessKey: string, tenant: unknown) => store.list(tenantPrefix(host, accessKey, tenant)),
    batchCreate(req: SandboxRequest): Answer {
      const b = req.body ?? {};
      const prefix = tenantPrefix(req.host, req.accessKey, b.tenant_id);
      const mode = Number(b.type ?? 0);
      let last: [string, Customer] | undefined;
      for (const input of b.customers as Record<string, unknown>[]) {
        const existing = store
          .list(prefix)
          .find((c) => IDENTITY.some((f) => typeof input[f] === 'string' && input[f] !== '' && c[f] === input[f]));
        if (existing && mode === 2) continue;
        const tags = tagIds(prefix);
        const names = String(input.tagStr ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const name of names) if (!tags.has(name)) tags.set(name, Math.max(0, ...tags.values()) + 1);
        const own = { ...input, tags: names.map((tag_name) => ({ id: tags.get(tag_name)!, tag_name })) };
        const base = existing
          ? mode === 1
            ? {
                ...existing,
                ...own,
                tags: [...existing.tags, ...own.tags.filter((t) => !existing.tags.some((e) => e.id === t.id))],
              }
            : { ...own }
          : { ...own };
        const id = existing?.id ?? Math.max(0, ...store.list(prefix).map((c) => c.id)) + 1;
        const customer: Customer = {
          ...base,
          id,
          tenant_id: Number(b.tenant_id),
          source_type: existing?.source_type ?? API_SOURCE,
          created_at: existing?.created_at ?? stamp(now()),
        };
        last = [keyOf(req.host, req.accessKey, b.tenant_id, id), customer];
        store.set(...last, true);
      }
      // Written once more without `more`: the batch's lines reach the state file's disk before the answer.
      if (last) store.set(...last);
      // The page's example answers `data: ""`.
      return success(req.family, '');
    },
    query(req: SandboxRequest): Answer {
      const b = req.body ?? {};
      const all = store.list(tenantPrefix(req.host, req.accessKey, b.tenant_id));
      for (const cursor of ['after', 'before'] as const)
        if (b[cursor] !== undefined && !all.some((c) => c.id === b[cursor]))
          return unknownParameter(
            req,
            `${cursor}: no customer ${b[cursor]} of tenant ${b.tenant_id} (a cursor is the id of a customer the query answered)`,
          );
      if (b.start_time !== undefined && b.end_time !== undefined && b.start_time > b.end_time)
        return documentedFailure(
          req,
          req.route.genericParameterCode.code,
          `end_time: must not be before start_time (${b.start_time})`,
        );
      const name = typeof b.name === 'string' ? b.name.toLowerCase() : '';
      const wanted = ((b.tags ?? []) as unknown[]).map((t) =>
        typeof t === 'number' ? { id: t } : (t as { id?: number; tag_name?: string }),
      );
      const hasTag = (c: Customer, t: { id?: number; tag_name?: string }) =>
        c.tags.some(
          (ct) => (t.id === undefined || ct.id === t.id) && (t.tag_name === undefined || ct.tag_name === t.tag_name),
        );
      const matches = (c: Customer) =>
        (b.start_time === undefined || c.created_at >= b.start_time) &&
        (b.end_time === undefined || c.created_at <= b.end_time) &&
        (b.source_type === undefined || c.source_type === b.source_type) &&
        (!name ||
          ['first_name', 'last_name', 'full_name'].some((f) =>
            String(c[f] ?? '')
              .toLowerCase()
              .includes(name),
          )) &&
        Object.entries(CONTACT_FILTERS).every(
          ([filter, field]) =>
            b[filter] === undefined ||
            b[filter] === '' ||
            (field === 'email' ? c[field] === b[filter] : digitsOf(c[field]) === digitsOf(b[filter])),
        ) &&
        (wanted.length === 0 ||
          (b.tags_logic_type === 'and' ? wanted.every((t) => hasTag(c, t)) : wanted.some((t) => hasTag(c, t))));
      const found = all.filter(matches);
      const limit = Number(b.limit);
      let page: Customer[];
      if (b.before !== undefined) {
        const earlier = found.filter((c) => c.id < b.before);
        page = earlier.slice(Math.max(0, earlier.length - limit));
      } else page = found.filter((c) => b.after === undefined || c.id > b.after).slice(0, limit);
      const first = page[0]?.id;
      const last = page[page.length - 1]?.id;
      return success(req.family, {
        list: page,
        total: found.length,
        before: first !== undefined && found.some((c) => c.id < first) ? first : null,
        after: last !== undefined && found.some((c) => c.id > last) ? last : null,
      });
    },
  };
}

export type Customers = ReturnType<typeof createCustomers>;
