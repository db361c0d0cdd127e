import type { NxcloudError } from './errors.js';
import type { components } from './generated/api-hk.nxlink.ai.js';

export type TemplateRecord = components['schemas']['TemplateRecord'];
type TemplatePage = components['schemas']['TemplatePage'];

export interface PaginateOptions {
  params: {
    path: { phone: string };
    /** `tenant_id` may come from the client's `defaults`; `page_size` is 20 unless given; pages start at `page_number` (1). */
    query?: { tenant_id?: number; page_size?: number; page_number?: number; name?: string };
  };
  /** Aborting stops the iteration: the next page is not asked for, and the pending one fails. */
  signal?: AbortSignal;
  /** At most this many pages are read (a guard against a server that never says it is done). Default 1 000. */
  maxPages?: number;
}

// Any HK client (with or without defaults): only its GET of the template list is used.
type ListClient = { GET(path: '/saas/wa/template/{phone}', init: any): Promise<{ data?: unknown; error?: NxcloudError }> };

/**
 * Every template of a sender number on the HK host, page by page (`page_number`/`page_size`), as an async
 * iterator. It stops at the end (`has_next_page` false, a short or empty page, or `total` reached) and throws the
 * {@link NxcloudError} of a page that fails (an abort included).
 */
export async function* paginate(client: ListClient, path: '/saas/wa/template/{phone}', options: PaginateOptions): AsyncGenerator<TemplateRecord, void, undefined> {
  const query = { page_size: 20, page_number: 1, ...options.params.query };
  let seen = 0;
  for (let page = 0; page < (options.maxPages ?? 1_000); page++, query.page_number++) {
    const result = await client.GET(path, { params: { ...options.params, query: { ...query } }, signal: options.signal });
    if (result.error) throw result.error;
    const data = result.data as TemplatePage | undefined;
    const list = data?.list ?? [];
    yield* list;
    seen += list.length;
    if (data?.has_next_page === false || list.length < query.page_size || (typeof data?.total === 'number' && seen >= data.total)) return;
  }
}
