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
  const kept = new Map<string, { made: Promise<Answer>; answer?: { value: Answer } }>();
  return (request) => {
    if (request.operationPath === undefined || !keeps(request)) return answer(request);
    const { accept = '', prefer = '' } = request.headers;
    const key = `${request.method}\u0000${request.path}\u0000${accept}\u0000${prefer}`;
    const found = kept.get(key);
    if (found) return found.answer ? found.answer.value : found.made;
    const made = answer(request);
    if (kept.size < limit) {
      const entry: { made: Promise<Answer>; answer?: { value: Answer } } = { made };
      kept.set(key, entry);
      // A failure is not kept: the next request asks again.
      made.then(
        (value) => {
          entry.answer = { value };
        },
        () => kept.delete(key),
      );
    }
    return made;
  };
}
