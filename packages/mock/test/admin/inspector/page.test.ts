// The live inspector in a real headless Chromium (Debian's chromium, driven by playwright-core as in apps/docs): a
// send through the client shows up on the open page and its status follows the callbacks to a local webhook,
// without a reload; a body that is markup is shown as text and runs nothing; the filters narrow the list; a reset
// empties it; and the page asks for nothing but its own origin, with no console error (a policy violation is one).
// A screenshot is saved as test-results/inspector.png for review.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createNxcloudClient } from '@org/nxwa-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../../src/index.js';
import { demo } from '../../support.js';
import { bareAdmin } from '../bare.js';
import { launchChromium } from './browser.js';

const WAIT = { timeout: 30_000 };
const text = {
  appkey: 'f543ertg',
  business_phone: '8615800001795',
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '8613600009759',
  type: 'text',
  text: { body: 'hello' },
} as const;

let mock: RunningMock;
let browser: Browser;
let hook: Server;
let webhook: string;
const received: string[] = [];

beforeAll(async () => {
  mock = await startMock({ portBase: 0 });
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (received.push(body), res.end('ok')));
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  webhook = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await mock?.stop();
  hook?.close();
});

const api2 = () =>
  createNxcloudClient('api2.nxcloud.com', { ...demo, baseUrl: mock.urls['api2.nxcloud.com']!, retry: { attempts: 1 } });

/** Opens the inspector of one host's port; records every request the page makes and every console error. */
async function open(host: keyof RunningMock['urls'] = 'api2.nxcloud.com') {
  const origin = mock.urls[host]!;
  const page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Anything for another origin is refused here too, so that it could never reach the network.
  await page.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
  );
  await page.goto(`${origin}/__nxwa/#log`, { waitUntil: 'load' });
  await page.locator('#state', { hasText: /^live$/ }).waitFor(WAIT);
  return { page, origin, requests, errors };
}

/** The page, live, on a bare server over a store of its own (records can be made there directly). */
async function bareInspector() {
  const { store, url, close: closeAdmin } = await bareAdmin();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}/__nxwa/#log`);
  await page.locator('#state', { hasText: /^live$/ }).waitFor(WAIT);
  const close = async () => {
    await page.close();
    closeAdmin();
  };
  return { store, page, errors, close };
}

/** From now on, every status the page shows for each message, in order (a MutationObserver in the page). */
const watchStatuses = (page: Page) =>
  page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as any).seenStatuses = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target as HTMLElement;
        if (r.attributeName !== 'data-status' || !node.dataset.id) continue;
        const list = (seen[node.dataset.id] ??= []);
        if (list.at(-1) !== node.dataset.status) list.push(node.dataset.status!);
      }
    }).observe(document.getElementById('messages')!, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });

const row = (page: Page, id: string) => page.locator(`details.message[data-id="${id}"]`);

describe('the inspector page', () => {
  it('shows a send as it happens, then its status as each callback goes out, without a reload', async () => {
    mock.reset();
    const { page, origin, requests, errors } = await open();
    await page.evaluate(() => ((window as any).loadedOnce = true));
    await watchStatuses(page);

    const { data, error } = await api2().POST('/api/wa/mt', {
      body: { ...text, to: '8613600000101', cus_message_id: 'live-1', dr_webhook: webhook },
    });
    expect(error).toBeUndefined();
    expect(data?.messages[0].id).toBe('live-1');
    await row(page, 'live-1').waitFor(WAIT);
    await page.locator('details.message[data-id="live-1"][data-status="read"]').waitFor(WAIT);

    // It first showed as accepted, then each status in the order of the callbacks.
    const seen: string[] = await page.evaluate(() => (window as any).seenStatuses['live-1']);
    expect(seen[0]).toBe('accepted');
    expect(seen.at(-1)).toBe('read');
    expect(seen).toEqual(['accepted', 'sent', 'delivered', 'read'].filter((s) => seen.includes(s)));
    expect(await page.evaluate(() => (window as any).loadedOnce)).toBe(true);

    const summary = row(page, 'live-1').locator('summary');
    expect(await summary.locator('.host').textContent()).toBe('api2.nxcloud.com');
    expect(await summary.locator('.operation').textContent()).toBe('POST /api/wa/mt');
    expect(await summary.locator('.recipient').textContent()).toBe('8613600000101');
    expect(await summary.locator('.status').textContent()).toBe('read');
    expect(await summary.locator('.preview').textContent()).toBe('hello');

    // Opened: the timeline, every callback attempt with the webhook's answer, and the record as JSON.
    await summary.click();
    const tables = row(page, 'live-1').locator('.details table');
    await tables.first().waitFor(WAIT);
    const cells = (t: number, column: string) =>
      tables.nth(t).evaluate((table: HTMLTableElement, name) => {
        const i = [...table.tHead!.rows[0].cells].findIndex((c) => c.textContent === name);
        return [...table.tBodies[0].rows].map((r) => r.cells[i].textContent);
      }, column);
    expect(await cells(0, 'status')).toEqual(['accepted', 'sent', 'delivered', 'read']);
    expect(await cells(1, 'status')).toEqual(['sent', 'delivered', 'read']);
    expect(await cells(1, 'httpStatus')).toEqual(['200', '200', '200']);
    expect(await cells(1, 'url')).toEqual([webhook, webhook, webhook]);
    expect(JSON.parse((await row(page, 'live-1').locator('pre.json').textContent())!)).toEqual(mock.message('live-1'));
    expect(received.filter((b) => b.includes('live-1'))).toHaveLength(3);

    mkdirSync(join(import.meta.dirname, '..', '..', '..', 'test-results'), { recursive: true });
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', '..', 'test-results', 'inspector.png') });
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    await page.close();
  });

  it('shows a body that is markup as text: no element is made from it and nothing runs', async () => {
    const { page, origin, requests, errors } = await open('api-hk.nxlink.ai');
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';
    await api2().POST('/api/wa/mt', { body: { ...text, cus_message_id: 'markup-1', text: { body: payload } } });
    const preview = row(page, 'markup-1').locator('.preview');
    await preview.waitFor(WAIT);
    expect(await preview.textContent()).toBe(payload);
    await row(page, 'markup-1').locator('summary').click();
    await row(page, 'markup-1').locator('pre.json').waitFor(WAIT);
    expect(await row(page, 'markup-1').locator('pre.json').textContent()).toContain(JSON.stringify(payload));
    expect(
      await page.evaluate(() => document.querySelectorAll('#messages img, #messages script, #messages b').length),
    ).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    // The image was never asked for, and nothing left the origin.
    expect(requests.filter((u) => new URL(u).pathname.endsWith('/x'))).toEqual([]);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says no webhook was set for a send without one, and lists the callbacks of one with a webhook', async () => {
    mock.reset();
    const { page, errors } = await open();
    await api2().POST('/api/wa/mt', { body: { ...text, cus_message_id: 'no-hook' } });
    await api2().POST('/api/wa/mt', { body: { ...text, cus_message_id: 'with-hook', dr_webhook: webhook } });
    await page.locator('details.message[data-id="with-hook"][data-status="read"]').waitFor(WAIT);
    await row(page, 'no-hook').locator('summary').click();
    await row(page, 'with-hook').locator('summary').click();
    await expect
      .poll(() => row(page, 'no-hook').locator('.details').textContent(), WAIT)
      .toContain('no webhook was set');
    const withHook = await row(page, 'with-hook').locator('.details').textContent();
    expect(withHook).not.toContain('no webhook was set');
    expect(withHook).not.toContain('none yet');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by recipient and status, and empties on a reset', async () => {
    mock.reset();
    const { page, errors } = await open();
    await api2().POST('/api/wa/mt', {
      body: { ...text, to: '8613600000201', cus_message_id: 'filter-1', dr_webhook: webhook },
    });
    // An empty x-nxwa-callbacks header keeps this one at accepted: the status filter then tells the two apart.
    await api2().POST('/api/wa/mt', {
      body: { ...text, to: '8613600000202', cus_message_id: 'filter-2' },
      headers: { 'x-nxwa-callbacks': '' },
    });
    await page.locator('details.message[data-id="filter-1"][data-status="read"]').waitFor(WAIT);
    await row(page, 'filter-2').waitFor(WAIT);
    const visible = () =>
      page.$$eval('details.message', (nodes) =>
        nodes.filter((n) => !(n as HTMLElement).hidden).map((n) => (n as HTMLElement).dataset.id),
      );
    // Newest first.
    expect(await visible()).toEqual(['filter-2', 'filter-1']);

    await page.locator('#filter-to').fill('0202');
    await page.waitForFunction(
      () => document.querySelectorAll('details.message:not([hidden])').length === 1,
      undefined,
      WAIT,
    );
    expect(await visible()).toEqual(['filter-2']);
    await page.locator('#filter-to').fill('');
    await page.locator('#filter-status').selectOption('read');
    await page.waitForFunction(
      () => document.querySelectorAll('details.message:not([hidden])').length === 1,
      undefined,
      WAIT,
    );
    expect(await visible()).toEqual(['filter-1']);
    expect(await page.locator('#count').textContent()).toBe('1 of 2 messages');

    // The filters can come in the address too.
    await page.goto(`${mock.urls['api2.nxcloud.com']}/__nxwa/?to=0201`);
    await page.locator('#state', { hasText: /^live$/ }).waitFor(WAIT);
    await row(page, 'filter-1').waitFor(WAIT);
    expect(await visible()).toEqual(['filter-1']);

    expect((await fetch(`${mock.urls['api.nxcloud.com']}/__nxwa/state`, { method: 'DELETE' })).status).toBe(204);
    await page.locator('#empty').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('details.message').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows records of other shapes as they come: an inbound message, fields it does not know', async () => {
    // Records the mock's sends do not make (yet).
    const { store, page, errors, close } = await bareInspector();
    try {
      const inbound = store.record({
        id: 'in-1',
        host: 'api2.nxcloud.com',
        operation: 'POST /__nxwa/inbound',
        accessKey: 'k',
        direction: 'inbound',
        from: '8613600000301',
        referral: { source: 'ad-7' },
        body: { type: 'image' },
      } as any);
      store.advance(inbound, 'received' as any);
      store.attempt(inbound, {
        status: 'received',
        url: 'http://127.0.0.1:1/hook',
        error: 'refused',
        attempt: 2,
      } as any);
      await page.locator('details.message[data-id="in-1"][data-status="received"]').waitFor(WAIT);
      const summary = row(page, 'in-1').locator('summary');
      expect(await summary.locator('.direction').textContent()).toBe('\u2190');
      expect(await summary.locator('.recipient').textContent()).toBe('8613600000301');
      expect(await summary.locator('.preview').textContent()).toBe('[image]');
      // A status the page did not know is offered as a filter.
      expect(await page.locator('#filter-status option[value="received"]').count()).toBe(1);
      await summary.click();
      const attempts = row(page, 'in-1').locator('.details table').nth(1);
      await attempts.waitFor(WAIT);
      expect(await attempts.locator('th').allTextContents()).toEqual(['status', 'url', 'error', 'attempt', 'at']);
      expect(JSON.parse((await row(page, 'in-1').locator('pre.json').textContent())!)).toMatchObject({
        direction: 'inbound',
        referral: { source: 'ad-7' },
      });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows two accounts' messages with the same ID as two messages, each following its own changes", async () => {
    const { store, page, close } = await bareInspector();
    try {
      const mine = store.record({
        id: 'same-id',
        host: 'api2.nxcloud.com',
        operation: 'POST /api/wa/mt',
        accessKey: 'key-a',
        to: '8613600000401',
        body: {},
      });
      store.record({
        id: 'same-id',
        host: 'api2.nxcloud.com',
        operation: 'POST /api/wa/mt',
        accessKey: 'key-b',
        to: '8613600000402',
        body: {},
      });
      await page.waitForFunction(
        () => document.querySelectorAll('details.message[data-id="same-id"]').length === 2,
        undefined,
        WAIT,
      );
      // The first account's message changes; the second's row stays as it was.
      store.advance(mine, 'delivered');
      await page.locator('details.message[data-id="same-id"][data-status="delivered"]').waitFor(WAIT);
      const rows = await page.$$eval('details.message[data-id="same-id"]', (nodes) =>
        nodes.map((n) => [(n as HTMLElement).dataset.status, n.querySelector('.recipient')?.textContent]),
      );
      expect(rows).toEqual([
        ['accepted', '8613600000402'],
        ['delivered', '8613600000401'],
      ]);
    } finally {
      await close();
    }
  });
});

describe('the coverage pane', () => {
  it('shows per host how many documented operations were called', async () => {
    const { page, errors } = await open();
    const c = { body: text };
    await api2().POST('/api/wa/mt', c as any);
    await page.locator('#tab-coverage').click();
    const row = page.locator('#coverage-rows tr', { hasText: 'api2.nxcloud.com' });
    await row.waitFor(WAIT);
    const total = mock.coverage().find((h) => h.host === 'api2.nxcloud.com')!.summary.operations;
    await expect
      .poll(async () => (await row.locator('td').allTextContents())[1], WAIT)
      .toMatch(new RegExp(`^[1-9]\\d* / ${total}$`));
    expect(errors).toEqual([]);
    await page.close();
  });
});
