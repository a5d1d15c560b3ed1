// Full-text search on the weekly test database (test/support/weekly.ts): the titles and source cells
// listed there are what the expected matches are read from.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { createApp } from '../../server/app.js';
import { createViews } from '../../server/views.js';
import { ftsQuery } from '../../db/fts.js';
import { searchContributions } from '../../server/reports/search.js';
import { weeklyApp } from '../support/weekly.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  app = weeklyApp();
  web = createApp(app);
});

const refs = (q: string, filters = {}) => searchContributions(app.db, q, filters).results.map((r) => r.ref);

describe('search over titles and sources', () => {
  it('finds every title holding the word, newest first', () => {
    // "NB-IoT coverage enhancement" (10 Feb), "Ambient IoT study" (9 Feb), "Security of IoT devices" (11 Feb).
    expect(refs('IoT')).toEqual(['S2-250001', 'RP-250001', 'RP-250011']);
    expect(refs('iot', { from: '2025-02-10' })).toEqual(['S2-250001', 'RP-250001']);
    expect(refs('iot', { group: 'SA2' })).toEqual(['S2-250001']);
  });

  it('needs every word, reads a hyphenated term as a phrase, and a trailing * as a prefix', () => {
    expect(refs('power saving')).toEqual(['RP-250002']); // "XR power" lacks "saving"
    expect(refs('NB-IoT')).toEqual(['RP-250001']);
    // "… NR positioning" (16 Feb), "AI/ML positioning" (7 Jan), "Positioning accuracy" (2 Dec).
    expect(refs('posit*')).toEqual(['RP-250003', 'RP-250024', 'RP-250020']);
  });

  it('searches the source cells too', () => {
    // Ericsson is in the source cell of RP-250002, 10, 11, 20 and 30.
    expect(searchContributions(app.db, 'ericsson', {}).total).toBe(5);
  });

  it('counts the matches up to a cap and says when there are more', () => {
    // Ericsson: five matches (above).
    const counted = (countCap: number) => {
      const found = searchContributions(app.db, 'ericsson', {}, { countCap, pageSize: 2 });
      return [found.total, found.totalExact, found.results.length];
    };
    expect(counted(5)).toEqual([5, true, 2]);
    expect(counted(4)).toEqual([4, false, 2]);
    const found = searchContributions(app.db, 'ericsson', {}, { countCap: 4, pageSize: 2 });
    const html = createViews().render('search', { ...found, pages: { count: 2 }, formats: {} });
    expect(cheerio.load(html)('main p').filter((_, p) => cheerio.load(p).text().includes('match “')).first().text()).toBe(
      'More than 4 contributions match “ericsson” · page 1 of more than 2.',
    );
  });

  it('gives the same pages past the cap, where the matches are checked walking newest first', () => {
    // Under a cap of 1 every page of "ericsson" is found down the date index; without a cap through
    // the full-text index and sorted. Ericsson's five (above), two a page.
    const pages = (countCap: number | null) =>
      [1, 2, 3].map((page) => searchContributions(app.db, 'ericsson', {}, { countCap, page, pageSize: 2 }).results.map((r) => r.ref));
    expect(pages(1)).toEqual(pages(null));
    expect(pages(null).flat().sort()).toEqual(['RP-250002', 'RP-250010', 'RP-250011', 'RP-250020', 'RP-250030']);
    expect(searchContributions(app.db, 'ericsson', { group: 'SA2' }, { countCap: 1 }).results).toEqual([]);
  });

  it('never hands the user’s syntax to FTS5', () => {
    expect(ftsQuery('a "b" c*')).toBe('"a" "b" "c"*');
    expect(ftsQuery('" ( - )')).toBeNull();
    expect(refs('" AND (')).toEqual([]);
    expect(refs('NEAR(iot')).toEqual([]);
  });

  it('keeps the index in step when a title changes', () => {
    const own = weeklyApp();
    own.db.$client.prepare("update contributions set title = 'Sidelink relay' where ref = 'RP-250030'").run();
    expect(searchContributions(own.db, 'sidelink', {}).results.map((r) => r.ref)).toEqual(['RP-250030']);
    expect(searchContributions(own.db, 'later', {}).total).toBe(0);
  });
});

describe('/search and /api/contributions?q=', () => {
  it('serves the search page with escaped titles, and its JSON and CSV', async () => {
    const html = await request(web).get('/search?q=positioning').expect(200);
    expect(html.text).toContain('<strong>3</strong> contributions match “positioning”');
    expect(html.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; NR positioning');
    expect(html.text).not.toContain('<script>alert');
    const json = await request(web).get('/search.json?q=positioning&from=2025-01-01').expect(200);
    expect(json.body.data).toMatchObject({ q: 'positioning', total: 2, filters: { from: '2025-01-01' } });
    const csv = await request(web).get('/search.csv?q=iot').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text.trim().split('\n')).toHaveLength(4); // header and three matches
  });

  it('filters the API by full text, with q kept in the next link', async () => {
    const first = await request(web).get('/api/contributions?q=ericsson&limit=2').expect(200);
    expect(first.body.meta.page.count).toBe(2);
    expect(first.body.meta.filters).toEqual({ q: 'ericsson' });
    expect(first.body.next).toMatch(/^\/api\/contributions\?q=ericsson&limit=2&after=\d+$/);
    const all = await request(web).get('/api/contributions?q=ericsson&format=ndjson').expect(200);
    expect(all.text.trim().split('\n')).toHaveLength(5);
    await request(web).get('/api/positions?q=x').expect(400);
    const long = await request(web).get(`/api/contributions?q=${'a'.repeat(201)}`).expect(400);
    expect(long.body.error.message).toBe('q: at most 200 characters');
  });
});
