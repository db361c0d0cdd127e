// A bounded fuzz of the built mock, as a separate process: deep, wide, huge and malformed bodies (JSON and
// multipart), signed, to every operation of every host, and to every admin endpoint. No answer is a 500, the
// process stays up and answering, and the record does not grow past its bounds. Bounded in count (every operation ×
// every body, once) and in time (each request's own timeout).
import { operations, signatureHeaders } from '@org/nxwa-signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../src/index.js';
import { type MockProcess, startMockProcess } from './child.js';

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--quiet', '--max-body-bytes', String(2 * 1024 * 1024)]);
});
afterAll(() => mock?.stop());

const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const wide = () => `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":[${i},"${i}"]`).join(',')}}`;
const boundary = 'fuzzfuzz';
const part = (name: string, value: string, file = false) =>
  `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file ? '; filename="f.bin"\r\ncontent-type: image/jpeg' : ''}\r\n\r\n${value}\r\n`;

/** [label, content-type, body]. */
const BODIES: [string, string, string | Buffer][] = [
  ['deep JSON', 'application/json', deep(20_000)],
  ['deep JSON as text/plain', 'text/plain', deep(20_000)],
  ['wide JSON', 'application/json', wide()],
  ['huge JSON string', 'application/json', JSON.stringify({ business_phone: 'x'.repeat(1_500_000) })],
  ['over the body limit', 'application/json', Buffer.alloc(3 * 1024 * 1024, 0x20)],
  ['truncated JSON', 'application/json', '{"business_phone": "1'],
  ['JSON null', 'application/json', 'null'],
  ['JSON array', 'application/json', '[[[]]]'],
  ['binary as JSON', 'application/json', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22])],
  ['multipart, no boundary', 'multipart/form-data', part('a', 'b')],
  [
    'multipart, unclosed file',
    `multipart/form-data; boundary=${boundary}`,
    `${part('type', 'image/jpeg')}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a"\r\n\r\nxx`,
  ],
  [
    'multipart, many fields',
    `multipart/form-data; boundary=${boundary}`,
    `${Array.from({ length: 500 }, (_, i) => part(`f${i}`, 'v')).join('')}--${boundary}--\r\n`,
  ],
  [
    'multipart, deep field',
    `multipart/form-data; boundary=${boundary}`,
    `${part('components', deep(20_000))}${part('file', 'x', true)}--${boundary}--\r\n`,
  ],
  [
    'multipart, bad type',
    `multipart/form-data; boundary=${boundary}`,
    `${part('type', 'image/jpeg\u0100')}${part('file', 'x', true)}--${boundary}--\r\n`,
  ],
];

async function post(url: string, method: string, contentType: string, body: string | Buffer, headers = {}) {
  try {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': contentType, ...headers },
      body:
        method === 'GET' || method === 'HEAD'
          ? undefined
          : new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body),
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    return `no answer: ${(error as Error).message}`;
  }
}

describe('hostile bodies', () => {
  it('to every operation of every host: no 500, no crash', async () => {
    const bad: string[] = [];
    for (const [host, table] of Object.entries(operations)) {
      for (const [key, op] of Object.entries(table)) {
        const [method, path] = key.split(' ');
        const url = `${mock.urls[host]}${path.replace(/\{[^}]+\}/g, '1234567')}`;
        for (const [label, type, body] of BODIES) {
          const bytes = typeof body === 'string' ? Buffer.from(body) : body;
          const signed = signatureHeaders({
            ...DEMO_CREDENTIALS,
            action: op.action,
            bizType: op.bizType,
            ts: Date.now(),
            body: type.startsWith('multipart') ? '' : bytes,
          });
          const status = await post(url, method.toUpperCase(), type, bytes, signed);
          if (status === 500 || typeof status === 'string') bad.push(`${host} ${key} ${label}: ${status}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(await mock.alive()).toBe(true);
  }, 600_000);

  it('to every admin endpoint: no 500, no crash, the record stays within its bounds', async () => {
    const base = mock.urls['api2.nxcloud.com'];
    const bad: string[] = [];
    const endpoints = [
      '/__nxwa',
      '/__nxwa/',
      '/__nxwa/messages',
      '/__nxwa/messages/x',
      '/__nxwa/state',
      '/__nxwa/inbound',
      '/__nxwa/media/x',
      '/__nxwa/other',
    ];
    for (const path of endpoints)
      for (const method of ['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS'])
        for (const [label, type, body] of BODIES) {
          if (path === '/__nxwa/state' && method === 'DELETE') continue;
          const status = await post(`${base}${path}`, method, type, body, { 'x-nxwa-admin': '1' });
          if (status === 500 || typeof status === 'string') bad.push(`${method} ${path} ${label}: ${status}`);
        }
    expect(bad).toEqual([]);
    const list = await (await fetch(`${base}/__nxwa/messages`)).json();
    expect(list.messages.length).toBeLessThanOrEqual(1_000);
    for (const m of list.messages) expect(JSON.stringify(m.body).length).toBeLessThanOrEqual(64 * 1024 + 100);
    expect(await mock.alive()).toBe(true);
  }, 600_000);
});
