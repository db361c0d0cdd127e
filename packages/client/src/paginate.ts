import type { NxcloudClient } from './client.js';
import type { NxcloudError } from './errors.js';
import type { components } from './generated/api-hk.nxlink.ai.js';
import type { components as Api2Components, paths as Api2Paths } from './generated/api2.nxcloud.com.js';

export type TemplateRecord = components['schemas']['TemplateRecord'];
type TemplatePage = components['schemas']['TemplatePage'];
/** A template as api2's `getTemplate` lists it. */
export type TemplateInfo = Api2Components['schemas']['TemplateInfo'];
type TemplateCursorPage = { data?: TemplateInfo[]; paging?: Api2Components['schemas']['TemplatePaging'] };

interface PageOptions {
  /** Aborting stops the iteration: the next page is not asked for, and the pending one fails. */
  signal?: AbortSignal | undefined;
  /** At most this many pages are read (a guard against a server that never says it is done). Default 1 000. */
  maxPages?: number | undefined;
}

export interface PaginateOptions extends PageOptions {
  params: {
    path: { phone: string };
    /** `tenant_id` may come from the client's `defaults`; `page_size` is 20 unless given; pages start at `page_number` (1). */
    query?: { tenant_id?: number; page_size?: number; page_number?: number; name?: string };
  };
}

// The getTemplate body as the given client types it (appkey and business_phone optional when they are its
// defaults); the cursors are the iterator's own, except `after` to start from.
type CursorBody<P> = P extends {
  '/api/wa/getTemplate': { post: { requestBody: { content: { 'application/json': infer B } } } };
}
  ? Omit<B, 'before'>
  : never;

export interface CursorPaginateOptions<Body = CursorBody<Api2Paths>> extends PageOptions {
  /** The getTemplate body: `limit` per page (20 when left out), `name`, and `after` to start after a cursor. */
  body: Body;
}

// Any HK client (with or without defaults): only its GET of the template list is used.
// `| undefined` on both, so that a client's result type matches under `exactOptionalPropertyTypes` too.
type ListClient = {
  GET(
    path: '/saas/wa/template/{phone}',
    init: any,
  ): Promise<{ data?: unknown | undefined; error?: NxcloudError | undefined }>;
};

/**
 * Every template of a sender number on the HK host, page by page (`page_number`/`page_size`), as an async
 * iterator. It stops at the end (`has_next_page` false, a short or empty page, or `total` reached) and throws the
 * {@link NxcloudError} of a page that fails (an abort included).
 */
export function paginate(
  client: ListClient,
  path: '/saas/wa/template/{phone}',
  options: PaginateOptions,
): AsyncGenerator<TemplateRecord, void, undefined>;
/**
 * Every template of a number on api2 (`POST /api/wa/getTemplate`), following the answer's cursor: each page's
 * `paging.cursors.after` is sent as `after` for the next. It stops at the end (no `paging.next`, no `after`
 * cursor, an empty page, or the same cursor answered again) and throws the {@link NxcloudError} of a page that
 * fails (an abort included).
 */
export function paginate<P extends {}>(
  client: NxcloudClient<P>,
  path: '/api/wa/getTemplate',
  options: CursorPaginateOptions<CursorBody<P>>,
): AsyncGenerator<TemplateInfo, void, undefined>;
export function paginate(client: any, path: string, options: any): AsyncGenerator<any, void, undefined> {
  return path === '/api/wa/getTemplate'
    ? byCursor(client, path, options)
    : byPageNumber(client, path as '/saas/wa/template/{phone}', options);
}

async function* byPageNumber(
  client: ListClient,
  path: '/saas/wa/template/{phone}',
  options: PaginateOptions,
): AsyncGenerator<TemplateRecord, void, undefined> {
  const query = { page_size: 20, page_number: 1, ...options.params.query };
  let seen = 0;
  for (let page = 0; page < (options.maxPages ?? 1_000); page++, query.page_number++) {
    const result = await client.GET(path, {
      params: { ...options.params, query: { ...query } },
      signal: options.signal,
    });
    if (result.error) throw result.error;
    const data = result.data as TemplatePage | undefined;
    const list = data?.list ?? [];
    yield* list;
    seen += list.length;
    if (
      data?.has_next_page === false ||
      list.length < query.page_size ||
      (typeof data?.total === 'number' && seen >= data.total)
    )
      return;
  }
}

type CursorClient = {
  POST(
    path: '/api/wa/getTemplate',
    init: any,
  ): Promise<{ data?: unknown | undefined; error?: NxcloudError | undefined }>;
};

async function* byCursor(
  client: CursorClient,
  path: '/api/wa/getTemplate',
  options: CursorPaginateOptions<Record<string, unknown>>,
): AsyncGenerator<TemplateInfo, void, undefined> {
  const { before: _ignored, ...body } = options.body as Record<string, unknown>;
  let after = typeof body.after === 'string' && body.after !== '' ? body.after : undefined;
  for (let page = 0; page < (options.maxPages ?? 1_000); page++) {
    const result = await client.POST(path, { body: { ...body, after }, signal: options.signal });
    if (result.error) throw result.error;
    const data = result.data as TemplateCursorPage | undefined;
    const list = data?.data ?? [];
    yield* list;
    const next = data?.paging?.cursors?.after;
    // `paging.next` is present only when there is a next page; a cursor answered again would loop forever.
    if (list.length === 0 || !data?.paging?.next || typeof next !== 'string' || next === '' || next === after) return;
    after = next;
  }
}
