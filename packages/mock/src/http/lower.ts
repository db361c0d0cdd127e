// Lower-case spellings of the same few texts, made once each: header names and methods arrive on every request.

/** A function that lowercases a text, keeping the result of up to `limit` texts (past them, it lowercases afresh). */
export function lowercaser(limit = 64): (text: string) => string {
  const lowered = new Map<string, string>();
  return (text) => {
    let lower = lowered.get(text);
    if (lower === undefined) {
      lower = text.toLowerCase();
      if (lowered.size < limit) lowered.set(text, lower);
    }
    return lower;
  };
}
