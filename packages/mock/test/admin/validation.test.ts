// Requests to the mock's own paths are checked against the mock's own API document (spec/mock), and that document
// agrees with the code on the values it lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOperation } from '../../src/admin/validation.js';
import { HOSTS, loadSpec, MOCK_API } from '../../src/http/hosts.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { MESSAGE_STATUSES } from '../../src/sandbox/messages/store.js';
import { TEMPLATE_HOSTS } from '../../src/sandbox/templates/store.js';

const api = loadSpec(MOCK_API);
const schemas = api.components!.schemas;

describe("the mock's API document", () => {
  it('lists the message statuses of the store', () => {
    expect(schemas.MessageStatus.enum).toEqual([...MESSAGE_STATUSES]);
  });
  it('lists, for a review by hand, the hosts whose templates the sandbox keeps', () => {
    const review = api.paths!['/__nxwa/templates/{id}/review'].post.requestBody.content['application/json'].schema;
    expect(review.properties.host.enum).toEqual([...TEMPLATE_HOSTS]);
  });
  it('lists the hosts the mock serves', () => {
    expect(schemas.InboundRequest.properties.host.enum).toEqual([...HOSTS]);
  });
  it("lists api2's inbound message types and the SaaS button click", () => {
    const api2 = Object.keys(loadSpec('api2.nxcloud.com').components!.schemas.InboundMessage.discriminator.mapping);
    expect(schemas.InboundRequest.properties.type.enum).toEqual([...api2, 'button']);
  });
  it('documents every path the admin table routes', () => {
    for (const [method, path] of [
      ['GET', '/__nxwa'],
      ['GET', '/__nxwa/'],
      ['GET', '/__nxwa/events'],
      ['GET', '/__nxwa/messages'],
      ['GET', '/__nxwa/messages/abc'],
      ['DELETE', '/__nxwa/state'],
      ['POST', '/__nxwa/inbound'],
      ['GET', '/__nxwa/media/abc'],
    ])
      expect(adminOperation(method, path), `${method} ${path}`).toBeDefined();
  });
});

describe('requests to the mock paths', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0 });
  });
  afterAll(() => mock.stop());

  it('a query parameter outside the document: 400 naming it and what was expected', async () => {
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/messages?status=lost`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(
      'query parameter status: must be one of "accepted", "sent", "delivered", "read", "failed", "received"; got "lost".',
    );
  });
  it('a body outside the document: 400 naming every field at fault', async () => {
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '12', type: 'text', text: {} }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(
      'business_phone: is required; from: must match ^\\d{5,20}$; got "12"; text.body: is required.',
    );
  });
});
