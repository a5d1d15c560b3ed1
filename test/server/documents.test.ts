// Every number links to the documents behind it: on the seeded database (test/support/seeded.ts, the
// table at the top of test/server/reports.test.ts), each count on the overview, a country, a company and
// the comparison links to /contributions with the page's filters and counting rules, and that list has
// exactly as many rows as the number said.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { TestApp } from '../support/app.js';
import { seededApp } from '../support/seeded.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;
beforeAll(() => {
  app = seededApp();
  web = createApp(app);
});

const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&#x3D;', '=');

/** Every `<a href="/contributions?…">N</a>` of a page: the link and the number it stands on. */
async function countLinks(path: string): Promise<[string, number][]> {
  const html = (await request(web).get(path).expect(200)).text;
  return [...html.matchAll(/<a href="(\/contributions(?:\?[^"]*)?)"[^>]*>([\d,]+)<\/a>/g)].map((m) => [unescape(m[1]!), Number(m[2]!.replaceAll(',', ''))]);
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

  it('on a country page, a company page and the comparison', async () => {
    const china = await expectEveryLinkHolds('/countries/CN');
    expect(china).toContainEqual(['/contributions?country=CN&parent=zte', 1]);
    expect(china).toContainEqual(['/contributions?country=CN&meeting=RAN%23106', 1]);
    const huawei = await expectEveryLinkHolds('/organizations/huawei');
    // Named as HiSilicon on RP-240001 only.
    expect(huawei).toContainEqual(['/contributions?organization=hisilicon', 1]);
    expect(huawei).toContainEqual(['/contributions?body=3gpp&group=RAN&parent=huawei', 2]);
    const compared = await expectEveryLinkHolds('/compare?org=huawei&org=ericsson');
    expect(compared.map(([, n]) => n)).toEqual([2, 1]);
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

  it('lists each document with its public page, and refuses a filter it does not know', async () => {
    const html = (await request(web).get('/contributions?parent=huawei').expect(200)).text;
    expect(html).toContain('<a href="https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/RP-240001.zip" rel="nofollow noopener">RP-240001</a>');
    const json = await request(web).get('/contributions.json?parent=huawei').expect(200);
    expect(json.body).toMatchObject({ kind: 'documents', total: 2, next: null });
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
