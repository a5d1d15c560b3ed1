// The digest and search pages in a real browser (Debian's Chromium through playwright-core), on the
// weekly test database (test/support/weekly.ts, whose table gives the expected figures).
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openPage, serveApp } from '../support/browser.js';
import { publishDigest } from '../../server/reports/digest.js';
import { weeklyApp } from '../support/weekly.js';

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  const app = weeklyApp();
  publishDigest(app.db, '2025-W07', { now: new Date('2025-02-17T07:00:00Z') });
  ({ server, base } = await serveApp(app));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems, response } = await openPage(browser, `${base}${path}`);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe.skipIf(!chromiumAvailable)('the digest in a browser', () => {
  it('goes from the list to the published week, and prints without the navigation', async () => {
    const { page, problems } = await open('/digest');
    await page.getByRole('link', { name: '2025-W07' }).first().click();
    await page.waitForURL(/\/digest\/2025-W07$/);
    expect(await page.locator('h1').innerText()).toBe('Weekly digest 2025-W07 (2025-02-10 to 2025-02-16)');
    // China first: 2.5 of the week's 6 contributions.
    const china = page.locator('table', { has: page.locator('caption', { hasText: 'By country' }) }).locator('tbody tr').first();
    expect(await china.locator('td').nth(0).innerText()).toBe('China');
    expect(await china.locator('td').nth(2).innerText()).toBe('41.7\u00a0%'); // a no-break space before %
    // The chart is drawn: one bar per country of the week.
    expect(await page.locator('figure.chart svg [aria-roledescription="bar"]').count()).toBe(4);
    expect((await page.locator('figure.chart svg').boundingBox())?.width).toBeGreaterThan(300);
    expect(await page.locator('header.site nav').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!chromiumAvailable)('search in a browser', () => {
  it('searches from the form, and a filter narrows the results', async () => {
    const { page, problems } = await open('/search');
    await page.getByLabel('Words in title or source').fill('iot');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=iot/);
    // "NB-IoT coverage enhancement", "Ambient IoT study", "Security of IoT devices".
    expect(await page.locator('table.results tbody tr').count()).toBe(3);
    await page.locator('input[name="from"]').fill('2025-02-10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/from=2025-02-10/);
    expect(await page.locator('table.results tbody tr td:nth-child(1)').allInnerTexts()).toEqual(['S2-250001', 'RP-250001']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
