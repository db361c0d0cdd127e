// Node, Deno and Bun: the config comes as the first argument; the report goes to stdout on one marked line.
import { runChecks } from '../checks.js';
import { REPORT_MARKER } from '../fixtures.js';

const g = globalThis as unknown as {
  Deno?: { args: string[]; exit(code: number): never };
  process: {
    argv: string[];
    exitCode?: number;
    stdout: { write(text: string, done: () => void): void };
    exit(code: number): never;
  };
};
const args = g.Deno ? g.Deno.args : g.process.argv.slice(2);
const report = await runChecks(JSON.parse(args[0] ?? '{}'));
const line = `${REPORT_MARKER}${JSON.stringify(report)}\n`;
const code = report.checks.every((c) => c.ok) ? 0 : 1;
// Exit explicitly: an aborted connection the runtime keeps alive must not hold the process open.
if (g.Deno) {
  console.log(line.trimEnd());
  g.Deno.exit(code);
} else {
  g.process.stdout.write(line, () => g.process.exit(code));
}
