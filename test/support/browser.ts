// A real browser for page tests: Debian's Chromium through playwright-core (never a downloaded
// browser: nothing outside this machine is reachable), and the app served on 127.0.0.1.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { createApp, type AppParts } from '../../server/app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);
// Locally a missing browser skips the browser tests with a note; CI (.ci/run installs Chromium) must run them.
if (!chromiumAvailable && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** The app's server on a free port of 127.0.0.1, and its base URL. */
export async function serveApp(app: AppParts): Promise<{ server: Server; base: string }> {
  const server = createApp(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A new page at `url`, with every console error and uncaught page error collected in `problems`
 * (a Content-Security-Policy violation, an inline style in a chart say, is reported as a console error).
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[]; response: Response | null }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(url);
  return { page, problems, response };
}
