// Test helpers for webhook handlers, apart from the runtime entry: every documented callback payload (generated
// from the specs' webhook examples) and a signer that makes a callback's headers as NxCloud (and the mock) sign them.
import { signatureHeaders } from '@org/nxwa-signing';

export { type CallbackFixtureHost, callbackFixtures } from './generated/callback-fixtures.js';

export interface SignCallbackOptions {
  /** The account's secret: the one your handler verifies with. */
  accessSecret: string;
  /** The accessKey header (`test-access-key` by default; parseCallback does not read it). */
  accessKey?: string;
  /** The callback's time, ms since the epoch (now by default): an old one tests the handler's window. */
  ts?: number;
  /** The signed action (`callback` by default, what parseCallback expects). */
  action?: string;
}

/**
 * The headers of a callback whose raw body is `body`, signed as the mock signs its callbacks (as Stripe's
 * `generateTestHeaderString`): post `body` exactly as given, with these headers, to the handler under test.
 */
export function signCallback(body: string | Uint8Array, options: SignCallbackOptions): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...signatureHeaders({
      accessKey: options.accessKey ?? 'test-access-key',
      accessSecret: options.accessSecret,
      action: options.action ?? 'callback',
      bizType: '2',
      ts: options.ts ?? Date.now(),
      body,
    }),
  };
}
