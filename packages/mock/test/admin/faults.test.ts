// The run's faults changed while the mock runs (PUT /__nxwa/faults, mock.setFaults): "429 once, then OK" and "503
// for the next two sends" against one mock, a bad rule refused naming it with the old rules left in force.
import { signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';

const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'faults at run time' },
};

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, callbackDelayMs: 5 });
});
afterAll(() => mock?.stop());

const send = async () => {
  const raw = JSON.stringify(text);
  const res = await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signatureHeaders({ ...demo, action: 'mt', bizType: '2', ts: Date.now(), body: raw }),
    },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
};
const put = async (body: string) => {
  const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/faults`, { method: 'PUT', body });
  return { status: res.status, body: (await res.json()) as { error?: string; faults?: string[] } };
};

describe('faults at run time', () => {
  it('429 once, then OK (mock.setFaults)', async () => {
    mock.setFaults(['sendMessage:429;retry-after=0,times=1']);
    expect(mock.faults()).toEqual(['sendMessage:429;retry-after=0,times=1']);
    expect([await send(), await send()]).toEqual([429, 200]);
  });

  it('503 for the next two sends, then OK (PUT /__nxwa/faults)', async () => {
    expect(await put('{"faults":["sendMessage:503,times=2"]}')).toEqual({
      status: 200,
      body: { faults: ['sendMessage:503,times=2'] },
    });
    expect([await send(), await send(), await send()]).toEqual([503, 503, 200]);
  });

  it('an empty list clears them; GET lists the rules in force', async () => {
    await put('{"faults":["sendMessage:500"]}');
    expect(await send()).toBe(500);
    expect((await put('{"faults":[]}')).status).toBe(200);
    expect(await send()).toBe(200);
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/faults`);
    expect(await res.json()).toEqual({ faults: [] });
  });

  it('a bad rule: 400 naming it, and the rules in force stay', async () => {
    await put('{"faults":["sendMessage:502"]}');
    const bad = await put('{"faults":["sendMessage:429","sendMessage:418"]}');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^faults\[1\]: "418" is not a fault; expected/);
    expect((await put('{"faults":["nowhere:500"]}')).body.error).toMatch(/^faults\[0\]: scope "nowhere" is neither/);
    expect((await put('{"faults":"500"}')).body.error).toBe('faults: must be array; got string.');
    expect(await send()).toBe(502);
    expect(() => mock.setFaults(['reset,500'])).toThrow(/^setFaults: faults\[0\]: "reset,500" has two outcomes/);
    expect(mock.faults()).toEqual(['sendMessage:502']);
    mock.setFaults([]);
  });
});
