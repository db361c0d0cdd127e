// The state file: media, templates and messages kept across a restart, and a broken file refused.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMock } from '../../src/index.js';
import { readState } from '../../src/sandbox/persist/journal.js';
import { demo } from '../support.js';
import { api2Template, clientOf, jpeg, jpegBytes, mock, phone, receiver, useSandboxMock } from './fixtures.js';

useSandboxMock();

describe('the state file', () => {
  const dir = join(import.meta.dirname, '..', '..', 'test-results', `state-${process.pid}`);
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps media, templates and messages across a stop and start; a review still running resumes', async () => {
    const stateFile = join(dir, 'kept.json');
    const receiving = await receiver();
    const options = {
      portBase: 0,
      hosts: ['api2.nxcloud.com', 'api-hk.nxlink.ai'] as const,
      stateFile,
      webhookUrl: receiving.url,
    };
    let m = await startMock({ ...options, hosts: [...options.hosts], templateReviewMs: 600_000 });
    let mediaId: string;
    let templateId: string;
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      mediaId = (
        await api2.POST('/api/wa/uploadMedia', {
          body: { messaging_product: 'whatsapp', business_phone: phone, type: 'image/jpeg', file: jpeg() },
        })
      ).data.id;
      // Written before the answer, while the mock runs (no temporary file is left).
      expect(readState(stateFile)!.media).toMatchObject([{ id: mediaId }]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(statSync(stateFile).mode & 0o777).toBe(0o600);
      templateId = (await api2.POST('/api/wa/createTemplate', { body: api2Template('survivor') })).data.id;
      await api2.POST('/api/wa/mt', {
        body: {
          appkey: 'a',
          business_phone: phone,
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '8613600009759',
          type: 'text',
          text: { body: 'kept' },
          cus_message_id: 'kept-1',
        },
      });
    } finally {
      await m.stop();
    }
    // Under review when stopped: its due time is in the file. Moved to now, so that the restart settles it.
    const saved = readState(stateFile)!;
    expect(saved.templates).toMatchObject([{ id: templateId, status: 'PENDING' }]);
    appendFileSync(stateFile, `${JSON.stringify({ t: { ...saved.templates[0], reviewDueAt: Date.now() } })}\n`);

    m = await startMock({ ...options, hosts: [...options.hosts] });
    try {
      const api2 = clientOf('api2.nxcloud.com', demo, m);
      const got = await api2.POST('/api/wa/getMedia', {
        body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': mediaId },
      });
      expect(got.data).toMatchObject({ mime_type: 'image/jpeg', file_name: 'cat.jpg' });
      expect(got.data.url.startsWith(m.urls['api2.nxcloud.com']!)).toBe(true);
      expect(new Uint8Array(await (await fetch(got.data.url)).arrayBuffer())).toEqual(jpegBytes);
      expect(m.message('kept-1')).toMatchObject({ to: '8613600009759', body: { text: { body: 'kept' } } });
      await vi.waitFor(
        () => expect(receiving.received.map((r) => r.payload.value?.message_template_id)).toContain(templateId),
        { timeout: 10_000 },
      );
      const list = await api2.POST('/api/wa/getTemplate', {
        body: { appkey: 'a', business_phone: phone, messaging_product: 'whatsapp' },
      });
      expect(list.data.data).toMatchObject([{ id: templateId, status: 'APPROVED' }]);
      // A change after the restart is written too (on stop at the latest).
      await api2.POST('/api/wa/deleteMedia', {
        body: { business_phone: phone, messaging_product: 'whatsapp', 'Media-ID': mediaId },
      });
    } finally {
      await m.stop();
      await receiving.close();
    }
    const after = readState(stateFile)!;
    expect(after.media).toEqual([]);
    expect(after.templates).toMatchObject([{ id: templateId, status: 'APPROVED' }]);
  });

  it.each([
    ['not JSON', '{"version": 1, "media": [', /the state file .*broken\.json is not valid JSON/],
    [
      'of another shape',
      JSON.stringify({ version: 1, media: [{ id: 'x' }], templates: [], messages: [] }),
      /the state file .*broken\.json is not a state file of this mock: media\[0\]\.accessKey must be a string/,
    ],
    ['of another version', JSON.stringify({ version: 7 }), /"version" must be 1; got 7/],
    [
      'with a message nested deeper than a request may be',
      JSON.stringify({
        version: 1,
        media: [],
        templates: [],
        messages: [
          {
            id: 'm',
            accessKey: 'k',
            status: 'accepted',
            timeline: [],
            callbacks: [],
            body: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`),
          },
        ],
      }),
      /messages\[0\] nests more than 64 levels deep/,
    ],
    [
      'with a message of an unknown status',
      JSON.stringify({ version: 1, media: [], templates: [], messages: [{ id: 'm', accessKey: 'k', status: 'lost' }] }),
      /messages\[0\]\.status must be one of accepted/,
    ],
  ])('a file that is %s fails start, naming the file and what is wrong', async (_label, text, message) => {
    const stateFile = join(dir, 'broken.json');
    writeFileSync(stateFile, text);
    await expect(startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile })).rejects.toThrow(message);
    // Left as it was: nothing is overwritten.
    expect(readFileSync(stateFile, 'utf8')).toBe(text);
  });

  it('an unreadable file fails start, naming it', async () => {
    await expect(startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile: dir })).rejects.toThrow(
      /the state file .*state-\d+ cannot be read \(EISDIR\)/,
    );
  });

  it('a file in a folder that does not exist fails start, naming it', async () => {
    await expect(
      startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], stateFile: join(dir, 'missing', 'state.json') }),
    ).rejects.toThrow(/the state file .*state\.json cannot be written: the folder .*missing does not exist/);
  });

  it('refuses a bad templateReviewMs, naming it', async () => {
    await expect(startMock({ portBase: 0, templateReviewMs: -1 })).rejects.toThrow(
      /templateReviewMs must be a whole number of ms, 0 or more; got -1/,
    );
  });
});
