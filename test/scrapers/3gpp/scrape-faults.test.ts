// The 3GPP scrape end to end when the site misbehaves: a TDoc list that breaks off, arrives truncated,
// declares a decompressed size fit for a ZIP bomb, or is an error page; and layout drift — a meeting
// index, folder listing or TdocsByAgenda page without the table the parser knows stops that source with
// "layout changed" on /status, stores nothing from it, deletes nothing, and the next source goes on.
import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { contributions, meetings, scrapeRuns } from '../../../db/schema.js';
import { createApp } from '../../../server/app.js';
import { threeGppTdocs } from '../../../scrapers/3gpp/index.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import type { Source } from '../../../scrapers/source.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import { resetMidBody, withDeclaredSize, withHeaders } from '../../support/faults.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';

const LIST_PATH = '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN%23104.xlsx';
const LIST = fs.readFileSync(fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
const stored = (app: TestApp) => app.db.select({ n: count() }).from(contributions).get()!.n;

async function scrapeWith(app: TestApp, listRoute: Parameters<typeof startThreeGppSite>[0]) {
  const site = await startThreeGppSite(listRoute);
  try {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl), [threeGppTdocs], 'test');
    return summary!;
  } finally {
    await site.close();
  }
}

describe('a TDoc list that arrives broken', () => {
  it.each([
    ['breaks off mid-transfer', { handle: resetMidBody(LIST) }, /RAN#104: GET .*TDoc_List_Meeting_RAN%23104\.xlsx: the response broke off/],
    ['is cut short (complete HTTP answer, truncated file)', { body: LIST.subarray(0, Math.floor(LIST.length * 0.6)) }, /RAN#104: .*truncated/],
    [
      'declares it unpacks to 300 MB (a ZIP bomb)',
      { body: withDeclaredSize(LIST, 'xl/sharedStrings.xml', 300 * 1024 * 1024) },
      /RAN#104: .*would decompress to more than 256 MB/,
    ],
    ['is an error page served with 200', { handle: withHeaders('<html><body>Service temporarily unavailable</body></html>', { 'content-type': 'text/html' }) }, /RAN#104: .*not an Excel workbook/],
  ])('%s: the meeting fails, nothing is stored', async (_what, route, error) => {
    const app = testApp();
    const summary = await scrapeWith(app, { [LIST_PATH]: route });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(error);
    expect(stored(app)).toBe(0);
  });

  it('is read by its content whatever content type it is served with (or none)', async () => {
    for (const headers of [{ 'content-type': 'text/html; charset=utf-8' }, {}] as Record<string, string>[]) {
      const app = testApp();
      const summary = await scrapeWith(app, { [LIST_PATH]: { handle: withHeaders(LIST, headers) } });
      expect(summary.status, summary.error ?? '').toBe('ok');
      expect(stored(app)).toBe(830); // RAN#104's list: 830 document rows (see scrape.test.ts)
    }
  });
});

/** Table markup renamed: the words are all there, the rows and cells the parsers read are not. */
function withoutTables(html: string): string {
  return html.replace(/<(\/?)(table|tr)\b/gi, '<$1div').replace(/<(\/?)(td|th)\b/gi, '<$1span');
}

describe('layout drift', () => {
  // A second source beside 3gpp:tdocs (RAN): the same adapter on SA2#137-e, whose pages are intact.
  const sa2: Source = {
    name: '3gpp:tdocs-sa2',
    body: '3gpp',
    description: 'SA2 meetings of 2020 (test)',
    run: (context) => threeGppTdocs.run({ ...context, threeGppGroups: ['SA2'], since: '2020-01-01', until: '2020-12-31' }),
  };
  let app: TestApp;

  beforeAll(async () => {
    app = testApp();
    await scrapeWith(app, {});
    expect(stored(app)).toBe(830);
  });

  it.each([
    [
      'the meeting index has no meeting table',
      '/dynareport?code=Meetings-RP.htm',
      'dynareport_Meetings-RP.reconstructed.htm',
      'layout changed: RAN meeting index: no meeting rows (code, start and end date) on the meeting index page',
    ],
    ['the Docs folder listing has no file table', '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/', 'ftp_listing_TSGR_104_Docs.reconstructed.htm', /^layout changed: RAN#104: a directory listing without its file table/],
  ])('%s: that source fails with "layout changed", keeps its data, the other source goes on', async (_what, path, file, error) => {
    const page = withoutTables(fs.readFileSync(fixture('3gpp', file), 'latin1'));
    const site = await startThreeGppSite({ [path]: { body: page, headers: { 'content-type': 'text/html' } } });
    const meetingsBefore = app.db.select({ n: count() }).from(meetings).get()!.n;
    const before = stored(app);
    try {
      const [ran, other] = await runSources(scrapeContextFor(app, site.baseUrl), [threeGppTdocs, sa2], 'test');
      expect(ran).toMatchObject({ source: '3gpp:tdocs', status: 'layout-changed' });
      expect(ran!.error).toMatch(error);
      expect(other).toMatchObject({ source: '3gpp:tdocs-sa2', status: 'ok', error: null });
      // SA2#137-e's TdocsByAgenda page: 713 documents (see scrape.test.ts); the first time only.
      expect(stored(app)).toBe(before + (before === 830 ? 713 : 0));
      expect(app.db.select({ n: count() }).from(contributions).where(eq(contributions.bodyId, '3gpp')).get()!.n).toBeGreaterThanOrEqual(830 + 713);
      expect(app.db.select({ n: count() }).from(meetings).get()!.n).toBeGreaterThanOrEqual(meetingsBefore);

      const status = await request(createApp(app)).get('/status.json').expect(200);
      const bySource = Object.fromEntries((status.body.data.sources as { source: string; status: string; error: string }[]).map((s) => [s.source, s]));
      expect(bySource['3gpp:tdocs']).toMatchObject({ status: 'layout-changed' });
      expect(bySource['3gpp:tdocs-sa2']).toMatchObject({ status: 'ok' });
      const html = await request(createApp(app)).get('/status').expect(200);
      expect(html.text).toContain('<td>layout-changed</td><td class="n">');
      expect(html.text).toContain('layout changed: RAN');
    } finally {
      await site.close();
    }
  });

  it('a TdocsByAgenda page without its document table: layout changed, nothing stored', async () => {
    const fresh = testApp();
    const page = withoutTables(fs.readFileSync(fixture('3gpp', 'sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm'), 'latin1'));
    const site = await startThreeGppSite({ '/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/TdocsByAgenda.htm': { body: page, headers: { 'content-type': 'text/html' } } });
    try {
      const [summary] = await runSources(scrapeContextFor(fresh, site.baseUrl), [sa2], 'test');
      expect(summary).toMatchObject({ status: 'layout-changed' });
      expect(summary!.error).toBe('layout changed: SA2#137-e: no document table with a "TD#" column: not a TdocsByAgenda page');
      expect(stored(fresh)).toBe(0);
      expect(fresh.db.select().from(scrapeRuns).all().map((r) => r.status)).toEqual(['layout-changed']);
    } finally {
      await site.close();
    }
  });
});
