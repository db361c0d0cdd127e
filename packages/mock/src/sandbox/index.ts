// The sandbox: the operations that act on state (media, templates), answered from the stores instead of the
// engine's examples, chosen by the route's operationId and host; and its own inspection paths (media downloads,
// reset). Everything else is left to the engine.
import type { Answer } from '../answer.js';
import { callbackAllowed, type CallbackSender } from '../callbacks/status.js';
import type { MediaStore } from '../state/media.js';
import type { TemplateStore } from '../state/templates.js';
import type { SandboxRequest } from './context.js';
import { deleteMedia, download, getMedia, MEDIA_PATH, uploadMedia, uploadTemplateMedia } from './media.js';
import { api2Create, api2Delete, api2List, api2Update, hkCreate, hkDelete, hkGet, hkList, hkUpdate, templateStatusCallback } from './templates.js';

export type { SandboxRequest } from './context.js';

type Handler = (req: SandboxRequest, stores: { media: MediaStore; templates: TemplateStore }) => Answer;

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
  },
  'api-hk.nxlink.ai': {
    uploadTemplateMedia: (r, s) => uploadTemplateMedia(r, s.media),
    createTemplate: (r, s) => hkCreate(r, s.templates),
    listTemplates: (r, s) => hkList(r, s.templates),
    getTemplate: (r, s) => hkGet(r, s.templates),
    updateTemplate: (r, s) => hkUpdate(r, s.templates),
    deleteTemplate: (r, s) => hkDelete(r, s.templates),
  },
};

export interface SandboxOptions {
  media: MediaStore;
  templates: TemplateStore;
  callbacks: CallbackSender;
  accounts: ReadonlyMap<string, string>;
  webhookUrl?: string;
  allowAnyCallbackTarget: boolean;
  log: (line: string) => void;
}

export function createSandbox(options: SandboxOptions) {
  const { media, templates, callbacks, accounts, log } = options;

  // api2 documents a template-status callback (HK documents none): sent to the configured webhook when a review
  // ends, signed with the account's credentials like the status callbacks.
  templates.onReviewed((t) => {
    const url = options.webhookUrl;
    const secret = accounts.get(t.accessKey);
    if (t.host !== 'api2.nxcloud.com' || !url || secret === undefined) return;
    if (!callbackAllowed(url, options.allowAnyCallbackTarget)) {
      log(`template callback to ${url} refused: not a loopback address (start the mock with --allow-any-callback-target to allow it)`);
      return;
    }
    callbacks.postSigned(url, { accessKey: t.accessKey, accessSecret: secret }, JSON.stringify(templateStatusCallback(t))).then(
      (code) => log(`template callback ${t.status} ${t.id} → ${code}`),
      (error: Error) => log(`template callback ${t.status} ${t.id} failed: ${error.message}`),
    );
  });

  return {
    /** The sandbox's answer to a checked request, or undefined to let the engine answer. */
    answer(req: SandboxRequest): Answer | undefined {
      const handler = HANDLERS[req.host]?.[req.route.op.operationId as string];
      return handler?.(req, { media, templates });
    },
    /** The sandbox's own paths under /__nxwa/ (media downloads; the reset also clears its stores); undefined otherwise. */
    inspect(method: string, url: URL): Answer | undefined {
      if (url.pathname.startsWith(MEDIA_PATH)) return download(method, url, media);
      if (url.pathname === '/__nxwa/state' && method === 'DELETE') this.reset();
      return undefined;
    },
    reset(): void {
      media.reset();
      templates.reset();
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
