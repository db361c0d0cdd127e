// The journal: every answered request with its verdict; a refusal the caller did not ask for is a violation, and
// assertNoViolations() names each one. The sample app below swallows its own errors, as real apps do: its own
// assertions pass, the mock's do not.
import { createApi2Client } from '@org/nxwa-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJournal, excerptOf } from '../../src/admin/journal.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, messageLimit: 3 });
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

const send = {
  appkey: 'app-secret-key',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp' as const,
  recipient_type: 'individual' as const,
  to: '8613600009759',
  type: 'text' as const,
  text: { body: 'hello' },
};

/** A sample app: notifies a customer, logs (and swallows) a failure. */
async function sampleApp(baseUrl: string) {
  const api2 = createApi2Client({ ...demo, baseUrl, retry: { attempts: 1 } });
  const sent: string[] = [];
  const failed: number[] = [];
  for (const body of [send, { ...send, text: {} }]) {
    // The second request is deliberately invalid: text.body is missing.
    const { data, error } = await api2.POST('/api/wa/mt', { body: body as typeof send });
    if (error) failed.push(error.code ?? -1);
    else sent.push(data.messages[0].id);
  }
  return { sent, failed };
}

describe('the journal', () => {
  it('a sample app with one invalid request passes its own assertions but not assertNoViolations()', async () => {
    const app = await sampleApp(mock.urls['api2.nxcloud.com']!);
    expect(app.sent).toHaveLength(1);
    expect(app.failed).toEqual([9000]);

    const requests = mock.requests();
    expect(requests.map((r) => [r.operationId, r.verdict, r.violation, r.code])).toEqual([
      ['sendMessage', 'accepted', false, 0],
      ['sendMessage', 'refused', true, 9000],
    ]);
    expect(requests[1].problems).toEqual([{ field: 'text.body', rule: 'is required' }]);
    expect(requests[1].message).toContain('text.body: is required');

    expect(mock.violations()).toMatchObject([
      { host: 'api2.nxcloud.com', operationId: 'sendMessage', field: 'text.body', rule: 'is required', count: 1 },
    ]);
    expect(() => mock.assertNoViolations()).toThrow(/sendMessage \(POST \/api\/wa\/mt\): text\.body — is required/);
    let text = '';
    try {
      mock.assertNoViolations();
    } catch (error) {
      text = (error as Error).message;
    }
    // The excerpt masks secrets and recipients.
    expect(text).toContain('"appkey":"***"');
    expect(text).toContain('"to":"•••••••••••59"');
    expect(text).not.toContain('app-secret-key');
    expect(text).not.toContain('8613600009759');
  });

  it('counts the same violation, and passes when there is none', async () => {
    mock.assertNoViolations();
    await sampleApp(mock.urls['api2.nxcloud.com']!);
    await sampleApp(mock.urls['api2.nxcloud.com']!);
    expect(mock.violations()).toMatchObject([{ field: 'text.body', count: 2 }]);
    expect(() => mock.assertNoViolations()).toThrow(/is required \(2 times\)/);
  });

  it('a refusal asked for (a Prefer example, a fault) is no violation', async () => {
    const api2 = createApi2Client({ ...demo, baseUrl: mock.urls['api2.nxcloud.com']!, retry: { attempts: 1 } });
    const preferred = await api2.POST('/api/wa/mt', { body: send, headers: { prefer: 'example=code-10005' } });
    expect(preferred.error?.code).toBe(10005);
    const faulted = await api2.POST('/api/wa/mt', { body: send, headers: { 'x-nxwa-fault': '503' } });
    expect(faulted.response?.status).toBe(503);
    expect(mock.requests().map((r) => [r.verdict, r.chosen, r.violation])).toEqual([
      ['refused', 'prefer', false],
      ['refused', 'fault', false],
    ]);
    mock.assertNoViolations();
  });

  it('an unknown operation and an unsigned request are violations too', async () => {
    await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/nothing`, { method: 'POST' });
    await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, { method: 'POST', body: '{}' });
    expect(mock.violations().map((v) => [v.operationId, v.field, v.rule])).toEqual([
      [null, '', 'No operation POST /api/wa/nothing on api2.nxcloud.com.'],
      ['sendMessage', '', expect.stringMatching(/accessKey/)],
    ]);
  });

  it('keeps the newest requests as the message store does, and every violation', async () => {
    // Eight requests, three kept: the newest, oldest first, however the kept ones wrapped around.
    for (let i = 0; i < 4; i++) await sampleApp(mock.urls['api2.nxcloud.com']!);
    expect(mock.requests().map((r) => [r.seq, r.verdict])).toEqual([
      [6, 'refused'],
      [7, 'accepted'],
      [8, 'refused'],
    ]);
    expect(mock.violations()).toMatchObject([{ count: 4 }]);
  });

  it('GET /__nxwa/requests filters by verdict, operation and time', async () => {
    const before = new Date().toISOString();
    await sampleApp(mock.urls['api2.nxcloud.com']!);
    const get = async (query: string) =>
      (await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/requests${query}`)).json();
    const refused = await get('?verdict=refused&operation=sendMessage');
    expect(refused.requests.map((r: { code: number }) => r.code)).toEqual([9000]);
    expect(refused.violations).toHaveLength(1);
    expect((await get(`?since=${encodeURIComponent(before)}`)).requests).toHaveLength(2);
    expect((await get('?operation=getMedia')).requests).toEqual([]);
    expect((await get(`?since=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).requests).toEqual([]);
    const bad = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/requests?verdict=maybe`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/query parameter verdict: must be one of "accepted", "refused"/);
  });
});

describe('createJournal', () => {
  const request = { host: 'api2.nxcloud.com', method: 'POST', operationId: 'sendMessage', accessKey: 'k' };

  it('a place of the ring taken by a newer request keeps nothing of the older one', () => {
    const journal = createJournal(2);
    const answer = JSON.stringify({ code: 9000, message: 'Parameter error' });
    journal.record({
      ...request,
      path: '/a',
      status: 200,
      code: 9000,
      answer,
      problems: [{ field: 'to', text: 'to: is required' }],
    });
    journal.record({ ...request, path: '/b', status: 200, code: 0, accessKey: undefined });
    journal.record({ ...request, path: '/c', status: 200, code: 0 });
    expect(journal.list()).toMatchObject([
      { seq: 2, path: '/b', accessKey: null, verdict: 'accepted', violation: false, message: null, problems: [] },
      { seq: 3, path: '/c', accessKey: 'k', verdict: 'accepted', violation: false, excerpt: null },
    ]);
    // What a reader gets is a copy: changing it changes nothing kept.
    journal.list()[0].problems.push({ field: 'x', rule: 'y' });
    expect(journal.list()[0].problems).toEqual([]);
    expect(journal.violations()).toMatchObject([{ path: '/a', field: 'to', rule: 'is required', count: 1 }]);
  });

  it('keeps every path and accessKey as sent, past the bound of the texts it keeps one copy of', () => {
    const journal = createJournal(3_000);
    const sent = Array.from({ length: 2_500 }, (_, i) => [`/api/media/${i}`, `key-${i % 1_500}`]);
    for (const [path, accessKey] of sent) journal.record({ ...request, path, accessKey, status: 200, code: 0 });
    expect(journal.list().map((e) => [e.path, e.accessKey])).toEqual(sent);
  });
});

describe('excerptOf', () => {
  it('masks secrets and numbers, says what a non-JSON body is, and cuts long bodies', () => {
    expect(excerptOf(Buffer.from('{"sign":"abc","business_phone":"8615800001795","x":[{"to":123456}]}'))).toBe(
      '{"sign":"***","business_phone":"•••••••••••95","x":[{"to":"••••56"}]}',
    );
    expect(excerptOf(Buffer.from('--boundary'))).toBe('(10 bytes, not JSON)');
    expect(excerptOf(Buffer.from(JSON.stringify({ text: 'x'.repeat(1000) })))).toHaveLength(300);
    expect(excerptOf(undefined)).toBeNull();
  });
});
