// The sandbox over HTTP (issue 11): every accepted send gets its own message ID.
import { describe, expect, it } from 'vitest';
import { client } from './support.js';

const text = { appkey: 'f543ertg', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'text', text: { body: 'sandbox' } } as const;
const saasSend = { tenant_id: 1, appkey: 'a', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual', to: '8613600009759', type: 'template', template: { name: 't', language: { code: 'en_US', policy: 'deterministic' } } } as const;

describe('message IDs', () => {
  it('two api2 sends get two message IDs', async () => {
    const api2 = client('api2.nxcloud.com');
    const [a, b] = await Promise.all([api2.POST('/api/wa/mt', { body: text }), api2.POST('/api/wa/mt', { body: text })]);
    expect(a.data?.messages[0].id).toMatch(/^mock[0-9a-f]{24}$/);
    expect(b.data?.messages[0].id).toMatch(/^mock[0-9a-f]{24}$/);
    expect(a.data?.messages[0].id).not.toBe(b.data?.messages[0].id);
  });

  it('a cus_message_id still becomes the ID', async () => {
    const { data } = await client('api2.nxcloud.com').POST('/api/wa/mt', { body: { ...text, cus_message_id: 'mine-1' } });
    expect(data?.messages[0].id).toBe('mine-1');
  });

  it.each(['api.nxcloud.com', 'api-idn.nxlink.ai'] as const)('two %s sends get two message IDs', async (host) => {
    const saas = client(host) as any;
    const a = await saas.POST('/saas/wa/send', { body: saasSend });
    const b = await saas.POST('/saas/wa/send', { body: saasSend });
    expect(a.error).toBeUndefined();
    expect(a.data.message_id).not.toBe(b.data.message_id);
  });
});
