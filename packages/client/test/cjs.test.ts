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
    createApi2Client({ baseUrl, accessKey, accessSecret })
      .POST('/api/wa/mt', { body: JSON.parse(body) })
      .then((r) => console.log(JSON.stringify({ data: r.data, error: r.error && r.error.message })));`;
  const { stdout } = await run(process.execPath, ['-e', script, server.baseUrl('api2.nxcloud.com'), credentials.accessKey, credentials.accessSecret, JSON.stringify(textMessage)]);
  const result = JSON.parse(stdout);
  expect(result.error).toBeUndefined();
  expect(result.data.messages[0].id).toBeTruthy();
  expect(server.received).toHaveLength(1);
  expect(server.received[0]).toMatchObject({ method: 'POST', url: '/api/wa/mt', signatureValid: true });
});
