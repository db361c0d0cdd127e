// Posts signed status callbacks (sent, delivered, read — or failed) for an accepted send, to its dr_webhook or
// the configured webhook URL, the way NxCloud does.
import { signatureHeaders } from '@org/nxwa-signing';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Whether the mock may call this URL back: loopback only, unless other targets were allowed. */
export function callbackAllowed(url, allowAnyTarget) {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return allowAnyTarget || LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Sends the callbacks one after another, `delayMs` apart. Each is signed like a request, with the account's
 * credentials and the action `callback` (the vendor does not document which action its callbacks carry).
 */
export function scheduleStatusCallbacks({ url, messageId, to, statuses, credentials, delayMs, log, family }) {
  const timers = [];
  let chain = Promise.resolve();
  statuses.forEach((status, i) => {
    timers.push(
      setTimeout(() => {
        chain = chain.then(async () => {
          const now = Date.now();
          const item = {
            id: messageId,
            status,
            timestamp: String(Math.floor(now / 1000)),
            recipient_id: to,
            ...(status === 'failed'
              ? { errors: [{ code: 131026, title: 'Message undeliverable' }] }
              : { conversation: { id: `mock-conversation-${messageId}`, origin: { type: family === 'saas' ? 'business_initiated' : 'utility' } } }),
          };
          const body = JSON.stringify({ statuses: [item], messaging_product: 'whatsapp' });
          const headers = { 'content-type': 'application/json', ...signatureHeaders({ ...credentials, action: 'callback', bizType: '2', ts: now, body }) };
          try {
            const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
            log(`callback ${status} ${messageId} → ${res.status}`);
          } catch (error) {
            log(`callback ${status} ${messageId} failed: ${error.message}`);
          }
        });
      }, delayMs * (i + 1)),
    );
  });
  return () => timers.forEach(clearTimeout);
}
