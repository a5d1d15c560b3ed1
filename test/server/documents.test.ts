// Every number links to the documents behind it: on the seeded database (test/support/seeded.ts, the
// table at the top of test/server/reports.test.ts), each count on the overview, a country, a company,
// the comparison and the digest links to /contributions with the page's filters and counting rules, and
// that list has exactly as many rows as the number said (for a fractional number: as its title says).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { TestApp } from '../support/app.js';
import { seededApp } from '../support/seeded.js';
import { contributionPage } from '../../server/reports/contributions.js';
import { documentCount } from '../../server/reports/documents.js';
import type { Filters } from '../../server/reports/filters.js';
import { recordCondition, type RecordFilters } from '../../server/reports/record-filters.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  app = seededApp();
  web = createApp(app);
});

const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&#x3D;', '=');

/**
 * Every count link of a page: `<a href="/contributions?…">N</a>` (a whole count: N documents), and a
 * fractional count or share whose title says "… is a fractional count of N contributions" (a list cannot
 * have 1.5 rows, so it must have the N the title states). The link and its N.
 */
async function countLinks(path: string): Promise<[string, number][]> {
  const html = (await request(web).get(path).expect(200)).text;
  const whole = [...html.matchAll(/<a href="(\/contributions(?:\?[^"]*)?)"[^>]*>([\d,]+)<\/a>/g)].map((m): [string, number] => [unescape(m[1]!), Number(m[2]!.replaceAll(',', ''))]);
  const fractional = [...html.matchAll(/<a href="(\/contributions(?:\?[^"]*)?)" title="[^"]*is a fractional count of ([\d,]+) contributions?\b[^"]*">[^<]*<\/a>/g)].map(
    (m): [string, number] => [unescape(m[1]!), Number(m[2]!.replaceAll(',', ''))],
  );
  // Every link to a list is one of the two: none stands on a number that says nothing of its rows.
  expect(whole.length + fractional.length).toBe([...html.matchAll(/<a href="\/contributions[?"]/g)].length);
  return [...whole, ...fractional];
}

/** The documents a link lists: the total it states and the rows of its first page. */
async function documents(link: string): Promise<{ total: number; refs: string[] }> {
  const html = (await request(web).get(link).expect(200)).text;
  const total = Number(/<strong id="documents-total">([\d,]+)<\/strong>/.exec(html)![1]!.replaceAll(',', ''));
  const body = html.slice(html.indexOf('<tbody>', html.indexOf('id="documents"')), html.indexOf('</tbody>', html.indexOf('id="documents"')));
  const refs = [...body.matchAll(/<tr><td>(?:<a [^>]*>)?(RP-\d+)/g)].map((m) => m[1]!);
  return { total, refs };
}

async function expectEveryLinkHolds(path: string): Promise<[string, number][]> {
  const links = await countLinks(path);
  expect(links.length).toBeGreaterThan(0);
  for (const [link, n] of links) {
    const listed = await documents(link);
    expect([link, listed.total, listed.refs.length]).toEqual([link, n, n]);
  }
  return links;
}

describe('every number links to the documents behind it', () => {
  it('on the overview: all contributions, each country, each company, each meeting', async () => {
    const links = await expectEveryLinkHolds('/');
    // Hand-checked: China is among the sources of RP-240001, -002, -003, -005 and -006 (Motorola → Lenovo).
    expect(links).toContainEqual(['/contributions?country=CN', 5]);
    expect((await documents('/contributions?country=CN')).refs).toEqual(['RP-240001', 'RP-240002', 'RP-240003', 'RP-240005', 'RP-240006']);
    expect(links).toContainEqual(['/contributions', 7]);
    expect(links).toContainEqual(['/contributions?parent=huawei', 2]);
    expect(links).toContainEqual(['/contributions?meeting=RAN%23104', 6]);
  });

  it('carries the counting rules: withdrawn left out, revisions collapsed, the country basis', async () => {
    // Without the withdrawn RP-240003 China has 4; collapsing revisions also drops RP-240005 ("revised").
    const links = await expectEveryLinkHolds('/?withdrawn=exclude&revisions=collapse');
    expect(links).toContainEqual(['/contributions?withdrawn=exclude&revisions=collapse&country=CN', 3]);
    // On the named entity's own country Motorola Mobility counts for the US, Nokia Shanghai Bell for China.
    const byEntity = await expectEveryLinkHolds('/countries/CN?basis=entity');
    expect(byEntity).toContainEqual(['/contributions?basis=entity&country=CN', 4]);
    expect((await documents('/contributions?basis=entity&country=US')).refs).toEqual(['RP-240006']);
  });

  it('on a country page, a company page, the lists of countries and organizations, and the comparison', async () => {
    const china = await expectEveryLinkHolds('/countries/CN');
    expect(china).toContainEqual(['/contributions?country=CN&parent=zte', 1]);
    expect(china).toContainEqual(['/contributions?country=CN&meeting=RAN%23106', 1]);
    const huawei = await expectEveryLinkHolds('/organizations/huawei');
    // Named as HiSilicon on RP-240001 only.
    expect(huawei).toContainEqual(['/contributions?organization=hisilicon', 1]);
    expect(huawei).toContainEqual(['/contributions?body=3gpp&group=RAN&parent=huawei', 2]);
    const compared = await expectEveryLinkHolds('/compare?org=huawei&org=ericsson');
    // The full lists: every country (on the entity basis too) and every organization.
    expect(await expectEveryLinkHolds('/countries')).toContainEqual(['/contributions?country=CN', 5]);
    expect(await expectEveryLinkHolds('/countries?basis=entity')).toContainEqual(['/contributions?basis=entity&country=US', 1]);
    expect(await expectEveryLinkHolds('/organizations')).toContainEqual(['/contributions?parent=nokia', 1]);
    // The totals row first; the group and year cells are checked below.
    expect(compared.slice(0, 2).map(([, n]) => n)).toEqual([2, 1]);
  });

  it("on the comparison's group and year cells, the kinds table and the digest, fractional numbers included", async () => {
    const compared = await expectEveryLinkHolds('/compare?org=huawei&org=ericsson');
    // By group: all 7 RAN documents; Huawei 1.5 over RP-240001/-002, Ericsson 0.5 of RP-240002. By year: the same in 2024.
    expect(compared).toContainEqual(['/contributions?body=3gpp&group=RAN', 7]);
    expect(compared).toContainEqual(['/contributions?body=3gpp&group=RAN&parent=huawei', 2]);
    expect(compared).toContainEqual(['/contributions?body=3gpp&group=RAN&parent=ericsson', 1]);
    expect(compared).toContainEqual(['/contributions?from=2024-01-01&to=2024-12-31&parent=huawei', 2]);
    // A year within the page's own period starts where the period does: from 2 June Huawei has RP-240002 only.
    const later = await expectEveryLinkHolds('/compare?org=huawei&org=ericsson&from=2024-06-02');
    expect(later).toContainEqual(['/contributions?from=2024-06-02&to=2024-12-31&parent=huawei', 1]);
    const countries = await expectEveryLinkHolds('/compare?country=CN&country=FI');
    // Finland: Nokia's half of RP-240003 in 2024 (the withdrawn document counts by default).
    expect(countries).toContainEqual(['/contributions?from=2024-01-01&to=2024-12-31&country=FI', 1]);

    // "Who the sources are" counts by the ultimate parent's kind: six documents of companies, and
    // Fainity Innovation's RP-240007 unresolved.
    const overview = await expectEveryLinkHolds('/');
    expect(overview).toContainEqual(['/contributions?parentKind=company', 6]);
    expect(overview).toContainEqual(['/contributions?parentKind=unknown', 1]);
    // The shares table's n per quarter: 2024-Q2 has the six June documents, Q4 RP-240006.
    expect(overview).toContainEqual(['/contributions?from=2024-04-01&to=2024-06-30', 6]);
    expect(overview).toContainEqual(['/contributions?from=2024-10-01&to=2024-12-31', 1]);
    // Its shares: China's 50 % of 2024-Q2 is 3.0 over RP-240001, -002, -003 and -005; Finland's 8.3 % is
    // 0.5 of RP-240003 (Nokia and Nokia Shanghai Bell, 2 × 1/4 on the parent basis).
    expect(overview).toContainEqual(['/contributions?from=2024-04-01&to=2024-06-30&country=CN', 4]);
    expect(overview).toContainEqual(['/contributions?from=2024-04-01&to=2024-06-30&country=FI', 1]);
    expect(overview).toContainEqual(['/contributions?from=2024-10-01&to=2024-12-31&country=CN', 1]);
    // On the entity basis Nokia Shanghai Bell's quarter counts for China; the same four documents.
    const byEntity = await expectEveryLinkHolds('/?basis=entity');
    expect(byEntity).toContainEqual(['/contributions?from=2024-04-01&to=2024-06-30&basis=entity&country=CN', 4]);
    expect((await documents('/contributions?parentKind=unknown')).refs).toEqual(['RP-240007']);

    // 2024-W23 (3–9 June): RP-240003, -004, -005, -007. China 1.5 = ZTE's and Sanechips' half of RP-240003
    // plus CMCC's RP-240005: 2 documents, in the ranking, the movers and RAN's shares (1.5 of 4 = 37.5 %).
    const digest = await expectEveryLinkHolds('/digest/2024-W23');
    const week = '/contributions?from=2024-06-03&to=2024-06-09';
    expect(digest).toContainEqual([week, 4]);
    expect(digest).toContainEqual(['/contributions?body=3gpp&group=RAN&from=2024-06-03&to=2024-06-09', 4]);
    expect(digest).toContainEqual(['/contributions?body=3gpp&group=RAN&from=2024-06-03&to=2024-06-09&country=CN', 2]);
    expect(digest.filter(([link]) => link === `${week}&country=CN`)).toEqual([
      [`${week}&country=CN`, 2], // the ranking's 1.5
      [`${week}&country=CN`, 2], // the movers' +1.38
    ]);
    expect(digest).toContainEqual([`${week}&parent=samsung`, 1]);
  });

  it('asks one and the same source to meet organization, parent, country and kind together', async () => {
    const refs = async (query: string) => (await request(web).get(`/api/contributions?${query}`).expect(200)).body.data.map((d: { ref: string }) => d.ref);
    // RP-240003 is "ZTE, Sanechips, Nokia, Nokia Shanghai Bell": Nokia (FI) beside Chinese co-sources.
    // Each condition alone still means "some source": Nokia's group and Finland are both among its sources.
    expect(await refs('parent=nokia')).toEqual(['RP-240003']);
    expect(await refs('country=FI')).toEqual(['RP-240003']);
    expect(await refs('parent=zte')).toEqual(['RP-240003']);
    // Together they need one source: on the parent basis every Nokia source counts for Finland, so no
    // Nokia source counts for China (some source of Nokia and some Chinese source would have given RP-240003).
    expect(await refs('parent=nokia&country=CN')).toEqual([]);
    expect(await refs('parent=zte&country=FI')).toEqual([]);
    // On the entity basis Nokia Shanghai Bell (parent Nokia, own country CN) is that one source…
    expect(await refs('parent=nokia&country=CN&basis=entity')).toEqual(['RP-240003']);
    // …but Nokia itself is Finnish on either basis.
    expect(await refs('organization=nokia&country=CN&basis=entity')).toEqual([]);
    expect(await refs('organization=nokia-shanghai-bell&country=CN&basis=entity')).toEqual(['RP-240003']);
    // An unresolved source (Fainity Innovation, RP-240007) has no country: unknown kind and a country never meet.
    expect(await refs('kind=unknown')).toEqual(['RP-240007']);
    expect(await refs('kind=unknown&country=CN')).toEqual([]);
    // The /contributions page says the conditions are on one source.
    const html = (await request(web).get('/contributions?basis=entity&country=CN&parent=nokia').expect(200)).text;
    expect(html).toContain('<strong id="documents-total">1</strong>');
    expect(html).toContain('a source in the nokia group, from CN');
  });

  it('reads a source filter either way, listed once or checked per document, with the same documents', () => {
    // On the seeded database every source filter is rare, so the routes list the matching documents
    // once (`id in`); at scale a common one (China's parents, Huawei) is checked per document walked
    // (`exists`), which is what recordCondition builds without a database to ask. Both, each filter:
    const refsOf = (where: ReturnType<typeof recordCondition>, filters: Filters = {}) =>
      contributionPage(app.db, filters, { limit: 100, where }).items.map((r) => r.ref);
    const cases: [RecordFilters, Filters][] = [
      [{ country: 'CN' }, {}],
      [{ parent: 'nokia', country: 'CN' }, { basis: 'entity' }],
      [{ organization: 'nokia-shanghai-bell' }, {}],
      [{ kind: 'unknown' }, {}],
      [{ parentKind: 'unknown' }, {}],
      [{ parent: 'huawei' }, { from: '2024-06-01' }],
    ];
    for (const [record, filters] of cases) {
      const listedOnce = refsOf(recordCondition(record, filters, app.db), filters);
      expect([record, refsOf(recordCondition(record, filters), filters)]).toEqual([record, listedOnce]);
      expect(documentCount(app.db, filters, recordCondition(record, filters))).toBe(listedOnce.length);
    }
    // And the documents themselves, hand-checked as above: China's five, Nokia Shanghai Bell's one.
    expect(refsOf(recordCondition({ country: 'CN' }, {}))).toEqual(['RP-240001', 'RP-240002', 'RP-240003', 'RP-240005', 'RP-240006']);
    expect(refsOf(recordCondition({ parent: 'nokia', country: 'CN' }, { basis: 'entity' }), { basis: 'entity' })).toEqual(['RP-240003']);
  });

  it('lists each document with its public page, and refuses a filter it does not know', async () => {
    const html = (await request(web).get('/contributions?parent=huawei').expect(200)).text;
    expect(html).toContain('<a href="https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/RP-240001.zip" rel="nofollow noopener">RP-240001</a>');
    const json = await request(web).get('/contributions.json?parent=huawei').expect(200);
    expect(json.body.data).toMatchObject({ kind: 'documents', total: 2 });
    expect(json.body.next).toBeNull();
    // A misspelt filter would list more than was counted.
    const bad = await request(web).get('/contributions?countri=CN').expect(400);
    expect(bad.text).toContain('countri: unknown parameter');
    await request(web).get('/contributions?country=XX').expect(400);
  });

  it('links each seat count to the seats it counted', async () => {
    // "RAN1 Chair (Samsung)" in RP-240004 (2024-06-04) is the seeded database's one seat: held that day only.
    const html = (await request(web).get('/leadership?at=2024-06-04').expect(200)).text;
    const links = [...html.matchAll(/<a href="(\/leadership\/seats\?[^"]*)"[^>]*>(\d+)(?: of \d+ seats?)?<\/a>/g)].map((m) => [unescape(m[1]!), Number(m[2])] as const);
    expect(links).toEqual([
      ['/leadership/seats?at=2024-06-04', 1],
      ['/leadership/seats?at=2024-06-04&country=KR', 1],
      ['/leadership/seats?at=2024-06-04&parent=samsung', 1],
    ]);
    for (const [link, n] of links) {
      const list = (await request(web).get(link).expect(200)).text;
      expect(Number(/<strong id="seats-total">(\d+)<\/strong>/.exec(list)![1])).toBe(n);
      expect(list).toContain('<td>3GPP RAN1</td><td>chair</td>');
    }
    expect((await request(web).get('/leadership/seats?at=2024-06-05&country=KR').expect(200)).text).toContain('<strong id="seats-total">0</strong>');
    // The overview's seat table on the last day of its period links the same way.
    const overview = (await request(web).get('/?to=2024-06-04').expect(200)).text;
    expect(overview).toContain('<a href="/leadership/seats?to&#x3D;2024-06-04&amp;at&#x3D;2024-06-04&amp;country&#x3D;KR">1</a>');
    await request(web).get('/leadership/seats?country=XX').expect(400);
  });
});
