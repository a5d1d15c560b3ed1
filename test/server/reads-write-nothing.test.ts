// Serving reads: no GET writes to the database, on the page, JSON, CSV, feed, API and download routes.
// The report counts are kept by the writers in their own transactions and the one cache lives in memory
// (db/cache.ts), so a GET that wrote would be a second way of keeping things, and would make every
// other reader's cache go (its data version would move).
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/client.js';
import { applyRegistry } from '../../db/registry.js';
import { RawArchive } from '../../db/archive.js';
import { createApp } from '../../server/app.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { fixture, testApp } from '../support/app.js';
import path from 'node:path';

const GETS = [
  '/', '/index.json', '/countries', '/countries/CN', '/countries/CN.json', '/countries/CN.csv',
  '/organizations', '/organizations/huawei', '/organizations/huawei.json', '/organizations/huawei.csv',
  '/compare?org=huawei&org=ericsson', '/compare.json?country=CN&country=US', '/contributions?country=CN',
  '/contributions.csv?parent=huawei', '/digest', '/digest/2024-W23', '/digest/2024-W23.md', '/digest.json',
  '/search?q=NR', '/search.csv?q=positioning', '/leadership', '/leadership.json', '/leadership/seats?country=CN',
  '/leadership/cross-check', '/partners', '/partners.json', '/unresolved', '/unresolved/coverage',
  '/unresolved/suggestions', '/status', '/status.json', '/watchlists', '/raw/1',
  '/feeds/countries/CN.atom', '/feeds/organizations/huawei.atom', '/api/contributions?limit=5',
  '/api/contributions?parent=huawei&format=csv', '/api/positions', '/api/openapi.json', '/data/stdwatch.db',
  // Refused requests too.
  '/api/contributions?parent=nosuchco', '/countries/XX', '/digest/2024-W99',
];

describe('GET requests', () => {
  let file: string;
  let web: ReturnType<typeof createApp>;
  let app: ReturnType<typeof testApp>;
  beforeAll(() => {
    // A database in a file, as served: another connection sees its data version.
    const base = testApp();
    file = path.join(base.dir, 'stdwatch.db');
    closeDatabase(base.db);
    const db = openDatabase(file);
    applyRegistry(db, base.resolver);
    app = { ...base, db, archive: new RawArchive(path.join(base.dir, 'raw'), db) };
    importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'), { url: 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/TDoc_List_Meeting_RAN%23104.xlsx' });
    web = createApp(app);
  });
  afterAll(() => closeDatabase(app.db));

  it('write nothing to the database, whatever they ask', async () => {
    const changes = app.db.$client.prepare('select total_changes()').pluck();
    const other = new Database(file, { readonly: true });
    const version = other.prepare('select data_version from pragma_data_version()').pluck();
    const before = { changes: changes.get(), version: version.get() };
    const statuses: number[] = [];
    for (const url of GETS) statuses.push((await request(web).get(url)).status);
    // Every route answered as it does for a user: 200, but the three refused at the end (an unknown
    // organization is a bad parameter, an unknown country not found, week 99 a bad week).
    expect(statuses).toEqual([...GETS.slice(0, -3).map(() => 200), 400, 404, 400]);
    expect({ changes: changes.get(), version: version.get() }).toEqual(before);
    other.close();
  });
});
