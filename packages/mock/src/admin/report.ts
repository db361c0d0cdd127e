// The report for CI: the journal's summary, the violations and the coverage, written as JSON (its schema ships as
// schema/report.schema.json) or as JUnit XML (any `.xml` file), which CI servers show natively. The report is a list
// of sections: each adds its key to the JSON and its test suites to the JUnit file; a new check is a new section.
import { accessSync, constants, existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { HostCoverage } from './coverage.js';
import { describeViolations, type Journal, type Violation } from './journal.js';

export type ReportFormat = 'json' | 'junit';

export interface JunitCase {
  name: string;
  classname: string;
  /** A failed case: a one-line message and the details. */
  failure?: { message: string; text: string };
  /** A case that did not run (an operation never called). */
  skipped?: string;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

/** One part of the report: its key and value in the JSON, its suites in the JUnit file. */
export interface ReportSection {
  name: string;
  json(): unknown;
  junit(): JunitSuite[];
}

/** The format a report file's extension asks for; an Error naming the extension otherwise. */
export function reportFormat(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xml') return 'junit';
  throw new Error(
    `report file ${JSON.stringify(file)} must end in .json (JSON) or .xml (JUnit XML); got ${ext ? JSON.stringify(ext) : 'no extension'}`,
  );
}

/** Checks, without writing anything, that the report can be written there; an Error naming the problem otherwise. */
export function checkReportTarget(file: string): void {
  reportFormat(file);
  const path = resolve(file);
  const dir = dirname(path);
  if (!existsSync(dir)) throw new Error(`report file ${JSON.stringify(file)}: its folder ${dir} does not exist`);
  try {
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new Error('is a folder');
      accessSync(path, constants.W_OK);
    } else accessSync(dir, constants.W_OK);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'is not writable' : (error as Error).message;
    throw new Error(`report file ${JSON.stringify(file)} ${why}`);
  }
}

/** The JSON report: a version, the time, and each section under its name. */
export function reportJson(sections: readonly ReportSection[]): Record<string, unknown> {
  const out: Record<string, unknown> = { report: 'nxwa-mock', version: 1, generatedAt: new Date().toISOString() };
  for (const s of sections) out[s.name] = s.json();
  return out;
}

const xml = (s: string) =>
  s
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The JUnit XML report: every section's suites. */
export function reportJunit(sections: readonly ReportSection[]): string {
  const suites = sections.flatMap((s) => s.junit());
  const count = (cases: JunitCase[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  });
  const all = count(suites.flatMap((s) => s.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nxwa-mock contract" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}">`,
  ];
  for (const suite of suites) {
    const n = count(suite.cases);
    lines.push(
      `  <testsuite name="${xml(suite.name)}" tests="${n.tests}" failures="${n.failures}" errors="0" skipped="${n.skipped}">`,
    );
    for (const c of suite.cases) {
      const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
      if (c.failure)
        lines.push(
          `${open}>`,
          `      <failure message="${xml(c.failure.message)}" type="violation">${xml(c.failure.text)}</failure>`,
          '    </testcase>',
        );
      else if (c.skipped !== undefined)
        lines.push(`${open}>`, `      <skipped message="${xml(c.skipped)}"/>`, '    </testcase>');
      else lines.push(`${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** Writes the report (whole or not at all: through a temporary file); throws an Error naming the file and why. */
export function writeReport(file: string, sections: readonly ReportSection[]): void {
  const text =
    reportFormat(file) === 'json' ? `${JSON.stringify(reportJson(sections), null, 2)}\n` : reportJunit(sections);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (error) {
    throw new Error(`could not write the report ${JSON.stringify(file)}: ${(error as Error).message}`);
  }
}

/** The journal's summary, the violations, and the coverage with each operation's violations as its failure. */
export function contractSections(journal: Journal, coverage: () => HostCoverage[]): ReportSection[] {
  const opName = (v: { operationId: string | null; method: string; path: string }) =>
    v.operationId ? `${v.operationId} (${v.method} ${v.path})` : `${v.method} ${v.path}`;
  const failureOf = (violations: Violation[]) =>
    violations.length === 0
      ? undefined
      : {
          message: violations
            .map((v) => `${v.field || '(request)'} — ${v.rule}${v.count > 1 ? ` (${v.count} times)` : ''}`)
            .join('; '),
          text: describeViolations(violations),
        };
  return [
    {
      name: 'requests',
      json: () => {
        const kept = journal.list();
        return {
          total: journal.total,
          kept: kept.length,
          accepted: kept.filter((e) => e.verdict === 'accepted').length,
          refused: kept.filter((e) => e.verdict === 'refused').length,
          chosen: kept.filter((e) => e.chosen !== null).length,
          violations: journal.violations().reduce((n, v) => n + v.count, 0),
        };
      },
      junit: () => [],
    },
    { name: 'violations', json: () => journal.violations(), junit: () => [] },
    {
      name: 'coverage',
      json: () => coverage(),
      junit: () =>
        coverage().map((h) => {
          const violations = journal.violations().filter((v) => v.host === h.host);
          const cases: JunitCase[] = h.operations.map((o) => {
            const failure = failureOf(violations.filter((v) => v.operationId === o.operationId));
            return {
              name: opName(o),
              classname: h.host,
              ...(failure
                ? { failure }
                : o.called === 0
                  ? { skipped: 'not called by the tests' }
                  : o.accepted === 0
                    ? { skipped: 'called, never accepted' }
                    : {}),
            };
          });
          const undocumented = violations.filter((v) => v.operationId === null);
          if (undocumented.length)
            cases.push({
              name: 'requests to no documented operation',
              classname: h.host,
              failure: failureOf(undocumented),
            });
          return { name: h.host, cases };
        }),
    },
  ];
}
