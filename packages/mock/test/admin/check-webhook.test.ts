// The webhook check's table in a report file: JSON valid against the published report schema with every case, and
// JUnit XML read by a real JUnit parser (junit2json) with one test suite whose test cases are the cases, a failure
// naming its case. From Node (writeWebhookReport) and from a shell (`check-webhook --report`), bad paths refused.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCallback, seenSignatures } from '@org/nxwa-client/callbacks';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseJunit } from 'junit2json';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkWebhook, writeWebhookReport } from '../../src/index.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
const account = { accessKey: 'report-key', accessSecret: 'report-secret' };
const dir = mkdtempSync(join(tmpdir(), 'nxwa-check-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8'));

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A webhook on a free loopback port: verifying (as the client's README says) or taking everything. */
async function webhook(verify: boolean) {
  const seen = seenSignatures();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      parseCallback(
        Buffer.concat(chunks),
        verify ? { headers: req.headers as never, accessSecret: account.accessSecret, seen } : { verify: false },
      );
      res.statusCode = 200;
    } catch {
      res.statusCode = 400;
    }
    res.end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

/** Runs a command without blocking this process, whose webhook must answer meanwhile. */
function run(command: string, args: string[], env: Record<string, string | undefined> = process.env) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const script = join(import.meta.dirname, 'check-webhook-ci.sh');

function validate(report: unknown) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  expect(ajv.validate(schema, report), ajv.errorsText()).toBe(true);
}

describe('writeWebhookReport', () => {
  it('JSON: a webhookCheck section with every case of the table, valid against the schema; no token of the URL', async () => {
    const url = await webhook(false);
    const result = await checkWebhook(`${url}?token=hook-token`, { ...account, hosts: ['api-hk.nxlink.ai'] });
    const file = join(dir, 'check.json');
    writeWebhookReport(file, `${url}?token=hook-token`, result, ['api-hk.nxlink.ai']);
    const text = readFileSync(file, 'utf8');
    const report = JSON.parse(text);
    validate(report);
    expect(text).not.toContain('hook-token');
    expect(report.webhookCheck).toMatchObject({ url, hosts: ['api-hk.nxlink.ai'], ok: false });
    expect(report.webhookCheck.cases).toEqual(result.rows);
    expect(report.webhookCheck.failed).toBe(result.rows.filter((r) => r.verdict === 'FAIL').length);
    expect(report.webhookCheck.failed).toBeGreaterThan(0);
    expect(report.webhookCheck.total).toBe(result.rows.length);
  });

  it('JUnit: one suite whose test cases are the cases; each failure names its case, expected and got', async () => {
    const url = await webhook(false);
    const result = await checkWebhook(url, { ...account, hosts: ['api-hk.nxlink.ai'] });
    const file = join(dir, 'check.xml');
    writeWebhookReport(file, url, result);
    const junit: any = await parseJunit(readFileSync(file, 'utf8'));
    expect(junit.testsuite).toHaveLength(1);
    const [suite] = junit.testsuite;
    expect(suite.name).toBe(`check-webhook ${url}`);
    expect(suite.testcase.map((c: any) => c.name)).toEqual(result.rows.map((r) => r.case));
    const failedRows = result.rows.filter((r) => r.verdict === 'FAIL');
    expect(junit.failures).toBe(failedRows.length);
    const forged = suite.testcase.find((c: any) => c.name === 'wrong signature (api-hk.nxlink.ai)');
    expect(forged.failure[0].message).toBe('wrong signature (api-hk.nxlink.ai): expected non-2xx, got 200');
    const valid = suite.testcase.find((c: any) => c.name.startsWith('valid api-hk.nxlink.ai'));
    expect(valid.failure).toBeUndefined();
  });
});

describe('nxwa-mock check-webhook --report', () => {
  it('from a shell: a correct handler, JUnit with every case passing, exit 0', async () => {
    const report = join(dir, 'shell.xml');
    const sh = await run('sh', [script, process.execPath, bin], {
      PATH: process.env.PATH,
      WEBHOOK: await webhook(true),
      REPORT: report,
      NXWA_MOCK_ACCESS_KEY: account.accessKey,
      NXWA_MOCK_ACCESS_SECRET: account.accessSecret,
    });
    expect(sh.stdout, sh.stderr).toMatch(/exit=0\s*$/);
    expect(sh.stdout).toContain(`report written to ${report}`);
    const junit: any = await parseJunit(readFileSync(report, 'utf8'));
    const cases = junit.testsuite[0].testcase;
    expect(junit.failures).toBe(0);
    expect(cases.map((c: any) => c.name)).toContain('valid api.nxcloud.com messageStatus.sent');
    expect(cases.map((c: any) => c.name)).toContain('replay of an accepted callback (api.nxcloud.com)');
    // The table printed and the report hold the same cases.
    const printed = sh.stdout.split('\n').filter((l) => /  (pass|FAIL)$/.test(l));
    expect(printed).toHaveLength(cases.length);
  });

  it('from a shell: a handler that takes forgeries, JSON naming the failed cases, exit 1', async () => {
    const report = join(dir, 'shell.json');
    const sh = await run('sh', [script, process.execPath, bin], {
      PATH: process.env.PATH,
      WEBHOOK: await webhook(false),
      REPORT: report,
    });
    expect(sh.stdout, sh.stderr).toMatch(/exit=1\s*$/);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    validate(json);
    expect(json.webhookCheck.cases).toContainEqual({
      case: 'body altered after signing (api.nxcloud.com)',
      expected: 'non-2xx',
      got: '200',
      verdict: 'FAIL',
    });
  });

  it.each([
    ['report.txt', /^nxwa-mock check-webhook: --report: report file "report\.txt" must end in \.json/],
    ['/nonexistent-dir/r.xml', /^nxwa-mock check-webhook: --report: .* its folder \/nonexistent-dir does not exist/],
  ])('a bad report path %j: one line, exit code 2, nothing posted', async (file, message) => {
    let posted = 0;
    const server = createServer((_req, res) => {
      posted += 1;
      res.end();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const cli = await run(process.execPath, [bin, 'check-webhook', url, '--report', file]);
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(message);
    expect(posted).toBe(0);
  });
});
