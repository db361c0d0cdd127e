// The phone view (real headless Chromium) shows what markMessageAsRead and typingIndicator did: a customer's message
// marked read, and the business's typing indicator on the conversation until the business's reply ends it.
import { createNxcloudClient } from '@org/nxwa-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../../src/index.js';
import { demo } from '../../support.js';
import { launchChromium } from './browser.js';

const WAIT = { timeout: 30_000 };
const business = '8615800001795';
const customer = '8613600000601';
let mock: RunningMock;
let browser: Browser;

beforeAll(async () => {
  mock = await startMock({ portBase: 0, hosts: ['api2.nxcloud.com'], callbackDelayMs: 10 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await mock?.stop();
});

describe('the phone view and the business reading and typing', () => {
  it('marks the customer’s message read and shows “typing…” until the reply', async () => {
    const origin = mock.urls['api2.nxcloud.com']!;
    const api2 = createNxcloudClient('api2.nxcloud.com', { ...demo, baseUrl: origin, retry: { attempts: 1 } }) as any;
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${origin}/__nxwa/`, { waitUntil: 'load' });
    await page.locator('#state', { hasText: /^live$/ }).waitFor(WAIT);
    const { id } = mock.inbound({
      business_phone: business,
      from: customer,
      type: 'text',
      text: { body: 'are you open?' },
    });
    await page.locator('button.chat', { hasText: customer }).click();
    const bubble = page.locator(`.bubble[data-id="${id}"]`);
    await bubble.waitFor(WAIT);
    expect(await bubble.locator('.read-mark').count()).toBe(0);

    const body = {
      appkey: 'a',
      business_phone: business,
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: id,
    };
    expect(
      (await api2.POST('/api/wa/typingIndicator', { body: { ...body, typing_indicator: { type: 'text' } } })).error,
    ).toBeUndefined();
    await bubble.locator('.read-mark', { hasText: 'read' }).waitFor(WAIT);
    await page.locator('.bubble.typing', { hasText: 'typing…' }).waitFor(WAIT);

    await api2.POST('/api/wa/mt', {
      body: {
        appkey: 'a',
        business_phone: business,
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: customer,
        type: 'text',
        text: { body: 'Yes, until 5' },
      },
    });
    await page.locator('.bubble.typing').waitFor({ state: 'detached', ...WAIT });
    expect(await bubble.getAttribute('data-status')).toBe('read');
    await page.close();
  });
});
