// The IETF sources end to end: the Datatracker API served on 127.0.0.1 at its real paths, answers
// rebuilt from the real idr pages (test/fixtures/ietf/RECONSTRUCTED.md).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionSources, contributions, groups, positions, rawDocuments } from '../../../db/schema.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import type { PipelineContext } from '../../../scrapers/pipeline/run.js';
import { testApp, type TestApp } from '../../support/app.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { TEST_PAGE_SIZE, startIetfSite } from '../../support/ietf-site.js';

function context(app: TestApp, baseUrl: string, options: Partial<PipelineContext> = {}): PipelineContext {
  return scrapeContextFor(
    app,
    baseUrl,
    { since: '2020-01-01', until: '2025-12-31', threeGppGroups: [], ietfGroups: ['idr', 'rtgarea'], ietfPageSize: TEST_PAGE_SIZE, ...options },
    { timeoutMs: 5000, allowedHosts: [new URL(baseUrl).host] },
  );
}

describe('scraping the IETF Datatracker API for idr', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startIetfSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('stores each draft once, at its latest revision, with its authors\' affiliations as published', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), selectSources(['ietf:documents']), 'test');
    expect(summary).toMatchObject({ source: 'ietf:documents', status: 'ok', error: null });
    // 2 drafts (the charter is skipped): the documents page, 3 author pages (11 authors take two pages of 10), rtgarea's empty page.
    expect(summary!.outcome).toMatchObject({ documentsFetched: 5, recordsSeen: 2, recordsNew: 2 });
    const rows = app.db.select().from(contributions).where(eq(contributions.bodyId, 'ietf')).all();
    expect(rows.map((r) => r.ref).sort()).toEqual(['draft-ietf-idr-bgp-ls-sr-service-segments', 'draft-ietf-idr-ts-flowspec-srv6-policy']);
    const segments = rows.find((r) => r.ref === 'draft-ietf-idr-bgp-ls-sr-service-segments')!;
    // The organizations of the draft's "Authors' Addresses" (-02), in author order, each once.
    expect(segments.sourceText).toBe(
      'LinkedIn; Cisco Systems; Bell Canada; AT&T; Orange; Ericsson; Capitalonline; Futurewei Technologies; Huawei Technologies',
    );
    expect(segments).toMatchObject({ date: '2022-11-06', url: 'https://datatracker.ietf.org/doc/draft-ietf-idr-bgp-ls-sr-service-segments/02/' });
  });

  it('resolves every affiliation to an organization, its parent and country', () => {
    const flowspec = app.db.select().from(contributions).where(eq(contributions.ref, 'draft-ietf-idr-ts-flowspec-srv6-policy')).get()!;
    const sources = app.db.select().from(contributionSources).where(eq(contributionSources.contributionId, flowspec.id)).all();
    expect(sources.map((s) => s.raw)).toEqual(['China Mobile', 'Huawei Technologies', 'Verizon Communications Inc.']);
    expect(sources.every((s) => s.organizationId !== null)).toBe(true);
    expect(sources.map((s) => s.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const segments = app.db.select().from(contributions).where(eq(contributions.ref, 'draft-ietf-idr-bgp-ls-sr-service-segments')).get()!;
    const segmentSources = app.db.select().from(contributionSources).where(eq(contributionSources.contributionId, segments.id)).all();
    expect(segmentSources).toHaveLength(9);
    expect(segmentSources.filter((s) => s.organizationId === null).map((s) => s.raw)).toEqual([]);
  });

  it('scraping again changes nothing', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), selectSources(['ietf:documents']), 'test');
    expect(summary!.outcome).toMatchObject({ recordsSeen: 2, recordsNew: 0, recordsChanged: 0 });
  });

  it('stores the chairs the roles API lists, with the affiliation of their latest document when there is one', async () => {
    const [summary] = await runSources(context(app, site.baseUrl), selectSources(['ietf:leadership']), 'test');
    expect(summary).toMatchObject({ source: 'ietf:leadership', status: 'ok' });
    const seats = app.db.select().from(positions).where(eq(positions.bodyId, 'ietf')).all();
    // idr's chairs as its about page (2025-02) lists them; Jim Guichard chairs rtgarea (his person page).
    expect(seats.map((s) => [s.person, s.role, s.sourceRaw]).sort()).toEqual([
      ['Jeffrey Haas', 'chair', ''],
      ['Jim Guichard', 'chair', 'Futurewei Technologies'],
      ['Keyur Patel', 'chair', ''],
      ['Susan Hares', 'chair', ''],
    ]);
    const guichard = seats.find((s) => s.person === 'Jim Guichard')!;
    expect(guichard.organizationId).not.toBeNull();
    expect(guichard.country).toBe('US');
  });

  it('archives every API answer without the e-mail addresses it carried', () => {
    const answers = app.db.select().from(rawDocuments).all().filter((d) => d.url.includes('/api/v1/'));
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) expect(app.archive.read(answer.storagePath).toString('utf-8')).not.toMatch(/@|%40/);
    // The role answers did carry addresses (the fixture has them, as the real API does).
    const role = answers.find((d) => d.url.includes('/api/v1/group/role/?group__acronym=idr'))!;
    expect(app.archive.read(role.storagePath).toString('utf-8')).toContain('/api/v1/person/email/e-mail-removed/');
  });

  it('with "all", scrapes every active group the groups API lists, under its published name', async () => {
    const fresh = testApp();
    const [summary] = await runSources(context(fresh, site.baseUrl, { ietfGroups: ['all'] }), selectSources(['ietf:documents']), 'test');
    expect(summary).toMatchObject({ status: 'ok', outcome: { recordsNew: 2 } });
    expect(fresh.db.select().from(groups).where(eq(groups.bodyId, 'ietf')).all().map((g) => [g.code, g.name])).toEqual([['idr', 'Inter-Domain Routing']]);
  });

  it('fails the source as "layout changed" when the API no longer answers a Tastypie list, storing nothing', async () => {
    const broken = await startIetfSite({ '/api/v1/doc/document/?group__acronym=idr&type__in=draft,rfc&time__gte=2020-01-01&limit=10': { body: '{"documents": []}' } });
    const fresh = testApp();
    try {
      const [summary] = await runSources(context(fresh, broken.baseUrl), selectSources(['ietf:documents']), 'test');
      expect(summary!.status).toBe('layout-changed');
      expect(summary!.error).toMatch(/idr.*not a Datatracker API list/);
      expect(fresh.db.select().from(contributions).all()).toHaveLength(0);
    } finally {
      await broken.close();
    }
  });
});
