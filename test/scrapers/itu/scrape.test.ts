// `stdwatch scrape itu` end to end: the study-group lists → each group's listings and officer pages,
// fetched from a local server on 127.0.0.1 serving the reconstructed pages at their real paths; then
// the group pages of the web app over what was stored.
import { count, eq, like } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributions, positions, rawDocuments, scrapeRuns } from '../../../db/schema.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import type { PipelineContext } from '../../../scrapers/pipeline/run.js';
import { createApp } from '../../../server/app.js';
import { testApp, type TestApp } from '../../support/app.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { fixture } from '../../support/app.js';
import { startItuSite } from '../../support/itu-site.js';

function context(app: TestApp, baseUrl: string, options: Partial<PipelineContext> = {}): PipelineContext {
  return scrapeContextFor(
    app,
    baseUrl,
    // The study periods 2017-2020 and 2022-2024 and ITU-R's 2019-2023 (its next begins 2023-11-18).
    { since: '2017-01-01', until: '2023-06-30', threeGppGroups: [], ...options },
    { timeoutMs: 5000, allowedHosts: [new URL(baseUrl).host] },
  );
}

describe('scraping ITU, study periods 2017-2020 and 2022-2024', () => {
  let site: FixtureServer;
  let app: TestApp;
  let summaries: Awaited<ReturnType<typeof runSources>>;
  beforeAll(async () => {
    site = await startItuSite();
    app = testApp();
    summaries = await runSources(context(app, site.baseUrl), selectSources(['itu']), 'test');
  });
  afterAll(() => site.close());

  it('runs both ITU sources: 12 groups × 2 listings × 2 periods + WP 5D; 11 study groups × 2 officer pages × 2 periods', () => {
    expect(summaries.map((s) => [s.source, s.status, s.error])).toEqual([
      ['itu:contributions', 'ok', null],
      ['itu:leadership', 'ok', null],
    ]);
    // Listings: T17 and T22 (12 groups each, C and TD) and R19-WP5D-C; the fixture rows: 6 + 1 + 1 + 3 + 1.
    expect(summaries[0]!.outcome).toMatchObject({ documentsFetched: 49, recordsSeen: 12, recordsNew: 12 });
    expect(summaries[1]!.outcome).toMatchObject({ documentsFetched: 44, recordsSeen: 1, recordsNew: 1 });
    expect(app.db.select({ n: count() }).from(contributions).get()!.n).toBe(12);
  });

  it('discovers the groups from the study-group lists before reading their pages', () => {
    const paths = site.requests.map((r) => decodeURIComponent(r.url));
    expect(paths[0]).toBe('/en/ITU-T/studygroups/2017-2020/Pages/default.aspx');
    expect(paths[1]).toBe('/en/ITU-T/studygroups/2022-2024/Pages/default.aspx');
    expect(paths).toContain('/md/meetingdoc.asp?lang=en&parent=T22-SG17-C');
    expect(paths).toContain('/net4/ITU-T/lists/loqr.aspx?Group=20&Period=17');
    // TSAG has listings but no study-group officer pages.
    expect(paths.some((p) => /Group=TSAG/.test(p))).toBe(false);
  });

  it('stores the public address of each document and its Questions', () => {
    const c101 = app.db.select().from(contributions).where(eq(contributions.ref, 'T22-SG17-C-0101')).get()!;
    expect(c101).toMatchObject({ bodyId: 'itu', url: 'https://www.itu.int/md/T22-SG17-C-0101/en', workItems: 'Q6/17', date: '2022-08-29' });
  });

  it('stores the SG20 vice-chairman as a seat of the study period, with his country and no contact data', () => {
    const seats = app.db.select().from(positions).where(eq(positions.bodyId, 'itu')).all();
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({
      role: 'vice-chair',
      person: 'Toru YAMADA',
      country: 'JP',
      fromDate: '2016-11-04',
      toDate: '2022-03-09',
      basis: 'itu-t-mgmt',
      scope: 'SG20/2017-2020',
      detail: null,
      evidenceUrl: 'https://www.itu.int/net4/ITU-T/lists/mgmt.aspx?Group=20&Period=17',
    });
  });

  it('archives the officer lists without the e-mail addresses they publish, saying so', () => {
    const [list] = app.db.select().from(rawDocuments).where(like(rawDocuments.url, '%mgmt.aspx?Group=20&Period=17')).all();
    expect(list!.redaction).toBe('e-mail addresses removed (each replaced by "e-mail-removed")');
    const page = app.archive.read(list!.storagePath).toString('utf-8');
    expect(page).toContain('href="mailto:e-mail-removed">e-mail-removed</a>');
    expect(page).not.toContain('@');
  });

  it('scraping again changes nothing', async () => {
    const again = await runSources(context(app, site.baseUrl), selectSources(['itu']), 'test');
    expect(again.map((s) => [s.outcome?.recordsNew, s.outcome?.recordsChanged])).toEqual([[0, 0], [0, 0]]);
  });

  it('shows on the SG17 page who contributes: member states and companies, by country', async () => {
    const web = createApp(app);
    const res = await request(web).get('/bodies/itu/groups/SG17.json').expect(200);
    const text = JSON.stringify(res.body.data);
    // T22-SG17-C: China with Huawei and China Mobile (C101), Korea (C102), United States (C103), ZTE (C104),
    // Russia (C105), Japan with Iran (C106).
    for (const name of ['China (government)', 'Huawei', 'China Mobile', 'ZTE', 'South Korea (government)', 'United States (government)']) {
      expect(text).toContain(name);
    }
    // Member states against sector members, fractionally: governments 1/3 (China in C101) + 1 + 1 + 1 +
    // 1/2 + 1/2 = 4 1/3 of 6 in five contributions; companies 2/3 (Huawei, China Mobile) + 1 (ZTE) in two.
    expect(res.body.data.kinds.map((k: { kind: string; contributions: number; fractional: number }) => [k.kind, k.contributions, Number(k.fractional.toFixed(3))])).toEqual([
      ['government', 5, 4.333],
      ['company', 2, 1.667],
    ]);
    expect(res.body.data.countries.map((c: { country: string; contributions: number }) => [c.country, c.contributions])).toEqual([
      ['CN', 2], ['KR', 1], ['RU', 1], ['US', 1], ['IR', 1], ['JP', 1],
    ]);
    const html = await request(web).get('/bodies/itu/groups/SG17').expect(200).expect('content-type', /html/);
    expect(html.text).toContain('Member states and governments');
    await request(web).get('/bodies/itu').expect(200);
  });

  it('a study-group list that changed stops the source as "layout changed" and stores nothing of it', async () => {
    const broken = await startItuSite({ '/en/ITU-T/studygroups/2017-2020/Pages/default.aspx': { body: '<html><body><p>Page moved</p></body></html>' } });
    const fresh = testApp();
    try {
      const [summary] = await runSources(context(fresh, broken.baseUrl), selectSources(['itu:contributions']), 'test');
      expect(summary).toMatchObject({ status: 'layout-changed' });
      expect(summary!.error).toMatch(/^layout changed: ITU-T study groups 2017-2020: no links/);
      expect(fresh.db.select({ n: count() }).from(contributions).get()!.n).toBe(0);
      expect(fresh.db.select().from(scrapeRuns).all().map((r) => r.status)).toEqual(['layout-changed']);
    } finally {
      await broken.close();
    }
  });
});

describe('scraping ITU twice across a revision', () => {
  it('keeps one contribution for C 102 when it went from Rev.1 to Rev.2 between the scrapes, at Rev.2', async () => {
    const before = await startItuSite();
    const app = testApp();
    try {
      await runSources(context(app, before.baseUrl), selectSources(['itu:contributions']), 'test');
    } finally {
      await before.close();
    }
    const first = app.db.select().from(contributions).where(eq(contributions.ref, 'T22-SG17-C-0102')).get()!;
    expect(first).toMatchObject({ title: 'Illustrative contribution of a member state', revisionOf: 'T22-SG17-C-0102' });
    // The second scrape finds SG17's listing with C 102 at Rev.2 (and its Rev.1 row still listed).
    const after = await startItuSite({ '/md/meetingdoc.asp?lang=en&parent=T22-SG17-C': { file: fixture('itu', 'meetingdoc_T22-SG17-C_rev2.reconstructed.html') } });
    try {
      const [summary] = await runSources(context(app, after.baseUrl), selectSources(['itu:contributions']), 'test');
      expect(summary!.outcome).toMatchObject({ recordsSeen: 12, recordsNew: 0, recordsChanged: 1 });
      expect(app.db.select({ n: count() }).from(contributions).get()!.n).toBe(12);
      const second = app.db.select().from(contributions).where(eq(contributions.ref, 'T22-SG17-C-0102')).get()!;
      expect(second).toMatchObject({
        id: first.id,
        firstSeenAt: first.firstSeenAt,
        title: 'Illustrative contribution of a member state, second revision with a co-source',
        sourceText: 'Korea (Rep. of)\nElectronics and Telecommunications Research Institute',
        date: '2022-09-05',
        revisionOf: 'T22-SG17-C-0102-R1',
      });
      // SG17 counted by kind once more, by hand: C 101 China 1/3 + Huawei, China Mobile 2/3; C 102 Korea
      // 1/2 + ETRI (research) 1/2; C 103, C 105 one member state each; C 104 ZTE; C 106 Japan and Iran.
      const res = await request(createApp(app)).get('/bodies/itu/groups/SG17.json').expect(200);
      expect(res.body.data.kinds.map((k: { kind: string; contributions: number; fractional: number }) => [k.kind, k.contributions, Number(k.fractional.toFixed(3))])).toEqual([
        ['government', 5, 3.833],
        ['company', 2, 1.667],
        ['research', 1, 0.5],
      ]);
    } finally {
      await after.close();
    }
  });
});
