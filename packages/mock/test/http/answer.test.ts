// Writing an answer: sized by its bytes (not chunked), a 204 with no length at all.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, writeAnswer } from '../../src/http/answer.js';

const answers: Record<string, Answer> = {
  '/text': { status: 200, body: '{"message":"héllo ✓"}' },
  '/bytes': { status: 200, body: new Uint8Array([1, 2, 3]), contentType: 'application/octet-stream' },
  '/none': { status: 204, body: '' },
};
const server = createServer((req, res) => writeAnswer(res, answers[req.url ?? '']));
let base: string;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('writeAnswer', () => {
  it.each([
    ['/text', '24'],
    ['/bytes', '3'],
  ])('%s carries its length in bytes, not chunks', async (path, length) => {
    const res = await fetch(`${base}${path}`);
    expect(res.headers.get('content-length')).toBe(length);
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(Number(length));
  });

  it('a 204 has no length and no body', async () => {
    const res = await fetch(`${base}/none`);
    expect(res.status).toBe(204);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBeNull();
  });
});
