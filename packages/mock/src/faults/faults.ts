// Faults and latency, WireMock-style: a small closed set, chosen per request (`x-nxwa-fault` header) or per run
// (`--fault` / the `faults` option, scoped to a host or an operation). The grammar, in the README's table:
//
//   fault  = item *( "," item )            at most one delay and one outcome
//   item   = "delay=" ms                   wait, then go on (0–60000)
//          | "429" [ ";retry-after=" s ]   HTTP 429 with Retry-After (1 s unless given; 0–3600)
//          | 5xx                           HTTP 500–599
//          | "reset"                       the connection is reset, no answer
//          | "accepted-then-500"           carried out (a send is recorded, its callbacks go out), answered HTTP 500
//          | "times=" n                    rules only: the first n matching requests, then the rule is spent
//   rule   = [ scope ":" ] fault           scope: a host, an operationId or host/operationId; none (or *): every one
import { type Answer, envelope, type Family } from '../http/answer.js';
import type { Spec } from '../http/hosts.js';

export type FaultOutcome =
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'reset' }
  | { kind: 'accepted-then-500' };

export interface Fault {
  delayMs?: number;
  outcome?: FaultOutcome;
}

export interface Rule extends Fault {
  host?: string;
  operationId?: string;
  /** Requests it still applies to; unbounded when undefined. */
  left?: number;
}

const EXPECTED = 'a comma-separated list of delay=<ms>, 429[;retry-after=<s>], 500–599, reset, accepted-then-500';

/** Parses a fault (`rule: true` also takes `times=`); throws an Error naming what was expected. */
export function parseFault(text: string, { rule = false } = {}): Fault & { times?: number } {
  const fault: Fault & { times?: number } = {};
  const items = text.split(',').map((s) => s.trim());
  for (const item of items) {
    let m: RegExpExecArray | null;
    const outcome = (o: FaultOutcome) => {
      if (fault.outcome)
        throw new Error(
          `${JSON.stringify(text)} has two outcomes; give at most one of 429, 5xx, reset, accepted-then-500 (with at most one delay=<ms>).`,
        );
      fault.outcome = o;
    };
    if ((m = /^delay=(\d{1,6})$/i.exec(item))) {
      const ms = Number(m[1]);
      if (ms > 60_000) throw new Error(`delay=${m[1]} is too long: at most 60000 ms.`);
      if (fault.delayMs !== undefined)
        throw new Error(`${JSON.stringify(text)} has two delays; give at most one delay=<ms>.`);
      fault.delayMs = ms;
    } else if ((m = /^429(?:;\s*retry-after=(\d{1,4}))?$/i.exec(item))) {
      const retryAfter = m[1] === undefined ? 1 : Number(m[1]);
      if (retryAfter > 3_600) throw new Error(`retry-after=${m[1]} is too long: at most 3600 s.`);
      outcome({ kind: 'status', status: 429, retryAfter });
    } else if (/^5\d\d$/.test(item)) {
      outcome({ kind: 'status', status: Number(item) });
    } else if (/^reset$/i.test(item)) {
      outcome({ kind: 'reset' });
    } else if (/^accepted-then-500$/i.test(item)) {
      outcome({ kind: 'accepted-then-500' });
    } else if (rule && (m = /^times=(\d{1,9})$/i.exec(item)) && Number(m[1]) >= 1) {
      fault.times = Number(m[1]);
    } else {
      throw new Error(
        `${JSON.stringify(item.slice(0, 60))} is not a fault; expected ${EXPECTED}${rule ? ' (and times=<n>, n ≥ 1)' : ''}.`,
      );
    }
  }
  return fault;
}

export interface Scopes {
  hosts: readonly string[];
  operations: ReadonlyMap<string, readonly string[]>;
}

/** What a rule may be scoped to: the hosts served and each one's operationIds. */
export const scopesOf = (hosts: readonly string[], specs: readonly Spec[]): Scopes => ({
  hosts,
  operations: new Map(
    hosts.map((h, i) => [
      h,
      Object.values(specs[i].paths).flatMap((item) =>
        Object.values(item)
          .map((op) => op?.operationId)
          .filter((id): id is string => typeof id === 'string'),
      ),
    ]),
  ),
});

/**
 * The run's fault rules, from `--fault` / the `faults` option: each `[scope:]fault`. `scopes` lists the hosts served
 * and their operationIds, so that a misspelt scope is refused instead of never matching. Throws naming the rule.
 */
export function parseRules(rules: readonly unknown[], scopes: Scopes, name: (i: number) => string): Rule[] {
  return rules.map((text, i) => {
    if (typeof text !== 'string' || text.trim() === '')
      throw new Error(
        `${name(i)} must be a non-empty string such as "sendMessage:accepted-then-500"; got ${typeof text === 'string' ? '""' : typeof text}.`,
      );
    const colon = text.indexOf(':');
    const scope = colon >= 0 ? text.slice(0, colon).trim() : '*';
    let fault: ReturnType<typeof parseFault>;
    try {
      fault = parseFault(text.slice(colon + 1), { rule: true });
    } catch (error) {
      throw new Error(`${name(i)}: ${(error as Error).message}`);
    }
    const rule: Rule = { delayMs: fault.delayMs, outcome: fault.outcome, left: fault.times };
    if (scope === '*') return rule;
    const [first, second] = scope.split('/');
    const allOperations = [...new Set([...scopes.operations.values()].flat())];
    if (second !== undefined) {
      if (!scopes.hosts.includes(first) || !scopes.operations.get(first)?.includes(second)) {
        throw new Error(
          `${name(i)}: scope ${JSON.stringify(scope)} is not a host/operationId served (e.g. ${scopes.hosts[0]}/${scopes.operations.get(scopes.hosts[0])?.[0]}).`,
        );
      }
      return { ...rule, host: first, operationId: second };
    }
    if (scopes.hosts.includes(scope)) return { ...rule, host: scope };
    if (allOperations.includes(scope)) return { ...rule, operationId: scope };
    throw new Error(
      `${name(i)}: scope ${JSON.stringify(scope)} is neither a host served (${scopes.hosts.join(', ')}) nor one of their operationIds (${allOperations.join(', ')}); or leave it out for every operation.`,
    );
  });
}

/** The fault for one request: its header's if it has one, else the first run rule that matches and is not spent. */
export function createFaults(initial: Rule[]) {
  let rules = initial;
  return {
    /** Replaces the run's rules while the mock runs (`PUT /__nxwa/faults`); the spent counts start afresh. */
    replace(next: Rule[]): void {
      rules = next;
    },
    pick(host: string, operationId: string | undefined, header: string | string[] | undefined): Fault | undefined {
      if (header !== undefined) return parseFault(String(header).slice(0, 1_000));
      const rule = rules.find(
        (r) =>
          (r.left === undefined || r.left > 0) &&
          (r.host === undefined || r.host === host) &&
          (r.operationId === undefined || r.operationId === operationId),
      );
      if (rule?.left !== undefined) rule.left--;
      return rule;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

/** Thrown to make the server reset the connection instead of answering. */
export class ConnectionReset extends Error {}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * Applies a fault's delay, then its outcome when it replaces the answer: an Answer for 429 and 5xx, a thrown
 * ConnectionReset for reset. Undefined: go on (accepted-then-500 is applied to the answer by {@link afterAnswer}).
 */
export async function beforeAnswer(fault: Fault, family: Family): Promise<Answer | undefined> {
  if (fault.delayMs) await wait(fault.delayMs);
  const o = fault.outcome;
  if (o?.kind === 'reset') throw new ConnectionReset();
  if (o?.kind === 'status') {
    return {
      status: o.status,
      code: -1,
      body: envelope(
        family,
        -1,
        `The mock's fault ${o.status}${o.retryAfter !== undefined ? `; retry after ${o.retryAfter} s` : ''}.`,
      ),
      headers: o.retryAfter !== undefined ? { 'retry-after': String(o.retryAfter) } : undefined,
    };
  }
  return undefined;
}

/** accepted-then-500: an accepted request's answer (code 0) is replaced by HTTP 500; a refusal stays as it is. */
export function afterAnswer(fault: Fault | undefined, answer: Answer, family: Family): Answer {
  if (fault?.outcome?.kind !== 'accepted-then-500' || answer.status !== 200 || answer.code !== 0) return answer;
  return {
    status: 500,
    code: -1,
    body: envelope(
      family,
      -1,
      "The mock's fault accepted-then-500: the request was carried out, but this answer says it failed.",
    ),
  };
}
