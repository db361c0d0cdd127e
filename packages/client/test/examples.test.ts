// Every named request example of every spec goes through @org/nxwa-client to a real loopback server, which
// verifies the signature independently over the exact bytes it received, and answers the documented success.

import { operations } from '@org/nxwa-signing';
import { requestExampleCases } from '@org/nxwa-spec/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNxcloudClient, type NxcloudHost } from '../src/index.js';
import { startLoopback } from './loopback.js';
import { credentials } from './support.js';

const hosts = Object.keys(operations) as NxcloudHost[];

const cases = requestExampleCases(hosts) as (ReturnType<typeof requestExampleCases>[number] & { host: NxcloudHost })[];

let loopback: Awaited<ReturnType<typeof startLoopback>>;
beforeAll(async () => (loopback = await startLoopback(credentials.accessSecret)));
afterAll(() => loopback.close());

describe('every named request example', () => {
  it('covers every operation of every host', () => {
    const operations = new Set(cases.map((c) => `${c.host} ${c.method} ${c.path}`));
    expect(operations.size).toBe(26);
    expect(cases.length).toBeGreaterThan(25);
  });

  it.each(cases.map((c) => [`${c.host} ${c.method.toUpperCase()} ${c.path} — ${c.name}`, c] as const))(
    '%s',
    async (_label, c) => {
      for (const algorithm of ['md5', 'sha256'] as const) {
        const client = createNxcloudClient(c.host, { ...credentials, algorithm, baseUrl: loopback.baseUrl(c.host) });
        const multipart = c.mediaType === 'multipart/form-data';
        // A multipart example shows the file as a placeholder string; the client sends a real file part.
        const body =
          multipart && 'file' in c.body
            ? {
                ...c.body,
                file: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])], { type: c.body.type }),
              }
            : c.body;
        const result = await (client as any)[c.method.toUpperCase()](c.path, { params: c.params, body });
        const seen = loopback.received[loopback.received.length - 1];

        expect(seen.signatureValid).toBe(true);
        expect(result.error).toBeUndefined();
        expect(result.data).not.toBeUndefined();
        expect(seen.headers).toMatchObject({ accesskey: credentials.accessKey, biztype: '2' });
        if (algorithm === 'sha256') expect(seen.headers.algorithm).toBe('sha256');
        if (c.body === undefined) {
          expect(seen.raw.length).toBe(0);
        } else if (multipart) {
          expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
          for (const [k, v] of Object.entries(c.body))
            if (k !== 'file') expect(seen.raw.toString('latin1')).toContain(`name="${k}"\r\n\r\n${v}`);
        } else {
          expect(seen.headers['content-type']).toBe('application/json');
          expect(JSON.parse(seen.raw.toString('utf8'))).toEqual(c.body);
        }
      }
    },
  );
});
