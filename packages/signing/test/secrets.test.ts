// The access secret never appears in anything the package throws, returns as an error, or logs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeSignature, createSignedFetch, SigningError, signatureHeaders, verifySignature } from '../src/index.js';

const SECRET = 'Zq7-very-distinctive-secret-Xw3';
const logged: string[] = [];

beforeEach(() => {
  logged.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

function thrown(fn: () => unknown): SigningError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SigningError);
    return error as SigningError;
  }
  throw new Error('expected a SigningError');
}

const everything = (e: unknown) =>
  [
    String(e),
    (e as Error).message,
    (e as Error).stack ?? '',
    JSON.stringify(e),
    JSON.stringify(Object.entries(e as object)),
  ].join('\n');

const base = { accessKey: 'ak', accessSecret: SECRET, action: 'mt', bizType: '2', ts: '1700000000000' };

describe('errors name the field and what was expected, never the secret', () => {
  it.each([
    ['missing accessKey', { accessKey: '' }, 'missing-access-key', /accessKey is missing/],
    [
      'accessKey with a line break',
      { accessKey: 'a\nb' },
      'invalid-access-key',
      /accessKey is not a valid header value/,
    ],
    ['missing accessSecret', { accessSecret: '' }, 'missing-access-secret', /accessSecret is missing/],
    [
      'ts in seconds',
      { ts: '1700000000' },
      'invalid-ts',
      /ts is invalid: expected milliseconds.*13 digits.*got "1700000000"/,
    ],
    ['ts as a float', { ts: 1700000000000.5 }, 'invalid-ts', /ts is invalid/],
    ['ts as a date string', { ts: '2026-11-23' }, 'invalid-ts', /got "2026-11-23"/],
    ['ts carrying the secret', { ts: SECRET }, 'invalid-ts', /ts is invalid/],
    [
      'an unknown algorithm',
      { algorithm: 'sha1' },
      'unknown-algorithm',
      /algorithm is unknown: expected "md5" or "sha256", got "sha1"/,
    ],
    ['a missing action', { action: undefined }, 'invalid-operation', /action is missing/],
  ] as const)('%s', (_label, change, code, message) => {
    const error = thrown(() => computeSignature({ ...base, ...change } as Parameters<typeof computeSignature>[0]));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(everything(error)).not.toContain(SECRET);
  });

  it('a signed fetch with bad credentials fails when created', () => {
    const error = thrown(() => createSignedFetch({ accessKey: '', accessSecret: SECRET }));
    expect(everything(error)).not.toContain(SECRET);
  });

  it('verification failures never carry the secret or the expected signature', () => {
    const headers = signatureHeaders(base);
    const expected = headers.sign;
    for (const result of [
      verifySignature({ headers: { ...headers, sign: '0'.repeat(32) }, accessSecret: SECRET, now: 1_700_000_000_000 }),
      verifySignature({ headers: { ...headers, ts: 'x' }, accessSecret: SECRET }),
      verifySignature({ headers, accessSecret: SECRET, now: 0 }),
    ]) {
      expect(result.valid).toBe(false);
      expect(JSON.stringify(result)).not.toContain(SECRET);
      expect(JSON.stringify(result)).not.toContain(expected);
    }
  });

  it('nothing is logged', async () => {
    computeSignature(base);
    verifySignature({ headers: signatureHeaders(base), accessSecret: SECRET, now: 1_700_000_000_000 });
    const signedFetch = createSignedFetch({
      accessKey: 'ak',
      accessSecret: SECRET,
      fetch: async () => new Response('{}'),
    });
    await expect(signedFetch('http://127.0.0.1:9/x')).rejects.toThrow(SigningError);
    await signedFetch('http://127.0.0.1:9/x', { headers: { action: 'mt', bizType: '2' } });
    expect(logged).toEqual([]);
  });

  it('the secret is never sent', async () => {
    const seen: Request[] = [];
    const signedFetch = createSignedFetch({
      accessKey: 'ak',
      accessSecret: SECRET,
      fetch: async (r) => (seen.push(r), new Response('{}')),
    });
    await signedFetch('http://127.0.0.1:9/x', {
      method: 'POST',
      body: '{"a":1}',
      headers: { action: 'mt', bizType: '2' },
    });
    const request = seen[0];
    expect(JSON.stringify([...request.headers])).not.toContain(SECRET);
    expect(await request.text()).not.toContain(SECRET);
  });
});
