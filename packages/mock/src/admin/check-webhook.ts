// `nxwa-mock check-webhook <url>`: runs the webhook conformance check, prints its table and, with `--report <file>`,
// writes the same table as a report in the mock's formats (a `webhookCheck` section in JSON, one JUnit test suite
// whose test cases are the cases), so that CI shows each case as a test result.
import { parseArgs } from 'node:util';
import {
  checkWebhook,
  formatWebhookTable,
  WebhookCheckError,
  type WebhookCheckResult,
} from '../callbacks/conformance.js';
import { HOSTS, type MockHost } from '../http/hosts.js';
import { checkReportTarget, type ReportSection, writeReport } from './report.js';

/** The webhook as the report shows it: without credentials, query or fragment, which may carry a token. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** The report's section for one check: its JSON under `webhookCheck`, one JUnit suite of its cases. */
export function webhookCheckSection(url: string, result: WebhookCheckResult, hosts?: readonly string[]): ReportSection {
  const webhook = shownUrl(url);
  const failed = result.rows.filter((r) => r.verdict === 'FAIL').length;
  return {
    name: 'webhookCheck',
    json: () => ({
      url: webhook,
      hosts: [...(hosts ?? HOSTS)],
      ok: result.ok,
      total: result.rows.length,
      passed: result.rows.length - failed,
      failed,
      cases: result.rows.map((r) => ({ ...r })),
    }),
    junit: () => [
      {
        name: `check-webhook ${webhook}`,
        cases: result.rows.map((r) => ({
          name: r.case,
          classname: 'check-webhook',
          ...(r.verdict === 'FAIL'
            ? {
                failure: {
                  message: `${r.case}: expected ${r.expected}, got ${r.got}`,
                  text: `case: ${r.case}\nexpected: ${r.expected}\ngot: ${r.got}`,
                },
              }
            : {}),
        })),
      },
    ],
  };
}

/**
 * Writes one check's report: `.json` (valid against the published report schema) or JUnit `.xml`. Throws an Error
 * naming the file and the problem.
 */
export function writeWebhookReport(
  file: string,
  url: string,
  result: WebhookCheckResult,
  hosts?: readonly string[],
): void {
  writeReport(file, [webhookCheckSection(url, result, hosts)]);
}

const HELP = `nxwa-mock check-webhook <url> — posts every documented callback, signed, then forged ones, to your webhook

  --host <host>             only this host's callbacks (repeatable); all of ${HOSTS.join(', ')} by default
  --access-key <key>        the accessKey the webhook expects (env NXWA_MOCK_ACCESS_KEY; the demo key by default)
  --access-secret <secret>  its secret (env NXWA_MOCK_ACCESS_SECRET; the demo secret by default)
  --allow-any-target        also check a webhook that is not on a loopback address
  --report <file>           also write the table as a report: JSON for a .json file, JUnit XML for a .xml file
  --help                    this text

Exit code 0 when every valid callback was taken (2xx) and every hostile one refused; 1 otherwise; 2 for bad input.`;

/**
 * `nxwa-mock check-webhook`: parses the arguments, runs the check, prints the table, writes the report. Resolves
 * with the exit code; bad input is one line on `err` and code 2.
 */
export async function checkWebhookCommand(
  args: string[],
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        host: { type: 'string', multiple: true },
        'access-key': { type: 'string' },
        'access-secret': { type: 'string' },
        'allow-any-target': { type: 'boolean' },
        report: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    err(`nxwa-mock check-webhook: ${(error as Error).message.split('\n')[0]} (see nxwa-mock check-webhook --help)`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    err('nxwa-mock check-webhook: give the webhook URL, one argument (e.g. http://127.0.0.1:3000/hook)');
    return 2;
  }
  const report = values.report as string | undefined;
  // Refused before any callback is posted, as the mock refuses a bad --report at start.
  if (report !== undefined)
    try {
      checkReportTarget(report);
    } catch (error) {
      err(`nxwa-mock check-webhook: --report: ${(error as Error).message}`);
      return 2;
    }
  const hosts = values.host as MockHost[] | undefined;
  try {
    const result = await checkWebhook(positionals[0], {
      hosts,
      accessKey: (values['access-key'] as string | undefined) ?? env.NXWA_MOCK_ACCESS_KEY,
      accessSecret: (values['access-secret'] as string | undefined) ?? env.NXWA_MOCK_ACCESS_SECRET,
      allowAnyTarget: values['allow-any-target'] === true,
    });
    out(formatWebhookTable(result.rows));
    const failed = result.rows.filter((r) => r.verdict === 'FAIL').length;
    out(result.ok ? `\nall ${result.rows.length} cases pass` : `\n${failed} of ${result.rows.length} cases FAIL`);
    if (report !== undefined) {
      writeWebhookReport(report, positionals[0], result, hosts);
      out(`report written to ${report}`);
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof WebhookCheckError) {
      err(`nxwa-mock check-webhook: ${error.message}`);
      return 2;
    }
    if (report !== undefined && /could not write the report/.test((error as Error).message)) {
      err(`nxwa-mock check-webhook: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
