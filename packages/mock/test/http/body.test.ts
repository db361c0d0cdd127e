// Reading a request's body: a multipart body whose file part never closes is a bad request (answered with the
// host's parameter code), never a crash. Run against the built command, as a separate process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProcess, signed, startMockProcess } from '../child.js';

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--quiet']);
});
afterAll(() => mock?.stop());

const boundary = 'nxwa-open-part';
/** A multipart body whose last part (the file) starts but never ends: no closing boundary. */
const unclosed = (fields: Record<string, string>) =>
  Buffer.from(
    [
      ...Object.entries(fields).map(
        ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      ),
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      'jpeg bytes that go on and on',
    ].join(''),
  );

const cases = [
  { host: 'api2.nxcloud.com', path: '/api/wa/uploadMedia', action: 'uploadMedia' },
  { host: 'api2.nxcloud.com', path: '/api/wa/uploadTemplateFile', action: 'uploadTemplateFile' },
  { host: 'api-hk.nxlink.ai', path: '/saas/wa/media/8615800001795', action: 'mt' },
];

describe('a multipart body whose file part never closes', () => {
  it.each(cases)(
    '$path on $host: refused naming the body, and the mock still answers',
    async ({ host, path, action }) => {
      const body = unclosed({
        messaging_product: 'whatsapp',
        business_phone: '8615800001795',
        type: 'image/jpeg',
        url: 'https://example.com/a.jpg',
      });
      const res = await fetch(`${mock.urls[host]}${path}`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...signed(action) },
        body,
      }).catch((error: Error) => error);
      expect(await mock.alive()).toBe(true);
      expect(res).toBeInstanceOf(Response);
      const answer = await (res as Response).json();
      expect((res as Response).status).toBe(200);
      expect(answer.code).not.toBe(0);
      expect(answer.message).toContain('is not a valid multipart/form-data body');
    },
  );
});
