import type { ChildProcess } from 'node:child_process';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { createNxcloudClient, type NxcloudClientOptions, type NxcloudHost } from '@org/nxwa-client';
import { loadSpec, requestExampleCases } from '@org/nxwa-spec/examples';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { inject } from 'vitest';
import { DEMO_CREDENTIALS, HOSTS as MOCK_HOSTS } from '../src/index.js';

export const HOSTS: readonly NxcloudHost[] = MOCK_HOSTS;
export const demo: { accessKey: string; accessSecret: string } = { ...DEMO_CREDENTIALS };

export const spec = loadSpec;

export const client = <H extends NxcloudHost>(host: H, options: Partial<NxcloudClientOptions> = {}) =>
  createNxcloudClient(host, { ...demo, baseUrl: inject('urls')[host], retry: { attempts: 1 }, ...options });

const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addFormat('int64', true);
ajv.addFormat('binary', true);
for (const host of HOSTS) ajv.addSchema(spec(host), `https://nxwa.invalid/${host}`);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates an answer's envelope against the schema the client's types are generated from. */
export function answerProblems(host: string, path: string, method: string, envelope: unknown): string | undefined {
  const validate =
    ajv.getSchema(
      `https://nxwa.invalid/${host}#/paths/${esc(path)}/${method}/responses/200/content/application~1json/schema`,
    ) ??
    ajv.compile({
      $ref: `https://nxwa.invalid/${host}#/paths/${esc(path)}/${method}/responses/200/content/application~1json/schema`,
    });
  return validate(envelope) ? undefined : ajv.errorsText(validate.errors);
}

export type ExampleCase = ReturnType<typeof requestExampleCases>[number] & { host: NxcloudHost };

/** Every named request example of every spec (and, for bodiless operations, their parameter examples). */
export const exampleCases = () => requestExampleCases(HOSTS) as ExampleCase[];

/** A multipart example shows its file as a placeholder string; a real file part is sent instead. */
export const withRealFile = (c: ExampleCase) =>
  c.mediaType === 'multipart/form-data' && 'file' in c.body
    ? { ...c.body, file: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: c.body.type }) }
    : c.body;

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A base for `--port-base`: `count` consecutive ports, each free when checked (other suites run beside this one,
 * so a port that was free a moment ago may not be: every port of the run is checked, not only the first). Bounded.
 */
export async function freePortBase(count = 4): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 20_000 + ((await freePort()) % 40_000);
    if (base + count - 1 > 65_535) continue;
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`No ${count} consecutive free ports on 127.0.0.1 in 100 tries.`);
}

/** Whether nothing listens on 127.0.0.1:port (it can be bound). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Stops a child process (SIGTERM) and waits until it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
