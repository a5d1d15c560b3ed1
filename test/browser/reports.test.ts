// The report pages in a real browser (Debian's Chromium through playwright-core) on the seeded database
// (test/support/seeded.ts; the figures are worked out by hand in the table at the top of
// test/server/reports.test.ts): each page loads without console errors, its charts are drawn, a filter
// changes what it shows, and a number's link leads to that many documents.
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openPage, serveApp } from '../support/browser.js';
import { seededApp } from '../support/seeded.js';

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  ({ server, base } = await serveApp(seededApp()));
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

/** The bars of the chart whose caption starts with `title`. */
function bars(page: Page, title: string) {
  return page.locator('figure.chart', { has: page.locator('figcaption', { hasText: title }) }).locator('svg [aria-roledescription="bar"]');
}

/** Follows a number's link and gives the number and the rows of the list it leads to. */
async function follow(page: Page, link: ReturnType<Page['locator']>): Promise<{ number: number; rows: number }> {
  const number = Number((await link.innerText()).replaceAll(',', ''));
  await link.click();
  await page.waitForURL(/\/contributions/);
  return { number, rows: await page.locator('#documents tbody tr').count() };
}

async function apply(page: Page, field: string, value: string, button = 'Apply') {
  await page.locator(`form.filters input[name="${field}"]`).first().fill(value);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(new RegExp(`${field}=${value}`));
}

describe.skipIf(!chromiumAvailable)('the report pages in a browser', () => {
  it('overview: charts drawn, a filter narrows them, the China count lists its five documents', async () => {
    const { page, problems } = await open('/');
    // Seven companies (Huawei, China Mobile, Lenovo, Samsung, Ericsson, Nokia, ZTE), one bar each.
    expect(await bars(page, 'Top organizations').count()).toBe(7);
    // 2024-Q2: China, Korea, Finland, Sweden, unresolved; 2024-Q4: China.
    expect(await bars(page, 'Shares of contributions by country').count()).toBe(6);
    // Both quarters have fewer than 30 contributions (6 and 1): marked thin, and their bars drawn pale.
    expect(await page.locator('#shares-over-time thead th').allInnerTexts()).toEqual(['Country', '2024-Q2 (thin)', '2024-Q4 (thin)']);
    expect(await bars(page, 'Shares of contributions by country').evaluateAll((paths) => paths.map((p) => p.getAttribute('opacity')))).toEqual(Array(6).fill('0.3'));
    const svg = page.locator('figure.chart svg').first();
    expect((await svg.boundingBox())?.width).toBeGreaterThan(200);
    await apply(page, 'from', '2024-12-01');
    // Only RP-240006 (Motorola Mobility → Lenovo, CN) is left.
    expect(await bars(page, 'Shares of contributions by country').count()).toBe(1);
    expect(await page.locator('#countries tbody tr').count()).toBe(1);
    await page.goto(`${base}/`);
    const china = page.locator('#countries tbody tr', { hasText: 'China' }).locator('td').nth(2).getByRole('link');
    expect(await follow(page, china)).toEqual({ number: 5, rows: 5 });
    expect(await page.locator('#documents tbody tr td:first-child').allInnerTexts()).toEqual(['RP-240001', 'RP-240002', 'RP-240003', 'RP-240005', 'RP-240006']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a country and a company: the lead number lists its documents, the counting rules go with it', async () => {
    const { page, problems } = await open('/countries/CN?withdrawn=exclude');
    expect(await page.locator('h1').innerText()).toBe('China (CN)');
    // Without the withdrawn RP-240003: four of China's five.
    expect(await follow(page, page.locator('#subject-documents'))).toEqual({ number: 4, rows: 4 });
    expect(page.url()).toContain('withdrawn=exclude');
    const company = await open('/organizations/huawei');
    expect(await follow(company.page, company.page.locator('#subject-documents'))).toEqual({ number: 2, rows: 2 });
    await company.page.goto(`${base}/organizations/huawei`);
    await apply(company.page, 'from', '2024-06-02');
    expect(await company.page.locator('#subject-documents').innerText()).toBe('1'); // RP-240002 only
    expect([...problems, ...company.problems]).toEqual([]);
    await page.close();
    await company.page.close();
  });

  it('compare: one bar per subject, a filter changes them', async () => {
    const { page, problems } = await open('/compare?org=huawei&org=ericsson');
    expect(await bars(page, 'Fractional contributions').count()).toBe(2);
    const counts = page.locator('table.compare tbody tr', { hasText: 'Contributions' }).first().locator('td');
    expect(await counts.allInnerTexts()).toEqual(['2', '1']);
    await apply(page, 'from', '2024-06-02', 'Compare');
    expect(await counts.allInnerTexts()).toEqual(['1', '1']);
    expect(await follow(page, counts.first().getByRole('link'))).toEqual({ number: 1, rows: 1 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('digest and search: the week\'s chart, its documents, and a filter on the search', async () => {
    // 2024-W23 (3–9 June): RP-240003 (CN ½, FI ½), RP-240004 (KR), RP-240005 (CN), RP-240007 (unresolved).
    const { page, problems } = await open('/digest/2024-W23');
    expect(await bars(page, 'Fractional contributions by country').count()).toBe(3);
    expect(await follow(page, page.locator('#week-documents'))).toEqual({ number: 4, rows: 4 });
    const search = await open('/search?q=contribution');
    expect(await search.page.locator('table.results tbody tr').count()).toBe(7);
    await apply(search.page, 'from', '2024-06-05');
    expect(await search.page.locator('table.results tbody tr').count()).toBe(3); // RP-240005, -240006, -240007
    expect([...problems, ...search.problems]).toEqual([]);
    await page.close();
    await search.page.close();
  });

  it('leadership: the seats chart is drawn beside the table', async () => {
    const { page, problems } = await open('/leadership?at=2024-06-04');
    expect(await bars(page, 'Leadership seats by country').count()).toBe(1); // Korea: Samsung's RAN1 chair
    await page.locator('#all-seats').click();
    await page.waitForURL(/\/leadership\/seats/);
    expect(await page.locator('#seat-list tbody tr').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
