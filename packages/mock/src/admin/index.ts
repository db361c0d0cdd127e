// Every /__nxwa path, on every host's port, routed from the one table below: the inspection API, the reset, the
// simulated inbound message, media downloads, and the live inspector's page and event stream. A new endpoint is a
// new row. Each answers JSON (`{ error }` on a failure) rather than a host's envelope: these are the mock's own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from '../http/answer.js';
import { readBody } from '../http/body.js';
import type { MockHost } from '../http/hosts.js';
import { download, MEDIA_PATH } from '../sandbox/media/operations.js';
import type { MediaStore } from '../sandbox/media/store.js';
import type { MessageStore } from '../sandbox/messages/store.js';
import type { Timelines } from '../sandbox/messages/timeline.js';
import type { TemplateStore } from '../sandbox/templates/store.js';
import type { HostCoverage } from './coverage.js';
import { answerFaultsGet, answerFaultsPut, type RunFaults } from './faults.js';
import { refusedHost, refusedPost } from './guard.js';
import type { Inbound } from './inbound.js';
import { createInspector, type InspectorOptions } from './inspector/events.js';
import { PAGE, PAGE_HEADERS } from './inspector/page.js';
import type { Journal } from './journal.js';
import { driveMessage } from './lifecycle.js';
import { getMessage, listMessages } from './messages.js';
import { answerProfile, type SandboxProfiles } from './profiles.js';
import { listRequests } from './requests.js';
import { addMedium, listMedia, listTemplates } from './stores.js';
import { answerReview } from './templates.js';
import type { Trigger } from './trigger.js';
import { adminOperation, adminProblems } from './validation.js';
import { answerWait, type WaitProbe } from './wait.js';

/** The prefix of the mock's own paths. */
export const ADMIN_PREFIX = '/__nxwa';

export interface AdminRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path's groups, as they stand in the path (still percent-encoded). */
  params: string[];
  /** The JSON body, parsed and valid against the mock's API (routes that read their body). */
  body?: unknown;
  /** The body's bytes, as read once for the check (routes that read their body). */
  raw?: Buffer;
}

export interface AdminRoute {
  /** The whole path, or a pattern of it whose groups become `params`. */
  path: string | RegExp;
  /** How the path reads in a message, when it is a pattern (`/__nxwa/messages/{id}`). */
  shows?: string;
  /** The methods it takes; a 405 names the first. */
  methods: readonly string[];
  /** Takes a JSON body (read within the mock's limit, checked against the mock's API); the others' are drained unread. */
  readsBody?: boolean;
  /** The answer; undefined when the handler wrote the response itself (an event stream). */
  handle(r: AdminRequest): Answer | undefined | Promise<Answer | undefined>;
}

export interface AdminOptions {
  host: string;
  messages: MessageStore;
  media: MediaStore;
  /** The templates the phone view lists and a review by hand decides (POST /__nxwa/templates/{id}/review). */
  templates?: TemplateStore;
  /** Drives a sent message's statuses by hand (POST /__nxwa/messages/{id}/status). */
  timelines?: Pick<Timelines, 'drive'>;
  inbound: Inbound;
  /** Forgets every record and cancels what is scheduled (DELETE /__nxwa/state). */
  resetAll: () => void;
  maxBodyBytes: number;
  log: (line: string) => void;
  inspector?: Pick<InspectorOptions, 'maxStreams' | 'batchMs' | 'maxBuffered'>;
  /** Fires documented callbacks (POST /__nxwa/trigger). */
  trigger?: Trigger;
  /** The run's fault rules (GET/PUT /__nxwa/faults). */
  faults?: RunFaults;
  /** What POST /__nxwa/wait watches. */
  wait?: WaitProbe;
  /** Every answered request and its verdict (GET /__nxwa/requests). */
  journal?: Journal;
  /** What the caller's requests covered so far (GET /__nxwa/coverage). */
  coverage?: () => HostCoverage[];
  /** Writes the report file (POST /__nxwa/report); throws naming the problem. */
  report?: () => void;
  /** Host names the admin paths answer besides loopback ones (the listen address, `allowedHosts`). */
  allowedHosts?: readonly string[];
  /** Business profiles (GET/PUT /__nxwa/profiles/{phone}). */
  profiles?: SandboxProfiles;
  /** Where the upstream departed from the spec, in proxy mode (GET /__nxwa/drift). */
  drift?: () => unknown[];
}

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const unavailable = (what: string) => json(501, { error: `This mock was built without ${what}.` });

export function createAdmin(options: AdminOptions) {
  const { host, messages, media, inbound, log } = options;
  const inspector = createInspector({ messages, host, log, ...options.inspector });
  const allowedHosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));

  const ROUTES: readonly AdminRoute[] = [
    {
      // The query goes along, re-encoded: nothing from the request reaches the header as it came.
      path: ADMIN_PREFIX,
      methods: ['GET', 'HEAD'],
      handle: ({ url }) => {
        const query = url.searchParams.toString();
        return { status: 308, body: '', headers: { location: `${ADMIN_PREFIX}/${query ? `?${query}` : ''}` } };
      },
    },
    {
      path: `${ADMIN_PREFIX}/`,
      methods: ['GET', 'HEAD'],
      handle: ({ req }) => ({
        status: 200,
        body: req.method === 'HEAD' ? '' : PAGE,
        contentType: PAGE_HEADERS['content-type'],
        headers: PAGE_HEADERS,
      }),
    },
    {
      path: `${ADMIN_PREFIX}/events`,
      methods: ['GET', 'HEAD'],
      handle: ({ req, res }) => void inspector.stream(req, res),
    },
    { path: `${ADMIN_PREFIX}/messages`, methods: ['GET'], handle: ({ url }) => listMessages(url, messages) },
    {
      path: new RegExp(`^${ADMIN_PREFIX}/messages/([^/]+)$`),
      shows: `${ADMIN_PREFIX}/messages/{id}`,
      methods: ['GET'],
      handle: ({ url, params }) => getMessage(url, params[0], messages),
    },
    { path: `${ADMIN_PREFIX}/requests`, methods: ['GET'], handle: ({ url }) => listRequests(url, options.journal) },
    {
      path: `${ADMIN_PREFIX}/coverage`,
      methods: ['GET'],
      handle: () => json(200, { hosts: options.coverage?.() ?? [] }),
    },
    {
      path: `${ADMIN_PREFIX}/drift`,
      methods: ['GET'],
      handle: () => json(200, { drift: options.drift?.() ?? [] }),
    },
    {
      path: `${ADMIN_PREFIX}/report`,
      methods: ['POST'],
      handle: () => {
        try {
          if (!options.report) throw new Error('this mock writes no report');
          options.report();
          return json(200, { written: true });
        } catch (error) {
          // Nothing recorded is lost: the journal stays as it was, and the next write may succeed.
          return json(409, { error: `${(error as Error).message}.` });
        }
      },
    },
    {
      path: new RegExp(`^${ADMIN_PREFIX}/messages/([^/]+)/status$`),
      shows: `${ADMIN_PREFIX}/messages/{id}/status`,
      methods: ['POST'],
      readsBody: true,
      handle: ({ params, raw }) => driveMessage(raw ?? Buffer.alloc(0), params[0], messages, options.timelines),
    },
    {
      path: `${ADMIN_PREFIX}/state`,
      methods: ['DELETE'],
      handle: () => {
        options.resetAll();
        return { status: 204, body: '' };
      },
    },
    {
      path: `${ADMIN_PREFIX}/inbound`,
      methods: ['POST'],
      readsBody: true,
      handle: ({ body }) => inbound.answer(body as Record<string, unknown>),
    },
    { path: `${ADMIN_PREFIX}/templates`, methods: ['GET'], handle: ({ url }) => listTemplates(url, options.templates) },
    {
      path: `${ADMIN_PREFIX}/media`,
      methods: ['GET', 'POST'],
      readsBody: true,
      handle: ({ req, url, raw }) =>
        req.method === 'POST'
          ? addMedium(url, req.headers['content-type'], raw ?? Buffer.alloc(0), media)
          : listMedia(url, media),
    },
    {
      path: `${ADMIN_PREFIX}/trigger`,
      methods: ['POST'],
      readsBody: true,
      handle: ({ raw }) => {
        return options.trigger
          ? options.trigger.answer(raw ?? Buffer.alloc(0), host as MockHost)
          : unavailable('trigger');
      },
    },
    {
      path: `${ADMIN_PREFIX}/faults`,
      methods: ['PUT', 'GET'],
      readsBody: true,
      handle: ({ req, raw }) => {
        if (!options.faults) return unavailable('faults');
        if (req.method === 'GET') return answerFaultsGet(options.faults);
        return answerFaultsPut(raw ?? Buffer.alloc(0), options.faults);
      },
    },
    {
      path: `${ADMIN_PREFIX}/wait`,
      methods: ['POST'],
      readsBody: true,
      handle: ({ raw }) => {
        return options.wait ? answerWait(raw ?? Buffer.alloc(0), options.wait) : unavailable('wait');
      },
    },
    {
      path: new RegExp(`^${ADMIN_PREFIX}/templates/([^/]+)/review$`),
      shows: `${ADMIN_PREFIX}/templates/{id}/review`,
      methods: ['POST'],
      readsBody: true,
      handle: ({ params, body }) => {
        return options.templates
          ? answerReview(body, params[0], host as MockHost, options.templates)
          : unavailable('templates');
      },
    },
    {
      path: new RegExp(`^${ADMIN_PREFIX}/profiles/([^/]+)$`),
      shows: `${ADMIN_PREFIX}/profiles/{phone}`,
      methods: ['PUT', 'GET'],
      readsBody: true,
      handle: ({ req, url, params, body }) =>
        options.profiles
          ? answerProfile(req.method ?? 'GET', url, params[0], body, options.profiles)
          : unavailable('profiles'),
    },
    {
      path: new RegExp(`^${MEDIA_PATH}(.*)$`),
      shows: `${MEDIA_PATH}{id}`,
      methods: ['GET'],
      handle: ({ params }) => download(params[0], media),
    },
  ];

  const listed = ROUTES.map((r) => `${r.methods[0]} ${r.shows ?? r.path}`);

  return {
    /** Whether a path is one of the mock's own (this table answers it, if only with a 404). */
    owns: (path: string) => path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`),
    /** The answer to one of the mock's own paths; undefined when the response was written here (an event stream). */
    async answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<Answer | undefined> {
      const path = url.pathname;
      const method = req.method ?? 'GET';
      const refused = refusedHost(req, allowedHosts);
      if (refused) {
        req.resume();
        return refused;
      }
      for (const route of ROUTES) {
        const match = typeof route.path === 'string' ? (route.path === path ? [] : null) : route.path.exec(path);
        if (!match) continue;
        if (!route.readsBody) req.resume();
        if (!route.methods.includes(method))
          return {
            ...json(405, { error: `${method} is not allowed on ${path}; use ${route.methods[0]}.` }),
            headers: { allow: route.methods.join(', ') },
          };
        const post = refusedPost(req);
        if (post) {
          req.resume();
          return post;
        }
        // Checked against the mock's own API document, as the hosts' requests are against theirs.
        const operation = adminOperation(method, path);
        const raw = route.readsBody ? await readBody(req, options.maxBodyBytes) : undefined;
        const checked = operation ? adminProblems(operation, url, raw) : { problems: [] };
        if (checked.problems.length > 0)
          return json(400, { error: `${checked.problems.map((p) => p.text).join('; ')}.` });
        const params = typeof route.path === 'string' ? [] : match.slice(1);
        return route.handle({ req, res, url, params, body: checked.body, raw });
      }
      req.resume();
      return json(404, { error: `No inspection endpoint ${path}: ${listed.join(', ')}.` });
    },
    /** Ends every open event stream (the mock is stopping). */
    close: () => inspector.close(),
    /** Open event streams. */
    get streams(): number {
      return inspector.streams;
    },
  };
}

export type Admin = ReturnType<typeof createAdmin>;
