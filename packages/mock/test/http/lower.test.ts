// The lowercaser: the same answer as toLowerCase for every text, kept for the first `limit` texts only.
import { describe, expect, it } from 'vitest';
import { lowercaser } from '../../src/http/lower.js';

describe('lowercaser', () => {
  it('lowercases every text, past its limit too', () => {
    const lower = lowercaser(2);
    const texts = ['POST', 'AccessKey', 'GET', 'BizType', 'POST', 'M-SEARCH'];
    expect(texts.map(lower)).toEqual(texts.map((t) => t.toLowerCase()));
  });

  it('keeps the results of at most `limit` texts', () => {
    const seen: string[] = [];
    const lower = lowercaser(2);
    // A text whose lowercasing is observed: kept ones are not lowercased again.
    const counted = (name: string) =>
      ({
        toLowerCase: () => {
          seen.push(name);
          return name.toLowerCase();
        },
      }) as unknown as string;
    const a = counted('A');
    const b = counted('B');
    const c = counted('C');
    for (const text of [a, b, c, a, b, c]) lower(text);
    expect(seen).toEqual(['A', 'B', 'C', 'C']);
  });
});
