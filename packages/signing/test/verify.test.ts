// verifySignature accepts what the package signs, from headers in any case, and rejects every kind of tampering.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, verifySignature } from '../src/index.js';

const secret = 'verify-secret-9x8y7z';
const now = 1_700_000_000_000;
const body = '{"statuses":[{"id":"wamid.1","status":"delivered","timestamp":"1660019987"}],"note":"牛小信 ✓"}';
const signed = signatureHeaders({
  accessKey: 'ak-1',
  accessSecret: secret,
  action: 'callback',
  bizType: '2',
  ts: now,
  body,
});
const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
const upper = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
const ok = { headers: signed, body, accessSecret: secret, action: 'callback', now };

describe('verifySignature accepts', () => {
  it('the headers as signed', () => {
    expect(verifySignature(ok)).toEqual({
      valid: true,
      accessKey: 'ak-1',
      action: 'callback',
      bizType: '2',
      ts: now,
      algorithm: 'md5',
      sign: signed.sign,
    });
  });
  it('a sign with padding around it or in any case, and gives it back in one form, to key replays on', () => {
    // String.prototype.trim's whitespace, which verification reads past: tab, NBSP, BOM, separators, ….
    const padding = fc
      .array(fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\ufeff', '\u2028', '\u3000'), {
        maxLength: 4,
      })
      .map((chars) => chars.join(''));
    const variant = fc
      .record({ before: padding, after: padding, upper: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }) })
      .map(({ before, after, upper }) => {
        const sign = [...signed.sign].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        return `${before}${sign}${after}`;
      });
    fc.assert(
      fc.property(variant, (sign) => {
        const result = verifySignature({ ...ok, headers: { ...signed, sign } });
        expect(result).toMatchObject({ valid: true, sign: signed.sign });
      }),
      { numRuns: 1000 },
    );
  });
  it.each([
    ['lower-case header names (as callbacks send them)', lower],
    ['upper-case header names', upper],
    ['a Headers object', new Headers(signed)],
    ["Node's array-valued headers", { ...lower, sign: [signed.sign] }],
  ])('%s', (_label, headers) => {
    expect(verifySignature({ ...ok, headers }).valid).toBe(true);
  });
  it('the raw bytes as received', () => {
    expect(verifySignature({ ...ok, body: new TextEncoder().encode(body) }).valid).toBe(true);
    expect(verifySignature({ ...ok, body: new TextEncoder().encode(body).buffer }).valid).toBe(true);
  });
  it('a ts at the edge of the allowed drift, either way', () => {
    expect(verifySignature({ ...ok, now: now + 60_000 }).valid).toBe(true);
    expect(verifySignature({ ...ok, now: now - 60_000 }).valid).toBe(true);
  });
  it('a sha256 signature, by its algorithm header', () => {
    const headers = signatureHeaders({
      accessKey: 'ak-1',
      accessSecret: secret,
      action: 'callback',
      bizType: '2',
      ts: now,
      body,
      algorithm: 'sha256',
    });
    expect(verifySignature({ ...ok, headers })).toMatchObject({ valid: true, algorithm: 'sha256' });
  });
  it('a multipart body, which is not signed', () => {
    const headers = {
      ...signatureHeaders({ accessKey: 'ak-1', accessSecret: secret, action: 'uploadMedia', bizType: '2', ts: now }),
      'Content-Type': 'multipart/form-data; boundary=x',
    };
    expect(verifySignature({ headers, body: '--x\r\n...', accessSecret: secret, now }).valid).toBe(true);
  });
  it("with signedBody: 'always', a body under a multipart Content-Type is still checked", () => {
    const headers = {
      ...signatureHeaders({ accessKey: 'ak-1', accessSecret: secret, action: 'uploadMedia', bizType: '2', ts: now }),
      'Content-Type': 'multipart/form-data; boundary=x',
    };
    expect(
      verifySignature({ headers, body: '{"forged":true}', accessSecret: secret, now, signedBody: 'always' }),
    ).toMatchObject({ valid: false, reason: 'bad-signature' });
    const signed = {
      ...signatureHeaders({ accessKey: 'ak-1', accessSecret: secret, action: 'callback', bizType: '2', ts: now, body }),
      'Content-Type': 'multipart/form-data; boundary=x',
    };
    expect(verifySignature({ headers: signed, body, accessSecret: secret, now, signedBody: 'always' }).valid).toBe(
      true,
    );
  });
});

describe('verifySignature rejects', () => {
  it.each([
    ['a tampered body', { body: body.replace('delivered', 'read') }, 'bad-signature'],
    ['a body with one more space', { body: body.replace(':', ': ') }, 'bad-signature'],
    ['a missing body', { body: undefined }, 'bad-signature'],
    ['a wrong secret', { accessSecret: 'verify-secret-9x8y7Z' }, 'bad-signature'],
    ['a wrong action', { action: 'mt' }, 'wrong-action'],
    ['a wrong accessKey', { accessKey: 'ak-2' }, 'wrong-access-key'],
    ['a wrong bizType', { bizType: '1' }, 'wrong-biz-type'],
    ['a stale ts', { now: now + 60_001 }, 'stale-ts'],
    ['a future ts', { now: now - 60_001 }, 'stale-ts'],
    ['a stale ts under a tighter drift', { now: now + 5_001, maxDriftMs: 5_000 }, 'stale-ts'],
    ['a truncated signature', { headers: { ...signed, sign: signed.sign.slice(0, 31) } }, 'bad-signature'],
    ['a signature of another algorithm', { headers: { ...signed, algorithm: 'sha256' } }, 'bad-signature'],
    ['an unknown algorithm', { headers: { ...signed, algorithm: 'sha1' } }, 'unknown-algorithm'],
    ['a ts in seconds', { headers: { ...signed, ts: '1700000000' } }, 'malformed-ts'],
    ['a missing sign header', { headers: { ...signed, sign: undefined } }, 'missing-header'],
    ['a missing ts header', { headers: { ...lower, ts: '' } }, 'missing-header'],
    ['a tampered ts', { headers: { ...signed, ts: String(now + 1) } }, 'bad-signature'],
    ['a tampered action header', { headers: { ...signed, action: 'mt' }, action: undefined }, 'bad-signature'],
  ] as const)('%s', (_label, change, reason) => {
    const result = verifySignature({ ...ok, ...change } as Parameters<typeof verifySignature>[0]);
    expect(result).toMatchObject({ valid: false, reason });
    if (!result.valid) expect(result.message.length).toBeGreaterThan(10);
  });
});
