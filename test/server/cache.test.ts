// Report responses kept per data version: served again while nothing was written, recomputed after a
// store by this connection or by another process (a CLI import into the same file), revalidated by ETag.
// Figures: Huawei's 58 contributions of the 830 on the RAN#104 list are counted by hand in
// real-list.test.ts; RAN#90-e has 813 TDoc rows (test/fixtures/3gpp/SOURCES.md).
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/client.js';
import { applyRegistry } from '../../db/write.js';
import { RawArchive } from '../../scrapers/archive.js';
import { importFile } from '../../scrapers/import.js';
import { createApp } from '../../server/app.js';
import { fixture, tempDir, testApp } from '../support/app.js';

const opened: Array<() => void> = [];
afterEach(() => {
  for (const close of opened.splice(0)) close();
});

describe('the report cache', () => {
  it('serves a report again until a store changes the data, then recomputes it', async () => {
    const app = testApp();
    opened.push(() => closeDatabase(app.db));
    importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
    const server = createApp(app);

    const first = await request(server).get('/organizations/huawei.json').expect(200);
    expect(first.body.totals.contributions).toBe(58);
    expect(first.body.totals.allContributions).toBe(830);
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+\.\d+\.\d+\.\d{4}-\d{2}-\d{2}"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['x-cache']).toBeUndefined();

    const second = await request(server).get('/organizations/huawei.json').expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(second.text).toBe(first.text);

    await request(server).get('/organizations/huawei.json').set('If-None-Match', first.headers.etag!).expect(304);

    importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#90-e.xlsx'));
    const after = await request(server).get('/organizations/huawei.json').set('If-None-Match', first.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.body.totals.allContributions).toBe(830 + 813);
  });

  it('sees a write by another connection to the same file (a CLI import while serving)', async () => {
    const file = path.join(tempDir(), 'stdwatch.db');
    const serving = testAppOn(file);
    const importing = testAppOn(file);
    const server = createApp(serving);
    const before = await request(server).get('/index.json').expect(200);
    expect(before.body.totals.contributions).toBe(0);
    expect((await request(server).get('/index.json').expect(200)).headers['x-cache']).toBe('hit');

    importFile(importing, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'));
    const after = await request(server).get('/index.json').expect(200);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.body.totals.contributions).toBe(830);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('keeps no error, and gives an error no data-version ETag', async () => {
    const app = testApp();
    opened.push(() => closeDatabase(app.db));
    const server = createApp(app);
    const missing = await request(server).get('/countries/XX.json').expect(404);
    // Express tags any body by its hash; the data-version tag (ending in the day) is not given to an error.
    expect(missing.headers.etag ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}"$/);
    expect((await request(server).get('/countries/XX.json').expect(404)).headers['x-cache']).toBeUndefined();
    const raw = await request(server).get('/raw/1').expect(404);
    expect(raw.headers.etag ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}"$/);
  });
});

function testAppOn(file: string) {
  const base = testApp();
  closeDatabase(base.db);
  const db = openDatabase(file);
  applyRegistry(db, base.resolver);
  opened.push(() => closeDatabase(db));
  return { db, resolver: base.resolver, archive: new RawArchive(path.join(path.dirname(file), 'raw'), db), dir: base.dir };
}
