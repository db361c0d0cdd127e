#!/usr/bin/env node
// Sends one text message through @org/nxwa-client to the local mock started by `pnpm start`, and prints the
// answer. NXWA_MOCK_URL overrides where the api2.nxcloud.com mock is.
import { createApi2Client } from '@org/nxwa-client';

const baseUrl = process.env.NXWA_MOCK_URL ?? 'http://127.0.0.1:4010';
const api2 = createApi2Client({
  accessKey: 'nxwa-demo-key',
  accessSecret: 'nxwa-demo-secret',
  baseUrl,
  retry: { attempts: 1 },
});
const { data, error } = await api2.POST('/api/wa/mt', {
  body: {
    appkey: 'demo',
    business_phone: '8615800001795',
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '8613600009759',
    type: 'text',
    text: { body: 'Hello from nxwa 👋' },
  },
});
if (error) {
  console.error(
    `${error.kind}${error.code !== undefined ? ` ${error.code}` : ''}: ${error.message}${error.remedy ? `\nremedy: ${error.remedy}` : ''}`,
  );
  process.exit(1);
}
console.log(`sent through ${baseUrl}: message ${data.messages[0].id}`);
