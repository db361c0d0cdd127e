// Type-checked in the scratch app under strict TypeScript (nodenext and bundler resolution, no skipLibCheck):
// every public entry point of every published package imports and is used as a user would.
import {
  type Api2,
  createApi2Client,
  createHkClient,
  documentedCodes,
  NxcloudError,
  type NxResult,
} from '@org/nxwa-client';
import { type Callback, parseCallback } from '@org/nxwa-client/callbacks';
import { startMock } from '@org/nxwa-mock';
import { type Credentials, signatureHeaders, verifySignature } from '@org/nxwa-signing';

const credentials: Credentials = { accessKey: 'k', accessSecret: 's' };

export async function sendOnce(): Promise<string | undefined> {
  const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, credentials: [credentials] });
  const api2 = createApi2Client({ ...credentials, baseUrl: mock.urls['api2.nxcloud.com'] });
  const result: NxResult<Api2.operations['sendMessage']> = await api2.POST('/api/wa/mt', {
    body: {
      appkey: 'a',
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '8613600009759',
      type: 'text',
      text: { body: 'hi' },
    },
  });
  await mock.stop();
  if (result.error instanceof NxcloudError)
    return `${result.error.code}: ${(await documentedCodes('api2.nxcloud.com', 'post /api/wa/mt')).length}`;
  return result.data?.messages[0]?.id;
}

export function readCallback(body: string, headers: Record<string, string>): Callback {
  const verdict = verifySignature({ headers, body, accessSecret: credentials.accessSecret });
  if (!verdict.valid) throw new Error(verdict.message);
  return parseCallback(body, { headers, accessSecret: credentials.accessSecret });
}

export const hk = createHkClient({ ...credentials, baseUrl: 'http://127.0.0.1:1' });
export const signed = signatureHeaders({ ...credentials, action: 'mt', bizType: '2', ts: Date.now(), body: '{}' });
