// The 3GPP scraper end to end: meeting index → meeting folder → document list, fetched from a local
// server on 127.0.0.1 that serves the captured files at their real URL paths.
import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributions, meetings, rawDocuments, scrapeRuns } from '../../../db/schema.js';
import { runSources, type PipelineContext } from '../../../scrapers/pipeline/run.js';
import { SOURCES } from '../../../scrapers/sources.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';
import { workbook } from '../../support/workbook.js';

function context(app: TestApp, baseUrl: string, options: Partial<PipelineContext> = {}): PipelineContext {
  // generous: a loaded CI machine is slow, and time-outs are not what this tests
  return scrapeContextFor(app, baseUrl, options, { timeoutMs: 20_000 });
}

// The contribution source alone: the leadership source has its own test (leadership-scrape.test.ts).
const TDOCS = SOURCES.filter((s) => s.name === '3gpp:tdocs');

const stored = (app: TestApp) => app.db.select({ n: count() }).from(contributions).get()!.n;

describe('scraping 3GPP RAN plenary meetings of 2024', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startThreeGppSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('walks index → folder → Docs → TDoc list and stores RAN#104; RAN#106 has no list yet', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), TDOCS, 'test');
    expect(summary).toMatchObject({ source: '3gpp:tdocs', status: 'ok', error: null });
    expect(summary!.outcome).toMatchObject({ documentsFetched: 1, recordsSeen: 830, recordsNew: 830, recordsChanged: 0, errors: [] });
    expect(stored(app)).toBe(830);
    expect(site.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      '/dynareport?code=Meetings-RP.htm',
      '/ftp/tsg_ran/TSG_RAN/TSGR_104/',
      '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/',
      '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN#104.xlsx',
      '/ftp/tsg_ran/TSG_RAN/TSGR_106/',
      '/ftp/tsg_ran/TSG_RAN/TSGR_106/Docs/',
    ]);
  });

  it('identifies itself with a user agent and contact URL', () => {
    for (const request of site.requests) expect(request.headers['user-agent']).toMatch(/^stdwatch\/\S+ \(\+https:\/\//);
  });

  it('archives every response and records the public URL of the list', () => {
    const list = app.db
      .select()
      .from(rawDocuments)
      .all()
      .find((d) => d.url.endsWith('TDoc_List_Meeting_RAN%23104.xlsx'))!;
    expect(list).toMatchObject({ size: 443950, httpStatus: 200, etag: '"ran104-v1"' });
    expect(app.archive.read(list.storagePath).length).toBe(443950);
    expect(app.db.select({ n: count() }).from(rawDocuments).get()!.n).toBe(6);
    const meeting = app.db.select().from(meetings).where(eq(meetings.name, 'RAN#104')).get();
    expect(meeting).toMatchObject({ startDate: '2024-06-17', endDate: '2024-06-20', town: 'Shanghai, China' });
  });

  it('asks again with a conditional GET and stores nothing new when the list is unchanged', async () => {
    const before = site.requests.length;
    const [summary] = await runSources(context(app, site.baseUrl), TDOCS, 'test');
    expect(summary!.outcome).toMatchObject({ recordsSeen: 830, recordsNew: 0, recordsChanged: 0 });
    const listRequest = site.requests.slice(before).find((r) => r.url.endsWith('.xlsx'))!;
    expect(listRequest.headers['if-none-match']).toBe('"ran104-v1"');
    expect(stored(app)).toBe(830);
    const runs = app.db.select().from(scrapeRuns).all();
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('records a meeting whose folder is missing as an error of that run, and keeps what is stored', async () => {
    const [summary] = await runSources(context(app, site.baseUrl, { since: '2025-01-01', until: '2025-07-01' }), TDOCS, 'test');
    expect(summary!.status).toBe('failed');
    expect(summary!.error).toMatch(/RAN#108: GET http:\/\/127\.0\.0\.1:\d+\/ftp\/tsg_ran\/TSG_RAN\/TSGR_108\/: HTTP 404/);
    expect(stored(app)).toBe(830);
    const last = app.db.select().from(scrapeRuns).all().at(-1)!;
    expect(last).toMatchObject({ status: 'failed', recordsSeen: 0 });
    expect(last.error).toContain('RAN#108');
  });
});

describe('scraping SA2#137-e, whose folder has a TdocsByAgenda page and no TDoc list', () => {
  it('falls back to the page and dates its documents by the meeting', async () => {
    const site = await startThreeGppSite();
    const app = testApp();
    try {
      const [summary] = await runSources(
        context(app, site.baseUrl, { since: '2020-01-01', until: '2020-12-31', threeGppGroups: ['SA2'] }),
        TDOCS,
        'test',
      );
      expect(summary).toMatchObject({ status: 'ok' });
      expect(summary!.outcome!.recordsNew).toBe(713);
      const agenda = app.db.select().from(contributions).where(eq(contributions.ref, 'S2-2002313')).get();
      expect(agenda).toMatchObject({
        date: '2020-02-24',
        status: 'approved',
        url: 'https://www.3gpp.org/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/Docs/S2-2002313.zip',
      });
    } finally {
      await site.close();
    }
  });
});

describe('a document list whose layout changed', () => {
  it('stops the source with "layout changed", stores nothing from the list and keeps the rest', async () => {
    const app = testApp();
    const good = await startThreeGppSite();
    await runSources(context(app, good.baseUrl), TDOCS, 'test');
    await good.close();
    expect(stored(app)).toBe(830);

    // The same list, but its Source column renamed: the parser no longer knows the table.
    const renamed = workbook({
      TDoc_List: [
        ['TDoc', 'Title', 'Submitted by', 'TDoc Status'],
        ['RP-240861', 'Agenda', 'RAN chair (Qualcomm)', 'approved'],
      ],
    });
    const changed = await startThreeGppSite({ '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN%23104.xlsx': { body: renamed } });
    try {
      const [summary] = await runSources(context(app, changed.baseUrl), TDOCS, 'test');
      expect(summary!.status).toBe('layout-changed');
      expect(summary!.error).toMatch(/^layout changed: RAN#104: /);
      expect(stored(app)).toBe(830);
      expect(app.db.select().from(scrapeRuns).all().at(-1)).toMatchObject({ status: 'layout-changed' });
    } finally {
      await changed.close();
    }
  });
});

describe('a meeting still to come', () => {
  it('is not an error when its folder does not exist yet', async () => {
    // The reconstructed index with RAN#110 moved 30 days into the future (its folder is not served).
    const index = fs
      .readFileSync(fixture('3gpp', 'dynareport_Meetings-RP.reconstructed.htm'), 'utf8')
      .replace('2025&#8209;12&#8209;08', future(30))
      .replace('2025&#8209;12&#8209;11', future(33));
    const site = await startThreeGppSite({ '/dynareport?code=Meetings-RP.htm': { body: index, headers: { 'content-type': 'text/html' } } });
    const app = testApp();
    const log: string[] = [];
    try {
      const [summary] = await runSources(
        context(app, site.baseUrl, { since: iso(future(1)), until: iso(future(90)), log: (m) => log.push(m) }),
        TDOCS,
        'test',
      );
      expect(summary).toMatchObject({ status: 'ok', error: null });
      expect(log).toContain(`RAN#110: no folder yet (the meeting starts ${iso(future(30))})`);
    } finally {
      await site.close();
    }
  });
});

/** A day n days from now, written as the meeting index writes days (with non-breaking hyphens). */
function future(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '&#8209;');
}

function iso(day: string): string {
  return day.replace(/&#8209;/g, '-');
}
