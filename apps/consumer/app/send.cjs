// In the scratch app (CommonJS): the same as send.mjs, with the client and signing packages loaded by require().
// The mock is an ES module, loaded with import() as a CommonJS user would.
const { createApi2Client } = require('@org/nxwa-client');
const { parseCallback } = require('@org/nxwa-client/callbacks');
const { signatureHeaders } = require('@org/nxwa-signing');

async function main() {
  const { startMock } = await import('@org/nxwa-mock');
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
        text: { body: 'hello from a CommonJS app' },
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
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
