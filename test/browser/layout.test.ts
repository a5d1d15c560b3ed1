// Every report page fits a 1280-pixel window: no element reaches past the page's right edge (Debian's
// Chromium through playwright-core). On real data: the RAN#102 list (1,380 contributions, 1,057 of them
// uploaded in 2023-W49), the snapshot's table of RAN chairs since 1999 (so that /leadership shows a seat
// table at every 1 January since 2000: 27 dates and today's), and on /status a refused file whose reason
// is one long unbroken name.
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../scrapers/pipeline/import.js';
import { ROOT, tempDir, testApp } from '../support/app.js';
import { chromiumAvailable, launchChromium, serveApp } from '../support/browser.js';

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  const app = testApp();
  importFile(app, path.join(ROOT, 'data', 'snapshot', '3gpp', 'TDoc_List_Meeting_RAN#102.xlsx'), {
    url: 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_102/Docs/TDoc_List_Meeting_RAN%23102.xlsx',
  });
  importFile(app, path.join(ROOT, 'data', 'snapshot', '3gpp', 'researcher_RAN_chairs_list_2023-07.xlsx'));
  const saved = path.join(tempDir(), 'https___www.3gpp.org_ftp_tsg_ran_TSG_RAN_TSGR_102_Docs_TDoc_List_Meeting_RAN%23102_saved-by-the-browser-as-a-web-page.htm');
  fs.writeFileSync(saved, '<html><body><p>Index of /ftp/tsg_ran/TSG_RAN/TSGR_102/Docs</p></body></html>');
  expect(() => importFile(app, saved)).toThrow(/not a contribution list/);
  ({ server, base } = await serveApp(app));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

// Run in the page (a string: the project's types know no DOM): the page's width, how wide the document
// scrolls, and the first elements whose right edge passes the page's, each named by tag, id and classes.
const TOO_WIDE = `(() => {
  const width = document.documentElement.clientWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const tooWide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5)
    .map((e) => name(e) + ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)');
  return { width, scrollWidth: document.documentElement.scrollWidth, tooWide: tooWide.slice(0, 5) };
})()`;

// The lines the text of the first element matching a selector is laid out on: its line boxes' distinct tops.
const LINES = (selector: string) => `(() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(${JSON.stringify(selector)}));
  return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
})()`;

const PAGES = {
  overview: '/',
  country: '/countries/CN',
  company: '/organizations/huawei',
  compare: '/compare?org=huawei&org=ericsson',
  digest: '/digest/2023-W49',
  search: '/search?q=NR',
  leadership: '/leadership',
  status: '/status',
};

describe.runIf(chromiumAvailable)('every page at a 1280-pixel window', () => {
  it.each(Object.entries(PAGES))('%s (%s) is no wider than the window', async (_name, url) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${base}${url}`);
    expect(response?.status()).toBe(200);
    const layout = (await page.evaluate(TOO_WIDE)) as { width: number; scrollWidth: number; tooWide: string[] };
    await page.close();
    expect(layout.tooWide, `elements past the ${layout.width}-pixel page`).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
  });

  it('keeps a run\'s times, and a result\'s document number and date, on one line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/status`);
    const lines = (selector: string) => page.evaluate(LINES(selector));
    expect(await lines('#runs td.when')).toBe(1);
    await page.goto(`${base}/search?q=NR`);
    expect(await lines('td.ref')).toBe(1);
    expect(await lines('td.when')).toBe(1);
    await page.close();
  });
});
