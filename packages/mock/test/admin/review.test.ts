// POST /__nxwa/templates/{id}/review: a PENDING template approved or rejected by hand, its documented callback sent
// at once. Driven with curl, as from any language.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { client, demo } from '../support.js';
import { webhook } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;

beforeAll(async () => {
  hook = await webhook();
  // A review that never ends by itself within a test.
  mock = await startMock({
    portBase: 0,
    hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'],
    templateReviewMs: 600_000,
    webhookUrl: `${hook.url}/hook`,
  });
});
afterAll(async () => {
  await mock.stop();
  await hook.close();
});

const base = () => mock.urls['api2.nxcloud.com']!;
async function curl(path: string, body: string): Promise<{ status: number; json: any }> {
  // Not execFileSync: the mock answers from this very process.
  const { stdout } = await promisify(execFile)(
    'curl',
    [
      '-s',
      '-w',
      '\n%{http_code}',
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '--data-binary',
      body,
      `${base()}${path}`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  const i = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(i + 1)), json: JSON.parse(stdout.slice(0, i)) };
}
async function create(name: string): Promise<string> {
  const { data, error } = await client('api2.nxcloud.com', { baseUrl: base() }).POST('/api/wa/createTemplate', {
    body: {
      appkey: 'a',
      messaging_product: 'whatsapp',
      business_phone: '8615800001795',
      name,
      category: 'UTILITY',
      language: 'en_US',
      components: [{ type: 'BODY', text: 'hello world' }],
    } as any,
  });
  expect(error).toBeUndefined();
  return data!.id as string;
}

describe('POST /__nxwa/templates/{id}/review', () => {
  it('rejects a pending template now: REJECTED, and the signed template callback', async () => {
    const id = await create('to_reject');
    const res = await curl(`/__nxwa/templates/${id}/review`, '{"verdict":"REJECTED"}');
    expect(res).toMatchObject({ status: 200, json: { id, status: 'REJECTED', name: 'to_reject' } });
    await vi.waitFor(() => expect(hook.at('/hook').some((r) => r.json.value?.message_template_id === id)).toBe(true), {
      timeout: 10_000,
    });
    const got = hook.at('/hook').find((r) => r.json.value?.message_template_id === id)!;
    const callback = parseCallback(new Uint8Array(got.raw), {
      headers: got.headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    expect(callback.kind).toBe('template-event');
    expect(got.json).toMatchObject({ field: 'message_template_status_update', value: { event: 'REJECTED' } });
    // The template list says so too.
    const list = await (await fetch(`${base()}/__nxwa/templates`)).json();
    expect(list.templates.find((t: { id: string }) => t.id === id).status).toBe('REJECTED');
  });

  it('approves a pending one; refuses a bad decision or an unknown template, naming the field', async () => {
    const id = await create('to_approve');
    expect(
      (await curl(`/__nxwa/templates/${id}/review`, '{"verdict":"APPROVED","host":"api2.nxcloud.com"}')).json.status,
    ).toBe('APPROVED');
    expect(await curl(`/__nxwa/templates/${id}/review`, '{"verdict":"maybe"}')).toMatchObject({
      status: 400,
      json: { error: 'verdict: must be one of "APPROVED", "REJECTED"; got "maybe".' },
    });
    expect((await curl('/__nxwa/templates/123/review', '{"verdict":"APPROVED"}')).status).toBe(404);
    expect(
      (await curl(`/__nxwa/templates/${id}/review`, '{"verdict":"APPROVED","host":"api-hk.nxlink.ai"}')).status,
    ).toBe(404);
  });
});
