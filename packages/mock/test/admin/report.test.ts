// The report for CI: JSON valid against the schema the package publishes, JUnit XML read by a real JUnit parser
// (junit2json), written on stop and on POST /__nxwa/report; bad report paths are one line and exit code 2; a
// shell-only client (curl and openssl, as a user of any language) drives the CLI from start to exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseJunit } from 'junit2json';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportTarget, reportFormat } from '../../src/admin/report.js';
import { startMock } from '../../src/index.js';
import { demo, freePortBase } from '../support.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
const dir = mkdtempSync(join(tmpdir(), 'nxwa-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8'));

const valid = {
  appkey: 'demo',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'hello' },
} as const;

/** A sample app's two sends through the client: one valid, one without text.body. */
async function sampleRun(reportFile: string) {
  const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0, reportFile });
  const { createApi2Client } = await import('@org/nxwa-client');
  const api2 = createApi2Client({ ...demo, baseUrl: mock.urls['api2.nxcloud.com']!, retry: { attempts: 1 } });
  await api2.POST('/api/wa/mt', { body: valid });
  await api2.POST('/api/wa/mt', { body: { ...valid, text: {} } as any });
  return mock;
}

describe('report files', () => {
  it('the extension picks the format; any other is refused, naming it', () => {
    expect(reportFormat('out/report.json')).toBe('json');
    expect(reportFormat('junit.XML')).toBe('junit');
    expect(() => reportFormat('report.txt')).toThrow('must end in .json (JSON) or .xml (JUnit XML); got ".txt"');
    expect(() => checkReportTarget(join(dir, 'missing', 'r.xml'))).toThrow(/its folder .* does not exist/);
    expect(() => checkReportTarget(dir.concat('/'))).toThrow(/must end in \.json/);
  });

  it('JSON on stop, valid against the published schema', async () => {
    const file = join(dir, 'report.json');
    const mock = await sampleRun(file);
    await mock.stop();
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    expect(ajv.validate(schema, report), ajv.errorsText()).toBe(true);
    expect(report.requests).toMatchObject({ total: 2, accepted: 1, refused: 1, violations: 1 });
    expect(report.violations).toMatchObject([{ operationId: 'sendMessage', field: 'text.body', rule: 'is required' }]);
    expect(report.coverage[0].operations.find((o: any) => o.operationId === 'sendMessage')).toMatchObject({
      called: 2,
      accepted: 1,
    });
  });

  it('JUnit XML that a JUnit parser reads: the invalid operation fails naming the field and rule', async () => {
    const file = join(dir, 'junit.xml');
    const mock = await sampleRun(file);
    const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/report`, {
      method: 'POST',
      headers: { 'x-nxwa-admin': '1' },
    });
    expect(await res.json()).toEqual({ written: true });
    await mock.stop();
    const junit: any = await parseJunit(readFileSync(file, 'utf8'));
    expect(junit.failures).toBe(1);
    const suite = junit.testsuite.find((s: any) => s.name === 'api2.nxcloud.com');
    const send = suite.testcase.find((c: any) => c.name === 'sendMessage (POST /api/wa/mt)');
    expect(send.failure[0].message).toBe('text.body — is required');
    expect(send.failure[0].inner).toContain('"to":"•••••••••••59"');
    expect(suite.testcase.find((c: any) => c.name.startsWith('getMedia')).skipped).toBeDefined();
  });

  it('POST /__nxwa/report without a report file: 409 naming why, nothing lost', async () => {
    const mock = await startMock({ hosts: ['api2.nxcloud.com'], portBase: 0 });
    try {
      await fetch(`${mock.urls['api2.nxcloud.com']}/api/wa/mt`, { method: 'POST', body: '{}' });
      const res = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/report`, {
        method: 'POST',
        headers: { 'x-nxwa-admin': '1' },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatch(/started without a report file/);
      expect(mock.requests()).toHaveLength(1);
    } finally {
      await mock.stop();
    }
  });
});

describe('nxwa-mock --report', () => {
  it.each([
    [
      ['--report', 'report.txt'],
      /^nxwa-mock: --report: report file "report\.txt" must end in \.json \(JSON\) or \.xml/,
    ],
    [
      ['--report', '/nonexistent-dir/junit.xml'],
      /^nxwa-mock: --report: report file .* its folder \/nonexistent-dir does not exist/,
    ],
  ])('%j: one line and exit code 2', (args, message) => {
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('a shell-only client (curl, openssl) drives start, requests, report, stop and the exit code', async () => {
    const report = join(dir, 'shell-junit.xml');
    const run = spawnSync('sh', [join(import.meta.dirname, 'contract-ci.sh'), process.execPath, bin], {
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        PATH: process.env.PATH,
        PORT_BASE: String(await freePortBase(1)),
        REPORT: report,
        NXCLOUD_ACCESS_KEY: 'ci-key',
        NXCLOUD_ACCESS_SECRET: 'ci-secret',
      },
    });
    expect(run.stdout, run.stderr).toMatch(/"code":0/);
    expect(run.stdout).toMatch(/"code":9000,"message":"[^"]*text\.body: is required/);
    expect(run.stdout).toContain('{"written":true}');
    expect(run.stdout).toMatch(/exit=1\s*$/);
    expect(run.stderr).toContain('1 request broke the contract (--fail-on-violation)');
    const junit: any = await parseJunit(readFileSync(report, 'utf8'));
    const send = junit.testsuite[0].testcase.find((c: any) => c.name === 'sendMessage (POST /api/wa/mt)');
    expect(send.failure[0].message).toBe('text.body — is required');
  });
});
