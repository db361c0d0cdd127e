// Record, then replay: the app's suite runs through the proxy against a stand-in NxCloud, each exchange lands in a
// HAR cassette (read back by har-validator, the HAR schema's own validator, and by `redocly drift`), redacted; then
// a second mock with no upstream at all answers the same suite from the cassettes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi2Client } from '@org/nxwa-client';
import harValidator from 'har-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startMock } from '../../src/index.js';
import { tempDirs } from '../temp-dirs.js';
import { APPKEY, appSuite, RECIPIENTS } from './app-suite.js';
import { APP, startNxcloud } from './nxcloud.js';

const fresh = tempDirs();
const recorded = fresh('cassettes');
const kept = fresh('kept');
let signatures: string[] = [];

/** Runs the app's suite through a recording proxy in front of the stand-in; the signatures the app sent. */
async function record(dir: string, keepRecipients: boolean): Promise<string[]> {
  const nxcloud = await startNxcloud();
  const proxy = await startMock({
    hosts: ['api2.nxcloud.com'],
    portBase: 0,
    proxy: true,
    upstreams: { 'api2.nxcloud.com': nxcloud.url },
    recordDir: dir,
    keepRecipients,
  });
  try {
    await appSuite(proxy.urls['api2.nxcloud.com']!, APP);
    expect(nxcloud.arrived.every((a) => a.signatureValid)).toBe(true);
    return nxcloud.arrived.map((a) => String(a.headers.sign));
  } finally {
    await proxy.stop();
    await nxcloud.close();
  }
}

beforeAll(async () => {
  signatures = await record(recorded, false);
  await record(kept, true);
});

const cassettes = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.har'));

describe('cassettes', () => {
  it('are HAR 1.2 files that har-validator accepts, one per host, one entry per exchange', async () => {
    expect(cassettes(recorded)).toEqual(['api2.nxcloud.com.har']);
    const har = JSON.parse(readFileSync(join(recorded, 'api2.nxcloud.com.har'), 'utf8'));
    await expect(harValidator.har(har)).resolves.toBeTruthy();
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(3);
    const [first] = har.log.entries;
    expect(first.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/wa\/mt$/);
    expect(first.response.status).toBe(200);
    expect(JSON.parse(first.response.content.text).data.messages[0].id).toMatch(/^wamid\./);
    expect(first._nxwa).toMatchObject({ host: 'api2.nxcloud.com', operationId: 'sendMessage' });
  });

  it('hold no secret, no signature and no whole phone number', () => {
    const text = readFileSync(join(recorded, 'api2.nxcloud.com.har'), 'utf8');
    expect(signatures).toHaveLength(3);
    for (const secret of [APP.accessSecret, APPKEY, ...signatures, ...RECIPIENTS, '8615800001795'])
      expect(text).not.toContain(secret);
    // Masked but their last two digits: still telling which customer it was.
    expect(text).toContain('•••••••••••59');
    expect(text).toContain('"sign"');
  });

  it('keep the recipients with --keep-recipients, and still no secret or signature', () => {
    const text = readFileSync(join(kept, 'api2.nxcloud.com.har'), 'utf8');
    for (const to of RECIPIENTS) expect(text).toContain(to);
    for (const secret of [APP.accessSecret, APPKEY]) expect(text).not.toContain(secret);
    const har = JSON.parse(text);
    for (const e of har.log.entries)
      expect(e.request.headers.find((h: { name: string }) => h.name.toLowerCase() === 'sign').value).toBe('***');
  });

  it('are read by `redocly drift` against the host’s spec', () => {
    // The spec package's own @redocly/cli, the version the repo pins.
    const spec = join(import.meta.dirname, '..', '..', 'node_modules', '@org', 'nxwa-spec');
    const run = spawnSync(
      join(spec, 'node_modules', '.bin', 'redocly'),
      [
        'drift',
        join(recorded, 'api2.nxcloud.com.har'),
        '--api',
        join(spec, 'dist', 'api2.nxcloud.com.json'),
        '--traffic-format',
        'har',
        '--match-mode',
        'basepath',
        '--format',
        'json',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const { run: summary } = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    // Every exchange read and matched to its documented operation; nothing it counts as an error.
    expect(summary).toMatchObject({ format: 'har', totalExchanges: 3, documentedExchanges: 3 });
    expect(summary.findingsBySeverity.error).toBe(0);
  });
});

describe('replay', () => {
  it('answers the app’s suite from the cassettes with no upstream at all', async () => {
    const replay = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: recorded });
    try {
      // The CI account, not staging's: the mock checks the signature as ever, the cassette holds none.
      await appSuite(replay.urls['api2.nxcloud.com']!, DEMO_CREDENTIALS);
      expect(replay.requests().map((r) => r.code)).toEqual([0, 0, 10005]);
      const api2 = createApi2Client({
        ...DEMO_CREDENTIALS,
        baseUrl: replay.urls['api2.nxcloud.com']!,
        retry: { attempts: 1 },
      });
      const to = RECIPIENTS[1];
      const again = await api2.POST('/api/wa/mt', {
        body: {
          appkey: APPKEY,
          business_phone: '8615800001795',
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to,
          type: 'text',
          text: { body: `Order for ${to} has shipped` },
        },
      });
      // Asked again, the last recorded answer repeats, marked as replayed.
      expect(again.data?.messages[0]?.id).toBe('wamid.staging.2');
      expect(again.response?.headers.get('x-nxwa-replayed')).toBe('1');
    } finally {
      await replay.stop();
    }
  });

  it('lets the sandbox answer what no cassette holds, or refuses it with replayStrict', async () => {
    const body = {
      appkey: APPKEY,
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: RECIPIENTS[0],
      type: 'text',
      text: { body: 'never recorded' },
    } as const;
    for (const replayStrict of [false, true]) {
      const replay = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: recorded, replayStrict });
      try {
        const api2 = createApi2Client({
          ...DEMO_CREDENTIALS,
          baseUrl: replay.urls['api2.nxcloud.com']!,
          retry: { attempts: 1 },
        });
        const { data, error, response } = await api2.POST('/api/wa/mt', { body });
        if (replayStrict) {
          expect(response?.status).toBe(404);
          expect(error?.message).toMatch(/No cassette holds this sendMessage request \(--replay-strict\)/);
        } else {
          expect(error).toBeUndefined();
          expect(data?.messages[0]?.id).not.toMatch(/^wamid\.staging/);
          expect(response?.headers.get('x-nxwa-replayed')).toBeNull();
        }
      } finally {
        await replay.stop();
      }
    }
  });

  it('refuses to start on a corrupt or foreign cassette, naming the file', async () => {
    const corrupt = fresh('corrupt');
    writeFileSync(join(corrupt, 'api2.nxcloud.com.har'), '{"log": {"version": "1.2", "entr');
    await expect(startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: corrupt })).rejects.toThrow(
      `replay: cassette ${join(corrupt, 'api2.nxcloud.com.har')}: is not JSON`,
    );
    const invalid = fresh('invalid');
    writeFileSync(join(invalid, 'a.har'), JSON.stringify({ log: { version: '1.2', entries: [] } }));
    await expect(startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: invalid })).rejects.toThrow(
      /cassette .*a\.har: is not a valid HAR 1\.2 file: .*creator/,
    );
    const foreign = fresh('foreign');
    const har = JSON.parse(readFileSync(join(recorded, 'api2.nxcloud.com.har'), 'utf8'));
    har.log.creator.name = 'WebInspector';
    writeFileSync(join(foreign, 'browser.har'), JSON.stringify(har));
    await expect(startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: foreign })).rejects.toThrow(
      /cassette .*browser\.har: was written by "WebInspector", not by nxwa-mock --record/,
    );
    await expect(startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, replayDir: fresh('empty') })).rejects.toThrow(
      /holds no cassette/,
    );
  });
});
