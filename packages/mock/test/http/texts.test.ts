// Texts kept once: the interner hands back one copy of equal texts, the lowercaser the same answer as toLowerCase;
// each keeps what it made for the first `limit` texts only.
import { describe, expect, it } from 'vitest';
import { interner, lowercaser } from '../../src/http/texts.js';

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

describe('interner', () => {
  // Which copy of equal strings came back is not visible to JavaScript; that each text comes back whole, past the
  // limit too, is. (What is kept, and up to what limit, is the lowercaser's mechanism: tested above.)
  it('hands back each text as it is, past its limit too', () => {
    const intern = interner(2);
    const texts = ['nxwa-demo-key', '8613600009759', '/api/wa/mt', 'nxwa-demo-key', '/api/wa/mt'];
    expect(texts.map(intern)).toEqual(texts);
  });
});
