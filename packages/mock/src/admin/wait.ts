// mock.waitFor(...) and POST /__nxwa/wait: wait, bounded, for a message to reach a status, for the webhooks to have
// taken N callbacks, or for nothing to be pending. Woken by the stores' and the delivery's events, never by polling:
// each event schedules one check after the current turn (setImmediate), when the promise chains it ends have settled.
import type { Answer } from '../http/answer.js';
import { MESSAGE_STATUSES, type MessageStatus, type MockMessage } from '../sandbox/messages/store.js';

export type WaitCondition =
  /** The message has reached the status (it is in its timeline). */
  | { message: string; status: MessageStatus; accessKey?: string }
  /** The webhooks have taken (answered 2xx) at least this many callbacks since the start or the last reset. */
  | { callbacks: number }
  /** No timeline, callback, retry or template review is still to come. */
  | { idle: true };

export interface WaitProbe {
  message(id: string, accessKey?: string): MockMessage | undefined;
  taken(): number;
  pending(): number;
  /** Calls `listener` after anything that may change a condition; returns the call that stops it. */
  subscribe(listener: () => void): () => void;
}

/** The longest wait, in ms; and the default one. */
export const MAX_WAIT_MS = 60_000;
export const DEFAULT_WAIT_MS = 10_000;

export class WaitError extends Error {}
/** The time ran out before the condition held. */
export class WaitTimeout extends WaitError {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const EXPECTED = '{ message, status } or { callbacks: <n> } or { idle: true }, with an optional timeoutMs';

/** Checks a condition given from outside; throws a WaitError naming the field. */
export function checkCondition(value: unknown): WaitCondition {
  if (!isObject(value)) throw new WaitError(`The condition must be ${EXPECTED}.`);
  if ('message' in value) {
    if (typeof value.message !== 'string' || value.message === '')
      throw new WaitError('message must be the ID of a message.');
    if (!MESSAGE_STATUSES.includes(value.status as MessageStatus))
      throw new WaitError(`status must be one of ${MESSAGE_STATUSES.join(', ')}.`);
    if (value.accessKey !== undefined && typeof value.accessKey !== 'string')
      throw new WaitError('accessKey must be a string.');
    return { message: value.message, status: value.status as MessageStatus, accessKey: value.accessKey as string };
  }
  if ('callbacks' in value) {
    if (!Number.isInteger(value.callbacks) || (value.callbacks as number) < 0)
      throw new WaitError('callbacks must be a whole number ≥ 0.');
    return { callbacks: value.callbacks as number };
  }
  if (value.idle === true) return { idle: true };
  throw new WaitError(`The condition must be ${EXPECTED}.`);
}

const describe = (c: WaitCondition) =>
  'message' in c
    ? `message ${c.message} to reach ${c.status}`
    : 'callbacks' in c
      ? `the webhooks to take ${c.callbacks} callbacks`
      : 'nothing to be pending';

/** Resolves when the condition holds; rejects with a WaitError saying what was waited for after `timeoutMs`. */
export function waitFor(condition: WaitCondition, probe: WaitProbe, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_WAIT_MS)
    return Promise.reject(new WaitError(`timeoutMs must be between 0 and ${MAX_WAIT_MS}; got ${timeoutMs}.`));
  const holds = (): boolean => {
    if ('message' in condition)
      return (
        probe.message(condition.message, condition.accessKey)?.timeline.some((e) => e.status === condition.status) ??
        false
      );
    if ('callbacks' in condition) return probe.taken() >= condition.callbacks;
    return probe.pending() === 0;
  };
  return new Promise((resolve, reject) => {
    let scheduled: NodeJS.Immediate | undefined;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      clearImmediate(scheduled);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      scheduled = undefined;
      if (holds()) finish();
    };
    const unsubscribe = probe.subscribe(() => {
      scheduled ??= setImmediate(check);
    });
    const timer = setTimeout(() => {
      const m = 'message' in condition ? probe.message(condition.message, condition.accessKey) : undefined;
      const now =
        'message' in condition
          ? m
            ? `it is ${m.status}`
            : 'no such message'
          : 'callbacks' in condition
            ? `${probe.taken()} taken`
            : `${probe.pending()} pending`;
      finish(new WaitTimeout(`Waited ${timeoutMs} ms for ${describe(condition)}; ${now}.`));
    }, timeoutMs);
    check();
  });
}

/** Answers POST /__nxwa/wait: 200 once the condition holds, 408 when the time runs out, 400 for a bad condition. */
export async function answerWait(raw: Buffer, probe: WaitProbe): Promise<Answer> {
  const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
  try {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new WaitError(`The body is not valid JSON; expected ${EXPECTED}.`);
    }
    const { timeoutMs, ...rest } = isObject(body) ? body : { timeoutMs: undefined };
    if (timeoutMs !== undefined && typeof timeoutMs !== 'number')
      throw new WaitError(`timeoutMs must be a number of ms (at most ${MAX_WAIT_MS}).`);
    const condition = checkCondition(isObject(body) ? rest : body);
    try {
      await waitFor(condition, probe, timeoutMs);
    } catch (error) {
      if (error instanceof WaitTimeout) return json(408, { error: error.message });
      throw error;
    }
    return json(200, { ok: true });
  } catch (error) {
    if (error instanceof WaitError) return json(400, { error: error.message });
    throw error;
  }
}
