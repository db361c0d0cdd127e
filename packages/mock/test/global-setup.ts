// Starts the real mock (every host, in this process) once for every contract test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEMO_CREDENTIALS, startMock } from '../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    urls: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // The CLI and memory tests run the built package, as installed.
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli.js')))
    throw new Error('Build the mock first: pnpm --filter @org/nxwa-mock build');
  const mock = await startMock({
    portBase: 0,
    callbackDelayMs: 20,
    credentials: [DEMO_CREDENTIALS, { accessKey: 'second-key', accessSecret: 'second-secret' }],
  });
  project.provide('urls', mock.urls as Record<string, string>);
  return () => mock.stop();
}
