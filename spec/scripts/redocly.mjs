#!/usr/bin/env node
// Runs the Redocly CLI with the given arguments, as `redocly …` would, less one thing: on Node 20 it opens every
// run with a boxed "Node.js 20 support is ending" notice (unconditional, no option or variable turns it off).
// The project supports Node >= 20.19 on purpose, so the box is dropped; everything else it prints passes through.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const redocly = join(import.meta.dirname, '..', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
// The box: a frame of ═ from ╔ to ╝ around the notice, as one block of lines.
const NOTICE =
  /\n? *╔═+╗\n(?: *║.*║\n)*? *║ +Deprecation warning: Node\.js 20 support is ending +║\n(?: *║.*║\n)* *╚═+╝\n\n?/;

const child = spawn(process.execPath, [redocly, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'pipe'],
  env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...process.env },
});
// The notice comes first, in one write: stderr is held only until the first text that is not its start.
let held = '';
let passing = false;
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  if (passing) return void process.stderr.write(chunk);
  held += chunk;
  const first = held.trimStart()[0];
  if ((first !== undefined && first !== '╔') || held.includes('╝')) release();
});
const release = () => {
  passing = true;
  const rest = held.replace(NOTICE, '');
  held = '';
  if (rest) process.stderr.write(rest);
};
child.on('close', (code, signal) => {
  if (!passing) release();
  process.exitCode = code ?? (signal ? 1 : 0);
});
