// `ieee:leadership` end to end: the working groups' pages of ieee802.org (rebuilt from the real IEEE 802 /
// IETF leaders meetings' lists, see test/fixtures/ieee/RECONSTRUCTED.md) served on 127.0.0.1 at their
// real paths (`/11/`, `/15/`, `/1/`).
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, organizations, positions } from '../../../db/schema.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { startIeeeSite } from '../../support/ieee-site.js';
import { scrapeContextFor } from '../../support/scrape-context.js';

const LEADERSHIP = selectSources(['ieee:leadership']);
const GROUPS = ['802.11', '802.15', '802.1'];
const page11 = fs.readFileSync(fixture('ieee', 'ieee802-11-officers-2016-09-09.reconstructed.html'), 'utf-8');
const today = () => new Date().toISOString().slice(0, 10);

function seats(app: TestApp) {
  return app.db
    .select({ group: groups.code, role: positions.role, detail: positions.detail, person: positions.person,
      raw: positions.sourceRaw, organization: organizations.name, from: positions.fromDate, to: positions.toDate,
      basis: positions.basis, scope: positions.scope, evidence: positions.evidenceUrl })
    .from(positions)
    .innerJoin(groups, eq(groups.id, positions.groupId))
    .leftJoin(organizations, eq(organizations.id, positions.organizationId))
    .where(eq(positions.bodyId, 'ieee'))
    .all()
    .sort((a, b) => `${a.group} ${a.person}`.localeCompare(`${b.group} ${b.person}`));
}

describe('scraping the IEEE 802 working groups\' officers', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startIeeeSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('reads each configured group\'s page at its real path and stores its seats, dated by the page', async () => {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, { ieeeGroups: GROUPS }), LEADERSHIP, 'test');
    expect(summary).toMatchObject({ source: 'ieee:leadership', status: 'ok', error: null });
    expect(site.requests.map((r) => r.url)).toEqual(['/11/', '/15/', '/1/']);
    expect(summary!.outcome).toMatchObject({ documentsFetched: 3, recordsSeen: 7, recordsNew: 7, recordsChanged: 0, errors: [] });
    // Each seat as the leaders meetings' participant lists give it (2016-09-09 for 802.11 and 802.15,
    // 2017-07-15 for 802.1); organizations as the registry names them.
    expect(seats(app).map((s) => [s.group, s.role, s.detail, s.person, s.raw, s.organization, s.from, s.to])).toEqual([
      ['802.1', 'chair', null, 'Glenn Parsons', 'Ericsson', 'Ericsson', '2017-07-15', null],
      ['802.1', 'chair', 'TSN TG', 'János Farkas', 'Ericsson', 'Ericsson', '2017-07-15', null],
      ['802.1', 'editor', 'TSN TG', 'Norman Finn', 'Huawei', 'Huawei', '2017-07-15', null],
      ['802.11', 'chair', 'TGak', 'Donald Eastlake', 'Huawei Technologies', 'Huawei', '2016-09-09', null],
      ['802.11', 'vice-chair', null, 'Dorothy Stanley', 'Hewlett Packard Enterprise', 'HPE', '2016-09-09', null],
      ['802.11', 'vice-chair', null, 'Jon Rosdahl', 'Qualcomm', 'Qualcomm', '2016-09-09', null],
      ['802.15', 'chair', null, 'Bob Heile', 'Wi-SUN Alliance', 'Wi-SUN Alliance', '2016-09-09', null],
    ]);
    const heile = seats(app).find((s) => s.person === 'Bob Heile')!;
    expect(heile).toMatchObject({ basis: 'ieee-officers', scope: '802.15', evidence: 'https://www.ieee802.org/15/' });
  });

  it('changes nothing when the same pages are read again', async () => {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, { ieeeGroups: GROUPS }), LEADERSHIP, 'test');
    expect(summary!.outcome).toMatchObject({ recordsSeen: 7, recordsNew: 0, recordsChanged: 0 });
    expect(seats(app)).toHaveLength(7);
  });

  it('closes a seat the page no longer lists and keeps the day a holder was first seen', async () => {
    // The same page modified later without Jon Rosdahl's row.
    const later = page11.replace(/<tr><td>Vice Chair<\/td><td>Jon Rosdahl<\/td>.*\n/, '').replace('09-Sep-2016', '15-Jul-2017');
    const changed = await startIeeeSite({ '/11/': { body: later } });
    try {
      const [summary] = await runSources(scrapeContextFor(app, changed.baseUrl, { ieeeGroups: ['802.11'] }), LEADERSHIP, 'test');
      expect(summary).toMatchObject({ status: 'ok' });
      const wg11 = seats(app).filter((s) => s.group === '802.11');
      expect(wg11.map((s) => [s.person, s.from, s.to])).toEqual([
        ['Donald Eastlake', '2016-09-09', null],
        ['Dorothy Stanley', '2016-09-09', null],
        ['Jon Rosdahl', '2016-09-09', today()],
      ]);
      // Other groups' seats are another scope: untouched.
      expect(seats(app).filter((s) => s.group !== '802.11' && s.to !== null)).toEqual([]);
    } finally {
      await changed.close();
    }
  });

  it('fails as "layout changed" when a page has no officers table, storing and closing nothing', async () => {
    const fresh = testApp();
    const broken = await startIeeeSite({ '/11/': { body: '<html><body><h1>IEEE 802.11</h1><p>Officers: see the new site</p></body></html>' } });
    try {
      const [summary] = await runSources(scrapeContextFor(fresh, broken.baseUrl, { ieeeGroups: ['802.11'] }), LEADERSHIP, 'test');
      expect(summary!.status).toBe('layout-changed');
      expect(summary!.error).toMatch(/802\.11: no officers table/);
      expect(seats(fresh)).toEqual([]);
      // A store that held 802.11's seats keeps them open.
      const [again] = await runSources(scrapeContextFor(app, broken.baseUrl, { ieeeGroups: ['802.11'] }), LEADERSHIP, 'test');
      expect(again!.status).toBe('layout-changed');
      expect(seats(app).filter((s) => s.group === '802.11' && s.to === null)).toHaveLength(2);
    } finally {
      await broken.close();
    }
  });
});
