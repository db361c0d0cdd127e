// The stores as the phone view reads them, over plain HTTP: GET /__nxwa/media (no bytes: a size and a URL),
// POST /__nxwa/media (a file the customer sends), GET /__nxwa/templates.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { demo } from '../support.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com'] });
});
afterAll(async () => {
  await mock.stop();
});
const base = () => mock.urls['api2.nxcloud.com']!;

it('adds a medium from its bytes, and names a missing field', async () => {
  const res = await fetch(`${base()}/__nxwa/media?accessKey=${demo.accessKey}&phone=8615800001795&fileName=a.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: '%PDF-1.4',
  });
  expect(res.status).toBe(201);
  const m = await res.json();
  expect(m).toMatchObject({ kind: 'media', fileName: 'a.pdf', mimeType: 'application/pdf', size: 8 });
  expect(await (await fetch(`${base()}${m.url}`)).text()).toBe('%PDF-1.4');
  const bad = await fetch(`${base()}/__nxwa/media?accessKey=k&phone=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: 'x',
  });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toBe('query parameter fileName: is required.');
  const listed = await (await fetch(`${base()}/__nxwa/media?accessKey=${demo.accessKey}`)).json();
  expect(listed.media).toEqual([m]);
  expect(JSON.stringify(listed)).not.toContain('bytes');
  expect(await (await fetch(`${base()}/__nxwa/templates?accessKey=nobody`)).json()).toEqual({ templates: [] });
});
