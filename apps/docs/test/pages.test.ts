// What the built pages say, read from dist/ (the browser test checks how they render): counts read as English,
// the icon ships with the site, and every `npx` command names our scoped package and runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { count } from '../src/page.mjs';

const app = join(import.meta.dirname, '..');
const dist = join(app, 'dist');
const html = (name: string) => readFileSync(join(dist, name), 'utf8');
const pages = () => readdirSync(dist).filter((f) => f.endsWith('.html'));
const text = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('Build the site first (pnpm --filter @org/nxwa-docs build).');
});

describe('counts', () => {
  it('read "1 operation", "2 operations"', () => {
    const index = text(html('index.html'));
    expect(index).not.toMatch(/\b1 (operations|callbacks)\b/);
    expect(index).not.toMatch(/\b(0|[2-9]|\d\d+) (operation|callback)\b(?!s)/);
    expect(index).toMatch(/\b\d+ operations\b/);
    // No host has a single operation any more; the singular is the counting helper's.
    expect(count(1, 'operation')).toBe('1 operation');
  });
});

describe('the icon', () => {
  it('ships as favicon.ico (an ICO of PNG images) and favicon.svg, and every page links it', () => {
    const ico = readFileSync(join(dist, 'favicon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const images = ico.readUInt16LE(4);
    expect(images).toBeGreaterThan(0);
    for (let i = 0; i < images; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(offset, offset + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    }
    expect(readFileSync(join(dist, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
    for (const page of pages()) {
      const head = html(page).split('</head>')[0];
      expect(head, page).toContain('<link rel="icon" href="favicon.ico"');
      expect(head, page).toContain('<link rel="icon" href="favicon.svg"');
    }
  });
});

describe('npx commands', () => {
  const commands = () => [
    ...new Set(pages().flatMap((p) => [...text(html(p)).matchAll(/^\s*(npx [^#\n]*?)\s*(#|$)/gm)].map((m) => m[1]))),
  ];

  it('name our scoped package, never a bare name someone else could publish', () => {
    const found = commands();
    expect(found.length).toBeGreaterThan(0);
    const mock = JSON.parse(readFileSync(join(app, '..', '..', 'packages', 'mock', 'package.json'), 'utf8'));
    // The pinned package manager (the repository's own commands) is the one other package named.
    const { packageManager } = JSON.parse(readFileSync(join(app, '..', '..', 'package.json'), 'utf8'));
    for (const command of found.filter((c) => !c.startsWith(`npx --yes ${packageManager} `))) {
      const [, pkg, bin] = /^npx (?:--yes )?--package (@org\/[\w-]+) ([\w-]+)\b/.exec(command) ?? [];
      expect(pkg, command).toBe(mock.name);
      expect(Object.keys(mock.bin), command).toContain(bin);
    }
  });
  // Running the quick start's command is proven where the package is installed as a user has it: the consumer
  // test (apps/consumer) runs `npx --package @org/nxwa-mock nxwa-mock --help` from the packed tarball.
});

describe('the sandbox guide', () => {
  const readme = readFileSync(join(app, '..', '..', 'packages', 'mock', 'README.md'), 'utf8');
  const headings = [...readme.matchAll(/^## (.*)$/gm)].map((m) => m[1].trim()).filter((h) => /sandbox/i.test(h));

  it('is built from every sandbox section of the mock README, the inspector among them', () => {
    expect(headings).toContain('Sandbox: the inspector');
    const guide = html('sandbox.html');
    for (const heading of headings)
      expect(guide).toMatch(new RegExp(`<h2 id="[\\w-]+">${heading.replace(/[()]/g, '\\$&')}</h2>`));
    expect(text(guide)).toContain('http://127.0.0.1:4010/__nxwa/');
    expect(text(guide)).toContain('GET /__nxwa/events');
  });

  it("is linked from the index and from every page of the site's own", () => {
    expect(html('index.html')).toContain('<a href="sandbox.html">the sandbox guide</a>');
    for (const page of ['index.html', 'signing.html', 'errors.html', 'sandbox.html']) {
      expect(html(page).split('</header>')[0], page).toContain('<a href="sandbox.html">Sandbox</a>');
    }
  });
});

describe('the client and testing guides', () => {
  const readme = (pkg: string) => readFileSync(join(app, '..', '..', 'packages', pkg, 'README.md'), 'utf8');
  const headings = (pkg: string) => [...readme(pkg).matchAll(/^## (.*)$/gm)].map((m) => m[1]!.trim());
  const shows = (page: string, heading: string) =>
    expect(text(html(page)), `${page}: ${heading}`).toContain(text(heading.replace(/`/g, '')));

  it('the client guide is every section of the client README but its dependency notes', () => {
    const all = headings('client');
    expect(all).toContain('Callbacks in production');
    for (const heading of all.filter((h) => h !== 'Runtime dependencies')) shows('client.html', heading);
    expect(text(html('client.html')).replace(/\s+/g, ' ')).toContain(
      'documents neither the action its callbacks carry nor that they are signed',
    );
    expect(text(html('client.html'))).not.toContain('Runtime dependencies');
  });

  it("the testing guide is the mock README's startMock, checks and forcing sections", () => {
    for (const heading of headings('mock').filter((h) => /^(In tests|What the mock checks|Forcing an answer)/.test(h)))
      shows('testing.html', heading);
    expect(text(html('testing.html'))).toContain("import { startMock } from '@org/nxwa-mock';");
  });

  it('the quick start says the packages are not in the registry yet, and how to pack them', () => {
    const index = text(html('index.html')).replace(/\s+/g, ' ');
    expect(index).toContain('the packages are not in the registry yet');
    const { packageManager } = JSON.parse(readFileSync(join(app, '..', '..', 'package.json'), 'utf8'));
    expect(index).toContain(`npx --yes ${packageManager} pack-packages`);
  });
});
