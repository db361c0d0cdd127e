// The machine's Chromium (Debian's, or CHROMIUM_PATH), headless, as every page test launches it: one place for the
// path, the clear error when it is missing, and the flags that keep it quiet and offline on a CI machine.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium; `options` are playwright's launch options (e.g. a `timeout`). */
export function launchChromium(options = {}) {
  if (!existsSync(chromiumPath))
    throw new Error(`No Chromium at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH.`);
  // playwright gives every launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    ...options,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
}
