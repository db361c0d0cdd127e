// The sandbox: the operations that act on state (media, templates), answered from the stores instead of the
// engine's examples, chosen by the route's operationId and host. Everything else is left to the engine.

import type { Delivery } from '../callbacks/deliver.js';
import { callbackAllowed, refusedTarget } from '../callbacks/targets.js';
import type { Answer } from '../http/answer.js';
import type { Route } from '../http/routes.js';
import type { Blocks } from './blocks/operations.js';
import type { Customers } from './customers/operations.js';
import { deleteMedia, getMedia, uploadMedia, uploadTemplateMedia } from './media/operations.js';
import type { MediaStore } from './media/store.js';
import type { Reads } from './messages/read.js';
import type { Profiles } from './profile/operations.js';
import type { SandboxRequest } from './request.js';
import {
  api2Create,
  api2Delete,
  api2List,
  api2Update,
  hkCreate,
  hkDelete,
  hkGet,
  hkList,
  hkUpdate,
  templateStatusCallback,
} from './templates/operations.js';
import { templateSendRefusal } from './templates/sends.js';
import type { TemplateStore } from './templates/store.js';

export type { SandboxRequest } from './request.js';

/** The stores the sandbox answers from, one per kind. */
interface Stores {
  media: MediaStore;
  templates: TemplateStore;
  reads: Reads;
  profiles: Profiles;
  blocks: Blocks;
  customers: Customers;
}
type Handler = (req: SandboxRequest, stores: Stores) => Answer;
type Named = (r: { body?: Record<string, any>; path: Record<string, string> }) => unknown;

const HANDLERS: Record<string, Record<string, Handler>> = {
  'api2.nxcloud.com': {
    uploadMedia: (r, s) => uploadMedia(r, s.media, 'media'),
    getMedia: (r, s) => getMedia(r, s.media),
    deleteMedia: (r, s) => deleteMedia(r, s.media),
    uploadTemplateFile: (r, s) => uploadMedia(r, s.media, 'template-file'),
    createTemplate: (r, s) => api2Create(r, s.templates),
    getTemplate: (r, s) => api2List(r, s.templates),
    updateTemplate: (r, s) => api2Update(r, s.templates),
    deleteTemplate: (r, s) => api2Delete(r, s.templates),
    markMessageAsRead: (r, s) => s.reads.markMessageAsRead(r),
    sendTypingIndicator: (r, s) => s.reads.sendTypingIndicator(r),
    getBusinessProfile: (r, s) => s.profiles.getBusinessProfile(r),
    createBlockUsers: (r, s) => s.blocks.createBlockUsers(r),
  },
  'api.nxcloud.com': {
    batchCreateCustomers: (r, s) => s.customers.batchCreate(r),
    queryCustomers: (r, s) => s.customers.query(r),
  },
  'api-idn.nxlink.ai': {
    batchCreateCustomers: (r, s) => s.customers.batchCreate(r),
  },
  'api-hk.nxlink.ai': {
    batchCreateCustomers: (r, s) => s.customers.batchCreate(r),
    queryCustomers: (r, s) => s.customers.query(r),
    uploadTemplateMedia: (r, s) => uploadTemplateMedia(r, s.media),
    createTemplate: (r, s) => hkCreate(r, s.templates),
    listTemplates: (r, s) => hkList(r, s.templates),
    getTemplate: (r, s) => hkGet(r, s.templates),
    updateTemplate: (r, s) => hkUpdate(r, s.templates),
    deleteTemplate: (r, s) => hkDelete(r, s.templates),
  },
};

// What names the medium or template an operation acts on. The documents' own example values of it (the spec's
// request and parameter examples, which the docs' code samples send) are fixtures: when the store has no such
// medium or template, the engine answers from the spec's examples, so that every documented example works as
// written; any other unknown one gets the documented failure code.
const NAMED_BY: Record<string, Record<string, Named>> = {
  'api2.nxcloud.com': {
    getMedia: (r) => r.body?.['Media-ID'],
    deleteMedia: (r) => r.body?.['Media-ID'],
    getTemplate: (r) => r.body?.after || r.body?.before || undefined,
    updateTemplate: (r) => r.body?.template_id,
    deleteTemplate: (r) => r.body?.name,
    markMessageAsRead: (r) => r.body?.message_id,
    sendTypingIndicator: (r) => r.body?.message_id,
    getBusinessProfile: (r) => r.body?.business_phone,
    createBlockUsers: (r) => r.body?.business_phone,
  },
  'api.nxcloud.com': {
    queryCustomers: (r) => r.body?.after ?? r.body?.before,
  },
  'api-hk.nxlink.ai': {
    queryCustomers: (r) => r.body?.after ?? r.body?.before,
    getTemplate: (r) => r.path.id,
    deleteTemplate: (r) => r.path.id,
    updateTemplate: (r) => r.body?.name,
  },
};

const documented = new WeakMap<Route, Set<string>>();
function documentedValues(route: Route, named: Named): Set<string> {
  let values = documented.get(route);
  if (!values) {
    values = new Set();
    const add = (v: unknown) => v !== undefined && v !== null && values!.add(String(v));
    for (const media of Object.values<any>(route.op.requestBody?.content ?? {}))
      for (const example of Object.values<any>(media.examples ?? {})) add(named({ body: example.value, path: {} }));
    add(
      named({
        path: Object.fromEntries(
          route.parameters
            .filter((p) => p.in === 'path' && (p as { example?: unknown }).example !== undefined)
            .map((p) => [p.name, String((p as { example?: unknown }).example)]),
        ),
      }),
    );
    documented.set(route, values);
  }
  return values;
}

export interface SandboxOptions extends Stores {
  delivery: Delivery;
  accounts: ReadonlyMap<string, string>;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  log: (line: string) => void;
  /** Refuse a template send naming a template the sandbox lacks even before the account has created any. */
  strictTemplates?: boolean;
}

export function createSandbox(options: SandboxOptions) {
  const { media, templates, delivery, accounts, log } = options;
  const stores: Stores = options;

  // api2 documents a template-status callback (HK documents none): sent to the configured webhook when a review
  // ends, signed with the account's credentials and retried like the status callbacks.
  templates.onReviewed((t) => {
    const url = options.webhookUrl;
    const secret = accounts.get(t.accessKey);
    if (t.host !== 'api2.nxcloud.com' || !url || secret === undefined) return;
    if (!callbackAllowed(url, options.allowAnyCallbackTarget)) {
      log(refusedTarget('template callback', url));
      return;
    }
    // Retried with backoff like every callback; each attempt is logged (templates keep no record of attempts).
    void delivery.deliver(
      url,
      JSON.stringify(templateStatusCallback(t)),
      { accessKey: t.accessKey, accessSecret: secret },
      undefined,
      { label: `template callback ${t.status} ${t.id}`, callback: { host: t.host, webhook: 'templateEvent' } },
    );
  });

  return {
    /** The sandbox's answer to a checked request, or undefined to let the engine answer. */
    answer(req: SandboxRequest): Answer | undefined {
      const operation = req.route.op.operationId as string;
      const refused = templateSendRefusal(req, templates, options.strictTemplates === true);
      if (refused) return refused;
      const blocked = options.blocks.sendRefusal(req);
      if (blocked) return blocked;
      const answer = HANDLERS[req.host]?.[operation]?.(req, stores);
      const named = NAMED_BY[req.host]?.[operation];
      if (answer && 'notFound' in answer && named && documentedValues(req.route, named).has(String(named(req))))
        return undefined;
      return answer;
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
