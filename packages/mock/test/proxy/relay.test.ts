// The callbacks relay: NxCloud's callbacks reach the app's handler unchanged, and on the way each is checked against
// the host's webhooks and, with the account's secret, its signature; a departure is reported once, with its count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackKinds, type RunningMock, startMock } from '../../src/index.js';
import { webhook } from '../webhook.js';
import { APP, startNxcloud } from './nxcloud.js';

let nxcloud: Awaited<ReturnType<typeof startNxcloud>>;
let app: Awaited<ReturnType<typeof webhook>>;
let mock: RunningMock;

beforeAll(async () => {
  nxcloud = await startNxcloud();
  app = await webhook(() => 200);
  mock = await startMock({
    hosts: ['api2.nxcloud.com'],
    portBase: 0,
    // The relay checks signatures only for an account it knows.
    accessKey: APP.accessKey,
    accessSecret: APP.accessSecret,
    relayTo: `${app.url}/hooks/nxcloud`,
  });
});
afterAll(async () => {
  await mock?.stop();
  await app?.close();
  await nxcloud?.close();
});

const status = () =>
  structuredClone(callbackKinds(['api2.nxcloud.com']).find((k) => k.kind.startsWith('messageStatus.'))!.payload) as {
    statuses: { status: string }[];
  };

describe('the callbacks relay', () => {
  it('forwards each callback to the app unchanged and reports nothing for a documented one', async () => {
    expect(mock.relayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const sent = await nxcloud.callback(`${mock.relayUrl}/`, status());
    expect(sent.status).toBe(200);
    const got = app.at('/hooks/nxcloud').at(-1)!;
    expect(got.raw.equals(sent.sent)).toBe(true);
    expect(got.headers.action).toBe('callback');
    expect(mock.drift()).toEqual([]);
  });

  it('reports a status the spec does not know once, counted, with its spec location', async () => {
    const odd = status();
    odd.statuses[0].status = 'exploded';
    await nxcloud.callback(`${mock.relayUrl}/`, odd);
    await nxcloud.callback(`${mock.relayUrl}/`, odd);
    await nxcloud.callback(`${mock.relayUrl}/`, status());
    expect(app.at('/hooks/nxcloud').length).toBe(4);
    expect(
      mock.drift().map(({ source, operationId, kind, field, location, count }) => ({
        source,
        operationId,
        kind,
        field,
        location,
        count,
      })),
    ).toEqual([
      {
        source: 'callback',
        operationId: 'onMessageStatus',
        kind: 'wrong-value',
        field: 'statuses[].status',
        location: expect.stringMatching(/^\/components\/schemas\/[A-Za-z]+\/properties\/status\/enum$/),
        count: 2,
      },
    ]);
  });

  it('reports a callback whose signature the account’s secret does not make', async () => {
    mock.reset();
    await nxcloud.callback(`${mock.relayUrl}/`, status(), true);
    expect(mock.drift().map((d) => [d.operationId, d.kind, d.got, d.count])).toEqual([
      ['onMessageStatus', 'bad-signature', 'bad-signature', 1],
    ]);
  });
});
