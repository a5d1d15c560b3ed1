// The HTTP client against a local server: politeness, retries and Retry-After, conditional GET, size
// limit, refused hosts. No request leaves 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, RetryableFetchError } from '../../scrapers/errors.js';
import { HttpClient, retryAfterMs, type HttpClientOptions } from '../../scrapers/http.js';
import { testApp, type TestApp } from '../support/app.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

let site: FixtureServer;
let app: TestApp;

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    userAgent: 'stdwatch/test (+https://github.com/stdwatch/stdwatch)',
    minIntervalMs: 0,
    timeoutMs: 2000,
    retries: 2,
    backoffMs: 10,
    maxRetryAfterMs: 2000,
    maxBytes: 1024 * 1024,
    allowedHosts: [new URL(site.baseUrl).host],
    archive: app.archive,
    ...overrides,
  });
}

beforeAll(async () => {
  app = testApp();
  site = await startFixtureServer({
    '/page': { body: 'hello', headers: { etag: '"v1"' } },
    '/busy': { body: 'finally', firstResponses: [{ status: 503, headers: { 'retry-after': '1' } }] },
    '/limited': { body: 'never', status: 429, headers: { 'retry-after': '3600' } },
    '/flaky': { body: 'ok', firstResponses: [{ status: 502 }, { status: 500 }] },
    '/missing-for-good': { body: 'gone', status: 404 },
    '/big': { body: Buffer.alloc(2 * 1024 * 1024, 65) },
    '/elsewhere': { status: 302, headers: { location: 'https://example.com/steal' } },
    '/a': { body: 'a' },
    '/b': { body: 'b' },
  });
});
afterAll(() => site.close());

describe('HttpClient', () => {
  it('waits as long as Retry-After asks, then succeeds', async () => {
    const started = Date.now();
    const page = await client().get(`${site.baseUrl}/busy`);
    expect(page.body.toString()).toBe('finally');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when the server asks to wait longer than allowed', async () => {
    await expect(client().get(`${site.baseUrl}/limited`)).rejects.toThrow(/asks to wait 3600 s/);
    expect(site.requests.filter((r) => r.url === '/limited')).toHaveLength(1);
  });

  it('retries server errors with backoff', async () => {
    const page = await client().get(`${site.baseUrl}/flaky`);
    expect(page.body.toString()).toBe('ok');
    expect(site.requests.filter((r) => r.url === '/flaky')).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    await expect(client().get(`${site.baseUrl}/missing-for-good`)).rejects.toBeInstanceOf(FetchError);
    expect(site.requests.filter((r) => r.url === '/missing-for-good')).toHaveLength(1);
  });

  it('refuses a response over the size limit', async () => {
    await expect(client().get(`${site.baseUrl}/big`)).rejects.toThrow(/over the 1048576-byte limit/);
  });

  it('refuses to follow a redirect to another host', async () => {
    await expect(client().get(`${site.baseUrl}/elsewhere`)).rejects.toThrow(/example\.com is not one of the hosts/);
  });

  it('times out a server that never answers, as a retryable error', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    try {
      const c = client({ timeoutMs: 200, retries: 0, allowedHosts: [new URL(url).host] });
      await expect(c.get(url)).rejects.toBeInstanceOf(RetryableFetchError);
      await expect(c.get(url)).rejects.toThrow(/timed out after 200 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('keeps at least the configured interval between two requests to one host', async () => {
    const c = client({ minIntervalMs: 300 });
    await Promise.all([c.get(`${site.baseUrl}/a`), c.get(`${site.baseUrl}/b`)]);
    // Measured when the client sent them: arrival times at a server in the same process also carry
    // connection set-up and event-loop delays that have nothing to do with the client's spacing.
    const [a, b] = c.sent;
    expect([a?.url, b?.url]).toEqual([`${site.baseUrl}/a`, `${site.baseUrl}/b`]);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(300);
    expect(site.requests.filter((r) => r.url === '/a' || r.url === '/b')).toHaveLength(2);
  });

  it('archives what it fetched and asks conditionally the next time', async () => {
    const c = client();
    const first = await c.get(`${site.baseUrl}/page`);
    expect(first).toMatchObject({ status: 200, notModified: false });
    const second = await c.get(`${site.baseUrl}/page`);
    expect(second).toMatchObject({ status: 304, notModified: true, rawDocumentId: first.rawDocumentId });
    expect(second.body.toString()).toBe('hello');
    expect(site.requests.findLast((r) => r.url === '/page')!.headers['if-none-match']).toBe('"v1"');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
  });
});
