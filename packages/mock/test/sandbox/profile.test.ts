// api2's getBusinessProfile from the sandbox's profiles, through @org/nxwa-client: per account and number; a set
// profile (PUT /__nxwa/profiles/{phone} with curl, or setBusinessProfile) is what get answers; a number the sandbox
// never saw answers the operation's parameter code naming business_phone.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { spec } from '../support.js';
import { clientOf, mock, phone, second, useSandboxMock } from './fixtures.js';

useSandboxMock();

const get = (business_phone: string, account?: typeof second) =>
  clientOf('api2.nxcloud.com', account).POST('/api/wa/getBusinessProfile', {
    body: { appkey: 'a', messaging_product: 'whatsapp', business_phone },
  });
const send = (business_phone: string) =>
  clientOf('api2.nxcloud.com').POST('/api/wa/mt', {
    body: {
      appkey: 'a',
      business_phone,
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '8613600009759',
      type: 'text',
      text: { body: 'hi' },
    },
  });

function curl(args: string[]) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn('curl', ['-sS', ...args]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('getBusinessProfile', () => {
  it('a number the sandbox never saw: the parameter code naming business_phone', async () => {
    const { error } = await get('8615800000001');
    expect(error.message).toMatch(/business_phone: the sandbox knows no number "8615800000001"/);
    const bad = await clientOf('api2.nxcloud.com').POST('/api/wa/getBusinessProfile', {
      body: { appkey: 'a', business_phone: '8615800000001' } as never,
    });
    expect(error.code).toBe(bad.error.code);
  });

  it("a number the account used, with no profile set: the spec's example profile", async () => {
    await send('8615800000002');
    const { data, error } = await get('8615800000002');
    expect(error).toBeUndefined();
    const example = (spec('api2.nxcloud.com') as any).paths['/api/wa/getBusinessProfile'].post.responses['200'].content[
      'application/json'
    ].examples.success.value.data;
    expect(data).toEqual(example);
  });

  it('PUT /__nxwa/profiles/{phone} (curl) changes what get answers, for that number and account only', async () => {
    await send(phone);
    const base = mock.urls['api2.nxcloud.com']!;
    const put = JSON.parse(
      await curl([
        '-X',
        'PUT',
        `${base}/__nxwa/profiles/%2B${phone}`,
        '-H',
        'content-type: application/json',
        '-d',
        '{"profile":{"about":"Open 9 to 5","address":"1 Harbour Road","websites":["https://example.com"]}}',
      ]),
    );
    expect(put).toEqual({
      business_phone: phone,
      accessKey: 'nxwa-demo-key',
      profile: { about: 'Open 9 to 5', address: '1 Harbour Road', websites: ['https://example.com'] },
    });
    const { data } = await get(phone);
    expect(data).toEqual({ data: [put.profile] });
    expect(JSON.parse(await curl([`${base}/__nxwa/profiles/${phone}`]))).toEqual(put);

    // Another account does not see it; its own is set from Node.
    expect((await get(phone, second)).error.message).toMatch(/business_phone:/);
    mock.setBusinessProfile(phone, { about: 'Second account' }, second.accessKey);
    expect((await get(phone, second)).data).toEqual({ data: [{ about: 'Second account' }] });
    expect((await get(phone)).data).toEqual({ data: [put.profile] });
  });

  it('bad input over HTTP: a body without profile, an unknown account — 400 naming the field', async () => {
    const base = mock.urls['api2.nxcloud.com']!;
    const noProfile = await fetch(`${base}/__nxwa/profiles/${phone}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"about":"x"}',
    });
    expect(noProfile.status).toBe(400);
    expect((await noProfile.json()).error).toMatch(/profile/);
    const account = await fetch(`${base}/__nxwa/profiles/${phone}?accessKey=nobody`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"profile":{}}',
    });
    expect(account.status).toBe(400);
    expect((await account.json()).error).toMatch(/accessKey must be an account of the mock/);
  });
});
