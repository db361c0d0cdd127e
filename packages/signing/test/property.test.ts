// Against an independent reference (node:crypto, used in this test only): thousands of random bodies —
// Chinese, emoji, escapes, line breaks, large — signed by every implementation of the package.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSignature, type HashImplementation, hasNativeHash, type SignatureAlgorithm } from '../src/index.js';

function reference(
  algorithm: SignatureAlgorithm,
  s: { accessKey: string; action: string; bizType: string; ts: string; body: string; accessSecret: string },
): string {
  const body = s.body.length > 0 ? `&body=${s.body}` : '';
  return createHash(algorithm)
    .update(
      `accessKey=${s.accessKey}&action=${s.action}&bizType=${s.bizType}&ts=${s.ts}${body}&accessSecret=${s.accessSecret}`,
      'utf8',
    )
    .digest('hex');
}

const token = fc.stringMatching(/^[\x21-\x7e]{1,24}$/);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('牛小信', '你好，世界', '👍🏽🇨🇳', '\\n\\t\\"\\u0000', '\r\n\r\n', '\u2028\u2029', ''),
  fc.string({ unit: 'grapheme-ascii', minLength: 10_000, maxLength: 70_000 }),
);
const jsonBody = fc.oneof(
  text,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 2)),
  fc.record({ text: text, emoji: fc.constant('😀'), n: fc.integer() }).map((v) => JSON.stringify(v)),
);
const input = fc.record({
  accessKey: token,
  accessSecret: token,
  action: token,
  bizType: fc.stringMatching(/^[0-9]{1,2}$/),
  ts: fc.integer({ min: 1_000_000_000_000, max: 9_999_999_999_999 }).map(String),
  body: jsonBody,
});

const implementations: HashImplementation[] = hasNativeHash ? ['portable', 'native'] : ['portable'];

describe.each(implementations)('%s hash', (hashImplementation) => {
  it.each(['md5', 'sha256'] as const)('%s matches node:crypto on 2,000 random requests', (algorithm) => {
    fc.assert(
      fc.property(input, (s) => {
        expect(computeSignature({ ...s, algorithm, hashImplementation })).toBe(reference(algorithm, s));
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: 40_000 },
    );
  });

  // Bytes are hashed between the texts around them, exactly as given, on both sides of 64 KiB.
  it.each(['md5', 'sha256'] as const)('%s matches node:crypto on 500 random bodies given as bytes', (algorithm) => {
    const utf8 = new TextEncoder();
    fc.assert(
      fc.property(input, (s) => {
        const body = utf8.encode(s.body);
        expect(computeSignature({ ...s, body, algorithm, hashImplementation })).toBe(reference(algorithm, s));
      }),
      { numRuns: 500, interruptAfterTimeLimit: 20_000 },
    );
  });
});
