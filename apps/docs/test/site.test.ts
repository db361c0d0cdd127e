// The built site in a real headless Chromium (Debian's chromium, driven by playwright-core), served on 127.0.0.1:
// every page loads with no console error and no request leaving 127.0.0.1; every operation and callback of every
// spec appears on its host's page (counted from the spec); search finds an operation; links and downloads work.
// Screenshots of the index and a host page are saved under build/screenshots for review.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@org/nxwa-chromium';
import { hosts, loadBundle } from '@org/nxwa-spec-tools';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../scripts/serve.mjs';
import { operationAnchor } from '../src/page.mjs';
import { samplesOf } from '../src/samples.mjs';

const app = join(import.meta.dirname, '..');
const dist = join(app, 'dist');
const specDir = join(app, '..', '..', 'spec');
const spec = (host: string) => loadBundle(host, { fresh: true });
const screenshots = join(app, 'build', 'screenshots');

let site: { url: string; stop: () => Promise<void> };
let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('Build the site first (pnpm --filter @org/nxwa-docs build).');
  site = await serveSite(dist);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${site.url}/${path}`, { waitUntil: 'load' });
  return { page, errors };
}

// Every page of the site: its own, then Redoc's, one per host.
const sitePages = [
  'index.html',
  'client.html',
  'testing.html',
  'signing.html',
  'sandbox.html',
  'errors.html',
  ...hosts.map((h) => `${h}.html`),
  'nxwa-mock.html',
  'contract-tests.html',
];

const METHODS = ['get', 'put', 'post', 'delete'];
function expectedLinks(host: string): string[] {
  const doc = spec(host);
  const ops = [
    ...Object.values<any>(doc.paths).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m])),
    ...Object.values<any>(doc.webhooks ?? {}).map((item) => item.post),
  ];
  return ops.map(operationAnchor).sort();
}

describe('pages', () => {
  it.each(sitePages)('%s loads with no console error and no outside request', async (path) => {
    const { page, errors } = await open(path);
    await page.waitForTimeout(path.includes('nx') ? 800 : 100);
    expect(await page.title()).toMatch(/nxwa/);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('the header on every page', () => {
  // Every page's header links every page, and each link can be clicked there (not hidden or covered: Playwright's
  // trial click checks that without navigating); then a real click from each page leads to the next, round the
  // whole site, so that every page is reached from every other by clicking, Redoc's pages included.
  it('links every page, each link clickable; clicking leads round the whole site', async () => {
    const { page, errors } = await open(sitePages[0]!);
    for (const [i, from] of sitePages.entries()) {
      expect(new URL(page.url()).pathname, `the click before led to ${from}`).toBe(`/${from}`);
      const header = page.locator('header.nxwa-header');
      await header.waitFor({ timeout: 30_000 });
      const hrefs = await header.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      expect(new Set(hrefs), from).toEqual(new Set(sitePages));
      for (const to of sitePages) await header.locator(`nav a[href="${to}"]`).click({ trial: true, timeout: 10_000 });
      if (from === `${hosts[0]}.html`) await page.screenshot({ path: join(screenshots, 'host-header.png') });
      const next = sitePages[(i + 1) % sitePages.length]!;
      await Promise.all([page.waitForURL(`**/${next}`), header.locator(`nav a[href="${next}"]`).click()]);
    }
    expect(new URL(page.url()).pathname).toBe(`/${sitePages[0]}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('host pages', () => {
  it.each(hosts)('%s shows every operation and callback of its spec', async (host) => {
    const { page, errors } = await open(`${host}.html`);
    const tags: string[] = spec(host).tags.map((t: { name: string }) => t.name);
    const seen = new Set<string>();
    for (const tag of tags) {
      await page
        .locator('.menu-content [data-component-name="Menu/MenuItem"]', { hasText: new RegExp(`^${tag}$`) })
        .first()
        .click();
      await page.waitForTimeout(150);
      for (const href of await page.$$eval('.menu-content a[href^="#/"]', (els) =>
        els.map((e) => e.getAttribute('href')!),
      ))
        seen.add(href);
    }
    const expected = expectedLinks(host);
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.filter((link) => !seen.has(link))).toEqual([]);
    // And an operation's own section renders, with its summary.
    const first = expected[0];
    await page.goto(`${site.url}/${host}.html${first}`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const op = [
      ...Object.values<any>(spec(host).paths).flatMap((i) => METHODS.filter((m) => i[m]).map((m) => i[m])),
      ...Object.values<any>(spec(host).webhooks ?? {}).map((i) => i.post),
    ].find((o) => first.endsWith(o.operationId.toLowerCase()));
    await expect.poll(() => page.getByText(op.summary, { exact: true }).count()).toBeGreaterThan(0);
    if (host === 'api2.nxcloud.com') await page.screenshot({ path: join(screenshots, `${host}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(hosts)("%s shows every operation's TypeScript and curl samples, offline", async (host) => {
    const { page, errors } = await open(`${host}.html`);
    const doc = spec(host);
    const samples = [...samplesOf(host, doc)].map(([key, s]) => {
      const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      const op = doc.paths[path][method];
      return {
        link: operationAnchor(op),
        typescript: s.typescript.split('\n').find((l: string) => l.includes(`.${method.toUpperCase()}(`))!,
        curl: s.shell
          .split('\n')
          .find((l: string) => l.startsWith('curl '))!
          .replace(/ \\$/, ''),
      };
    });
    expect(samples.length).toBe(expectedLinks(host).filter((l) => !l.startsWith('#/callbacks')).length);
    const visible = (text: string) => () => page.locator('.th-line', { hasText: text }).first().isVisible();
    // TypeScript is the first language; then the same with curl chosen (the choice holds for the whole page).
    for (const language of ['TypeScript', 'curl'] as const) {
      for (const sample of samples) {
        await page.goto(`${site.url}/${host}.html${sample.link}`, { waitUntil: 'load' });
        if (language === 'curl' && sample === samples[0]) {
          await page.getByRole('button', { name: 'TypeScript', exact: true }).first().click();
          await page.getByRole('menuitem', { name: 'curl' }).first().click();
        }
        await expect
          .poll(visible(sample[language]), { timeout: 10_000, message: `${host}${sample.link}: ${sample[language]}` })
          .toBe(true);
        if (host === 'api2.nxcloud.com' && sample === samples[0])
          await page.screenshot({ path: join(screenshots, `${host}-${language}-sample.png`) });
      }
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it.each(hosts)('%s shows the partly documented note where the spec marks an operation', async (host) => {
    const marked = Object.values<any>(spec(host).paths)
      .flatMap((i) => METHODS.filter((m) => i[m]).map((m) => i[m]))
      .filter((op) => op['x-nxwa-partly-documented']);
    expect(marked.length).toBeGreaterThan(0);
    const { page, errors } = await open(`${host}.html`);
    for (const op of marked) {
      await page.goto(`${site.url}/${host}.html${operationAnchor(op)}`, { waitUntil: 'load' });
      const section = page.locator(`[id="${operationAnchor(op).slice(2)}"]`);
      await expect
        .poll(() => section.getByText('Partly documented.', { exact: true }).first().isVisible(), {
          timeout: 10_000,
          message: `${host} ${op.operationId}`,
        })
        .toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search finds an operation', async () => {
    const { page } = await open('api2.nxcloud.com.html');
    // Ctrl+K opens the search once Redoc has hydrated the page: asked again until it has (a bounded wait, no guess).
    const input = page.locator('input[placeholder^="Search"]');
    await expect
      .poll(
        async () => {
          if ((await input.count()) === 0) await page.keyboard.press('Control+k');
          return input.count();
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBeGreaterThan(0);
    await input.fill('one-time code');
    await expect
      .poll(async () => (await page.locator('body').innerText()).includes('/api/wa/otp'), { timeout: 5_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('Send a one-time code').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('site pages', () => {
  it('the icon loads: /favicon.ico and the SVG every page links', async () => {
    const ico = await fetch(`${site.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toMatch(/^image\//);
    const { page, errors } = await open('index.html');
    const icons = await page.$$eval('link[rel="icon"]', (els) => els.map((e) => (e as HTMLLinkElement).href));
    expect(icons).toEqual([`${site.url}/favicon.ico`, `${site.url}/favicon.svg`]);
    for (const href of icons) {
      // Decoded in the page; the query keeps this load apart from the browser's own icon request, which
      // playwright's request interception leaves unanswered for the page.
      const size = await page.evaluate(async (u) => {
        const img = new Image();
        img.src = `${u}?decode`;
        await img.decode();
        return img.naturalWidth;
      }, href);
      expect(size, href).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the index links every host page, the guides and every download, and they all resolve', async () => {
    const { page } = await open('index.html');
    const hrefs = await page.$$eval('a[href]', (els) => [...new Set(els.map((e) => e.getAttribute('href')!))]);
    for (const host of hosts) {
      expect(hrefs).toContain(`${host}.html`);
      expect(hrefs).toContain(`specs/${host}.yaml`);
      expect(hrefs).toContain(`specs/${host}.json`);
    }
    expect(hrefs).toEqual(expect.arrayContaining(['signing.html', 'errors.html', 'sandbox.html', 'nxwa-mock.html']));
    // Every operation is linked to its section on its host's page.
    expect(hrefs).toEqual(
      expect.arrayContaining(
        hosts.flatMap((h) =>
          expectedLinks(h)
            .filter((l) => !l.startsWith('#/callbacks'))
            .map((l) => `${h}.html${l}`),
        ),
      ),
    );
    for (const href of hrefs.filter((h) => !h.startsWith('#'))) {
      const res = await fetch(`${site.url}/${href.split('#')[0]}`);
      expect(res.status, href).toBe(200);
    }
    await page.screenshot({ path: join(screenshots, 'index.png'), fullPage: true });
    await page.close();
  });

  it('the sandbox guide is served, shows the inspector section, and its links resolve', async () => {
    const { page, errors } = await open('sandbox.html');
    await page.getByRole('heading', { name: 'Sandbox: the inspector' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).toContain('http://127.0.0.1:4010/__nxwa/');
    const hrefs = await page.$$eval('main a[href]', (els) => [...new Set(els.map((e) => e.getAttribute('href')!))]);
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) {
      // An anchor names a heading on the page; a page of the site is served; an outside link is not followed here.
      if (href.startsWith('#')) expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
      else if (!/^https?:/.test(href))
        expect((await fetch(`${site.url}/${href.split('#')[0]}`)).status, href).toBe(200);
    }
    await page.screenshot({ path: join(screenshots, 'sandbox.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('the downloads are the bundled specs', async () => {
    for (const host of hosts) {
      expect(await (await fetch(`${site.url}/specs/${host}.json`)).json()).toEqual(spec(host));
      expect(await (await fetch(`${site.url}/specs/${host}.yaml`)).text()).toBe(
        readFileSync(join(specDir, 'dist', `${host}.yaml`), 'utf8'),
      );
    }
  });

  it('the error reference lists every code of every operation, counted from the specs', async () => {
    const { page } = await open('errors.html');
    const rows = await page.$$eval('table tbody tr', (trs) => trs.length);
    const expected = hosts.reduce(
      (n, h) =>
        n +
        Object.values<any>(spec(h).paths)
          .flatMap((i) => METHODS.filter((m) => i[m]).map((m) => i[m]['x-nxcloud-errors'].length))
          .reduce((a, b) => a + b, 0),
      0,
    );
    expect(rows).toBe(expected);
    expect(await page.locator('body').innerText()).toContain('Top up the account.');
    await page.close();
  });

  it("the signing page lists the specs' actions, bizTypes and signing codes", async () => {
    const { page } = await open('signing.html');
    const text = await page.locator('body').innerText();
    for (const host of hosts) {
      for (const item of Object.values(spec(host).paths) as Record<string, any>[]) {
        for (const op of ['get', 'put', 'post', 'delete'].map((m) => item[m]).filter(Boolean)) {
          expect(text).toContain(op['x-nxcloud-action']);
          expect(text).toContain(op['x-nxcloud-biz-type']);
          for (const e of op['x-nxcloud-errors'] ?? [])
            if (e.category === 'auth') expect(text).toContain(`${e.code}\t${e.meaning}`);
        }
      }
    }
    await page.close();
  });

  it('the signing page works the official vector', async () => {
    const { page } = await open('signing.html');
    const text = await page.locator('body').innerText();
    expect(text).toContain(
      'accessKey=fme2na3kdi3ki&action=send&bizType=1&ts=1655710885431&body={"name":"牛小信","id":10001}&accessSecret=abciiiko2k3',
    );
    expect(text).toContain('87c3560d3331ae23f1021e2025722354');
    expect(text).toContain('e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb');
    await page.close();
  });
});
