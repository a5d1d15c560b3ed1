// The IEEE 802 source end to end: Mentor listing pages served on 127.0.0.1 at their real paths.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionAuthors, contributionSources, contributions } from '../../../db/schema.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import type { PipelineContext } from '../../../scrapers/pipeline/run.js';
import { testApp, type TestApp } from '../../support/app.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { startIeeeSite } from '../../support/ieee-site.js';

function context(app: TestApp, baseUrl: string, options: Partial<PipelineContext> = {}): PipelineContext {
  return scrapeContextFor(
    app,
    baseUrl,
    {
      // The listing is ordered by creation date: page 1 runs from 13 Oct to 1 Oct 2021, page 2 from 1 Oct to 24 Sep.
      since: '2021-10-02',
      until: '2021-12-31',
      threeGppGroups: [],
      ieeeGroups: ['802.11'],
      ...options,
    },
    { timeoutMs: 5000, allowedHosts: [new URL(baseUrl).host] },
  );
}

describe('scraping the IEEE 802.11 Mentor listing', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startIeeeSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('reads pages until one holds only revisions created before the window, and stores one contribution per document', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), selectSources(['ieee:documents']), 'test');
    expect(summary).toMatchObject({ source: 'ieee:documents', status: 'ok', error: null });
    // Page 2 is read (page 1 still had uploads in the window), page 3 is not.
    expect(site.requests.map((r) => r.url)).toEqual(['/802.11/documents?n=1', '/802.11/documents?n=2']);
    // 200 revisions of 127 documents (counted by hand from the rows' year and DCN).
    expect(summary!.outcome).toMatchObject({ documentsFetched: 2, recordsSeen: 127, recordsNew: 127 });
    const doc = app.db.select().from(contributions).where(eq(contributions.ref, '11-20-1982')).get()!;
    expect(doc).toMatchObject({ bodyId: 'ieee', title: 'TGbe Motions List For Teleconferences-part 2', sourceText: 'Qualcomm Inc.' });
    expect(doc.url).toMatch(/11-20-1982-47-00be/);
    // Its author cell names one affiliation and no country.
    expect(app.db.select().from(contributionAuthors).where(eq(contributionAuthors.contributionId, doc.id)).all()).toEqual([
      { contributionId: doc.id, position: 0, affiliation: 'Qualcomm Inc.', country: null },
    ]);
  });

  it('resolves the affiliations: Ruckus/CommScope is two sources of one parent', () => {
    const docs = app.db.select().from(contributions).where(eq(contributions.sourceText, 'Ruckus/CommScope')).all();
    expect(docs.length).toBeGreaterThan(0);
    const sources = app.db.select().from(contributionSources).where(eq(contributionSources.contributionId, docs[0]!.id)).all();
    expect(sources).toHaveLength(2);
    expect(new Set(sources.map((s) => s.parentId)).size).toBe(1);
    // "Ronny Yongho Kim" without affiliation is the only cell without a source; every other one resolves.
    const unresolved = app.db.select().from(contributionSources).all().filter((s) => s.organizationId === null);
    expect(unresolved).toEqual([]);
  });

  it('reads all pages when the window reaches back far enough, stopping where the pager ends', async () => {
    const fresh = testApp();
    // The fixture ends at page 2; a page 2 without "Next" stands for the last page.
    const html = (await import('node:fs')).readFileSync((await import('../../support/app.js')).fixture('ieee', 'mentor-802.11-documents-n2.reconstructed.html'), 'utf-8');
    const last = await startIeeeSite({ '/802.11/documents?n=2': { body: html.replace(/<span class="next on">.*?<\/span>/g, '').replace(/href="\?n=(?:3|4|5|766)"/g, 'href="?n=1"') } });
    try {
      const [summary] = await runSources(context(fresh, last.baseUrl, { since: '2000-01-01' }), selectSources(['ieee:documents']), 'test');
      expect(summary).toMatchObject({ status: 'ok' });
      expect(last.requests.map((r) => r.url)).toEqual(['/802.11/documents?n=1', '/802.11/documents?n=2']);
    } finally {
      await last.close();
    }
  });

  it('fails as "layout changed" when the listing has no document rows, storing nothing', async () => {
    const broken = await startIeeeSite({ '/802.11/documents?n=1': { body: '<html><body><h1>802.11 Documents</h1><p>new look</p></body></html>' } });
    const fresh = testApp();
    try {
      const [summary] = await runSources(context(fresh, broken.baseUrl), selectSources(['ieee:documents']), 'test');
      expect(summary!.status).toBe('layout-changed');
      expect(fresh.db.select().from(contributions).all()).toHaveLength(0);
    } finally {
      await broken.close();
    }
  });
});
