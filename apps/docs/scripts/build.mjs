#!/usr/bin/env node
// Builds the docs site into dist/: a Redoc page per host from its bundled spec (script inlined: no CDN), the
// index, the signing guide (worked from the official vectors), the error-code reference (generated from the
// specs' x-nxcloud-errors), and the bundled specs to download. Nothing on any page is fetched from elsewhere.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeSignature, stringToSign } from '@org/nxwa-signing';
import { hosts, loadBundle, operationsOf } from '@org/nxwa-spec-tools';
import { contractGuide } from '../src/contract.mjs';
import { partlyDocumentedNote, withPartlyDocumentedNotes } from '../src/notes.mjs';
import {
  count,
  escape,
  FAVICON_LINKS,
  page as framed,
  HEADER_STYLE,
  inline,
  operationLink,
  siteHeader,
} from '../src/page.mjs';
import { withCodeSamples } from '../src/samples.mjs';
import { guideFrom, sandboxGuide, slug } from '../src/sandbox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, '..');
const specDir = join(app, '..', '..', 'spec');
const out = join(app, 'dist');
const redocly = join(app, 'node_modules', '.bin', 'redocly');
const specs = Object.fromEntries(hosts.map((h) => [h, loadBundle(h)]));
const webhooksOf = (doc) => Object.entries(doc.webhooks ?? {}).map(([name, item]) => ({ name, op: item.post }));
const pageOf = (host) => `${host}.html`;
// Every page of the site's own has the header with every page in it.
const page = (options) => framed({ ...options, hosts });

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'specs'), { recursive: true });
for (const icon of ['favicon.ico', 'favicon.svg']) copyFileSync(join(app, 'src', icon), join(out, icon));
// The mock's package is scoped: a bare `npx nxwa-mock` would look up someone else's unscoped package.
const MOCK_COMMAND = 'npx --package @org/nxwa-mock nxwa-mock';
// The pinned pnpm, as the repository's README runs it.
const PNPM = `npx --yes ${JSON.parse(readFileSync(join(app, '..', '..', 'package.json'), 'utf8')).packageManager}`;

// Redoc's footer shows Redocly's logo from a CDN; the page must fetch nothing from elsewhere, so the logo is
// drawn inline instead (the attribution stays).
const logo = (text) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${text.length * 8 + 4}" height="16"><text x="2" y="12" font-family="system-ui,sans-serif" font-size="12" font-weight="700" fill="#5b6474">${text}</text></svg>`)}`;
const offline = (html) =>
  html
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', logo('Redocly'))
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', logo('R'))
    .replace('<head>', `<head>\n${FAVICON_LINKS}\n<style>${HEADER_STYLE}</style>`)
    // The site's header above Redoc's page (no template option of build-docs puts anything there), so that every
    // page of the site is one click away from a host's page too.
    .replace(/<body[^>]*>/, (body) => `${body}\n${siteHeader(hosts)}`);

// One Redoc page per host, from its bundle with a TypeScript and a curl sample added to every operation
// (x-codeSamples) and the "partly documented" note where a page was cut off (the downloads stay the bundles as
// they are).
const staged = join(app, 'build', 'specs');
mkdirSync(staged, { recursive: true });
for (const host of hosts) {
  writeFileSync(
    join(staged, `${host}.json`),
    JSON.stringify(withCodeSamples(host, withPartlyDocumentedNotes(specs[host])), null, 2),
  );
  execFileSync(
    redocly,
    [
      'build-docs',
      join(staged, `${host}.json`),
      '--inlineBundle',
      '--output',
      join(out, pageOf(host)),
      '--title',
      `${specs[host].info.title} · nxwa`,
      '--lint-config',
      'off',
    ],
    {
      cwd: app,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  writeFileSync(join(out, pageOf(host)), offline(readFileSync(join(out, pageOf(host)), 'utf8')));
  for (const ext of ['json', 'yaml'])
    copyFileSync(join(specDir, 'dist', `${host}.${ext}`), join(out, 'specs', `${host}.${ext}`));
}

// The mock's own API (/__nxwa/*) beside the hosts: its bundle as it is (its paths are not signed, so no samples).
const MOCK_API = 'nxwa-mock';
const mockSpec = JSON.parse(readFileSync(join(specDir, 'dist', `${MOCK_API}.json`), 'utf8'));
execFileSync(
  redocly,
  [
    'build-docs',
    join(specDir, 'dist', `${MOCK_API}.json`),
    '--inlineBundle',
    '--output',
    join(out, pageOf(MOCK_API)),
    '--title',
    `${mockSpec.info.title} · nxwa`,
    '--lint-config',
    'off',
  ],
  {
    cwd: app,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
writeFileSync(join(out, pageOf(MOCK_API)), offline(readFileSync(join(out, pageOf(MOCK_API)), 'utf8')));
for (const ext of ['json', 'yaml'])
  copyFileSync(join(specDir, 'dist', `${MOCK_API}.${ext}`), join(out, 'specs', `${MOCK_API}.${ext}`));

// The index.
const hostCards = hosts
  .map((host) => {
    const doc = specs[host];
    return `<div class="card"><h3><a href="${pageOf(host)}">${escape(host)}</a></h3>
<p>${inline(doc.info.summary ?? '')}</p>
<p class="muted">${count(operationsOf(doc).length, 'operation')} · ${count(webhooksOf(doc).length, 'callback')}</p>
<p><a href="specs/${host}.yaml">YAML</a> · <a href="specs/${host}.json">JSON</a></p></div>`;
  })
  .join('\n');
const opRows = hosts
  .flatMap((host) =>
    operationsOf(specs[host]).map(
      ({ path, method, op }) =>
        `<tr><td>${escape(host)}</td><td><code>${method.toUpperCase()} ${escape(path)}</code></td><td><a href="${operationLink(host, op)}">${escape(op.summary)}</a>${partlyDocumentedNote(op) ? ' <span class="tag">partly documented</span>' : ''}</td></tr>`,
    ),
  )
  .join('\n');
writeFileSync(
  join(out, 'index.html'),
  page({
    title: 'NxCloud WhatsApp API',
    body: `<h1>The NxCloud WhatsApp API, specified</h1>
<p>nxwa describes every documented host of the NxCloud WhatsApp Business API in OpenAPI 3.1 — every field, rule,
example and error code of the vendor's documents — and derives from it a typed client, request signing, a local
mock and these pages. <span class="tag">works offline</span></p>
<h2>Hosts</h2>
<div class="cards">
${hostCards}
</div>
<h2 id="quick-start">Quick start</h2>
<p>What works today: the specs, the client, signing and the mock, from this repository — the packages are not in
the registry yet, so <code>npm install @org/nxwa-client</code> does not work until they are published. Pack them and
install the packs into your app (the repository README's <em>Try it before publishing</em>), then start the local
mock of every host and send a message to it:</p>
<pre><code>${PNPM} pack-packages        # in a clone of the repository: packs/*.tgz
npm install /path/to/nxwa/packs/*.tgz        # in your app: the client, signing and the mock, together
${MOCK_COMMAND}   # every host on 127.0.0.1:4010–4013</code></pre>
<pre><code class="language-ts">import { createApi2Client } from '@org/nxwa-client';

const api2 = createApi2Client({
  accessKey: 'nxwa-demo-key',
  accessSecret: 'nxwa-demo-secret',
  baseUrl: 'http://127.0.0.1:4010', // leave out to reach https://api2.nxcloud.com
});
const { data, error } = await api2.POST('/api/wa/mt', {
  body: { appkey: 'your-appkey', business_phone: '8615800001795', to: '8613600009759', type: 'text', text: { body: 'Hello' } },
});
if (error) console.error(error.code, error.meaning, error.remedy);
else console.log('sent', data.messages[0]?.id);</code></pre>
<p>Every request is signed for you (<a href="signing.html">how signing works</a>); a failure comes back as an error
with the documented meaning and remedy of its code (<a href="errors.html">every code</a>). The
<a href="client.html">client guide</a> shows every common job, retries, paging and callbacks; the
<a href="testing.html">testing guide</a> runs the mock inside your tests.</p>
<p>The mock is a sandbox: it records every message it accepts, with its timeline of statuses and callbacks, and
shows them live at <code>http://127.0.0.1:4010/__nxwa/</code> — <a href="sandbox.html">the sandbox guide</a>.</p>
<p>To check in CI that your app keeps to the contract, from any language: <a href="contract-tests.html">contract tests in CI</a>.</p>
<p>The mock's own paths (<code>/__nxwa/*</code>: records, reset, inbound messages, media) are specified too:
<a href="${pageOf(MOCK_API)}">${escape(mockSpec.info.title)}</a>.</p>
<h2>Operations</h2>
<table><thead><tr><th>host</th><th>operation</th><th>what it does</th></tr></thead><tbody>
${opRows}
</tbody></table>
<h2 id="specs">Specs</h2>
<p>The bundled, single-file OpenAPI 3.1 specs, one per host:</p>
<ul>${hosts.map((h) => `<li>${escape(h)}: <a href="specs/${h}.yaml">${escape(h)}.yaml</a> · <a href="specs/${h}.json">${escape(h)}.json</a></li>`).join('')}</ul>`,
  }),
);

// The signing guide, worked from the official vectors; the actions, bizTypes and signing codes are the specs'.
const allOperations = hosts.flatMap((host) => operationsOf(specs[host]).map((o) => ({ host, ...o })));
const distinct = (values) => [...new Set(values)];
const bizTypes = distinct(allOperations.map(({ op }) => op['x-nxcloud-biz-type']));
const actionsByHost = hosts.map((host) => [
  host,
  distinct(allOperations.filter((o) => o.host === host).map(({ op }) => op['x-nxcloud-action'])),
]);
// The codes of the signature check: the auth codes the operations document, each once (first meaning kept).
const signingCodes = new Map();
for (const { op } of allOperations)
  for (const e of op['x-nxcloud-errors'] ?? [])
    if (e.category === 'auth' && !signingCodes.has(e.code)) signingCodes.set(e.code, e);
const vector = {
  accessKey: 'fme2na3kdi3ki',
  accessSecret: 'abciiiko2k3',
  action: 'send',
  bizType: '1',
  ts: '1655710885431',
};
const body = '{"name":"牛小信","id":10001}';
writeFileSync(
  join(out, 'signing.html'),
  page({
    title: 'Request signing',
    body: `<h1>Request signing</h1>
<p>Every request to every host carries five headers; the client and the signing package set them for you.</p>
<table><thead><tr><th>header</th><th>value</th></tr></thead><tbody>
<tr><td><code>accessKey</code></td><td>the account's access key</td></tr>
<tr><td><code>ts</code></td><td>now, in <strong>milliseconds</strong> since the epoch (13 digits); more than 60 s off the server's clock is code 1004</td></tr>
<tr><td><code>bizType</code></td><td>fixed per operation (<code>x-nxcloud-biz-type</code> in the specs): ${bizTypes.map((b) => `<code>${escape(b)}</code>`).join(', ')} for WhatsApp</td></tr>
<tr><td><code>action</code></td><td>fixed per operation (<code>x-nxcloud-action</code> in the specs): ${actionsByHost
      .map(([host, actions]) => `${escape(host)}: ${actions.map((a) => `<code>${escape(a)}</code>`).join(', ')}`)
      .join('; ')}</td></tr>
<tr><td><code>sign</code></td><td>lowercase hex MD5 (or SHA-256 with the header <code>algorithm: sha256</code>) of the string below</td></tr>
</tbody></table>
<h2>The string that is hashed</h2>
<pre><code>accessKey=&lt;accessKey&gt;&amp;action=&lt;action&gt;&amp;bizType=&lt;bizType&gt;&amp;ts=&lt;ts&gt;   the headers but sign, ASCII order
&amp;body=&lt;the exact JSON text sent&gt;                                      JSON requests with a body only
&amp;accessSecret=&lt;secret&gt;                                               never sent</code></pre>
<p>The body part is the body <em>byte for byte</em> as sent — key order, spaces, line breaks and escapes included —
so serialise once, sign that text, send that text. <code>multipart/form-data</code> requests (media uploads) and
requests without a body sign the headers and the secret only. Hash the UTF-8 bytes.</p>
<h2>Worked example (the vendor's official vector)</h2>
<p>With accessKey <code>${vector.accessKey}</code>, action <code>${vector.action}</code>, bizType <code>${vector.bizType}</code>,
ts <code>${vector.ts}</code>, accessSecret <code>${vector.accessSecret}</code> and the body <code>${escape(body)}</code>:</p>
<pre><code>${escape(stringToSign({ ...vector, body }))}</code></pre>
<table><tbody>
<tr><th>md5</th><td><code>${computeSignature({ ...vector, body })}</code></td></tr>
<tr><th>sha256</th><td><code>${computeSignature({ ...vector, body, algorithm: 'sha256' })}</code></td></tr>
<tr><th>the same object as <code>{"id":10001,"name":"牛小信"}</code></th><td><code>${computeSignature({ ...vector, body: '{"id":10001,"name":"牛小信"}' })}</code> — a different text is a different signature</td></tr>
<tr><th>no body</th><td><code>${computeSignature(vector)}</code></td></tr>
</tbody></table>
<h2>In code</h2>
<pre><code class="language-ts">import { signatureHeaders, verifySignature } from '@org/nxwa-signing';

const accessKey = process.env['NXCLOUD_ACCESS_KEY']!;
const accessSecret = process.env['NXCLOUD_ACCESS_SECRET']!;
const body = {
  appkey: 'f543ertg', business_phone: '8615800001795', messaging_product: 'whatsapp', recipient_type: 'individual',
  to: '8613600009759', type: 'text', text: { body: 'hello' },
};
const text = JSON.stringify(body); // serialise once: sign this text, send this text
const headers = signatureHeaders({ accessKey, accessSecret, action: 'mt', bizType: '2', ts: Date.now(), body: text });
const answer = await fetch('https://api2.nxcloud.com/api/wa/mt', {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: text,
});
const { code, message } = await answer.json(); // HTTP 200 either way: NxCloud's own code says how it went
if (code !== 0) throw new Error(\`NxCloud answered \${code}: \${message}\`); // 1003: the signature is wrong
console.log('sent');

// A signed callback: the raw body as received, headers in any case.
export async function handleCallback(request: Request): Promise&lt;Response&gt; {
  const rawBody = new Uint8Array(await request.arrayBuffer());
  const result = verifySignature({ headers: request.headers, body: rawBody, accessSecret, action: 'callback', signedBody: 'always' });
  return new Response(result.valid ? 'ok' : result.reason, { status: result.valid ? 200 : 401 });
}</code></pre>
<h2>Errors</h2>
<p>The codes of the signature check, from the specs (<a href="errors.html">every code</a>):</p>
<table><thead><tr><th>code</th><th>meaning</th><th>remedy</th></tr></thead><tbody>
${[...signingCodes.values()]
  .sort((a, b) => a.code - b.code)
  .map((e) => `<tr><td>${e.code}</td><td>${escape(e.meaning)}</td><td>${escape(e.remedy)}</td></tr>`)
  .join('\n')}
</tbody></table>`,
  }),
);

// The error-code reference, from the specs.
const sections = hosts
  .map((host) => {
    const ops = operationsOf(specs[host]);
    return `<h2 id="${host}">${escape(host)}</h2>
${ops
  .map(
    ({
      path,
      method,
      op,
    }) => `<h3 id="${host}-${op.operationId}"><code>${method.toUpperCase()} ${escape(path)}</code> — <a href="${operationLink(host, op)}">${escape(op.summary)}</a>${partlyDocumentedNote(op) ? ' <span class="tag">partly documented</span>' : ''}</h3>
<table><thead><tr><th>code</th><th>message</th><th>meaning</th><th>remedy</th><th>category</th><th>retry helps</th></tr></thead><tbody>
${(op['x-nxcloud-errors'] ?? [])
  .map(
    (e) =>
      `<tr><td>${e.code}</td><td>${escape(e.message)}</td><td>${escape(e.meaning)}</td><td>${escape(e.remedy)}</td><td>${e.category}</td><td>${e.retryable ? 'yes' : 'no'}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
  )
  .join('\n')}`;
  })
  .join('\n');
writeFileSync(
  join(out, 'errors.html'),
  page({
    title: 'Error codes',
    body: `<h1>Error codes</h1>
<p>NxCloud answers HTTP 200 and reports a failure in the <code>code</code> of its JSON answer. These are the codes
each operation documents, with what they mean, what to do, and whether trying again can help — generated from
the specs (<code>x-nxcloud-errors</code>). <code>@org/nxwa-client</code> puts the same on every error it returns.</p>
<p>${hosts.map((h) => `<a href="#${h}">${escape(h)}</a>`).join(' · ')}</p>
${sections}`,
  }),
);

// The sandbox guide, from the mock's README.
const mockReadme = join(app, '..', '..', 'packages', 'mock', 'README.md');
const guide = sandboxGuide(readFileSync(mockReadme, 'utf8'), 'packages/mock/README.md');
writeFileSync(
  join(out, 'sandbox.html'),
  page({
    title: 'The sandbox',
    body: `<h1>The sandbox</h1>
<p>The local mock (<code>@org/nxwa-mock</code>: see the <a href="index.html#quick-start">quick start</a>) keeps what
it is sent and acts on it. From its README:
${guide.sections.map((s) => `<a href="#${slug(s.heading)}">${escape(s.heading)}</a>`).join(' · ')}.</p>
${guide.html}`,
  }),
);

// The client guide and the testing guide, from the READMEs' sections (as the sandbox guide is).
const readmeOf = (pkg) => readFileSync(join(app, '..', '..', 'packages', pkg, 'README.md'), 'utf8');
const guides = [
  {
    file: 'client.html',
    title: 'The client',
    intro: `<p><code>@org/nxwa-client</code>: a typed client per host, every request signed, retried when that is safe,
and answered as <code>{ data }</code> or <code>{ error }</code>. From its README:`,
    readme: 'client',
    // Everything a user writes code with; the dependency notes stay in the README.
    pick: (heading) => !/^Runtime dependencies$/.test(heading),
    what: 'to show',
  },
  {
    file: 'testing.html',
    title: 'Testing against the mock',
    intro: `<p>In tests, start the mock in the test's own process (<code>startMock</code> from
<code>@org/nxwa-mock</code>) on free ports, point the client at it, and force any documented answer. The
<a href="sandbox.html">sandbox guide</a> says what the mock keeps and does. From the mock's README:`,
    readme: 'mock',
    pick: (heading) => /^(In tests|What the mock checks|Forcing an answer)/.test(heading),
    what: 'named "In tests…", "What the mock checks…" or "Forcing an answer"',
  },
];
for (const g of guides) {
  const made = guideFrom(readmeOf(g.readme), `packages/${g.readme}/README.md`, g.pick, g.what);
  writeFileSync(
    join(out, g.file),
    page({
      title: g.title,
      body: `<h1>${escape(g.title)}</h1>
${g.intro}
${made.sections.map((s) => `<a href="#${slug(s.heading)}">${inline(s.heading)}</a>`).join(' · ')}.</p>
${made.html}`,
    }),
  );
}

// The "Contract tests in CI" guide, from its Markdown.
writeFileSync(
  join(out, 'contract-tests.html'),
  page({
    title: 'Contract tests in CI',
    body: contractGuide(readFileSync(join(app, 'src', 'contract-tests.md'), 'utf8')),
  }),
);

const written = [
  'contract-tests.html',
  'index.html',
  'signing.html',
  'errors.html',
  'sandbox.html',
  ...guides.map((g) => g.file),
  ...hosts.map(pageOf),
  pageOf(MOCK_API),
];
console.log(`built ${written.length} pages and ${hosts.length * 2} spec downloads into ${out}`);
