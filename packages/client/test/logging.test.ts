// The logger gets one line per attempt (operation, status, code, attempt, ms, traceId); the secret is
// never in it, nor in an error; recipients are masked in both (a property test over random requests and failures).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttemptLog, createApi2Client } from '../src/index.js';
import { failure, json, scriptedFetch, textMessage } from './support.js';

function recorder() {
  const lines: { level: string; line: string; fields: AttemptLog }[] = [];
  const logger = {
    info: (line: string, fields: AttemptLog) => void lines.push({ level: 'info', line, fields }),
    warn: (line: string, fields: AttemptLog) => void lines.push({ level: 'warn', line, fields }),
  };
  return { lines, logger };
}
const credentials = { accessKey: 'log-key', accessSecret: 'log-secret-Zq81' };
const clock = () => {
  let t = 1_700_000_000_000;
  return () => (t += 7);
};

describe('logger', () => {
  it('one line per attempt, with what happened', async () => {
    const { lines, logger } = recorder();
    const { fetch } = scriptedFetch([
      new Response('busy', { status: 503 }),
      json({ code: 0, message: 'ok', traceId: 'tr-9', data: { messages: [{ id: 'w' }] } }),
    ]);
    const api2 = createApi2Client({
      ...credentials,
      fetch,
      logger,
      now: clock(),
      sleep: async () => {},
      retry: { sends: true },
    });
    await api2.POST('/api/wa/mt', { body: textMessage });
    expect(lines).toEqual([
      {
        level: 'warn',
        line: 'POST /api/wa/mt attempt 1: HTTP 503 in 14 ms to 861********59',
        fields: {
          operation: 'POST /api/wa/mt',
          attempt: 1,
          ms: 14,
          status: 503,
          code: undefined,
          traceId: undefined,
          error: 'http',
          to: '861********59',
        },
      },
      {
        level: 'info',
        line: 'POST /api/wa/mt attempt 2: HTTP 200 code 0 in 14 ms traceId tr-9 to 861********59',
        fields: {
          operation: 'POST /api/wa/mt',
          attempt: 2,
          ms: 14,
          status: 200,
          code: 0,
          traceId: 'tr-9',
          error: undefined,
          to: '861********59',
        },
      },
    ]);
  });

  it('a failed attempt without an answer is logged too; maskRecipients: false shows the number', async () => {
    const { lines, logger } = recorder();
    const { fetch } = scriptedFetch([
      new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } }),
    ]);
    const api2 = createApi2Client({
      ...credentials,
      fetch,
      logger,
      now: clock(),
      retry: { attempts: 1 },
      maskRecipients: false,
    });
    await api2.POST('/api/wa/mt', { body: textMessage });
    expect(lines.map((l) => l.line)).toEqual(['POST /api/wa/mt attempt 1: network in 14 ms to 8613600009759']);
  });

  it('an API code is logged as a warning', async () => {
    const { lines, logger } = recorder();
    const api2 = createApi2Client({
      ...credentials,
      fetch: scriptedFetch([failure(9000, 'bad')]).fetch,
      logger,
      now: clock(),
    });
    await api2.POST('/api/wa/mt', { body: textMessage });
    expect(lines.map((l) => [l.level, l.fields.code])).toEqual([['warn', 9000]]);
  });
});

describe('property: no secret and no unmasked recipient in any log line or error', () => {
  const failures: fc.Arbitrary<(to: string) => Response | Error> = fc.oneof(
    fc.constant(() => new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } })),
    fc
      .constantFrom(400, 404, 429, 500, 503)
      .map((status) => (to: string) => new Response(`no route for ${to}`, { status })),
    fc
      .constantFrom(-1, 1003, 9000, 9001, 22122, 424242)
      .map((code) => (to: string) => failure(code, `recipient ${to} rejected`, { traceId: 'tr' })),
    fc.constant((to: string) =>
      json({ code: 0, message: `sent to ${to}`, data: { contacts: [{ input: to }], messages: [{ id: 'w' }] } }),
    ),
    fc.constant((to: string) => new Response(`{"code":1,"message":"${to}`, { status: 200 })),
  );

  it('holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[1-9][0-9]{7,14}$/),
        fc.stringMatching(/^[A-Za-z0-9]{12,32}$/),
        fc.string({ maxLength: 40 }),
        fc.array(failures, { minLength: 1, maxLength: 4 }),
        async (to, accessSecret, text, script) => {
          const { lines, logger } = recorder();
          const answers = script.map((make) => () => make(to));
          const api2 = createApi2Client({
            accessKey: 'k',
            accessSecret,
            fetch: scriptedFetch(answers).fetch,
            logger,
            sleep: async () => {},
            retry: { attempts: 4, sends: true },
          });
          const result = await api2.POST('/api/wa/mt', { body: { ...textMessage, to, text: { body: text } } });
          const seen = [
            ...lines.map((l) => `${l.line} ${JSON.stringify(l.fields)}`),
            result.error ? `${result.error.message} ${JSON.stringify(result.error)}` : '',
          ];
          for (const entry of seen) {
            expect(entry).not.toContain(accessSecret);
            expect(entry).not.toContain(to);
          }
          expect(lines.length).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
