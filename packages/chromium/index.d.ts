import type { Browser, LaunchOptions } from 'playwright-core';

/** Where Chromium is looked for: CHROMIUM_PATH, else /usr/bin/chromium. */
export declare const chromiumPath: string;
/** Launches the machine's headless Chromium; throws naming the path when there is none. */
export declare function launchChromium(options?: LaunchOptions): Promise<Browser>;
