// Every documented callback kind of a host, read from its spec's `webhooks`: one kind per named example
// (`messageStatus.sent`, `inboundMessage.image`, `accountEvent.accountUpdate`, …), plus one per value of a
// webhook's `field` enum that no example shows (`templateEvent.message_template_quality_update`): the documents list
// those events without an example, so the kind is the first example with its `field` set to that value.
import { HOSTS, loadSpec, type MockHost, type Spec } from '../http/hosts.js';

export interface CallbackKind {
  host: MockHost;
  /** `<webhook>.<example>` or `<webhook>.<field value>`. */
  kind: string;
  /** The spec's name of the webhook (`messageStatus`) and its operationId (`onMessageStatus`). */
  webhook: string;
  operationId: string;
  /** The JSON body, as the spec's example gives it. */
  payload: Record<string, unknown>;
}

const deref = (spec: Spec, node: any): any => {
  if (typeof node?.$ref !== 'string') return node;
  return node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((n: any, part: string) => n?.[part], spec);
};

/** The kinds one spec documents, in the spec's order. */
export function kindsOf(host: MockHost, spec: Spec = loadSpec(host)): CallbackKind[] {
  const out: CallbackKind[] = [];
  for (const [webhook, item] of Object.entries((spec.webhooks ?? {}) as Record<string, any>)) {
    const op = item.post;
    const media = op?.requestBody?.content?.['application/json'];
    if (!media) continue;
    const examples = Object.entries<any>(media.examples ?? {}).map(
      ([name, e]) => [name, deref(spec, e).value] as const,
    );
    for (const [name, value] of examples)
      out.push({ host, kind: `${webhook}.${name}`, webhook, operationId: op.operationId, payload: value });
    const fields: unknown[] = deref(spec, media.schema)?.properties?.field?.enum ?? [];
    const shown = new Set(examples.map(([, v]) => v?.field));
    const first = examples[0]?.[1];
    for (const field of fields)
      if (typeof field === 'string' && !shown.has(field) && first)
        out.push({
          host,
          kind: `${webhook}.${field}`,
          webhook,
          operationId: op.operationId,
          payload: { ...first, field },
        });
  }
  return out;
}

const cache = new Map<MockHost, CallbackKind[]>();

/** Every documented callback kind of each host (every host by default); copies, so callers may change them. */
export function callbackKinds(hosts: readonly MockHost[] = HOSTS): CallbackKind[] {
  return hosts.flatMap((host) => {
    let kinds = cache.get(host);
    if (!kinds) cache.set(host, (kinds = kindsOf(host)));
    return structuredClone(kinds);
  });
}

/**
 * The kind a name means on a host: `<webhook>.<example>`, or a webhook alone for its first example. Throws an Error
 * naming the host's kinds when there is none.
 */
export function findKind(host: MockHost, name: string): CallbackKind {
  const kinds = callbackKinds([host]);
  const found = kinds.find((k) => k.kind === name) ?? kinds.find((k) => k.webhook === name);
  if (!found)
    throw new Error(
      `kind ${JSON.stringify(String(name).slice(0, 80))} is not a callback ${host} documents; expected one of ${kinds.map((k) => k.kind).join(', ')}.`,
    );
  return found;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `overrides` laid over `base`: objects merged key by key, anything else (arrays included) replaced. */
export function overlay(base: unknown, overrides: unknown): unknown {
  if (!isObject(base) || !isObject(overrides)) return overrides === undefined ? base : overrides;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) out[k] = overlay(base[k], v);
  return out;
}
