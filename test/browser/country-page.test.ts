// A real browser (Debian's Chromium through playwright-core) on the country page, as a person sees it.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../scrapers/pipeline/import.js';
import { fixture, testApp } from '../support/app.js';
import { chromiumAvailable, launchChromium, openPage, serveApp } from '../support/browser.js';

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  const app = testApp();
  importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
  ({ server, base } = await serveApp(app));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(!chromiumAvailable)('the country page in a browser', () => {
  it('shows China with its organizations, figures and data links, without console errors', async () => {
    const { page, problems, response } = await openPage(browser, `${base}/countries/CN`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('China (CN)');
    expect(await page.locator('p.lead').innerText()).toMatch(/Organizations from China are among the sources of \d+ contributions/);
    const firstRow = page.locator('#organizations tbody tr').first();
    expect(await firstRow.locator('td').first().innerText()).toBe('Huawei');
    expect(await firstRow.locator('td').nth(2).innerText()).toBe('58');
    expect(await page.locator('p.formats').getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe('/countries/CN.csv');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows a link to the company and narrows a report with the filter form', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/countries/CN`);
    await page.locator('#organizations').getByRole('link', { name: 'Huawei' }).click();
    await page.waitForURL(/\/organizations\/huawei/);
    expect(await page.locator('h1').innerText()).toBe('Huawei');
    await page.locator('input[name="from"]').fill('2024-06-15');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/from=2024-06-15/);
    expect(await page.locator('form.filters .muted').innerText()).toBe('Showing from 2024-06-15.');
    const lead = await page.locator('p.lead').innerText();
    const narrowed = Number(/sources of (\d+) contributions/.exec(lead)?.[1]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(58);
    await page.close();
  });
});
