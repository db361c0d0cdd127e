// A small app's own test suite, as it would run against NxCloud in staging and against a replay in CI: the same
// calls through the client, the same expectations, only the URL and the credentials change.
import { createApi2Client } from '@org/nxwa-client';
import { expect } from 'vitest';

export const RECIPIENTS = ['8613600009759', '8613600001111'] as const;
export const APPKEY = 'staging-appkey-secret';

const base = {
  appkey: APPKEY,
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
} as const;

/** Runs the app's checks against a base URL; throws (an expect failure) at the first that does not hold. */
export async function appSuite(baseUrl: string, credentials: { accessKey: string; accessSecret: string }) {
  const api2 = createApi2Client({ ...credentials, baseUrl, retry: { attempts: 1 } });
  // A shipping notice to each customer gets a message ID.
  for (const to of RECIPIENTS) {
    const { data, error } = await api2.POST('/api/wa/mt', {
      body: { ...base, to, type: 'text', text: { body: `Order for ${to} has shipped` } },
    });
    expect(error).toBeUndefined();
    expect(data?.messages[0]?.id).toMatch(/^wamid\./);
  }
  // A template the account does not have is refused with NxCloud's 10005, which the app reports.
  const { error } = await api2.POST('/api/wa/mt', {
    body: {
      ...base,
      to: RECIPIENTS[0],
      type: 'template',
      template: { name: 'no_such_template', language: { code: 'en_US', policy: 'deterministic' } },
    },
  });
  expect(error?.code).toBe(10005);
}
