// Starts the real mock (a Prism process per host behind the gateways) once for every contract test.
import type { TestProject } from 'vitest/node';
import { DEMO_CREDENTIALS, startMock } from '../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    urls: Record<string, string>;
    prismPids: number[];
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMock({ portBase: 0, callbackDelayMs: 20, credentials: [DEMO_CREDENTIALS, { accessKey: 'second-key', accessSecret: 'second-secret' }] });
  project.provide('urls', mock.urls);
  project.provide('prismPids', mock.servers.map((s) => s.prismPid));
  return () => mock.stop();
}
