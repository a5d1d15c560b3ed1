// The README's screenshots: what each kind of user opens first, on the bundled snapshot.
//   npm run screenshots    (npx tsx bench/screenshots.ts)
// Loads data/snapshot into a database in a temporary folder, serves it on 127.0.0.1 (a free port), opens
// each page in Debian's Chromium through playwright-core and writes 1200-px-wide PNGs of the top of the
// page into docs/screenshots/. Nothing outside this machine is fetched.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openStdwatch } from '../server/context.js';
import { publishDigest } from '../server/reports/digest.js';
import { loadSnapshot } from '../scrapers/pipeline/seed.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const WIDTH = 1200;
const HEIGHT = 900;
const MAX_BYTES = 250 * 1024;

// 2023-W49 (4–10 December 2023) is the upload week of RAN#102, the busiest week of the snapshot. It is
// published as the weekly schedule would have published it (Monday 07:00 UTC after the week), so the page
// shows a published week and the picture does not change with the day it is taken.
const DIGEST_WEEK = '2023-W49';
const DIGEST_PUBLISHED_AT = new Date('2023-12-11T07:00:00Z');
// `scrollTo`: the heading to bring to the top first, for a chart below the first screen.
const SHOTS: { file: string; path: string; scrollTo?: string }[] = [
  { file: 'policy-digest.png', path: `/digest/${DIGEST_WEEK}` },
  { file: 'overview-charts.png', path: '/', scrollTo: 'Shares over time by country' },
  { file: 'company-compare.png', path: '/compare?org=huawei&org=ericsson' },
  { file: 'research-search.png', path: '/search?q=ambient+iot' },
];

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (set CHROMIUM to a Chromium executable)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdwatch-screenshots-'));
  const app = openStdwatch(
    loadConfig({ STDWATCH_DB: path.join(dir, 'stdwatch.db'), STDWATCH_ARCHIVE_DIR: path.join(dir, 'raw'), STDWATCH_SCRAPE_ON_START: 'false' }),
  );
  let server: Server | undefined;
  try {
    process.stderr.write('loading the bundled snapshot…\n');
    await loadSnapshot(app);
    publishDigest(app.db, DIGEST_WEEK, { now: DIGEST_PUBLISHED_AT });
    server = createApp({ db: app.db, resolver: app.resolver, archive: app.archive }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      fs.mkdirSync(OUT, { recursive: true });
      const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
      for (const shot of SHOTS) {
        const started = Date.now();
        const response = await page.goto(`${base}${shot.path}`);
        if (response?.status() !== 200) throw new Error(`${shot.path} answered ${response?.status()}`);
        process.stderr.write(`${shot.path} loaded in ${Date.now() - started} ms\n`);
        if (shot.scrollTo) await page.locator('h2', { hasText: shot.scrollTo }).evaluate((heading) => heading.scrollIntoView());
        const file = path.join(OUT, shot.file);
        await page.screenshot({ path: file, type: 'png', fullPage: false });
        const size = fs.statSync(file).size;
        process.stderr.write(`${shot.path} → docs/screenshots/${shot.file} (${Math.round(size / 1024)} KB)\n`);
        if (size > MAX_BYTES) throw new Error(`${shot.file} is ${size} bytes, more than ${MAX_BYTES}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    server?.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
