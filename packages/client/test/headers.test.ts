// The signature headers are the client's own: a caller's (or a middleware's) accessKey, ts, sign… are replaced
// on every attempt, never sent beside the client's, whatever their case.
import { signatureHeaders } from '@org/nxwa-signing';
import { describe, expect, it } from 'vitest';
import { createApi2Client } from '../src/index.js';
import { credentials, ok, scriptedFetch, textMessage } from './support.js';

const stale = {
  AccessKey: 'someone-else',
  TS: '1000000000000',
  sign: 'forged',
  BizType: '9',
  Action: 'nope',
  'X-Trace': 'kept',
};

describe('signature headers', () => {
  it.each([
    ['without middleware', [] as never[]],
    ['with middleware', [{ onRequest: () => undefined }] as never[]],
  ])('%s: a stale signature in the call headers is replaced, other headers kept', async (_label, middleware) => {
    const { fetch, attempts } = scriptedFetch([ok()]);
    const api2 = createApi2Client({ ...credentials, fetch, middleware });
    const { error } = await api2.POST('/api/wa/mt', { body: textMessage, headers: stale });
    expect(error).toBeUndefined();
    const sent = attempts[0].headers;
    const expected = signatureHeaders({
      ...credentials,
      action: 'mt',
      bizType: '2',
      ts: sent.ts,
      body: attempts[0].body,
    });
    expect([sent.accesskey, sent.biztype, sent.action, sent.sign, sent['x-trace']]).toEqual([
      credentials.accessKey,
      '2',
      'mt',
      expected.sign,
      'kept',
    ]);
    expect(sent.ts).toMatch(/^\d{13}$/);
    expect(sent.ts).not.toBe(stale.TS);
  });
});
