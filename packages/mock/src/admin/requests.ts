// The journal over HTTP:
//   GET /__nxwa/requests   every answered request, oldest first, with its verdict, and the violations grouped;
//                          ?verdict=refused|accepted, ?operation=<operationId>, ?since=<ISO time>, ?accessKey=…
// The parameters' forms are checked against the mock's API before they get here.
import type { Answer } from '../http/answer.js';
import type { Journal, JournalFilter } from './journal.js';

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export function listRequests(url: URL, journal: Journal | undefined): Answer {
  if (!journal) return json(404, { error: 'This mock keeps no journal.' });
  const q = url.searchParams;
  const since = q.get('since') ?? undefined;
  const filter: JournalFilter = {
    verdict: (q.get('verdict') as JournalFilter['verdict']) ?? undefined,
    operation: q.get('operation') ?? undefined,
    since: since === undefined ? undefined : new Date(since).toISOString(),
    accessKey: q.get('accessKey') ?? undefined,
  };
  const requests = journal.list(filter);
  return json(200, {
    total: journal.total,
    requests,
    violations: journal.violations(filter.accessKey),
  });
}
