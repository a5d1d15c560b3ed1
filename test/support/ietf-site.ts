// The Datatracker as the IETF sources see it: API answers rebuilt from the real idr pages (see
// test/fixtures/ietf/RECONSTRUCTED.md) and the real HTML pages, served at their real URL paths.
import { runSources } from '../../scrapers/pipeline/run.js';
import { selectSources } from '../../scrapers/sources.js';
import { fixture, type TestApp } from './app.js';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server.js';
import { scrapeContextFor } from './scrape-context.js';

const json = (name: string): FixtureRoute => ({ file: fixture('ietf', `${name}.reconstructed.json`) });

/** The page size the tests ask the API for, so that one author list takes two pages. */
export const TEST_PAGE_SIZE = 10;

export const IETF_ROUTES: Record<string, FixtureRoute> = {
  '/api/v1/doc/document/?group__acronym=idr&type__in=draft,rfc&time__gte=2020-01-01&limit=10': json('api-doc-document-idr'),
  '/api/v1/doc/document/?group__acronym=rtgarea&type__in=draft,rfc&time__gte=2020-01-01&limit=10': json('api-doc-document-rtgarea'),
  '/api/v1/doc/documentauthor/?document=80001&limit=10': json('api-doc-documentauthor-80001-offset0'),
  '/api/v1/doc/documentauthor/?document=80001&limit=10&offset=10': json('api-doc-documentauthor-80001-offset10'),
  '/api/v1/doc/documentauthor/?document=80002&limit=10': json('api-doc-documentauthor-80002'),
  '/api/v1/group/group/?type__in=wg,rg&state=active&limit=10': json('api-group-group-active'),
  '/api/v1/group/role/?group__acronym=idr&name=chair': json('api-group-role-idr-chair'),
  '/api/v1/group/role/?group__acronym=rtgarea&name=chair': json('api-group-role-rtgarea-chair'),
  ...Object.fromEntries(
    [90010, 90017, 90018, 90019].flatMap((id) => [
      [`/api/v1/person/person/${id}/`, json(`api-person-${id}`)],
      [`/api/v1/doc/documentauthor/?person=${id}&limit=10`, json(`api-doc-documentauthor-person-${id}`)],
    ]),
  ),
  '/wg/idr/about/': { file: fixture('ietf', 'datatracker-wg-idr-about.2025-02.html') },
  '/doc/html/draft-ietf-idr-bgp-ls-sr-service-segments-02': {
    file: fixture('ietf', 'datatracker-htmlized-draft-ietf-idr-bgp-ls-sr-service-segments-02.2025-02.html'),
  },
};

export function startIetfSite(overrides: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  return startFixtureServer({ ...IETF_ROUTES, ...overrides });
}

/**
 * Serves the Datatracker and scrapes the idr working group's documents from it into `app`, as
 * `stdwatch scrape ietf --groups idr` would; returns the site (to close) and the run's summary.
 */
export async function scrapeIdrDocuments(app: TestApp) {
  const site = await startIetfSite();
  const context = scrapeContextFor(
    app,
    site.baseUrl,
    { since: '2020-01-01', until: '2025-12-31', threeGppGroups: [], ietfGroups: ['idr'], ietfPageSize: TEST_PAGE_SIZE },
    { timeoutMs: 5000, allowedHosts: [new URL(site.baseUrl).host] },
  );
  const [summary] = await runSources(context, selectSources(['ietf:documents']), 'test');
  return { site, summary };
}
