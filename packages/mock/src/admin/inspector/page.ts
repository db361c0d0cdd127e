// The live inspector's page (GET /__nxwa/): one self-contained HTML document — its style and script inline, nothing
// fetched from anywhere but its own origin's event stream — and the Content-Security-Policy that allows exactly
// that (the inline style and script by their hashes; no other script, no inline handler, no outside request).
import { createHash } from 'node:crypto';
import { SCRIPT } from './script.js';

const STYLE = `
  :root { color-scheme: light dark; --ink: #1d2430; --muted: #5b6474; --line: #d9dee7; --bg: #fff; --soft: #f5f7fa; --accent: #0b7a53; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e6e9ef; --muted: #9aa3b2; --line: #2e3440; --bg: #15181d; --soft: #1d2127; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  header { position: sticky; top: 0; background: var(--bg); border-bottom: 1px solid var(--line); padding: 10px 18px; display: flex; gap: 14px; align-items: center; flex-wrap: wrap; z-index: 1; }
  h1 { font-size: 17px; margin: 0; color: var(--accent); }
  label { color: var(--muted); }
  input, select { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--ink); }
  #state { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: var(--soft); color: var(--muted); }
  #state.live { color: var(--accent); }
  #count { color: var(--muted); margin-left: auto; }
  main { padding: 10px 18px 40px; }
  #empty { color: var(--muted); padding: 24px 0; }
  details.message { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
  details.message[open] { background: var(--soft); }
  summary { cursor: pointer; padding: 6px 10px; display: grid; grid-template-columns: 7.5em 1.2em 10em 11em 9em 7em minmax(0, 1fr); gap: 10px; align-items: baseline; }
  summary > span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .time, .host, .operation { color: var(--muted); font-size: 12px; }
  .status { font-size: 12px; font-weight: 600; padding: 0 7px; border-radius: 9px; background: var(--soft); border: 1px solid var(--line); justify-self: start; }
  .status-sent { color: #2563c9; } .status-delivered { color: #7b4bc4; } .status-read { color: var(--accent); } .status-failed { color: #c42b2b; }
  .preview { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
  .details { padding: 0 12px 12px; }
  h2 { font-size: 13px; margin: 12px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
  pre { margin: 0; padding: 8px 10px; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; overflow: auto; max-height: 28em; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
  .none { color: var(--muted); }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page's headers: a policy that admits only its own inline style and script, and the event stream. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    `script-src ${sha256(SCRIPT)}`,
    `style-src ${sha256(STYLE)}`,
    "connect-src 'self'",
    // The icon is inline (data:), so the browser asks the mock for no /favicon.ico.
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nxwa sandbox · inspector</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>nxwa sandbox</h1>
  <span id="state">connecting…</span>
  <label>recipient <input id="filter-to" type="search" placeholder="any" autocomplete="off" spellcheck="false"></label>
  <label>status <select id="filter-status"><option value="">any</option></select></label>
  <span id="count"></span>
</header>
<main>
  <div id="empty">No messages yet: send one to any host of this mock, and it shows here.</div>
  <div id="messages"></div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
