// Magic recipients: numbers whose sends end otherwise than sent → delivered → read (listed in the README), so that
// an application's handling of failures can be tried without a real failure. Any other number follows the default.
import { type CallbackStatus, DEFAULT_STATUSES, DOCUMENTED_FAILURE } from '../../callbacks/payloads.js';
import type { StatusError } from './store.js';

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

/**
 * The statuses a send goes through: those an `x-nxwa-callbacks` header asks for when it has one (a `failed`
 * among them carries the documented error), else its recipient's if it is a magic one (compared by its digits:
 * `+1 555-010-0001` is `15550100001`), else sent → delivered → read.
 */
export function plannedStatuses(to: unknown, wanted: readonly CallbackStatus[] | undefined): PlannedStatus[] {
  if (wanted) return wanted.map((status) => (status === 'failed' ? { status, error: DOCUMENTED_FAILURE } : { status }));
  const magic = typeof to === 'string' ? MAGIC_RECIPIENTS[to.replace(/[^\d]/g, '')] : undefined;
  return [...(magic?.statuses ?? DEFAULT_STATUSES.map((status) => ({ status })))];
}
