// Type-checked in a scratch app that installs only the signing package (openapi-fetch, its optional peer, absent):
// strict TypeScript without skipLibCheck must accept its declarations.
import { createSignedFetch, operationHeaders, signatureHeaders, verifySignature } from '@org/nxwa-signing';

const credentials = { accessKey: 'k', accessSecret: 's' };
export const headers = signatureHeaders({ ...credentials, action: 'mt', bizType: '2', ts: Date.now(), body: '{}' });
export const ok = verifySignature({ headers, body: '{}', accessSecret: credentials.accessSecret }).valid;
export const signedFetch = createSignedFetch({ ...credentials });
export const middleware = operationHeaders;
