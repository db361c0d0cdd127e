// A value nested 20,000 deep (40 KB) is refused where it arrives — a send's unknown field, or POST /__nxwa/inbound
// with any Content-Type — so that nothing stored breaks the record, the inspector or the state file later. And a
// state file is held to what an upload is: a MIME type that cannot be a Content-Type fails start. Run against the
// built command, as a separate process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { depthOf, MAX_JSON_DEPTH, parseJson, TooDeep } from '../../src/http/json.js';
import { type MockProcess, signed, startMockProcess } from '../child.js';

const dir = join(import.meta.dirname, '..', '..', 'test-results', `json-${process.pid}`);
const stateFile = join(dir, 'state.json');
const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const send = (extra: string) =>
  `{"appkey":"a","business_phone":"8615800001795","messaging_product":"whatsapp","recipient_type":"individual","to":"8613600009759","type":"text","text":{"body":"hi"},"cus_message_id":"after-deep"${extra}}`;

let mock: MockProcess;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  mock = await startMockProcess(['--quiet', '--state', stateFile]);
});
afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a value nested 20,000 deep', () => {
  it('parseJson refuses it; depthOf counts without recursion', () => {
    expect(depthOf(JSON.parse(deep))).toBe(MAX_JSON_DEPTH + 1);
    expect(depthOf({ a: [1, { b: 2 }] })).toBe(3);
    expect(() => parseJson(deep)).toThrow(TooDeep);
    expect(parseJson('{"a":[1]}')).toEqual({ a: [1] });
  });

  it('a short text is held to the same bound, however many of its brackets nest', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(() => parseJson(nested(MAX_JSON_DEPTH + 1))).toThrow(TooDeep);
    expect(depthOf(parseJson(nested(MAX_JSON_DEPTH)))).toBe(MAX_JSON_DEPTH);
    // More brackets than the bound, side by side or in strings: walked, and taken.
    expect(parseJson(`[${'[],'.repeat(100)}[]]`)).toHaveLength(101);
    expect(parseJson(JSON.stringify({ text: '['.repeat(200), a: [{}] }))).toEqual({ text: '['.repeat(200), a: [{}] });
  });

  it('as an unknown field of a signed send: refused naming the body; the record, inspector and state file work on', async () => {
    const api2 = mock.urls['api2.nxcloud.com'];
    const body = send(`,"extra":${deep}`);
    const res = await fetch(`${api2}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed('mt', body) },
      body,
    });
    const answer = await res.json();
    expect(answer.code).not.toBe(0);
    expect(answer.message).toContain(`(body): nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`);

    for (const contentType of ['application/json', 'text/plain']) {
      const inbound = await fetch(`${api2}/__nxwa/inbound`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-nxwa-admin': '1' },
        body: `{"business_phone":"8615800001795","from":"8613600009759","type":"text","text":{"body":"x","more":${deep}}}`,
      });
      expect(inbound.status).toBe(400);
      expect((await inbound.json()).error).toContain('levels deep');
    }

    const good = send('');
    const ok = await fetch(`${api2}/api/wa/mt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed('mt', good) },
      body: good,
    });
    expect((await ok.json()).code).toBe(0);
    expect((await fetch(`${api2}/__nxwa/messages`)).status).toBe(200);
    // The inspector's page and the first event of its stream (every message, serialised).
    expect((await fetch(`${api2}/__nxwa/`)).status).toBe(200);
    const events = await fetch(`${api2}/__nxwa/events`);
    const reader = events.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('after-deep');
    await reader.cancel();
    expect(await mock.alive()).toBe(true);
    await vi.waitFor(() => expect(readFileSync(stateFile, 'utf8')).toContain('after-deep'), { timeout: 10_000 });
  });
});

describe('a state file whose medium has a MIME type that cannot be a Content-Type', () => {
  const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  it.each([
    ['a character above 0xFF', 'image/jpeg\u0100'],
    ['CR/LF', 'image/jpeg\r\nx-injected: 1'],
  ])('%s: the mock refuses to start, naming the field', (_label, mimeType) => {
    const file = join(dir, 'bad-media.json');
    const medium = { id: 'm1', kind: 'media', accessKey: 'nxwa-demo-key', phone: '1', mimeType, fileName: 'a.jpg' };
    writeFileSync(
      file,
      JSON.stringify({ version: 1, media: [{ ...medium, bytes: 'AAEC', createdAt: '' }], templates: [], messages: [] }),
    );
    const run = spawnSync(process.execPath, [bin, '--port-base', '0', '--quiet', '--state', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('media[0].mimeType must be a media type such as image/jpeg');
  });
});
