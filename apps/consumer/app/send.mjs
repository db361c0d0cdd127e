// In the scratch app (ESM): the installed mock serves api2.nxcloud.com on a free port, the installed client sends
// a text message to it over loopback, and a callback signed with the installed signing package is parsed and
// verified. Prints one JSON line for the test to check.

import { createApi2Client } from '@org/nxwa-client';
import { parseCallback } from '@org/nxwa-client/callbacks';
import { startMock } from '@org/nxwa-mock';
import { signatureHeaders } from '@org/nxwa-signing';

const credentials = { accessKey: 'consumer-key', accessSecret: 'consumer-secret' };
const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, credentials: [credentials] });
try {
  const api2 = createApi2Client({ ...credentials, baseUrl: mock.urls['api2.nxcloud.com'] });
  const { data, error } = await api2.POST('/api/wa/mt', {
    body: {
      appkey: 'consumer',
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '8613600009759',
      type: 'text',
      text: { body: 'hello from an ESM app' },
    },
  });
  if (error) throw error;
  const body = JSON.stringify({
    messaging_product: 'whatsapp',
    statuses: [
      { id: data.messages[0].id, status: 'delivered', timestamp: '1700000000', recipient_id: '8613600009759' },
    ],
  });
  const headers = signatureHeaders({ ...credentials, action: 'callback', bizType: '2', ts: Date.now(), body });
  const callback = parseCallback(body, { headers, accessSecret: credentials.accessSecret });
  console.log(
    JSON.stringify({
      module: typeof require === 'undefined' ? 'esm' : 'cjs',
      id: data.messages[0].id,
      callback: callback.kind,
    }),
  );
} finally {
  await mock.stop();
}
