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

/** The site's pages in the header of every page, Redoc's included: the guides, then one page per host. */
export const navigation = (hosts) => [
  ['index.html', 'Overview'],
  ['client.html', 'Client'],
  ['testing.html', 'Testing'],
  ['signing.html', 'Signing'],
  ['sandbox.html', 'Sandbox'],
  ['errors.html', 'Error codes'],
  ['contract-tests.html', 'Contract tests'],
  ...hosts.map((host) => [`${host}.html`, host]),
  ['nxwa-mock.html', 'Mock API'],
];

// Its own class names and rules, so that it looks the same inside Redoc's page, whose styles it must not touch.
export const HEADER_STYLE = `.nxwa-header { border-bottom: 1px solid #e3e7ee; padding: 12px 24px; display: flex; gap: 8px 20px; align-items: baseline; flex-wrap: wrap; background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .nxwa-header a.nxwa-brand { font-weight: 700; font-size: 20px; color: #0b7a53; text-decoration: none; }
  .nxwa-header nav a { color: #5b6474; margin-right: 14px; text-decoration: none; white-space: nowrap; }`;

/** The header every page starts with. */
export const siteHeader = (hosts) => `<header class="nxwa-header">
  <a class="nxwa-brand" href="index.html">nxwa</a>
  <nav>${navigation(hosts)
    .map(([href, label]) => `<a href="${href}">${escape(label)}</a>`)
    .join('')}</nav>
</header>`;

export function page({ title, body, hosts }) {
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
  ${HEADER_STYLE}
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
${siteHeader(hosts)}
<main>
${body}
</main>
</body>
</html>
`;
}
