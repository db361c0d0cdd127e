// The state file as a journal: every acknowledged change is on disk before its answer (a SIGKILL loses none), media
// bytes are kept beside it and never rewritten per change, a second mock on the same file is refused naming the
// first one's pid, and a version-1 file is read and rewritten as a journal.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '../../../src/index.js';
import { readState } from '../../../src/sandbox/persist/journal.js';
import { type MockProcess, signed, startMockProcess } from '../../child.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'test-results', `journal-${process.pid}`);
beforeAll(() => mkdirSync(dir, { recursive: true }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const phone = '8615800001795';
const sendBody = (id: string) =>
  JSON.stringify({
    appkey: 'a',
    business_phone: phone,
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '8613600009759',
    type: 'text',
    text: { body: 'kept' },
    cus_message_id: id,
  });

async function send(base: string, id: string): Promise<boolean> {
  const body = sendBody(id);
  const res = await fetch(`${base}/api/wa/mt`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed('mt', body) },
    body,
  });
  return (await res.json()).code === 0;
}

async function upload(base: string, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('business_phone', phone);
  form.set('type', 'image/jpeg');
  form.set('file', new Blob([bytes], { type: 'image/jpeg' }), 'a.jpg');
  const res = await fetch(`${base}/api/wa/uploadMedia`, { method: 'POST', headers: signed('uploadMedia'), body: form });
  const answer = await res.json();
  return answer.code === 0 ? answer.data.id : undefined;
}

async function createTemplate(base: string, name: string): Promise<string | undefined> {
  const body = JSON.stringify({
    appkey: 'a',
    messaging_product: 'whatsapp',
    business_phone: phone,
    name,
    category: 'UTILITY',
    language: 'en_US',
    components: [{ type: 'BODY', text: 'Hello' }],
  });
  const res = await fetch(`${base}/api/wa/createTemplate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed('createTemplate', body) },
    body,
  });
  const answer = await res.json();
  return answer.code === 0 ? String(answer.data.id) : undefined;
}

describe('the state journal', () => {
  it('loses no acknowledged send, upload or template across 20 SIGKILLs', async () => {
    const file = join(dir, 'killed.state');
    const acked = { messages: new Set<string>(), media: new Set<string>(), templates: new Set<string>() };
    const KILLS = 20;
    for (let kill = 0; kill < KILLS; kill++) {
      const mock: MockProcess = await startMockProcess(['--quiet', '--host', 'api2.nxcloud.com', '--state', file]);
      const base = mock.urls['api2.nxcloud.com'];
      let n = 0;
      let stopped = false;
      // Three streams at once; killed once 12 items are acknowledged, with requests still under way.
      const stream = async (kind: number) => {
        while (!stopped) {
          const i = `${kill}-${kind}-${n++}`;
          try {
            if (kind === 0 && (await send(base, `k${i}`))) acked.messages.add(`k${i}`);
            if (kind === 1) {
              const id = await upload(base, new TextEncoder().encode(`bytes ${i}`));
              if (id) acked.media.add(id);
            }
            if (kind === 2) {
              const id = await createTemplate(base, `t_${i.replace(/-/g, '_')}`);
              if (id) acked.templates.add(id);
            }
          } catch {
            return;
          }
        }
      };
      const before = acked.messages.size + acked.media.size + acked.templates.size;
      const streams = [0, 1, 2].map(stream);
      while (acked.messages.size + acked.media.size + acked.templates.size < before + 12)
        await new Promise((r) => setTimeout(r, 5));
      mock.child.kill('SIGKILL');
      stopped = true;
      await Promise.all(streams);
      await new Promise((r) =>
        mock.child.exitCode !== null || mock.child.signalCode !== null ? r(0) : mock.child.once('exit', r),
      );
      const kept = readState(file)!;
      expect(kept.messages.map((m) => m.id)).toEqual(expect.arrayContaining([...acked.messages]));
      expect(kept.media.map((m) => m.id)).toEqual(expect.arrayContaining([...acked.media]));
      expect(kept.templates.map((t) => t.id)).toEqual(expect.arrayContaining([...acked.templates]));
    }
    expect(acked.messages.size + acked.media.size + acked.templates.size).toBeGreaterThanOrEqual(KILLS * 12);
  }, 600_000);

  it('keeps media bytes beside the journal, and a send appends a line rather than rewriting them', async () => {
    const file = join(dir, 'media.state');
    const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, stateFile: file });
    try {
      const base = mock.urls['api2.nxcloud.com']!;
      const big = new Uint8Array(2 * 1024 * 1024).fill(7);
      expect(await upload(base, big)).toBeTruthy();
      const afterUpload = statSync(file).size;
      expect(afterUpload).toBeLessThan(4096);
      expect(readdirSync(`${file}.media`).map((f) => statSync(join(`${file}.media`, f)).size)).toEqual([big.length]);
      expect(await send(base, 'small-1')).toBe(true);
      expect(statSync(file).size - afterUpload).toBeLessThan(2048);
    } finally {
      await mock.stop();
    }
  });

  it('refuses a second mock on the same file, naming the pid of the first', async () => {
    const file = join(dir, 'shared.state');
    const first = await startMockProcess(['--quiet', '--host', 'api2.nxcloud.com', '--state', file]);
    try {
      await expect(startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, stateFile: file })).rejects.toThrow(
        `the state file ${file} is in use by another mock (pid ${first.child.pid})`,
      );
      expect(await first.alive()).toBe(true);
    } finally {
      await first.stop();
    }
    // Free again once the first has stopped.
    const second = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, stateFile: file });
    await second.stop();
  });

  it('reads a version-1 file and rewrites it as a journal, the bytes beside it', async () => {
    const file = join(dir, 'v1.json');
    const medium = {
      id: 'v1-medium',
      kind: 'media',
      accessKey: 'nxwa-demo-key',
      phone,
      mimeType: 'image/jpeg',
      fileName: 'old.jpg',
      bytes: Buffer.from('old bytes').toString('base64'),
      createdAt: new Date().toISOString(),
    };
    const message = {
      id: 'v1-message',
      host: 'api2.nxcloud.com',
      operation: 'POST /api/wa/mt',
      accessKey: 'nxwa-demo-key',
      to: '1',
      body: {},
      status: 'read',
      timeline: [],
      callbacks: [],
    };
    writeFileSync(file, JSON.stringify({ version: 1, media: [medium], templates: [], messages: [message] }));
    const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, stateFile: file });
    try {
      const download = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/media/v1-medium`);
      expect(await download.text()).toBe('old bytes');
      expect(mock.message('v1-message')).toMatchObject({ status: 'read' });
    } finally {
      await mock.stop();
    }
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text.split('\n')[0])).toEqual({ 'nxwa-mock-state': 2 });
    expect(text).not.toContain(medium.bytes);
    expect(readState(file)!.media).toMatchObject([{ id: 'v1-medium', mimeType: 'image/jpeg' }]);
  });
});
