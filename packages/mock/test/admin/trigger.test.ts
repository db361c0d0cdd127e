// Firing any documented callback: every kind of every host's webhooks (walked from the spec, so a new webhook or
// example cannot be missed) goes out signed, in a body that validates against the spec's webhook schema; over
// HTTP (curl as well) and from mock.trigger; bad requests refused naming the field.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackKinds, type RunningMock, startMock } from '../../src/index.js';
import { demo, HOSTS, spec } from '../support.js';
import { webhook, webhookProblems } from '../webhook.js';

let mock: RunningMock;
let hook: Awaited<ReturnType<typeof webhook>>;
beforeAll(async () => {
  hook = await webhook();
  mock = await startMock({ portBase: 0, callbackRetryBaseMs: 5, webhookUrl: `${hook.url}/hook` });
});
afterAll(async () => {
  await mock?.stop();
  await hook?.close();
});

describe('callback kinds', () => {
  it("list every webhook example of every host's spec, and every event its `field` enum names", () => {
    for (const host of HOSTS) {
      const doc: any = spec(host);
      const expected: string[] = [];
      for (const [name, item] of Object.entries<any>(doc.webhooks ?? {})) {
        const media = item.post.requestBody.content['application/json'];
        for (const example of Object.keys(media.examples ?? {})) expected.push(`${name}.${example}`);
      }
      const kinds = callbackKinds([host]).map((k) => k.kind);
      expect(kinds).toEqual(expect.arrayContaining(expected));
      expect(expected.length).toBeGreaterThan(0);
    }
    const api2 = callbackKinds(['api2.nxcloud.com']).map((k) => k.kind);
    expect(api2).toEqual(
      expect.arrayContaining([
        'messageStatus.deleted',
        'templateEvent.message_template_quality_update',
        'templateEvent.template_category_update',
        'accountEvent.accountUpdate',
        'accountEvent.phone_number_quality_update',
      ]),
    );
  });
});

describe('mock.trigger', () => {
  it('fires every documented kind of every host: signed, and valid against the webhook schema', async () => {
    for (const k of callbackKinds()) {
      const t = mock.trigger(k.kind, undefined, { host: k.host });
      expect(await t.delivered, `${k.host} ${k.kind}`).toBe(true);
      const got = hook.received.at(-1)!;
      expect(got.raw.toString('utf8')).toBe(t.body);
      expect(webhookProblems(k.host, k.webhook, got.json), `${k.host} ${k.kind}`).toBeUndefined();
      const parsed = parseCallback(got.raw, { headers: got.headers as never, accessSecret: demo.accessSecret });
      expect(parsed.kind).toBeTypeOf('string');
    }
  });

  it('lays the overrides over the example: a template quality update with its scores', async () => {
    const t = mock.trigger('templateEvent.message_template_quality_update', {
      value: { new_quality_score: 'RED', previous_quality_score: 'GREEN' },
    });
    expect(await t.delivered).toBe(true);
    const json = hook.received.at(-1)!.json;
    expect(json).toMatchObject({
      field: 'message_template_quality_update',
      value: { new_quality_score: 'RED', previous_quality_score: 'GREEN', message_template_name: 'text_template' },
    });
  });

  it('refuses an unknown kind, host or account naming it', () => {
    expect(() => mock.trigger('messageStatus.lost')).toThrow(
      /kind "messageStatus.lost" is not a callback api2\.nxcloud\.com documents; expected one of .*messageStatus\.sent/,
    );
    expect(() => mock.trigger('messageStatus', undefined, { host: 'nowhere.example' as never })).toThrow(
      /host must be one of/,
    );
    expect(() => mock.trigger('messageStatus', undefined, { accessKey: 'nobody' })).toThrow(
      /accessKey must be an account/,
    );
    expect(() => mock.trigger('messageStatus', undefined, { webhookUrl: 'http://192.0.2.1/hook' })).toThrow(
      /webhookUrl must be .* loopback/,
    );
  });
});

describe('POST /__nxwa/trigger', () => {
  it("fires the port's host's kind: a SaaS button click on api.nxcloud.com", async () => {
    const before = hook.received.length;
    const res = await fetch(`${mock.urls['api.nxcloud.com']}/__nxwa/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'buttonClick', overrides: { business_phone: '8610000000001' } }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ kind: 'buttonClick.buttonClick', host: 'api.nxcloud.com' });
    await mock.waitFor({ idle: true });
    expect(hook.received.length).toBe(before + 1);
    expect(hook.received.at(-1)!.json.business_phone).toBe('8610000000001');
  });

  it('from a shell: curl fires a deleted status', async () => {
    const { stdout } = await promisify(execFile)('curl', [
      '-s',
      `${mock.urls['api2.nxcloud.com']}/__nxwa/trigger`,
      '-H',
      'content-type: application/json',
      '-d',
      '{"kind":"messageStatus.deleted"}',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      kind: 'messageStatus.deleted',
      body: { statuses: [{ status: 'deleted' }] },
    });
    await mock.waitFor({ idle: true });
    expect(hook.received.at(-1)!.json.statuses[0].status).toBe('deleted');
  });

  it('answers 400 naming the field for a bad kind, field or body', async () => {
    const post = async (body: string) => {
      const res = await fetch(`${mock.urls['api-hk.nxlink.ai']}/__nxwa/trigger`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await post('{"kind":"inboundMessage.text"}')).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^kind "inboundMessage.text" is not a callback api-hk\.nxlink\.ai documents/),
    });
    expect(await post('{"kind":"messageStatus","extra":1}')).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^extra: is not allowed here/),
    });
    expect(await post('{"kind":"messageStatus","overrides":[1]}')).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^overrides: must be object; got an array/),
    });
    expect(await post('not json')).toMatchObject({ status: 400, error: expect.stringMatching(/not valid JSON/) });
  });
});
