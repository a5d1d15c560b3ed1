// The HTTP client against a fault-injecting local server (test/support/faults.ts): broken connections,
// stalled and endless bodies, bad gzip, missing content types, redirects off the allowed host. The
// happy paths, politeness, 503 with Retry-After in seconds and the size limit by Content-Length are in
// http.test.ts. Nothing that failed is archived.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDocuments } from '../../db/schema.js';
import { FetchError, RetryableFetchError } from '../../scrapers/errors.js';
import { HttpClient, type HttpClientOptions } from '../../scrapers/http.js';
import { testApp, type TestApp } from '../support/app.js';
import {
  endlessBody,
  gzipped,
  notGzip,
  redirect,
  resetMidBody,
  stallMidBody,
  truncatedGzip,
  withHeaders,
} from '../support/faults.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

let site: FixtureServer;
let other: FixtureServer;
let app: TestApp;
const PAGE = Buffer.from(`<html><body>${'listing row '.repeat(2000)}</body></html>`);

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    userAgent: 'stdwatch/test (+https://github.com/stdwatch/stdwatch)',
    minIntervalMs: 0,
    timeoutMs: 2000,
    retries: 2,
    backoffMs: 10,
    maxRetryAfterMs: 3000,
    maxBytes: 256 * 1024,
    allowedHosts: [new URL(site.baseUrl).host],
    archive: app.archive,
    ...overrides,
  });
}

const archived = () => app.db.select({ n: count() }).from(rawDocuments).get()!.n;
const requestsTo = (server: FixtureServer, path: string) => server.requests.filter((r) => r.url === path).length;

let resetOnce = 0;

beforeAll(async () => {
  app = testApp();
  other = await startFixtureServer({ '/steal': { body: 'stolen' } });
  site = await startFixtureServer({
    '/limited-until': {
      body: 'after the date',
      // Retry-After as an HTTP date, two seconds ahead (whole seconds: the wait is 1–2 s).
      firstResponses: [{ status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } }],
    },
    '/reset': { handle: resetMidBody(PAGE) },
    '/reset-once': {
      handle: (req, res) => (resetOnce++ === 0 ? resetMidBody(PAGE)(req, res) : res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)),
    },
    '/stall': { handle: stallMidBody() },
    '/endless': { handle: endlessBody() },
    '/not-gzip': { handle: notGzip() },
    '/truncated-gzip': { handle: truncatedGzip(PAGE) },
    '/gzip': { handle: gzipped(PAGE) },
    '/no-type': { handle: withHeaders(PAGE, {}) },
    '/hop': { handle: redirect('/gzip', 301) },
    '/loop': { handle: redirect('/loop') },
    // Another server on 127.0.0.1 is another host (host:port): a redirect there is refused.
    '/offsite': { handle: redirect(`${other.baseUrl}/steal`) },
    '/file': { handle: redirect('file:///etc/passwd') },
  });
});
afterAll(async () => {
  await site.close();
  await other.close();
});

describe('the HTTP client under faults', () => {
  it('waits as long as a Retry-After date asks, then succeeds', async () => {
    const started = Date.now();
    const page = await client().get(`${site.baseUrl}/limited-until`);
    expect(page.body.toString()).toBe('after the date');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(requestsTo(site, '/limited-until')).toBe(2);
  });

  it('treats a connection reset in the middle of the body as retryable, retries, and archives nothing', async () => {
    const before = archived();
    const error = await client().get(`${site.baseUrl}/reset`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect((error as Error).message).toMatch(/the response broke off/);
    expect(requestsTo(site, '/reset')).toBe(3);
    expect(archived()).toBe(before);
  });

  it('gets the whole page when the retry succeeds', async () => {
    const page = await client().get(`${site.baseUrl}/reset-once`);
    expect(page.body.equals(PAGE)).toBe(true);
    expect(requestsTo(site, '/reset-once')).toBe(2);
  });

  it('times out a body that stops coming', async () => {
    const started = Date.now();
    const error = await client({ timeoutMs: 300, retries: 0 }).get(`${site.baseUrl}/stall`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableFetchError);
    expect((error as Error).message).toMatch(/broke off/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops an endless body at the size limit, without retrying', async () => {
    const before = archived();
    const error = await client().get(`${site.baseUrl}/endless`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toMatch(/response is over the 262144-byte limit/);
    expect(requestsTo(site, '/endless')).toBe(1);
    expect(archived()).toBe(before);
  });

  it('decodes gzip, and refuses a body that claims gzip but is not, or is cut off', async () => {
    expect((await client().get(`${site.baseUrl}/gzip`)).body.equals(PAGE)).toBe(true);
    const before = archived();
    for (const path of ['/not-gzip', '/truncated-gzip']) {
      const error = await client({ retries: 0 }).get(`${site.baseUrl}${path}`).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(RetryableFetchError);
      expect((error as Error).message, path).toMatch(/broke off/);
    }
    expect(archived()).toBe(before);
  });

  it('keeps a response without a content type (parsers decide by content) and records that it had none', async () => {
    const page = await client().get(`${site.baseUrl}/no-type`);
    expect(page.contentType).toBeNull();
    expect(page.body.equals(PAGE)).toBe(true);
  });

  it('follows a redirect on the same host and records the final address', async () => {
    const page = await client().get(`${site.baseUrl}/hop`);
    expect(page.url).toBe(`${site.baseUrl}/gzip`);
  });

  it('refuses redirects to another host or port, to another scheme, and endless redirects', async () => {
    await expect(client().get(`${site.baseUrl}/offsite`)).rejects.toThrow(new RegExp(`refused: ${new URL(other.baseUrl).host.replace(/\./g, '\\.')} is not one of the hosts`));
    expect(other.requests).toHaveLength(0);
    await expect(client().get(`${site.baseUrl}/file`)).rejects.toThrow(/refused/);
    await expect(client().get(`${site.baseUrl}/loop`)).rejects.toThrow(/redirect 302 without a usable Location/);
    expect(requestsTo(site, '/loop')).toBe(6);
  });
});
