// Answers prepared once per operation: with request validation, security checks and dynamic answers off, Prism's
// answer to a routed request depends only on its method, its path, its `Accept` header and its `Prefer` choices (an
// operation with OpenAPI callbacks, which read the body, is left out). So the first answer to each such request
// is kept and given again, instead of running Prism's negotiation and logging on every send.

/** What of a request the kept answers are keyed on. */
export interface PreparedRequest {
  method: string;
  path: string;
  /** The operation the checks routed the request to; none: not kept. */
  operationPath?: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Distinct requests kept (paths with IDs, Accept and Prefer values are the caller's): past it, Prism answers each. */
export const PREPARED_ANSWERS = 512;

/**
 * Wraps `answer` so that a request the checks routed (`operationPath` given) is answered from what Prism answered
 * the first time, unless `keeps` says otherwise: at once, without a promise, once that answer is made. The kept
 * answer is shared: callers change a copy, as they must with Prism's own example objects.
 */
export function preparedAnswers<Request extends PreparedRequest, Answer>(
  answer: (request: Request) => Promise<Answer>,
  { keeps = () => true, limit = PREPARED_ANSWERS }: { keeps?: (request: Request) => boolean; limit?: number } = {},
): (request: Request) => Answer | Promise<Answer> {
  type Entry = { made: Promise<Answer>; answer?: { value: Answer } };
  // By method, then path, then the Accept and Prefer choices: the request's own strings, whose hashes V8 keeps, so no
  // key is built (and hashed) per request.
  const kept = new Map<string, Map<string, Map<string, Entry>>>();
  let size = 0;
  return (request) => {
    if (request.operationPath === undefined || !keeps(request)) return answer(request);
    const { accept = '', prefer = '' } = request.headers;
    const choice = accept === '' && prefer === '' ? '' : `${accept}\u0000${prefer}`;
    let byPath = kept.get(request.method);
    let byChoice = byPath?.get(request.path);
    const found = byChoice?.get(choice);
    if (found) return found.answer ? found.answer.value : found.made;
    const made = answer(request);
    if (size < limit) {
      if (!byPath) kept.set(request.method, (byPath = new Map()));
      if (!byChoice) byPath.set(request.path, (byChoice = new Map()));
      const entry: Entry = { made };
      const entries = byChoice;
      entries.set(choice, entry);
      size++;
      // A failure is not kept: the next request asks again.
      made.then(
        (value) => {
          entry.answer = { value };
        },
        () => {
          if (entries.get(choice) === entry && entries.delete(choice)) size--;
        },
      );
    }
    return made;
  };
}
