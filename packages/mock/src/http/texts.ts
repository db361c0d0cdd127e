// Texts that arrive anew with every request and are the same few over and over (an account, a number, a path, a
// header name): what is made of each is kept, so that it is made once and held once.

/** `make` of a text, kept for the first `limit` texts seen (past them, made afresh each time). */
function keptResults(make: (text: string) => string, limit: number): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    let result = kept.get(text);
    if (result === undefined) {
      result = make(text);
      if (kept.size < limit) kept.set(text, result);
    }
    return result;
  };
}

/** A function that returns the kept copy of a text (the text itself the first time): a record holds one copy. */
export const interner = (limit = 1_024) => keptResults((text) => text, limit);

/** A function that lowercases a text, each of the first `limit` texts once. */
export const lowercaser = (limit = 64) => keptResults((text) => text.toLowerCase(), limit);
