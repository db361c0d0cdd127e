// The built CommonJS entry works for a CommonJS user: required in its own Node process, it sends over loopback.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLoopback } from './loopback.js';
import { credentials, textMessage } from './support.js';

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startLoopback>>;
beforeAll(async () => void (server = await startLoopback(credentials.accessSecret)));
afterAll(() => server.close());

it('require() of the built CJS entry creates a client that sends', async () => {
  const script = `
    const { createApi2Client } = require(${JSON.stringify(join(import.meta.dirname, '..', 'dist', 'index.cjs'))});
    const [baseUrl, accessKey, accessSecret, body] = process.argv.slice(1);
    (async () => {
      const ok = await createApi2Client({ baseUrl, accessKey, accessSecret }).POST('/api/wa/mt', { body: JSON.parse(body) });
      // A failure loads the lazily loaded chunks (error building, texts) through require too.
      const failed = await createApi2Client({ baseUrl, accessKey, accessSecret: 'not-the-secret' }).POST('/api/wa/mt', { body: JSON.parse(body) });
      console.log(JSON.stringify({ data: ok.data, error: ok.error && ok.error.message, failed: { code: failed.error.code, meaning: failed.error.meaning } }));
    })();`;
  const { stdout } = await run(process.execPath, [
    '-e',
    script,
    server.baseUrl('api2.nxcloud.com'),
    credentials.accessKey,
    credentials.accessSecret,
    JSON.stringify(textMessage),
  ]);
  const result = JSON.parse(stdout);
  expect(result.error).toBeUndefined();
  expect(result.data.messages[0].id).toBeTruthy();
  expect(result.failed.code).toBe(1003);
  expect(result.failed.meaning).toBeTruthy();
  expect(server.received).toHaveLength(2);
  expect(server.received[0]).toMatchObject({ method: 'POST', url: '/api/wa/mt', signatureValid: true });
});
