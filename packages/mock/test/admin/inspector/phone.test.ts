// The inspector's phone view in a real headless Chromium (Debian's chromium, driven by playwright-core): the
// conversations list and a thread, messages drawn as WhatsApp draws them from the record and the sandbox's stores,
// the status ticks, answering as the customer (a typed reply, a tapped quick-reply button) up to a signed callback
// at a local webhook, and the templates and media panes. Screenshots at 1400 px and 360 px are saved in
// test-results/ for review.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseCallback } from '@org/nxwa-client/callbacks';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../../src/index.js';
import { client, demo } from '../../support.js';
import { webhook } from '../../webhook.js';
import { launchChromium } from './browser.js';

const WAIT = { timeout: 30_000 };
const RESULTS = join(import.meta.dirname, '..', '..', '..', 'test-results');
const business = '8615800001795';
const base = {
  appkey: 'f543ertg',
  business_phone: business,
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
} as const;
// A 2×2 PNG, so that the thumbnail has pixels to show.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDA8B9M/f///z8AJ/MF+2Oi8f0AAAAASUVORK5CYII=',
  'base64',
);

let mock: RunningMock;
let browser: Browser;
let hook: Awaited<ReturnType<typeof webhook>>;

beforeAll(async () => {
  hook = await webhook();
  mock = await startMock({
    portBase: 0,
    callbackDelayMs: 100,
    templateReviewMs: 60_000,
    webhookUrl: `${hook.url}/default`,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await mock?.stop();
  await hook?.close();
});

const api2 = () => client('api2.nxcloud.com', { baseUrl: mock.urls['api2.nxcloud.com']! });
const saas = () => client('api.nxcloud.com', { baseUrl: mock.urls['api.nxcloud.com']! });

/** Opens the phone view of api2's port; records every request the page makes and every console error. */
async function open(
  width = 1400,
  height = 860,
  colorScheme: 'light' | 'dark' = 'light',
  bypassCSP = false,
  before?: (page: Page) => Promise<unknown>,
) {
  const origin = mock.urls['api2.nxcloud.com']!;
  const page = await browser.newPage({ viewport: { width, height }, colorScheme, bypassCSP });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
  );
  await before?.(page);
  await page.goto(`${origin}/__nxwa/`, { waitUntil: 'load' });
  await page.locator('#state', { hasText: /^live$/ }).waitFor(WAIT);
  const foreign = () => requests.filter((u) => new URL(u).origin !== origin);
  return { page, origin, errors, foreign };
}

const chat = (page: Page, customer: string) =>
  page.locator('button.chat', { has: page.locator('.chat-customer', { hasText: customer }) });
const bubble = (page: Page, id: string) => page.locator(`.bubble[data-id="${id}"]`);

/** Uploads the 2×2 PNG to api2's media store; its ID. */
async function uploadImage() {
  const { data, error } = await api2().POST('/api/wa/uploadMedia', {
    body: {
      messaging_product: 'whatsapp',
      business_phone: business,
      type: 'image/png',
      file: new File([PNG], 'dot.png', { type: 'image/png' }),
    } as any,
  });
  expect(error).toBeUndefined();
  return data!.id as string;
}

/** An image sent to `to` as message `id`, every status and callback of it in: nothing changes after a page opens. */
async function settledImage(to: string, id: string) {
  const image = await uploadImage();
  await send({ to, cus_message_id: id, type: 'image', image: { id: image } });
  await expect.poll(() => mock.message(id)?.callbacks.length, WAIT).toBe(3);
}

async function send(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const { data, error } = await api2().POST('/api/wa/mt', {
    body: { ...base, ...body } as any,
    headers,
  });
  expect(error).toBeUndefined();
  return data!.messages[0].id as string;
}

describe('the phone view', () => {
  it('lists conversations newest first with unread counts, and opens one as a thread of bubbles', async () => {
    mock.reset();
    const { page, errors, foreign } = await open();
    await send({ to: '8613600000501', cus_message_id: 'pv-a1', text: { body: 'first to A' }, type: 'text' });
    await send({ to: '8613600000502', cus_message_id: 'pv-b1', text: { body: 'to B' }, type: 'text' });
    const inbound = await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        business_phone: business,
        from: '8613600000501',
        type: 'text',
        text: { body: 'hi back' },
      }),
    });
    expect(inbound.status).toBe(202);
    const { id: inId } = await inbound.json();

    // A wrote last: A first, with one unread message.
    await chat(page, '8613600000501').locator('.unread', { hasText: '1' }).waitFor(WAIT);
    expect(await page.locator('button.chat .chat-customer').allTextContents()).toEqual([
      '8613600000501',
      '8613600000502',
    ]);
    expect(await chat(page, '8613600000501').locator('.chat-via').textContent()).toContain(business);
    expect(await chat(page, '8613600000501').locator('.chat-via').textContent()).toContain('api2.nxcloud.com');

    await chat(page, '8613600000501').click();
    await bubble(page, inId).waitFor(WAIT);
    expect(await chat(page, '8613600000501').locator('.unread').count()).toBe(0);
    const bubbles = await page.$$eval('.bubbles > *', (nodes) =>
      nodes.map((n) => [n.className, (n as HTMLElement).dataset.id ?? n.textContent]),
    );
    // A day separator, then the send on the business side and the answer on the customer's.
    expect(bubbles[0][0]).toBe('day');
    expect(bubbles.slice(1)).toEqual([
      ['bubble out', 'pv-a1'],
      ['bubble in', inId],
    ]);
    expect(await bubble(page, 'pv-a1').locator('.text').textContent()).toBe('first to A');
    expect(await bubble(page, 'pv-a1').locator('time').getAttribute('datetime')).toBe(
      mock.message('pv-a1')!.timeline[0].at,
    );

    // The record stays one click away.
    await bubble(page, 'pv-a1').locator('details.record > summary').click();
    const json = bubble(page, 'pv-a1').locator('pre.json');
    await json.waitFor(WAIT);
    expect(JSON.parse((await json.textContent())!)).toMatchObject({ id: 'pv-a1', to: '8613600000501' });
    expect(errors).toEqual([]);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  it("draws WhatsApp's formatting, links that go nowhere until clicked, and markup as text", async () => {
    mock.reset();
    const { page, errors, foreign } = await open();
    const body =
      '*bold* _italic_ ~gone~ ```a *b* c``` see https://example.com/x?y=1 and javascript:alert(1) <img src=x onerror="window.pwned=1">';
    await send({ to: '8613600000511', cus_message_id: 'pv-fmt', type: 'text', text: { body } });
    await chat(page, '8613600000511').click();
    const text = bubble(page, 'pv-fmt').locator('.text');
    await text.waitFor(WAIT);
    expect(await text.locator('strong').allTextContents()).toEqual(['bold']);
    expect(await text.locator('em').allTextContents()).toEqual(['italic']);
    expect(await text.locator('s').allTextContents()).toEqual(['gone']);
    // Nothing is formatted inside a code span.
    expect(await text.locator('code.mono').allTextContents()).toEqual(['a *b* c']);
    const anchors = await text
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    expect(anchors).toEqual([['https://example.com/x?y=1', '_blank', 'noopener noreferrer nofollow']]);
    expect(await text.textContent()).toContain('javascript:alert(1) <img src=x onerror="window.pwned=1">');
    expect(await text.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  it('turns the ticks as statuses go out, and marks a failure with its error', async () => {
    mock.reset();
    const { page, errors } = await open();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as any).ticksSeen = seen;
      new MutationObserver(() => {
        const t = document.querySelector<HTMLElement>('.bubble[data-id="pv-tick"] .ticks');
        if (t && seen.at(-1) !== t.dataset.status) seen.push(t.dataset.status!);
      }).observe(document.body, { subtree: true, childList: true });
    });
    await send(
      {
        to: '8613600000521',
        cus_message_id: 'pv-tick',
        type: 'text',
        text: { body: 'tick' },
        dr_webhook: `${hook.url}/t`,
      },
      { 'x-nxwa-callbacks': 'sent,delivered,read' },
    );
    await chat(page, '8613600000521').click();
    await bubble(page, 'pv-tick').locator('.ticks-read').waitFor(WAIT);
    const seen: string[] = await page.evaluate(() => (window as any).ticksSeen);
    expect(seen.at(-1)).toBe('read');
    expect(seen).toEqual(['accepted', 'sent', 'delivered', 'read'].filter((s) => seen.includes(s)));
    expect(await bubble(page, 'pv-tick').locator('.ticks').textContent()).toBe('\u2713\u2713');

    await send(
      { to: '8613600000521', cus_message_id: 'pv-fail', type: 'text', text: { body: 'fail' } },
      { 'x-nxwa-callbacks': 'sent,failed' },
    );
    const failed = bubble(page, 'pv-fail').locator('.ticks-failed');
    await failed.waitFor(WAIT);
    expect(await failed.getAttribute('title')).toMatch(/^470 Failed to send message because you are outside/);
    expect(await failed.getAttribute('tabindex')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders a stored template with the send's parameters, and an unknown one as not in the sandbox", async () => {
    mock.reset();
    // A send naming a template the sandbox lacks is accepted while the number has none (afterwards it is refused,
    // as NxCloud refuses it).
    await send({
      to: '8613600000531',
      cus_message_id: 'pv-notpl',
      type: 'template',
      template: {
        name: 'nowhere',
        language: { code: 'pt_BR', policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Zé' }] }],
      },
    });
    const createTemplate = (name: string) =>
      api2().POST('/api/wa/createTemplate', {
        body: {
          appkey: 'f543ertg',
          messaging_product: 'whatsapp',
          business_phone: business,
          name,
          category: 'UTILITY',
          language: 'en_US',
          components: [
            { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
            {
              type: 'BODY',
              text: 'Hello {{1}}, your order is *ready* at {{2}}.',
              example: { body_text: [['Ann', 'Gate 1']] },
            },
            { type: 'FOOTER', text: 'Reply STOP to stop' },
            {
              type: 'BUTTONS',
              buttons: [
                { type: 'QUICK_REPLY', text: 'Thanks' },
                { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}', example: ['A1'] },
              ],
            },
          ],
        } as any,
      });
    const created = await createTemplate('order_ready');
    expect(created.error).toBeUndefined();
    // Only an approved template can be sent.
    mock.reviewTemplate('api2.nxcloud.com', created.data!.id, 'APPROVED');
    const { page, errors, foreign } = await open();
    await send({
      to: '8613600000531',
      cus_message_id: 'pv-tpl',
      type: 'template',
      template: {
        name: 'order_ready',
        language: { code: 'en_US', policy: 'deterministic' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'A-17' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'David' },
              { type: 'text', text: 'Gate 3' },
            ],
          },
          { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: 'A17' }] },
        ],
      },
    });
    await chat(page, '8613600000531').click();
    const tpl = bubble(page, 'pv-tpl').locator('.template');
    await tpl.locator('.template-body').waitFor(WAIT);
    expect(await tpl.locator('.template-header').textContent()).toBe('Order A-17');
    expect(await tpl.locator('.template-body').textContent()).toBe('Hello David, your order is ready at Gate 3.');
    expect(await tpl.locator('.template-body strong').textContent()).toBe('ready');
    expect(await tpl.locator('.template-footer').textContent()).toBe('Reply STOP to stop');
    expect(await tpl.locator('button.quick-reply').allTextContents()).toEqual(['Thanks']);
    expect(await tpl.locator('a.link').getAttribute('href')).toBe('https://shop.example/track/A17');

    const unknown = bubble(page, 'pv-notpl').locator('.template.unknown');
    expect(await unknown.locator('.template-name').textContent()).toBe('nowhere \u00b7 pt_BR');
    expect(await unknown.locator('.badge').textContent()).toBe('not in the sandbox');
    expect(await unknown.locator('.params li').allTextContents()).toEqual(['body {{1}} = Zé']);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'phone-template-1400-light.png') });
    // Tapped on api2, whose pages document no button callback: it says so and sends nothing.
    const clicks = () => hook.received.filter((r) => r.json.messages?.[0]?.type === 'button').length;
    const before = clicks();
    await tpl.locator('button.quick-reply').click();
    await page.locator('#composer-note', { hasText: 'documents no button callback' }).waitFor(WAIT);
    expect(clicks()).toBe(before);

    // The templates pane lists a pending one per account, with its review status.
    const next = await createTemplate('order_next');
    expect(next.error).toBeUndefined();
    await page.locator('#tab-templates').click();
    const row = page.locator(`#template-list tr[data-id="${next.data!.id}"]`);
    await row.waitFor(WAIT);
    expect((await row.locator('td').allTextContents()).slice(0, 7)).toEqual([
      'order_next',
      'en_US',
      'PENDING',
      'UTILITY',
      'api2.nxcloud.com',
      business,
      next.data!.id,
    ]);
    // Approved by hand: the documented template callback goes out at once.
    await row.locator('button.review-approved').click();
    await page.locator(`#template-list tr[data-id="${next.data!.id}"][data-status="APPROVED"]`).waitFor(WAIT);
    await expect
      .poll(() => hook.at('/default').find((r) => r.json.value?.message_template_id === next.data!.id)?.json, WAIT)
      .toMatchObject({
        field: 'message_template_status_update',
        value: { event: 'APPROVED', message_template_name: 'order_next' },
      });
    expect(await row.locator('button').count()).toBe(0);
    expect(await page.locator('#template-list h2').allTextContents()).toEqual([`account ${demo.accessKey}`]);
    expect(errors).toEqual([]);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  it('reads the media again when a read of them got no answer, though no message changes after it', async () => {
    mock.reset();
    await settledImage('8613600000543', 'pv-retry');
    let refused = 0;
    const { page, errors } = await open(1400, 860, 'light', false, (p) =>
      p.route(/\/__nxwa\/media$/, (route) => (refused++ === 0 ? route.abort() : route.continue())),
    );
    await chat(page, '8613600000543').click();
    await bubble(page, 'pv-retry').locator('img.thumb').waitFor(WAIT);
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(errors.filter((e) => !e.includes('net::ERR_FAILED'))).toEqual([]);
    await page.close();
  });

  it('reads the media on past a read that never answers, and a late answer does not undo a newer one', async () => {
    mock.reset();
    await settledImage('8613600000544', 'pv-late');
    // The page's first read of the media is held without an answer; the later ones go through.
    let held: Route | undefined;
    const { page, errors } = await open(1400, 860, 'light', false, (p) =>
      p.route(/\/__nxwa\/media$/, (route) => {
        if (held) return route.continue();
        held = route;
      }),
    );
    await chat(page, '8613600000544').click();
    const thumb = bubble(page, 'pv-late').locator('img.thumb');
    await thumb.waitFor(WAIT);
    expect(held).toBeDefined();
    // From now on, a thumbnail taken off the thread is counted.
    await page.evaluate(() => {
      (window as any).thumbsRemoved = 0;
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.removedNodes)
            if (node instanceof Element && (node.matches('img.thumb') || node.querySelector('img.thumb')))
              (window as any).thumbsRemoved++;
      }).observe(document.getElementById('thread')!, { subtree: true, childList: true });
    });
    // The first read answers at last, with what it would have found before the upload.
    const lateDone = page.waitForEvent('requestfinished', (r) => r === held!.request());
    await held!.fulfill({ json: { media: [] } });
    await lateDone;
    // A read begun after the late answer came has ended: the page has dealt with both.
    const next = await page.waitForEvent('request', { predicate: (r) => /\/__nxwa\/media$/.test(r.url()), ...WAIT });
    await page.waitForEvent('requestfinished', { predicate: (r) => r === next, ...WAIT });
    expect(await page.evaluate(() => (window as any).thumbsRemoved)).toBe(0);
    expect(await thumb.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps what did not change as messages change: the other chats, a bubble's content, and what is typed", async () => {
    mock.reset();
    const { page, origin, errors } = await open();
    // No statuses of their own: each change below is the test's.
    const still = { 'x-nxwa-callbacks': 'none' };
    await send({ to: '8613600000581', cus_message_id: 'pv-keep-a', type: 'text', text: { body: 'to A' } }, still);
    await send({ to: '8613600000582', cus_message_id: 'pv-keep-b', type: 'text', text: { body: 'to B' } }, still);
    await chat(page, '8613600000581').click();
    await bubble(page, 'pv-keep-a').locator('.ticks-accepted').waitFor(WAIT);
    await page.locator('#compose-text').fill('half typed');
    // The elements shown now, to be found again after the changes.
    await chat(page, '8613600000582').evaluate((e) => ((window as any).chatB = e));
    await bubble(page, 'pv-keep-a')
      .locator('.text')
      .evaluate((e) => ((window as any).textA = e));

    // A's message is read (its ticks change), and A gets a second one (its thread and its chat change).
    const driven = await fetch(`${origin}/__nxwa/messages/pv-keep-a/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'read', accessKey: demo.accessKey }),
    });
    expect(driven.status).toBe(200);
    await send({ to: '8613600000581', cus_message_id: 'pv-keep-a2', type: 'text', text: { body: 'again' } }, still);
    await bubble(page, 'pv-keep-a').locator('.ticks-read').waitFor(WAIT);
    await bubble(page, 'pv-keep-a2').waitFor(WAIT);
    await chat(page, '8613600000581').locator('.chat-preview', { hasText: 'again' }).waitFor(WAIT);

    expect(await chat(page, '8613600000582').evaluate((e) => e === (window as any).chatB)).toBe(true);
    expect(
      await bubble(page, 'pv-keep-a')
        .locator('.text')
        .evaluate((e) => e === (window as any).textA),
    ).toBe(true);
    expect(await page.locator('#compose-text').inputValue()).toBe('half typed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compose-text');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an uploaded image from the mock itself, a link only when clicked, and an OTP as its template', async () => {
    mock.reset();
    const image = await uploadImage();
    const { page, origin, errors, foreign } = await open();
    await send({
      to: '8613600000541',
      cus_message_id: 'pv-img',
      type: 'image',
      image: { id: image, caption: '_dot_' },
    });
    await send({
      to: '8613600000541',
      cus_message_id: 'pv-doc',
      type: 'document',
      document: { link: 'https://files.example/report.pdf', filename: 'report.pdf' },
    });
    const otp = await api2().POST('/api/wa/otp', {
      body: {
        appkey: 'f543ertg',
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '8613600000542',
        cus_message_id: 'pv-otp',
        language_code: 'en',
        content: '789033',
      } as any,
    });
    expect(otp.error).toBeUndefined();
    const otpId = otp.data!.messages[0].id;

    await chat(page, '8613600000541').click();
    const img = bubble(page, 'pv-img').locator('img.thumb');
    await img.waitFor(WAIT);
    expect(await img.getAttribute('src')).toBe(`/__nxwa/media/${image}`);
    await page.waitForFunction(
      (id) => (document.querySelector(`.bubble[data-id="${id}"] img.thumb`) as HTMLImageElement)?.naturalWidth === 2,
      'pv-img',
      WAIT,
    );
    expect(await bubble(page, 'pv-img').locator('.caption em').textContent()).toBe('dot');
    const link = bubble(page, 'pv-doc').locator('a.link');
    expect(await link.getAttribute('href')).toBe('https://files.example/report.pdf');
    // Never asked for by the page itself.
    expect(foreign()).toEqual([]);

    await chat(page, '8613600000542').click();
    await bubble(page, otpId).locator('.otp').waitFor(WAIT);
    expect(await bubble(page, otpId).locator('.template-body').textContent()).toBe(
      '789033 is your verification code. For your security, do not share this code.',
    );
    expect(await bubble(page, otpId).locator('button.quick-reply').textContent()).toBe('Copy code');

    await page.locator('#tab-media').click();
    const medium = page.locator(`#media-list li[data-id="${image}"]`);
    await medium.waitFor(WAIT);
    expect(await medium.locator('img.thumb').getAttribute('src')).toBe(`/__nxwa/media/${image}`);
    expect(await medium.locator('.doc-name').textContent()).toBe('dot.png');
    expect(await medium.locator('.doc-size').textContent()).toBe(`${PNG.length} B \u00b7 image/png`);
    expect(errors).toEqual([]);
    expect(foreign()).toEqual([]);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await page.close();
  });

  it('answers as the customer: a typed reply reaches the webhook signed, and shows as delivered', async () => {
    mock.reset();
    const { page, errors } = await open();
    await send({
      to: '8613600000551',
      cus_message_id: 'pv-ask',
      type: 'text',
      text: { body: 'Ready?' },
      dr_webhook: `${hook.url}/reply`,
    });
    await chat(page, '8613600000551').click();
    await page.locator('#compose-text').fill('Yes, *ready*');
    await page.locator('#compose-text').press('Enter');
    const reply = page.locator('.bubble.in', { hasText: 'Yes, ready' });
    await reply.locator('.ticks-delivered').waitFor(WAIT);
    expect(await reply.locator('strong').textContent()).toBe('ready');
    const got = hook.at('/reply').filter((r) => r.json.messages?.[0]?.text?.body === 'Yes, *ready*');
    expect(got).toHaveLength(1);
    const callback = parseCallback(new Uint8Array(got[0].raw), {
      headers: got[0].headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    expect(callback.kind).toBe('inbound-message');
    expect(got[0].json).toMatchObject({
      business_phone: business,
      messages: [{ from: '8613600000551', type: 'text' }],
    });
    expect(await page.locator('#compose-text').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends an image from the disk as the customer: through the media store, shown as its thumbnail', async () => {
    mock.reset();
    const { page, errors, foreign } = await open();
    await send({
      to: '8613600000552',
      cus_message_id: 'pv-pic',
      type: 'text',
      text: { body: 'A photo?' },
      dr_webhook: `${hook.url}/pic`,
    });
    await chat(page, '8613600000552').click();
    await page.locator('#compose-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    const thumb = page.locator('.bubble.in img.thumb');
    await thumb.waitFor(WAIT);
    await page.waitForFunction(
      () => (document.querySelector('.bubble.in img.thumb') as HTMLImageElement)?.naturalWidth === 2,
      undefined,
      WAIT,
    );
    await page.locator('.bubble.in .ticks-delivered').waitFor(WAIT);
    const [got] = hook.at('/pic').filter((r) => r.json.messages?.[0]?.type === 'image');
    expect(got.json.messages[0]).toMatchObject({
      from: '8613600000552',
      type: 'image',
      image: { mime_type: 'image/png' },
    });
    const id = got.json.messages[0].image.id;
    expect(await thumb.getAttribute('src')).toBe(`/__nxwa/media/${id}`);
    // The store has it, with the very bytes.
    const bytes = Buffer.from(await (await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/media/${id}`)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
    expect(errors).toEqual([]);
    expect(foreign()).toEqual([]);
    await page.close();
  });

  it("taps a SaaS template's quick-reply button: the host's onTemplateButtonClick, signed", async () => {
    mock.reset();
    // The SaaS hosts keep no template store: the account's template of that name is the one drawn.
    const created = await api2().POST('/api/wa/createTemplate', {
      body: {
        appkey: 'f543ertg',
        messaging_product: 'whatsapp',
        business_phone: business,
        name: 'confirm_visit',
        category: 'UTILITY',
        language: 'en_US',
        components: [
          { type: 'BODY', text: 'See you at {{1}}?', example: { body_text: [['9:00']] } },
          {
            type: 'BUTTONS',
            buttons: [
              { type: 'QUICK_REPLY', text: 'Yes' },
              { type: 'QUICK_REPLY', text: 'No' },
            ],
          },
        ],
      } as any,
    });
    expect(created.error).toBeUndefined();
    const { page, errors } = await open();
    const { data, error } = await saas().POST('/saas/wa/send', {
      body: {
        ...base,
        tenant_id: 1,
        to: '8613600000561',
        type: 'template',
        dr_webhook: `${hook.url}/saas`,
        template: {
          name: 'confirm_visit',
          language: { code: 'en_US', policy: 'deterministic' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: '10:00' }] }],
        },
      } as any,
    });
    expect(error).toBeUndefined();
    const id: string = (data as any).message_id;
    await chat(page, '8613600000561').click();
    const tpl = bubble(page, id).locator('.template');
    await tpl.locator('.template-body', { hasText: 'See you at 10:00?' }).waitFor(WAIT);
    // No composer on a SaaS host (its pages document no inbound message), only the buttons.
    expect(await page.locator('#compose-text').count()).toBe(0);
    await tpl.locator('button.quick-reply', { hasText: 'No' }).click();
    const click = page.locator('.bubble.in', { hasText: 'No' });
    await click.locator('.ticks-delivered').waitFor(WAIT);
    const got = hook.at('/saas').filter((r) => r.json.messages?.[0]?.type === 'button');
    expect(got).toHaveLength(1);
    const callback = parseCallback(new Uint8Array(got[0].raw), {
      headers: got[0].headers as Record<string, string>,
      accessSecret: demo.accessSecret,
    });
    expect(callback.kind).toBe('button-click');
    expect(got[0].json.messages[0]).toMatchObject({ button: { text: 'No' }, context: { id } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone and a desk, light and dark (screenshots in test-results/)', async () => {
    mock.reset();
    await send({
      to: '8613600000571',
      cus_message_id: 'pv-s1',
      type: 'text',
      text: { body: 'Your table for *2* is booked ✅' },
      dr_webhook: `${hook.url}/s`,
    });
    await fetch(`${mock.urls['api2.nxcloud.com']}/__nxwa/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        business_phone: business,
        from: '8613600000571',
        type: 'text',
        text: { body: 'Thanks! _See you_' },
        webhookUrl: `${hook.url}/s`,
      }),
    });
    await send(
      { to: '8613600000572', cus_message_id: 'pv-s2', type: 'text', text: { body: 'Hello' } },
      { 'x-nxwa-callbacks': 'sent,failed' },
    );
    mkdirSync(RESULTS, { recursive: true });
    for (const [width, height, scheme] of [
      [1400, 860, 'light'],
      [360, 740, 'light'],
      [1400, 860, 'dark'],
    ] as const) {
      const { page, errors } = await open(width, height, scheme);
      await chat(page, '8613600000571').waitFor(WAIT);
      // Styled (page.css applied under the policy): the list and the thread side by side, or one at a time.
      expect(await page.locator('.phone').evaluate((e) => getComputedStyle(e).display)).toBe('grid');
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(RESULTS, `phone-list-${width}-${scheme}.png`) });
      await chat(page, '8613600000571').click();
      await page.locator('.bubble.in .ticks-delivered').first().waitFor(WAIT);
      expect(await page.locator('.bubble').first().isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(RESULTS, `phone-thread-${width}-${scheme}.png`) });
      if (width === 360) {
        // One pane at a time on a phone: the back button returns to the list.
        expect(await page.locator('.chats').isVisible()).toBe(false);
        await page.locator('button.back').click();
        await chat(page, '8613600000571').waitFor({ state: 'visible', ...WAIT });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('can be used from the keyboard alone', async () => {
    mock.reset();
    await send({ to: '8613600000581', cus_message_id: 'pv-k1', type: 'text', text: { body: 'keys' } });
    const { page } = await open();
    await chat(page, '8613600000581').waitFor(WAIT);
    // The selected tab, then the first conversation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-conversations');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-log');
    expect(await page.locator('#pane-log').isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('chat');
    await page.keyboard.press('Enter');
    await bubble(page, 'pv-k1').waitFor(WAIT);
    // Opening a conversation puts the cursor in the composer.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compose-text');
    await page.close();
  });
});

describe('the lifecycle by hand', () => {
  it('"deliver now" and "fail now" on a bubble send their callbacks at once, and the ticks follow', async () => {
    mock.reset();
    const { page, errors } = await open();
    // An empty x-nxwa-callbacks header plans nothing: the message waits at accepted for a hand.
    await send(
      {
        to: '8613600000591',
        cus_message_id: 'pv-drive',
        type: 'text',
        text: { body: 'drive me' },
        dr_webhook: `${hook.url}/drive`,
      },
      { 'x-nxwa-callbacks': '' },
    );
    await chat(page, '8613600000591').click();
    await bubble(page, 'pv-drive').locator('.ticks-accepted').waitFor(WAIT);
    await bubble(page, 'pv-drive').locator('details.record > summary').click();
    await bubble(page, 'pv-drive').locator('button.drive-delivered').click();
    await bubble(page, 'pv-drive').locator('.ticks-delivered').waitFor(WAIT);
    await bubble(page, 'pv-drive').locator('button.drive-failed').click();
    const failed = bubble(page, 'pv-drive').locator('.ticks-failed');
    await failed.waitFor(WAIT);
    expect(await failed.getAttribute('title')).toMatch(/^470 /);
    const statuses = () => hook.at('/drive').map((r) => r.json.statuses[0].status);
    await expect.poll(statuses, WAIT).toEqual(['sent', 'delivered', 'failed']);
    expect(hook.at('/drive')[2].json.statuses[0].errors[0].code).toBe(470);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  // axe-core's engine, injected into the page (the page's own policy would refuse it, so it is bypassed for this
  // scan only); a serious or critical violation fails.
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const scan = async (page: Page) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    const result: any = await page.evaluate(() => (window as any).axe.run(document));
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  };

  it('the conversation list, a thread and the templates pane have no serious or critical violation', async () => {
    mock.reset();
    await send({
      to: '8613600000601',
      cus_message_id: 'pv-a11y',
      type: 'text',
      text: { body: '*hello* https://example.com' },
    });
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(1400, 860, scheme, true);
      await chat(page, '8613600000601').waitFor(WAIT);
      expect(await scan(page)).toEqual([]);
      await chat(page, '8613600000601').click();
      await bubble(page, 'pv-a11y').waitFor(WAIT);
      expect(await scan(page)).toEqual([]);
      await page.locator('#tab-templates').click();
      expect(await scan(page)).toEqual([]);
      await page.close();
    }
  });
});
