// Report pages are cached between requests, and the cache never outlives the data: a write by this
// connection or by another process's connection is seen by the next request.
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/client.js';
import { applyRegistry } from '../../db/registry.js';
import { storeListing } from '../../db/contributions.js';
import { RawArchive } from '../../db/archive.js';
import type { ParsedListing } from '../../domain/types.js';
import { createApp } from '../../server/app.js';
import { ReportCache } from '../../server/cache.js';
import { tempDir, testApp } from '../support/app.js';

function oneContribution(ref: string, sourceText: string): ParsedListing {
  return {
    body: '3gpp',
    format: 'test',
    group: { code: 'RAN', name: 'TSG RAN' },
    meeting: { name: 'RAN#104', startDate: '2024-06-17', endDate: null, town: null, folderUrl: null },
    contributions: [
      { ref, title: 't', type: null, docFor: null, status: 'noted', date: '2024-06-10', agendaItem: null, release: null, workItems: null, sourceText, url: null, revisionOf: null, revisedTo: null },
    ],
    warnings: [],
  };
}

describe('the report cache', () => {
  it('shows a write made by another connection to the same database file', async () => {
    const { resolver } = testApp();
    const file = path.join(tempDir(), 'stdwatch.db');
    const served = openDatabase(file);
    const writer = openDatabase(file);
    try {
      applyRegistry(served, resolver);
      const web = createApp({ db: served, resolver, archive: new RawArchive(tempDir(), served) });
      storeListing(writer, resolver, oneContribution('RP-240001', 'Huawei'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
      expect((await request(web).get('/countries/CN.json').expect(200)).body.data.totals.contributions).toBe(1);
      expect((await request(web).get('/countries/CN.json').expect(200)).body.data.totals.contributions).toBe(1);
      storeListing(writer, resolver, oneContribution('RP-240002', 'ZTE'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
      expect((await request(web).get('/countries/CN.json').expect(200)).body.data.totals.contributions).toBe(2);
      // And a write through the server's own connection (a scrape in the server process).
      storeListing(served, resolver, oneContribution('RP-240003', 'China Mobile'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
      expect((await request(web).get('/countries/CN.json').expect(200)).body.data.totals.contributions).toBe(3);
    } finally {
      closeDatabase(writer);
      closeDatabase(served);
    }
  });

  it('tags report responses with the data version and answers a matching If-None-Match with 304 until a write', async () => {
    const app = testApp();
    const web = createApp({ db: app.db, resolver: app.resolver, archive: app.archive });
    storeListing(app.db, app.resolver, oneContribution('RP-240001', 'Huawei'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    const first = await request(web).get('/countries/CN.json').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-f]{8}\./);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await request(web).get('/countries/CN.json').set('If-None-Match', etag).expect(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe('');
    // The same tag on the HTML page and the CSV: one data version.
    await request(web).get('/countries/CN').set('If-None-Match', etag).expect(304);
    storeListing(app.db, app.resolver, oneContribution('RP-240002', 'ZTE'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    const after = await request(web).get('/countries/CN.json').set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.data.totals.contributions).toBe(2);
  });

  it('does not tag an error', async () => {
    const app = testApp();
    const web = createApp({ db: app.db, resolver: app.resolver, archive: app.archive });
    const missing = await request(web).get('/countries/XX.json').expect(404);
    // (Express's own content-hash ETag may remain; not the data version's tag.)
    expect(missing.headers.etag ?? '').not.toMatch(/^W\/"[0-9a-f]{8}\./);
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('serves a cached rendering (kept as bytes) with the same body and content type as the first one', async () => {
    const app = testApp();
    const web = createApp({ db: app.db, resolver: app.resolver, archive: app.archive });
    storeListing(app.db, app.resolver, oneContribution('RP-240001', 'Huawei'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    for (const [url, type] of [
      ['/', 'text/html; charset=utf-8'],
      ['/countries/CN', 'text/html; charset=utf-8'],
      ['/countries/CN.json', 'application/json; charset=utf-8'],
      ['/countries/CN.csv', 'text/csv; charset=utf-8'],
    ] as const) {
      const first = await request(web).get(url).expect(200);
      const cached = await request(web).get(url).expect(200);
      expect(first.headers['content-type']).toBe(type);
      expect(cached.headers['content-type']).toBe(type);
      expect(cached.headers['content-length']).toBe(first.headers['content-length']);
      expect(cached.text).toBe(first.text);
      expect(cached.headers.etag).toBe(first.headers.etag);
    }
    // The page has characters outside ASCII (its dashes, non-breaking spaces): multi-byte in UTF-8, so
    // the length sent is the bytes', not the characters'.
    const page = await request(web).get('/').expect(200);
    expect(Buffer.byteLength(page.text, 'utf8')).toBeGreaterThan(page.text.length);
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text, 'utf8'));
  });

  it('reads the data version once per request (pinned while it is handled) and again for the next one', () => {
    const app = testApp();
    const cache = new ReportCache(app.db);
    let computed = 0;
    const report = () => cache.get('k', () => ++computed);
    const [etag, first, second] = cache.withVersionPinned((tag) => [tag, report(), report()]);
    expect([first, second]).toEqual([1, 1]);
    expect(cache.etag()).toBe(etag);
    storeListing(app.db, app.resolver, oneContribution('RP-240001', 'Huawei'), { rawDocumentId: null, seenAt: '2024-06-20T00:00:00Z' });
    // Outside the pin the write is seen at once: a new tag, the report computed again.
    expect(cache.etag()).not.toBe(etag);
    expect(report()).toBe(2);
  });
});
