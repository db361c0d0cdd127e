// The live inspector's page (GET /__nxwa/): one self-contained HTML document — page.html with page.css,
// script.js (the log) and phone.js (conversations, templates, media) inlined at build, nothing fetched from anywhere but its own origin's event stream — and the
// Content-Security-Policy that allows exactly that (the inline style and script by their hashes; no other script,
// no inline handler, no outside request).
import { createHash } from 'node:crypto';
import { MESSAGE_STATUSES } from '../../sandbox/messages/store.js';
import STYLE from './page.css?raw';
import HTML from './page.html?raw';
import PHONE from './phone.js?raw';
import SCRIPT from './script.js?raw';

/** Replaces each placeholder of the page, once; a placeholder missing from page.html is the mock's own mistake. */
function inline(html: string, parts: Record<string, string>): string {
  let out = html;
  for (const [placeholder, text] of Object.entries(parts)) {
    if (!out.includes(placeholder)) throw new Error(`page.html has no ${placeholder}`);
    // A function, so that no `$` in the inlined text is read as a replacement pattern.
    out = out.replace(placeholder, () => text);
  }
  return out;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page's headers: a policy that admits only its own inline style and script, and the event stream. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    `script-src ${sha256(SCRIPT)} ${sha256(PHONE)}`,
    `style-src ${sha256(STYLE)}`,
    "connect-src 'self'",
    // The icon is inline (data:), so the browser asks the mock for no /favicon.ico; media previews are the mock's own.
    "img-src data: 'self'",
    "media-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The page as served: page.html with its style, script and the statuses a message can have inlined. */
export const PAGE = inline(HTML, {
  '<link rel="stylesheet" href="page.css">': `<style>${STYLE}</style>`,
  '<script src="script.js"></script>': `<script>${SCRIPT}</script>`,
  '<script src="phone.js"></script>': `<script>${PHONE}</script>`,
  '<option value="">any</option>': `<option value="">any</option>${MESSAGE_STATUSES.map((s) => `<option value="${s}">${s}</option>`).join('')}`,
});
