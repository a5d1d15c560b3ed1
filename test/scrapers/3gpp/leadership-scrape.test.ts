// The 3GPP leadership source end to end: news listing → election articles, and the SA#87-e officials
// annex, served at their real URL paths from 127.0.0.1; then the seats as `export positions` gives them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions, scrapeRuns } from '../../../db/schema.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import type { PipelineContext } from '../../../scrapers/pipeline/run.js';
import { replacedTermEnds, type OfficialTerm } from '../../../domain/seat-terms.js';
import { threeGppSeatCapacity } from '../../../scrapers/3gpp/leadership.js';
import { testApp, type TestApp } from '../../support/app.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';

function context(app: TestApp, baseUrl: string): PipelineContext {
  return scrapeContextFor(app, baseUrl, {}, { timeoutMs: 5000 });
}

const LEADERSHIP = selectSources(['3gpp:leadership']);

function ranSeats(app: TestApp) {
  return app.db
    .select({ role: positions.role, person: positions.person, sourceRaw: positions.sourceRaw, from: positions.fromDate, to: positions.toDate })
    .from(positions)
    .where(eq(positions.scope, 'news-events/3gpp-news/ran-chair-2017'))
    .all()
    .map((p) => [p.role, p.person, p.from, p.to]);
}

describe('scraping 3GPP leadership', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startThreeGppSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('walks the news listing\'s two pages to six election articles, and the TSG meeting folders to the SA#87-e officials annex', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), LEADERSHIP, 'test');
    // 4 seats in each of the six election articles, 15 in the annex. Pages read: the listing's two
    // pages, six articles (page 2 also links a news item that is no election: not read), three TSG
    // folder listings, one Report folder listing, the annex (the other meetings' Report folders are
    // not served: a 404 is "no report yet", not an error).
    expect(summary).toMatchObject({ source: '3gpp:leadership', status: 'ok', error: null });
    expect(summary!.outcome).toMatchObject({ documentsFetched: 13, recordsSeen: 39, recordsNew: 39, errors: [] });
    expect(site.requests.map((r) => r.url)).toEqual([
      '/news-events/3gpp-news',
      '/news-events/3gpp-news?start=5',
      '/news-events/3gpp-news/tsg-sa-election',
      '/news-events/3gpp-news/tsg-ct-election',
      '/news-events/3gpp-news/tsg-ran-election',
      '/news-events/3gpp-news/ran-chair-2017',
      '/news-events/3gpp-news/new-ran-chairman-elected',
      '/news-events/1346-SA-Election-completes-3GPP-line-up',
      '/ftp/tsg_sa/TSG_SA/',
      '/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/',
      '/ftp/tsg_sa/TSG_SA/TSGs_90E_Electronic/Report/',
      '/ftp/tsg_sa/TSG_SA/TSGS_99_Rotterdam_2023-03/Report/',
      '/ftp/tsg_ran/TSG_RAN/',
      '/ftp/tsg_ran/TSG_RAN/TSGR_104/Report/',
      '/ftp/tsg_ran/TSG_RAN/TSGR_106/Report/',
      '/ftp/tsg_ct/TSG_CT/',
      '/ftp/tsg_ct/TSG_CT/TSGC_101_Bangalore/Report/',
      // A real CT folder name in the newer form, without the TSGC prefix.
      '/ftp/tsg_ct/TSG_CT/CT_109_Beijing-2025-09/Report/',
      '/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/Report_Annexes.htm',
    ]);
  });

  it('closes the 2017 RAN seats on the day of the 2023 election that filled them again', () => {
    // The record walked has no 2019 or 2021 RAN election: the 2017 terms run until the next one on record.
    expect(ranSeats(app)).toEqual([
      ['chair', 'Balázs Bertényi', '2017-03-08', '2023-03-20'],
      ['vice-chair', 'Vince Spatafora', '2017-03-08', '2023-03-20'],
      ['vice-chair', 'Xiaodong Xu', '2017-03-08', '2023-03-20'],
      ['vice-chair', 'Satoshi Nagata', '2017-03-08', '2023-03-20'],
    ]);
  });

  it('closes the 2009 RAN seats at the 2017 election: the chair replaced, AT&T and China Mobile elected again, T-Mobile the longest-held', () => {
    const seats2009 = app.db.select().from(positions).where(eq(positions.scope, 'news-events/3gpp-news/new-ran-chairman-elected')).all();
    expect(seats2009.map((p) => [p.person, p.toDate])).toEqual([
      ['Takehiro Nakamura', '2017-03-08'],
      ['Marc GRANT', '2017-03-08'],
      ['Han VAN BUSSEL', '2017-03-08'],
      ['Hai TANG', '2017-03-08'],
    ]);
  });

  it('closes the annex\'s SA chair and vice-chairs at the SA election of 22 March 2023; WG seats stay open', () => {
    const annex = app.db.select().from(positions).where(eq(positions.scope, 'SA#87-e')).all();
    // The annex lists TSG SA first.
    const sa = annex.filter((p) => p.groupId === annex[0]!.groupId).map((p) => [p.role, p.sourceRaw, p.toDate]);
    expect(sa).toEqual([
      ['chair', 'Huawei Technologies Co. Ltd.', '2023-03-22'],
      ['vice-chair', 'Sprint Corporation', '2023-03-22'],
      ['vice-chair', 'LG Electronics Inc.', '2023-03-22'],
      ['vice-chair', 'KDDI Corporation', '2023-03-22'],
    ]);
    expect(annex.filter((p) => p.groupId !== annex[0]!.groupId).every((p) => p.toDate === null)).toBe(true);
  });

  it('reads the 2011 SA election from the listing\'s second page and closes it where the annex\'s 2019 terms begin', () => {
    // news_sa-election-2011.excerpt.txt: Bertenyi (Nokia Siemens Networks) chair; Fujitsu, Samsung,
    // T-Mobile USA vice-chairs, SA#51, 22 March 2011. No SA election between 2011 and the annex's
    // 2019-03-22 appointments is on record, so the 2011 terms run until then.
    const sa2011 = app.db.select().from(positions).where(eq(positions.scope, 'news-events/1346-SA-Election-completes-3GPP-line-up')).all();
    expect(sa2011.map((p) => [p.role, p.person, p.sourceRaw, p.fromDate, p.toDate])).toEqual([
      ['chair', 'Balazs Bertenyi', 'Nokia Siemens Networks', '2011-03-22', '2019-03-22'],
      ['vice-chair', 'Akishige NODA', 'Fujitsu Limited', '2011-03-22', '2019-03-22'],
      ['vice-chair', 'Sungho CHOI', 'Samsung Electronics Co., Ltd', '2011-03-22', '2019-03-22'],
      ['vice-chair', 'Gary JONES', 'T-Mobile USA Inc.', '2011-03-22', '2019-03-22'],
    ]);
  });

  it('scraping again changes nothing', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), LEADERSHIP, 'test');
    expect(summary!.outcome).toMatchObject({ recordsSeen: 39, recordsNew: 0, recordsChanged: 0 });
    expect(app.db.select().from(positions).all()).toHaveLength(39);
  });

  it('stops with "layout changed" and stores nothing of the run when one article no longer reads', async () => {
    const changed = await startThreeGppSite({
      '/news-events/3gpp-news/tsg-ct-election': { body: '<html><body><div class="item-page"><p>moved</p></div></body></html>', headers: { 'content-type': 'text/html' } },
    });
    const fresh = testApp();
    try {
      const [summary] = await runSources(context(fresh, changed.baseUrl), LEADERSHIP, 'test');
      expect(summary!.status).toBe('layout-changed');
      expect(summary!.error).toMatch(/^layout changed: https:\/\/www\.3gpp\.org\/news-events\/3gpp-news\/tsg-ct-election: the news page has no article body/);
      expect(fresh.db.select().from(positions).all()).toHaveLength(0);
      expect(fresh.db.select().from(scrapeRuns).all().at(-1)).toMatchObject({ status: 'layout-changed' });
    } finally {
      await changed.close();
    }
  });
});

describe('when a seat ends', () => {
  const term = (id: number, group: string, role: string, holder: string, from: string | null, to: string | null = null): OfficialTerm => ({ id, group, role, holder, from, to });

  it('a new chair ends the old chair; a re-elected vice-chair starts a new term; a full WG drops its longest-held vice-chair', () => {
    const ends = replacedTermEnds(
      [
        term(1, 'RAN', 'chair', 'nokia', '2017-03-08'),
        term(2, 'RAN', 'chair', 'qualcomm', '2021-03-22'),
        term(3, 'SA2', 'vice-chair', 'samsung', '2019-05-18'),
        term(4, 'SA2', 'vice-chair', 'china-mobile', '2019-05-18'),
        term(5, 'SA2', 'vice-chair', 'samsung', '2021-05-20'),
        term(6, 'SA2', 'vice-chair', 'huawei', '2022-01-10'),
        term(7, 'SA3', 'vice-chair', 'qualcomm', null),
      ],
      threeGppSeatCapacity,
    );
    // 1: replaced by 2. 3: re-elected as 5. 4: the longest-held when Huawei joins a full pair (5 and 4).
    expect([...ends.entries()].sort()).toEqual([
      [1, '2021-03-22'],
      [3, '2021-05-20'],
      [4, '2022-01-10'],
    ]);
  });

  it('one term read from two pages ends once, and a term with an end keeps it', () => {
    const ends = replacedTermEnds(
      [
        term(1, 'SA', 'chair', 'huawei', '2019-03-22'),
        term(2, 'SA', 'chair', 'huawei', '2019-03-22'),
        term(3, 'SA', 'chair', 'intel', '2023-03-22'),
        term(4, 'CT', 'chair', 'huawei', '2019-03-22', '2021-03-24'),
        term(5, 'CT', 'chair', 'nokia', '2023-03-21'),
      ],
      threeGppSeatCapacity,
    );
    expect([...ends.entries()].sort()).toEqual([
      [1, '2023-03-22'],
      [2, '2023-03-22'],
    ]);
  });

  it('one election read on two days (an article, a table 39 days later) is one term, which ends when either says', () => {
    // RAN 2023: the election article's 20 March, the chairs table's 28 April with no end; the table's
    // 2021 term of the same chair ends on its own 28 April 2023. RAN 2017: the article's 8 March, the
    // table's 10 March to 21 March 2019, when the table's next term of the same chair begins.
    const ends = replacedTermEnds(
      [
        term(1, 'RAN', 'chair', 'qualcomm', '2021-04-28', '2023-04-28'),
        term(2, 'RAN', 'chair', 'qualcomm', '2023-03-20'),
        term(3, 'RAN', 'chair', 'qualcomm', '2023-04-28'),
        term(4, 'RAN', 'chair', 'nokia', '2017-03-08'),
        term(5, 'RAN', 'chair', 'nokia', '2017-03-10', '2019-03-21'),
        term(6, 'RAN', 'chair', 'nokia', '2019-03-21', '2021-04-28'),
      ],
      threeGppSeatCapacity,
    );
    // 2 and 3 stay open together (one term); 4 ends with 5, its other reading.
    expect([...ends.entries()].sort()).toEqual([[4, '2019-03-21']]);
  });
});
