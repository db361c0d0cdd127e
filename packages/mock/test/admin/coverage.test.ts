// Coverage: the repo's own request examples (what its contract tests send) call every documented operation of
// every host; documented codes and delivered callbacks are counted; GET /__nxwa/coverage answers the same.
import { createNxcloudClient } from '@org/nxwa-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo, exampleCases, withRealFile } from '../support.js';
import { webhook } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
beforeAll(async () => {
  hook = await webhook((_r, nth) => (nth === 1 ? 500 : 200));
  mock = await startMock({
    portBase: 0,
    webhookUrl: `${(hook = hook).url}/hook`,
    callbackDelayMs: 1,
    callbackRetryBaseMs: 1,
  });
});
afterAll(async () => {
  await mock.stop();
  await hook.close();
});

describe('coverage', () => {
  it('starts empty, with every documented operation listed', () => {
    for (const h of mock.coverage()) {
      expect(h.summary.called).toBe(0);
      expect(h.operations.length).toBeGreaterThan(0);
      expect(h.operations.every((o) => o.documentedCodes.length > 0)).toBe(true);
    }
  });

  it("the repo's request examples call every documented operation of every host", async () => {
    for (const c of exampleCases()) {
      const api = createNxcloudClient(c.host, { ...demo, baseUrl: mock.urls[c.host]!, retry: { attempts: 1 } }) as any;
      await api[c.method.toUpperCase()](c.path, { params: c.params, body: withRealFile(c) });
    }
    const coverage = mock.coverage();
    expect(coverage.map((h) => h.host)).toEqual(Object.keys(mock.urls));
    for (const h of coverage) {
      expect(
        h.operations.filter((o) => o.called === 0).map((o) => o.operationId),
        h.host,
      ).toEqual([]);
      expect(h.summary.called).toBe(h.summary.operations);
    }
    await vi.waitFor(() => expect(mock.pendingCallbacks()).toBe(0), { timeout: 20_000 });
    const api2 = mock.coverage().find((h) => h.host === 'api2.nxcloud.com')!;
    const status = api2.callbacks.find((c) => c.kind === 'messageStatus')!;
    expect(status.delivered).toBeGreaterThan(0);
    // The webhook refused each first attempt: one 500, then 200s.
    expect(status.answers['500']).toBeGreaterThanOrEqual(1);
    expect(status.answers['200']).toBeGreaterThan(0);
    expect(api2.callbacks.map((c) => c.kind)).toEqual([
      'messageStatus',
      'inboundMessage',
      'templateEvent',
      'accountEvent',
    ]);
  });

  it('counts a documented code once answered, over HTTP too', async () => {
    const api2 = createNxcloudClient('api2.nxcloud.com', {
      ...demo,
      baseUrl: mock.urls['api2.nxcloud.com']!,
      retry: { attempts: 1 },
    });
    const c = exampleCases().find((e) => e.host === 'api2.nxcloud.com' && e.path === '/api/wa/mt')!;
    await api2.POST('/api/wa/mt', { body: c.body as any, headers: { prefer: 'example=code-10005' } });
    const body = await (await fetch(`${mock.urls['api.nxcloud.com']}/__nxwa/coverage`)).json();
    const send = body.hosts
      .find((h: { host: string }) => h.host === 'api2.nxcloud.com')
      .operations.find((o: { operationId: string }) => o.operationId === 'sendMessage');
    expect(send.seenCodes).toContain(10005);
    expect(send.documentedCodes).toContain(10005);
    mock.reset();
    expect(mock.coverage().every((h) => h.summary.called === 0)).toBe(true);
  });
});

describe('callback coverage', () => {
  it('counts every documented callback the delivery attempted, fired, reviewed or simulated, past the record bound', async () => {
    const taker = await webhook();
    // One message kept: coverage must not depend on what the record still holds.
    const small = await startMock({ portBase: 0, webhookUrl: taker.url, messageLimit: 1 });
    try {
      small.trigger('templateEvent.message_template_quality_update');
      small.trigger('accountEvent.accountUpdate');
      small.trigger('buttonClick.buttonClick', undefined, { host: 'api-hk.nxlink.ai' });
      for (const from of ['8613600000801', '8613600000802'])
        small.inbound({ business_phone: '8615800001795', from, type: 'text', text: { body: 'hi' } });
      await small.waitFor({ callbacks: 5 });
      const delivered = (host: string) =>
        Object.fromEntries(
          small
            .coverage()
            .find((h) => h.host === host)!
            .callbacks.map((c) => [c.kind, c.delivered]),
        );
      expect(delivered('api2.nxcloud.com')).toEqual({
        messageStatus: 0,
        inboundMessage: 2,
        templateEvent: 1,
        accountEvent: 1,
      });
      expect(delivered('api-hk.nxlink.ai')).toEqual({ messageStatus: 0, buttonClick: 1 });
      small.reset();
      expect(small.coverage().every((h) => h.callbacks.every((c) => c.attempts === 0))).toBe(true);
    } finally {
      await small.stop();
      await taker.close();
    }
  });
});
