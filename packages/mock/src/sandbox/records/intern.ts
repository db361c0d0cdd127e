// One copy of each text the records keep. A request's accessKey, numbers and path are new strings every time, and
// the same few texts over and over: a record keeps the copy it has, not one more object per message.

/** A function that returns the kept copy of a text (the text itself the first time). Past `limit` texts it starts again. */
export function interner(limit = 1_024): (text: string) => string {
  const texts = new Map<string, string>();
  return (text) => {
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    if (texts.size >= limit) texts.clear();
    texts.set(text, text);
    return text;
  };
}
