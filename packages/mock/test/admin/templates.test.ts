// POST /__nxwa/templates/{id}/review and mock.reviewTemplate: a template's review ended by hand, approved or
// rejected, on api2 (with its template-status callback) and on the HK host (status 0 with the reason).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { api2Template, clientOf, hkTemplate, phone } from '../sandbox/fixtures.js';
import { demo } from '../support.js';
import { webhook } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
beforeAll(async () => {
  hook = await webhook();
  // A review that never ends by itself: only the verdicts below end it.
  mock = await startMock({ portBase: 0, templateReviewMs: 600_000, webhookUrl: hook.url });
});
afterAll(async () => {
  await mock?.stop();
  await hook?.close();
});

const review = async (host: string, id: string | number, body: unknown) => {
  const res = await fetch(`${mock.urls[host as 'api2.nxcloud.com']}/__nxwa/templates/${id}/review`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('template review by hand', () => {
  it('HK: rejected with a reason (status 0), then approved after an update (status 2)', async () => {
    const hk = clientOf('api-hk.nxlink.ai', demo, mock);
    const created = await hk.POST('/saas/wa/template/{phone}', {
      params: { path: { phone } },
      body: hkTemplate('hk_review'),
    });
    const id: number = created.data.id;
    const detail = async () =>
      (
        await hk.GET('/saas/wa/template/{phone}/{id}', {
          params: { path: { phone, id: String(id) }, query: { tenant_id: 1 } },
        })
      ).data;
    expect((await detail()).status).toBe(1);
    expect(await review('api-hk.nxlink.ai', id, { verdict: 'REJECTED', reason: 'Looks like spam' })).toMatchObject({
      status: 200,
      body: { status: 'REJECTED' },
    });
    expect(await detail()).toMatchObject({ status: 0, waRejectedReason: 'Looks like spam' });
    await hk.PUT('/saas/wa/template/{phone}', { params: { path: { phone } }, body: hkTemplate('hk_review') });
    expect(await detail()).toMatchObject({ status: 1, waRejectedReason: '' });
    expect(mock.reviewTemplate('api-hk.nxlink.ai', id)).toBe('APPROVED');
    expect((await detail()).status).toBe(2);
  });

  it('api2: the verdict goes out as the documented template-status callback', async () => {
    const api2 = clientOf('api2.nxcloud.com', demo, mock);
    const created = await api2.POST('/api/wa/createTemplate', { body: api2Template('review_me') });
    expect(created.error).toBeUndefined();
    const id = String(created.data.id);
    expect((await review('api2.nxcloud.com', id, { verdict: 'REJECTED', reason: 'INVALID_FORMAT' })).status).toBe(200);
    await mock.waitFor({ idle: true });
    expect(hook.received.at(-1)!.json).toMatchObject({
      field: 'message_template_status_update',
      value: { event: 'REJECTED', reason: 'INVALID_FORMAT', message_template_id: id },
    });
  });

  it('refuses a bad verdict or an unknown template naming it', async () => {
    expect(await review('api-hk.nxlink.ai', 1, { verdict: 'MAYBE' })).toMatchObject({
      status: 400,
      body: { error: 'verdict: must be one of "APPROVED", "REJECTED"; got "MAYBE".' },
    });
    expect(await review('api-hk.nxlink.ai', 12345, {})).toMatchObject({
      status: 404,
      body: { error: 'id: no template "12345" on api-hk.nxlink.ai.' },
    });
    expect(await review('api.nxcloud.com', 1, {})).toMatchObject({ status: 404 });
    expect(() => mock.reviewTemplate('api2.nxcloud.com', 'nope')).toThrow(/^reviewTemplate: id: no template "nope"/);
  });
});
