// Starts the real mock (every host, in this process) once for every contract test.
import type { TestProject } from 'vitest/node';
import { DEMO_CREDENTIALS, startMock } from '../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    urls: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMock({ portBase: 0, callbackDelayMs: 20, credentials: [DEMO_CREDENTIALS, { accessKey: 'second-key', accessSecret: 'second-secret' }] });
  project.provide('urls', mock.urls as Record<string, string>);
  return () => mock.stop();
}
