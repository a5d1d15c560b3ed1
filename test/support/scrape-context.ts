// A scrape context for end-to-end tests against a local fixture site: no politeness delay, no retries
// unless asked, the site's host as the only allowed one.
import { HttpClient, type HttpClientOptions } from '../../scrapers/http.js';
import type { PipelineContext } from '../../scrapers/pipeline/run.js';
import { databaseSink } from '../../scrapers/pipeline/sink.js';
import { allowedHosts } from '../../scrapers/3gpp/urls.js';
import type { TestApp } from './app.js';

export function scrapeContextFor(
  app: TestApp,
  baseUrl: string,
  options: Partial<PipelineContext> = {},
  http: Partial<HttpClientOptions> = {},
): PipelineContext {
  const client = new HttpClient({
    userAgent: 'stdwatch/0.1 (+https://github.com/stdwatch/stdwatch; test)',
    minIntervalMs: 0,
    // Generous: the machine running the tests may be busy; fault tests that need a timeout set their own.
    timeoutMs: 30_000,
    retries: 0,
    backoffMs: 0,
    maxRetryAfterMs: 1000,
    maxBytes: 20 * 1024 * 1024,
    allowedHosts: allowedHosts(baseUrl),
    archive: app.archive,
    ...http,
  });
  return {
    db: app.db,
    store: databaseSink(app.db, app.resolver),
    resolver: app.resolver,
    http: client,
    baseUrls: { '3gpp': baseUrl, itu: baseUrl, ieee: baseUrl, ietf: baseUrl, ieee802: baseUrl },
    since: '2024-01-01',
    until: '2024-12-31',
    dryRun: false,
    threeGppGroups: ['RAN'],
    log: () => {},
    ...options,
  };
}
