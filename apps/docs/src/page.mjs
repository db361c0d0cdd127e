// The frame of the site's own pages (index, signing, errors): plain HTML and CSS, no font or script from anywhere.
export const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Escapes text, keeping Markdown's inline `code`. */
export const inline = (s) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** "1 operation", "2 operations". */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The site's icon (an SVG, and the ICO browsers ask /favicon.ico for); both ship with the site. */
export const FAVICON_LINKS =
  '<link rel="icon" href="favicon.ico" sizes="any"><link rel="icon" href="favicon.svg" type="image/svg+xml">';

/** The link of an operation on its host's Redoc page. */
// Redoc's anchor of an operation: its first tag (lower-cased, spaces as dashes) and its operationId (lower-cased).
export const operationAnchor = (op) =>
  `#/${op.tags[0].toLowerCase().replace(/\s+/g, '-')}/${op.operationId.toLowerCase()}`;
export const operationLink = (host, op) => `${host}.html${operationAnchor(op)}`;

export function page({ title, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · nxwa</title>
${FAVICON_LINKS}
<style>
  :root { color-scheme: light; --ink: #1d2430; --muted: #5b6474; --line: #e3e7ee; --accent: #0b7a53; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
  header { border-bottom: 1px solid var(--line); padding: 14px 24px; display: flex; gap: 20px; align-items: baseline; flex-wrap: wrap; }
  header a.brand { font-weight: 700; font-size: 20px; color: var(--accent); text-decoration: none; }
  header nav a { color: var(--muted); margin-right: 14px; text-decoration: none; }
  main { max-width: 980px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 30px; margin: 8px 0 16px; } h2 { margin-top: 36px; } h3 { margin-top: 24px; }
  code, pre { font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 15px; }
  th, td { border: 1px solid var(--line); padding: 6px 9px; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; }
  .muted { color: var(--muted); }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 14px; }
  .card { border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
  .card h3 { margin: 0 0 6px; font-size: 17px; }
  .tag { display: inline-block; font-size: 12px; padding: 1px 7px; border-radius: 10px; background: #eef3f1; color: var(--accent); }
</style>
</head>
<body>
<header>
  <a class="brand" href="index.html">nxwa</a>
  <nav><a href="index.html">Overview</a><a href="signing.html">Signing</a><a href="errors.html">Error codes</a><a href="sandbox.html">Sandbox</a><a href="index.html#specs">Specs</a></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
