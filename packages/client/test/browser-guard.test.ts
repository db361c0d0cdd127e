// A client is not made in a web page (the secret would ship to every visitor) unless the caller says
// dangerouslyAllowBrowser: true; parseCallback and signature checks are unaffected.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCallback } from '../src/callbacks.js';
import { createApi2Client, createHkClient, type NxcloudClientOptions } from '../src/index.js';
import { credentials, ok, scriptedFetch, textMessage } from './support.js';

const global = globalThis as Record<string, unknown>;
function pretendBrowser() {
  global.window = {};
  global.document = {};
}
afterEach(() => {
  delete global.window;
  delete global.document;
});

describe('in a web page', () => {
  it.each<(options: NxcloudClientOptions) => unknown>([createApi2Client, createHkClient])(
    '%o throws a clear error',
    (create) => {
      pretendBrowser();
      expect(() => create({ ...credentials })).toThrow(
        /looks like a web page: the accessSecret would ship to every visitor.*dangerouslyAllowBrowser: true/,
      );
    },
  );

  it('the error never contains the secret', () => {
    pretendBrowser();
    try {
      createApi2Client({ ...credentials });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(credentials.accessSecret);
    }
  });

  it('dangerouslyAllowBrowser: true makes the client, and it sends', async () => {
    pretendBrowser();
    const { fetch } = scriptedFetch([ok()]);
    const api2 = createApi2Client({ ...credentials, fetch, dangerouslyAllowBrowser: true });
    expect((await api2.POST('/api/wa/mt', { body: textMessage })).data).toBeDefined();
  });

  it('parseCallback works', () => {
    pretendBrowser();
    expect(parseCallback('{"statuses":[]}', { verify: false }).kind).toBe('status');
  });
});

it('where only window exists (e.g. a worker polyfill), no guard', () => {
  global.window = {};
  expect(() => createApi2Client({ ...credentials })).not.toThrow();
});
