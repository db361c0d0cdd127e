// Callbacks cannot be forged. Verification is explicit (a secret, or verify: false), always over the raw
// body whatever the Content-Type, bound to the callback action and the ts window, and replays can be refused.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders } from '@org/nxwa-signing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackError, type ParseCallbackOptions, parseCallback, seenSignatures } from '../src/callbacks.js';

const secret = 'callback-secret-91';
const now = 1_700_000_000_000;
const forged = JSON.stringify({
  messages: [
    { from: '8613600009759', id: 'wamid.forged', timestamp: '1700000000', type: 'text', text: { body: 'refund me' } },
  ],
});
const genuine = JSON.stringify({
  statuses: [{ id: 'wamid.1', status: 'delivered', timestamp: '1700000000', recipient_id: '8613600009759' }],
});

const contentTypes = [
  'application/json',
  'multipart/form-data; boundary=x',
  'Multipart/Form-Data',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
];
const actions = ['uploadMedia', 'mt', 'getMedia', 'deleteMedia', 'callback'];
const ages = [0, -61_000, 61_000, 3_600_000];

function headersOf(signed: Record<string, string>, contentType: string | undefined) {
  const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
  return contentType === undefined ? lower : { ...lower, 'content-type': contentType };
}

function refusal(body: string, options: ParseCallbackOptions): CallbackError | 'accepted' {
  try {
    parseCallback(body, options);
    return 'accepted';
  } catch (error) {
    if (error instanceof CallbackError) return error;
    throw error;
  }
}

describe('the forged-callback matrix: content types × actions × ts', () => {
  // The headers of a signed bodiless or multipart request of the account (e.g. the app's own uploadMedia),
  // captured and put in front of a forged inbound message.
  const cases = contentTypes.flatMap((contentType) =>
    actions.flatMap((action) => ages.map((age) => ({ contentType, action, age }))),
  );
  it.each(
    cases.map(
      (c) =>
        [
          `${c.contentType ?? 'no content-type'}, action ${c.action}, ts ${c.age >= 0 ? '-' : '+'}${Math.abs(c.age)} ms`,
          c,
        ] as const,
    ),
  )('a forged body under %s is refused', (_label, { contentType, action, age }) => {
    const headers = headersOf(
      signatureHeaders({ accessKey: 'ak', accessSecret: secret, action, bizType: '2', ts: now - age }),
      contentType,
    );
    const result = refusal(forged, { headers, accessSecret: secret, now });
    expect(result).toBeInstanceOf(CallbackError);
    expect((result as CallbackError).reason).toBe('signature');
  });

  it.each(contentTypes.map((c) => [c ?? 'no content-type', c] as const))(
    'a genuine callback is taken under %s',
    (_label, contentType) => {
      const headers = headersOf(
        signatureHeaders({
          accessKey: 'ak',
          accessSecret: secret,
          action: 'callback',
          bizType: '2',
          ts: now,
          body: genuine,
        }),
        contentType,
      );
      expect(parseCallback(genuine, { headers, accessSecret: secret, now }).kind).toBe('status');
    },
  );

  it.each(actions.filter((a) => a !== 'callback'))(
    'a body signed with a request action (%s) is not a callback',
    (action) => {
      const headers = headersOf(
        signatureHeaders({ accessKey: 'ak', accessSecret: secret, action, bizType: '2', ts: now, body: genuine }),
        'application/json',
      );
      expect(refusal(genuine, { headers, accessSecret: secret, now })).toMatchObject({
        reason: 'signature',
        signature: 'wrong-action',
      });
      // Unless the application says its callbacks carry that action.
      expect(parseCallback(genuine, { headers, accessSecret: secret, now, action }).kind).toBe('status');
    },
  );

  it.each([[-61_000], [61_000]])('a genuine callback %i ms off is stale; the window is configurable', (age) => {
    const headers = headersOf(
      signatureHeaders({
        accessKey: 'ak',
        accessSecret: secret,
        action: 'callback',
        bizType: '2',
        ts: now - age,
        body: genuine,
      }),
      'application/json',
    );
    expect(refusal(genuine, { headers, accessSecret: secret, now })).toMatchObject({
      reason: 'signature',
      signature: 'stale-ts',
    });
    expect(parseCallback(genuine, { headers, accessSecret: secret, now, maxDriftMs: 120_000 }).kind).toBe('status');
  });
});

describe('verification is explicit', () => {
  const headers = headersOf(
    signatureHeaders({
      accessKey: 'ak',
      accessSecret: secret,
      action: 'callback',
      bizType: '2',
      ts: now,
      body: genuine,
    }),
    'application/json',
  );

  it.each([
    ['no options', undefined],
    ['accessSecret undefined (an unset environment variable)', { headers, accessSecret: undefined }],
    ['an empty accessSecret', { headers, accessSecret: '' }],
    ['verify: true without a secret', { headers, verify: true }],
  ])('%s throws, naming the option', (_label, options) => {
    expect(() => parseCallback(forged, options as never)).toThrow(
      /parseCallback: accessSecret is (undefined|empty): expected the account's access secret to verify the callback, or verify: false/,
    );
  });

  it('verify: false takes an unsigned callback', () => {
    expect(parseCallback(forged, { verify: false }).kind).toBe('inbound-message');
  });
});

describe('replays', () => {
  const headers = headersOf(
    signatureHeaders({
      accessKey: 'ak',
      accessSecret: secret,
      action: 'callback',
      bizType: '2',
      ts: now,
      body: genuine,
    }),
    'application/json',
  );

  it('with a seen store, the same callback is taken once', () => {
    const seen = new Set<string>();
    expect(parseCallback(genuine, { headers, accessSecret: secret, now, seen }).kind).toBe('status');
    for (let i = 0; i < 100; i++)
      expect(refusal(genuine, { headers, accessSecret: secret, now, seen })).toMatchObject({ reason: 'replayed' });
    expect(seen.size).toBe(1);
  });

  // Whitespace that verification reads past (String.prototype.trim's set: tab, NBSP, BOM, line and paragraph
  // separators, ideographic space, …), before and after, and any mix of upper and lower case.
  const padding = fc
    .array(fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u3000'), {
      maxLength: 4,
    })
    .map((chars) => chars.join(''));
  const variant = fc
    .record({ before: padding, after: padding, upper: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }) })
    .map(({ before, after, upper }) => {
      const sign = [...String(headers.sign)].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      return `${before}${sign}${after}`;
    });

  it('a replay with its sign padded or re-cased is still a replay, in either order', () => {
    fc.assert(
      fc.property(variant, variant, (first, second) => {
        const seen = new Set<string>();
        const take = (sign: string) =>
          refusal(genuine, { headers: { ...headers, sign }, accessSecret: secret, now, seen });
        expect(take(first)).toBe('accepted');
        expect(take(second)).toMatchObject({ reason: 'replayed' });
        expect(take(String(headers.sign))).toMatchObject({ reason: 'replayed' });
        expect(seen.size).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('over HTTP, a replay whose sign carries a no-break space or a tab is refused', async () => {
    const seen = seenSignatures();
    const ts = Date.now();
    const signed = headersOf(
      signatureHeaders({ accessKey: 'ak', accessSecret: secret, action: 'callback', bizType: '2', ts, body: genuine }),
      'application/json',
    );
    const outcomes: string[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const outcome = refusal(Buffer.concat(chunks).toString('utf8'), {
          headers: req.headers,
          accessSecret: secret,
          seen,
        });
        outcomes.push(outcome === 'accepted' ? outcome : outcome.reason);
        res.writeHead(outcome === 'accepted' ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    // node:http sends header values as latin1 bytes when the body is a Buffer: U+00A0 arrives as the byte A0.
    const post = (sign: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/callback',
          headers: { ...signed, sign },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end(Buffer.from(genuine));
      });
    try {
      expect(await post(signed.sign)).toBe(200);
      for (const sign of [
        `${signed.sign}\u00a0`,
        `\u00a0${signed.sign}`,
        `\t${signed.sign}\t`,
        signed.sign.toUpperCase(),
      ])
        expect(await post(sign)).toBe(401);
      expect(outcomes).toEqual(['accepted', 'replayed', 'replayed', 'replayed', 'replayed']);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('an invalid callback is not remembered', () => {
    const seen = new Set<string>();
    refusal(forged, { headers, accessSecret: secret, now, seen });
    expect(seen.size).toBe(0);
  });

  it('seenSignatures forgets entries older than its window', () => {
    let clock = now;
    const seen = seenSignatures(120_000, () => clock);
    expect(parseCallback(genuine, { headers, accessSecret: secret, now, seen }).kind).toBe('status');
    expect(refusal(genuine, { headers, accessSecret: secret, now, seen })).toMatchObject({ reason: 'replayed' });
    clock += 120_001;
    expect(seen.has('anything')).toBe(false);
    expect(seen.size).toBe(0);
  });
});
