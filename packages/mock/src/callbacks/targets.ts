// Where the mock may send a callback: loopback addresses only, unless the run allows any target, so that a send
// naming an outside dr_webhook never makes the mock call out.

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether the mock may call this URL back: loopback only, unless other targets were allowed. */
export function callbackAllowed(url: string, allowAnyTarget: boolean): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return allowAnyTarget || LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

/** The log line for a callback target that {@link callbackAllowed} refused. */
export const refusedTarget = (what: string, url: string) =>
  `${what} to ${url} refused: not a loopback address (start the mock with --allow-any-callback-target to allow it)`;
