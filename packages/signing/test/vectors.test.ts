// The package reproduces the official vectors byte for byte, with each hash implementation.
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  type HashImplementation,
  hasNativeHash,
  signatureHeaders,
  stringToSign,
} from '../src/index.js';
import { credentials, operation, vectors } from './vectors.js';

const implementations: HashImplementation[] = hasNativeHash ? ['portable', 'native'] : ['portable'];

describe('official vectors', () => {
  it('builds the documented string', () => {
    expect(stringToSign({ ...credentials, ...operation, body: vectors[0].body })).toBe(
      'accessKey=fme2na3kdi3ki&action=send&bizType=1&ts=1655710885431&body={"name":"牛小信","id":10001}&accessSecret=abciiiko2k3',
    );
  });
  it('leaves the body part out when there is no body', () => {
    expect(stringToSign({ ...credentials, ...operation })).toBe(
      'accessKey=fme2na3kdi3ki&action=send&bizType=1&ts=1655710885431&accessSecret=abciiiko2k3',
    );
    expect(stringToSign({ ...credentials, ...operation, body: '' })).toBe(
      stringToSign({ ...credentials, ...operation }),
    );
  });

  describe.each(implementations)('%s hash', (hashImplementation) => {
    it.each(vectors.map((v) => [v.body ?? '(no body)', v] as const))('md5 and sha256 of %s', (_label, v) => {
      expect(computeSignature({ ...credentials, ...operation, body: v.body, hashImplementation })).toBe(v.md5);
      expect(
        computeSignature({ ...credentials, ...operation, body: v.body, algorithm: 'md5', hashImplementation }),
      ).toBe(v.md5);
      expect(
        computeSignature({ ...credentials, ...operation, body: v.body, algorithm: 'sha256', hashImplementation }),
      ).toBe(v.sha256);
    });
    it('signs bytes like the text they encode', () => {
      const bytes = new TextEncoder().encode(vectors[0].body);
      expect(computeSignature({ ...credentials, ...operation, body: bytes, hashImplementation })).toBe(vectors[0].md5);
    });
  });

  it('accepts ts as a number', () => {
    expect(computeSignature({ ...credentials, ...operation, ts: 1655710885431, body: vectors[1].body })).toBe(
      vectors[1].md5,
    );
  });

  it('gives the headers to send, with algorithm only when not md5', () => {
    expect(signatureHeaders({ ...credentials, ...operation, body: vectors[0].body })).toEqual({
      accessKey: 'fme2na3kdi3ki',
      ts: '1655710885431',
      bizType: '1',
      action: 'send',
      sign: vectors[0].md5,
    });
    expect(
      signatureHeaders({ ...credentials, ...operation, body: vectors[0].body, algorithm: 'sha256' }),
    ).toMatchObject({ algorithm: 'sha256', sign: vectors[0].sha256 });
  });
});
