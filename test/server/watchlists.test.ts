// Watchlists and Atom feeds on the weekly test database (test/support/weekly.ts: the table there is
// where every expected document comes from).
import * as cheerio from 'cheerio';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createViews } from '../../server/views.js';
import { NotFoundError } from '../../server/reports/country.js';
import { WatchlistError, getWatchlist, listWatchlists, removeWatchlist, saveWatchlist, watchlistReport } from '../../server/reports/watchlists.js';
import { countryCondition, organizationCondition, recentContributions } from '../../server/reports/recent.js';
import { weeklyApp } from '../support/weekly.js';
import type { TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(() => {
  app = weeklyApp();
  saveWatchlist(app.db, app.resolver, { name: 'Rivals', organizations: ['Huawei'], groups: ['sa2'], keywords: ['power saving'] }, new Date('2025-02-01T00:00:00Z'));
});

const refs = (slug: string, filters = {}) => watchlistReport(app.db, slug, filters).contributions.map((c) => c.ref);

describe('a watchlist of an organization, a group and a keyword', () => {
  it('is stored with its items checked against the registry and the groups', () => {
    expect(getWatchlist(app.db, 'rivals')).toEqual({
      slug: 'rivals',
      name: 'Rivals',
      createdAt: '2025-02-01T00:00:00.000Z',
      organizations: [{ slug: 'huawei', name: 'Huawei' }],
      groups: ['SA2'],
      keywords: ['power saving'],
    });
  });

  it('holds every contribution any item matches, newest first', () => {
    // Huawei (with HiSilicon): RP-250003, 01, 21, 22; group SA2: S2-250001; "power saving": RP-250002.
    expect(refs('rivals')).toEqual(['RP-250003', 'RP-250002', 'S2-250001', 'RP-250001', 'RP-250021', 'RP-250022']);
    expect(refs('rivals', { from: '2025-02-11' })).toEqual(['RP-250003', 'RP-250002', 'S2-250001']);
  });

  it('follows a subsidiary alone when the subsidiary is named', () => {
    saveWatchlist(app.db, app.resolver, { name: 'Chips', organizations: ['hisilicon'] });
    expect(refs('chips')).toEqual(['RP-250001']);
    removeWatchlist(app.db, 'chips');
    expect(() => getWatchlist(app.db, 'chips')).toThrow(NotFoundError);
  });

  it('picks the same contributions whether the sources are listed once or checked per contribution', () => {
    // Here every organization is rare, so conditions built with the database list the matching
    // contributions once; at scale a common one (Huawei, China) is checked per contribution walked,
    // newest first, which is what the conditions built without a database do. Hand-checked above:
    // Huawei (with HiSilicon) is among the sources of RP-250003, 01, 21 and 22.
    const newest = (where: ReturnType<typeof organizationCondition>) => recentContributions(app.db, where, {}, 50, { count: true });
    for (const [perContribution, listedOnce] of [
      [organizationCondition(['huawei']), organizationCondition(['huawei'], app.db)],
      [organizationCondition(['hisilicon']), organizationCondition(['hisilicon'], app.db)],
      [countryCondition('CN'), countryCondition('CN', app.db)],
    ]) {
      expect(newest(perContribution!)).toEqual(newest(listedOnce!));
    }
    const huawei = newest(organizationCondition(['huawei']));
    expect(huawei.items.map((c) => c.ref)).toEqual(['RP-250003', 'RP-250001', 'RP-250021', 'RP-250022']);
    expect([huawei.total, huawei.latest]).toEqual([4, huawei.items[0]!.date]);
  });

  it('counts up to a cap and says when there are more', () => {
    // Six contributions on Rivals (above): exact up to a cap of six, "more than 5" under a cap of 5.
    const counted = (countCap: number) => {
      const report = watchlistReport(app.db, 'rivals', {}, { countCap, limit: 2 });
      return [report.total, report.totalExact, report.contributions.length];
    };
    expect(counted(6)).toEqual([6, true, 2]);
    expect(counted(5)).toEqual([5, false, 2]);
    expect(watchlistReport(app.db, 'rivals', {}, { countCap: null }).total).toBe(6);
    // A feed does not count: its total is what it shows.
    const feed = watchlistReport(app.db, 'rivals', {}, { limit: 2, count: false });
    expect([feed.total, feed.totalExact]).toEqual([2, false]);
    const html = createViews().render('watchlist', { ...watchlistReport(app.db, 'rivals', {}, { countCap: 5, limit: 2 }), formats: {} });
    expect(cheerio.load(html)('main p').filter((_, p) => cheerio.load(p).text().includes('contributions')).first().text()).toBe(
      'More than 5 contributions (the 2 newest shown).',
    );
  });

  it('refuses an unknown organization or group, storing nothing', () => {
    expect(() => saveWatchlist(app.db, app.resolver, { name: 'Bad', organizations: ['Huawei', 'Nobody Ltd'] })).toThrow(WatchlistError);
    // RAN4 is known from the seat in "RAN4 Chair (Apple)".
    expect(() => saveWatchlist(app.db, app.resolver, { name: 'Bad', groups: ['RAN9'] })).toThrow('no group "RAN9" (known: RAN, RAN4, SA2)');
    expect(() => saveWatchlist(app.db, app.resolver, { name: 'Empty' })).toThrow('needs at least one');
    expect(listWatchlists(app.db).map((w) => w.slug)).toEqual(['rivals']);
  });
});

describe('watchlist and feed routes', () => {
  it('creates a watchlist from the form and shows it as HTML, JSON, CSV and Atom', async () => {
    const own = weeklyApp();
    const web = createApp({ ...own, adminToken: 's3cret' });
    const created = await request(web)
      .post('/watchlists')
      .type('form')
      .send({ name: 'Energy & IoT', organizations: '', groups: '', keywords: 'IoT\nenergy', token: 's3cret' })
      .expect(303);
    expect(created.headers.location).toBe('/watchlists/energy-iot');
    // "IoT": RP-250001, RP-250011, S2-250001; "energy": RP-250004 (14 Feb).
    const json = await request(web).get('/watchlists/energy-iot.json').expect(200);
    expect(json.body.data.contributions.map((c: { ref: string }) => c.ref)).toEqual(['RP-250004', 'S2-250001', 'RP-250001', 'RP-250011']);
    const since = await request(web).get('/watchlists/energy-iot.json?since=2025-02-11').expect(200);
    expect(since.body.data.total).toBe(2);
    const csv = await request(web).get('/watchlists/energy-iot.csv?since=2025-02-11').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    const html = await request(web).get('/watchlists/energy-iot').expect(200);
    expect(html.text).toContain('<h1>Energy &amp; IoT</h1>');
    const atom = await request(web).get('/watchlists/energy-iot.atom').expect(200).expect('content-type', /atom\+xml/);
    expect(cheerio.load(atom.text, { xml: true })('entry > id').first().text()).toBe('tag:stdwatch,2025:3gpp/RP-250004');
    await request(web).post('/watchlists/energy-iot/delete').type('form').send({ token: 's3cret' }).expect(303);
    await request(web).get('/watchlists/energy-iot').expect(404);
  });

  it('answers a refused watchlist with 400 and the reason', async () => {
    const web = createApp({ ...weeklyApp(), adminToken: 's3cret' });
    const res = await request(web).post('/watchlists').type('form').send({ name: 'X', groups: 'RAN9', token: 's3cret' }).expect(400);
    expect(res.text).toContain('no group &quot;RAN9&quot;');
  });

  it('is off, with the reason, when the server has no admin token', async () => {
    const web = createApp(weeklyApp());
    const res = await request(web).post('/watchlists').type('form').send({ name: 'A', keywords: 'iot' }).expect(403);
    expect(res.text).toContain('changes are off: the server has no admin token (set STDWATCH_ADMIN_TOKEN)');
    const page = await request(web).get('/watchlists').expect(200);
    expect(page.text).not.toContain('<form class="watchlist"');
    expect(page.text).toContain('Creating watchlists on this page is off');
  });

  it('asks for the admin token when one is configured', async () => {
    const web = createApp({ ...weeklyApp(), adminToken: 's3cret' });
    await request(web).post('/watchlists').type('form').send({ name: 'A', keywords: 'iot' }).expect(403);
    await request(web).post('/watchlists').type('form').send({ name: 'A', keywords: 'iot', token: 'wrong' }).expect(403);
    await request(web).post('/watchlists').set('Authorization', 'Bearer s3cret').type('form').send({ name: 'A', keywords: 'iot' }).expect(303);
  });

  it('gives an Atom feed per organization with hostile titles escaped', async () => {
    const web = createApp(app);
    const res = await request(web).get('/feeds/organizations/huawei.atom').expect(200).expect('content-type', /application\/atom\+xml/);
    expect(res.text).not.toContain('<script>');
    const $ = cheerio.load(res.text, { xml: true });
    // Entry titles are type="html": escaped once for HTML, so a reader shows them exactly as published.
    expect($('entry > title').first().attr('type')).toBe('html');
    const shown = (html: string) => cheerio.load(`<p>${html}</p>`)('p').text();
    // Huawei: RP-250003, 01, 21, 22 (newest first).
    expect($('entry > title').map((_, e) => shown($(e).text())).get()).toEqual([
      'RP-250003: <script>alert("x")</script> & NR positioning',
      'RP-250001: NB-IoT coverage enhancement',
      'RP-250021: XR capacity',
      'RP-250022: XR power',
    ]);
    expect($('feed > updated').text()).toBe('2025-02-16T00:00:00.000Z');
    await request(web).get('/feeds/organizations/nobody-at-all.atom').expect(404);
  });

  it('gives an Atom feed per country', async () => {
    const web = createApp(app);
    const res = await request(web).get('/feeds/countries/cn.atom').expect(200);
    const $ = cheerio.load(res.text, { xml: true });
    // CN parents: Huawei (RP-250001, 03, 21, 22) and ZTE (S2-250001).
    expect($('entry').length).toBe(5);
    expect($('feed > title').text()).toBe('stdwatch: new contributions from China');
    await request(web).get('/feeds/countries/XX.atom').expect(404);
  });
});

describe('the Atom rendering', () => {
  it('keeps a title that tries to end the CDATA section inside it', async () => {
    const { contributionsAtom } = await import('../../server/feeds.js');
    const record = { ...watchlistReport(app.db, 'rivals', {}).contributions[0]!, title: 'x]]><evil/>', url: 'not a url' };
    const atom = contributionsAtom({ title: 'T & <b>', description: 'd', self: 'http://127.0.0.1/f.atom', page: 'http://127.0.0.1/' }, { latest: '2025-02-16', items: [record] });
    expect(atom).not.toContain('<evil/>');
    const $ = cheerio.load(atom, { xml: true });
    expect($('feed > title').text()).toBe('T & <b>');
    expect($('entry > title').text()).toBe('RP-250003: x]]&gt;&lt;evil/&gt;');
    // A stored link that is not a URL falls back to the page instead of breaking the feed.
    expect($('entry > link').attr('href')).toBe('http://127.0.0.1/');
  });
});
