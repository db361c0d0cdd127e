// Magic recipients: numbers whose sends end otherwise than sent → delivered → read (listed in the README), so that
// an application's handling of failures can be tried without a real failure. Any other number follows the default.
import { type CallbackStatus, DOCUMENTED_FAILURE, STATUSES, type StatusError } from '../../callbacks/payloads.js';

/** What a send goes through when nothing asks otherwise. */
const DEFAULT_STATUSES: readonly CallbackStatus[] = STATUSES.filter((s) => s !== 'failed');
const DEFAULT_PLAN: readonly PlannedStatus[] = DEFAULT_STATUSES.map((status) => Object.freeze({ status }));
const ALL_DIGITS = /^\d+$/;

export interface PlannedStatus {
  status: CallbackStatus;
  error?: StatusError;
}

export const MAGIC_RECIPIENTS: Readonly<Record<string, { statuses: readonly PlannedStatus[]; what: string }>> = {
  '15550100001': {
    statuses: [{ status: 'sent' }, { status: 'failed', error: DOCUMENTED_FAILURE }],
    what: 'sent → failed (error 470)',
  },
  '15550100002': { statuses: [{ status: 'sent' }], what: 'sent, never delivered' },
  '15550100003': { statuses: [{ status: 'sent' }, { status: 'delivered' }], what: 'sent → delivered, never read' },
  '15550100004': {
    statuses: [{ status: 'failed', error: DOCUMENTED_FAILURE }],
    what: 'failed at once (error 470), never sent',
  },
};

// Looked up by a number read from a request: a Map takes it as it is, where an object's key must be interned first.
const MAGIC_PLANS = new Map(Object.entries(MAGIC_RECIPIENTS).map(([number, magic]) => [number, magic.statuses]));

/**
 * The statuses a send goes through: those an `x-nxwa-callbacks` header asks for when it has one (a `failed`
 * among them carries the documented error), else its recipient's if it is a magic one (compared by its digits:
 * `+1 555-010-0001` is `15550100001`), else sent → delivered → read.
 */
export function plannedStatuses(to: unknown, wanted: readonly CallbackStatus[] | undefined): readonly PlannedStatus[] {
  if (wanted) return wanted.map((status) => (status === 'failed' ? { status, error: DOCUMENTED_FAILURE } : { status }));
  const digits = typeof to === 'string' ? (ALL_DIGITS.test(to) ? to : to.replace(/\D/g, '')) : undefined;
  return (digits !== undefined && MAGIC_PLANS.get(digits)) || DEFAULT_PLAN;
}

/**
 * The statuses an `x-nxwa-callbacks` header asks for: known ones, each once, in the order first given — so a
 * header can never ask for more than four callbacks however long it is. Undefined without the header.
 */
export function wantedStatuses(header: string | string[] | undefined): CallbackStatus[] | undefined {
  if (header === undefined) return undefined;
  const wanted = new Set<CallbackStatus>();
  for (const s of String(header).slice(0, 4_096).split(',')) {
    const status = s.trim() as CallbackStatus;
    if ((STATUSES as readonly string[]).includes(status)) wanted.add(status);
  }
  return [...wanted];
}
