// GET and PUT /__nxwa/faults: the run's fault rules, read and replaced while the mock runs, so that "429 once, then
// OK" and "503 for the next two sends" need no new mock. The rules are checked by the same parser as --fault.
import type { Answer } from '../http/answer.js';

export interface RunFaults {
  /** The rules in force, as given. */
  list(): readonly string[];
  /** Replaces the rules; throws an Error naming the rule at fault (`faults[1]: …`), leaving the old ones in force. */
  set(rules: unknown): void;
}

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

export const answerFaultsGet = (faults: RunFaults): Answer => json(200, { faults: faults.list() });

/** Answers PUT /__nxwa/faults with `{ faults: ["sendMessage:429,times=1", …] }` (an empty list clears them). */
export function answerFaultsPut(raw: Buffer, faults: RunFaults): Answer {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return json(400, { error: 'The body is not valid JSON; expected { "faults": ["[scope:]fault", …] }.' });
  }
  const rules = (body as { faults?: unknown } | null)?.faults;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(rules))
    return json(400, { error: 'faults must be an array of rules such as "sendMessage:429,times=1" (empty: none).' });
  try {
    faults.set(rules);
  } catch (error) {
    return json(400, { error: (error as Error).message });
  }
  return json(200, { faults: faults.list() });
}
