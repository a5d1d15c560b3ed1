// The web routes through supertest: every report page in HTML, JSON and CSV from the same report
// function, the API with its envelope and pagination, and the one error shape.
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeListing } from '../../db/contributions.js';
import { createApp } from '../../server/app.js';
import { fixture, testApp, type TestApp } from '../support/app.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { seededApp } from '../support/seeded.js';

let app: TestApp;
let web: ReturnType<typeof createApp>;

beforeAll(() => {
  app = seededApp();
  web = createApp(app);
});

describe('report pages', () => {
  it('serves the overview with the country ranking', async () => {
    const res = await request(web).get('/').expect(200).expect('content-type', /html/);
    expect(res.text).toContain('<a href="/countries/CN">China</a>');
    expect(res.text).toContain('<a href="/unresolved">1 unresolved</a>');
  });

  it('serves the country page as HTML, JSON and CSV from the same report', async () => {
    const html = await request(web).get('/countries/CN').expect(200);
    expect(html.text).toContain('<h1>China <span class="muted">(CN)</span></h1>');
    const json = await request(web).get('/countries/CN.json').expect(200).expect('content-type', /json/);
    expect(json.body.data.totals).toEqual({ contributions: 5, fractional: 4, allContributions: 7, share: 4 / 7 });
    expect(json.body.data.basis).toBe('parent');
    const csv = await request(web).get('/countries/CN.csv').expect(200).expect('content-type', /text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('section,key,name,country,contributions,fractional,accepted,acceptance_rate,share,date,detail,group,partial');
    expect(csv.text).toContain('organization,huawei,Huawei,CN,2,1.5,1,0.5,,,');
    expect(html.text).toContain('href="/countries/CN.csv"');
  });

  it('keeps the filters in the query string and applies them', async () => {
    const res = await request(web).get('/countries/CN.json?from=2024-06-03&to=2024-06-30').expect(200);
    expect(res.body.data.filters).toEqual({ from: '2024-06-03', to: '2024-06-30' });
    expect(res.body.data.totals.contributions).toBe(2);
  });

  it('switches the country basis with ?basis=, says so, and refuses a basis it does not know', async () => {
    const json = await request(web).get('/countries/CN.json?basis=entity').expect(200);
    expect(json.body.data.basis).toBe('entity');
    expect(json.body.data.totals.fractional).toBe(3.25); // see the report test: + Nokia Shanghai Bell, − Motorola Mobility
    const html = await request(web).get('/countries/CN?basis=entity').expect(200);
    expect(html.text).toContain('Country (basis: entity)');
    expect(html.text).toContain('<option value="entity" selected>');
    const api = await request(web).get('/api/contributions?basis=entity&limit=10').expect(200);
    const nsb = api.body.data.flatMap((c: { sources: { organization: string; country: string }[] }) => c.sources).find((s: { organization: string }) => s.organization === 'Nokia Shanghai Bell');
    expect(nsb.country).toBe('CN');
    const bad = await request(web).get('/countries/CN.json?basis=owner').expect(400);
    expect(bad.body.error.message).toBe('basis: must be one of parent, entity');
  });

  it('serves the company page for a subsidiary at its group', async () => {
    const res = await request(web).get('/organizations/hisilicon.json').expect(200);
    expect(res.body.data.organization.slug).toBe('huawei');
    await request(web).get('/organizations/huawei').expect(200).expect(/HiSilicon/);
  });

  it('serves a body and a group page', async () => {
    const res = await request(web).get('/bodies/3gpp/groups/RAN.json').expect(200);
    expect(res.body.data.filters).toEqual({ body: '3gpp', group: 'RAN' });
    await request(web).get('/bodies/nosuch').expect(404);
  });

  it('shows only the seats the filters select', async () => {
    // The one seat, RAN1 chair (Samsung), was seen on 2024-06-04.
    expect((await request(web).get('/countries/KR.json').expect(200)).body.data.seats).toHaveLength(1);
    expect((await request(web).get('/countries/KR.json?from=2024-07-01').expect(200)).body.data.seats).toHaveLength(0);
    expect((await request(web).get('/countries/KR.json?group=RAN').expect(200)).body.data.seats).toHaveLength(0);
    expect((await request(web).get('/countries/KR.json?group=RAN1').expect(200)).body.data.seats).toHaveLength(1);
  });

  it('serves leadership, unresolved and status pages', async () => {
    await request(web).get('/leadership').expect(200).expect(/Samsung/);
    await request(web).get('/unresolved').expect(200).expect(/Fainity Innovation/);
    await request(web).get('/status.json').expect(200);
  });
});

describe('errors', () => {
  it('answers a bad parameter with 400 naming it, in the shape the client asked for', async () => {
    const json = await request(web).get('/countries/CN.json?from=yesterday').expect(400);
    expect(json.body).toEqual({ error: { status: 400, message: 'from: must be a date YYYY-MM-DD', parameter: 'from' } });
    const html = await request(web).get('/countries/CN?body=w3c').expect(400).expect('content-type', /html/);
    expect(html.text).toContain('body: must be one of 3gpp, itu, ieee, ietf');
  });

  it('refuses a group it does not know, and an API parameter it does not know', async () => {
    const page = await request(web).get('/countries/CN.json?group=XYZ').expect(400);
    expect(page.body.error.message).toBe('group: no group "XYZ" (known: RAN, RAN1)');
    await request(web).get('/bodies/3gpp/groups/XYZ').expect(404);
    const api = await request(web).get('/api/contributions?nation=CN').expect(400);
    expect(api.body.error.message).toBe(
      'nation: unknown parameter (known: body, group, from, to, basis, topic, withdrawn, revisions, organization, parent, country, kind, parentKind, partner, status, type, meeting, groups, limit, after, format, q)',
    );
    const csv = await request(web).get('/index.csv?group=%3Dcmd').expect(400).expect('content-type', /text\/plain/);
    expect(csv.text).toBe('error 400: group: letters, digits, spaces and . # / _ - only\n');
  });

  it('answers an unknown country or page with 404', async () => {
    await request(web).get('/countries/XX').expect(404).expect(/not an ISO 3166-1 alpha-2 country code/);
    const res = await request(web).get('/api/nothing').expect(404);
    expect(res.body.error.status).toBe(404);
  });
});

describe('API', () => {
  it('pages contributions with a next link and the contract record shape', async () => {
    const first = await request(web).get('/api/contributions?limit=5').expect(200);
    expect(first.body.meta.page.count).toBe(5);
    expect(first.body.next).toMatch(/^\/api\/contributions\?limit=5&after=\d+$/);
    expect(first.body.data[0]).toEqual({
      body: '3gpp',
      group: 'RAN',
      meeting: 'RAN#104',
      ref: 'RP-240001',
      title: 'Contribution RP-240001',
      type: 'discussion',
      for: 'Decision',
      status: 'approved',
      date: '2024-06-01',
      sourceText: 'Huawei, HiSilicon',
      sources: [
        { raw: 'Huawei', organization: 'Huawei', parent: 'Huawei', country: 'CN', kind: 'company', role: null },
        { raw: 'HiSilicon', organization: 'HiSilicon', parent: 'Huawei', country: 'CN', kind: 'company', role: null },
      ],
      url: 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/RP-240001.zip',
      revisionOf: null,
      authors: [], // 3GPP listings give no authors
      archived: null, // stored by hand, not read from an archived file
    });
    const second = await request(web).get(first.body.next).expect(200);
    expect(second.body.meta.page.count).toBe(2);
    expect(second.body.next).toBeNull();
  });

  it('pages a group since a date in id order, from the first page to the last', async () => {
    // The seeded RAN contributions dated 2024-06-04 or later (test/support/seeded.ts): RP-240004,
    // RP-240005, RP-240007 (RAN#104) and RP-240006 (RAN#106, stored after them).
    const refs: string[] = [];
    let next: string | null = '/api/contributions?group=RAN&from=2024-06-04&limit=3';
    while (next) {
      const page: { body: { data: { ref: string }[]; next: string | null } } = await request(web).get(next).expect(200);
      refs.push(...page.body.data.map((c) => c.ref));
      next = page.body.next;
    }
    expect(refs).toEqual(['RP-240004', 'RP-240005', 'RP-240007', 'RP-240006']);
  });

  it('picks records by organization, parent, country, kind, status, type and meeting', async () => {
    // The seeded table (test/server/reports.test.ts): who signed which document, with which outcome.
    const refs = async (query: string) =>
      (await request(web).get(`/api/contributions?${query}`).expect(200)).body.data.map((c: { ref: string }) => c.ref);
    expect(await refs('country=CN')).toEqual(['RP-240001', 'RP-240002', 'RP-240003', 'RP-240005', 'RP-240006']);
    expect(await refs('parent=huawei')).toEqual(['RP-240001', 'RP-240002']);
    expect(await refs('organization=hisilicon')).toEqual(['RP-240001']);
    expect(await refs('status=noted')).toEqual(['RP-240002', 'RP-240007']);
    expect(await refs('kind=unknown')).toEqual(['RP-240007']);
    expect(await refs('meeting=RAN%23106')).toEqual(['RP-240006']);
    // Motorola Mobility counts for China through Lenovo, for the US on its own.
    expect(await refs('country=US&basis=entity')).toEqual(['RP-240006']);
    const next = await request(web).get('/api/contributions?country=CN&limit=2').expect(200);
    expect(next.body.next).toMatch(/country=CN/);
    expect((await request(web).get('/api/contributions?country=XX').expect(400)).body.error.message).toBe('country: an ISO 3166-1 alpha-2 code such as CN');
    expect((await request(web).get('/api/positions?country=CN').expect(400)).body.error.message).toBe('country: applies to /api/contributions only');
  });

  it('streams every matching row as NDJSON and CSV', async () => {
    const ndjson = await request(web).get('/api/contributions?format=ndjson&group=RAN').expect(200).expect('content-type', /ndjson/);
    expect(ndjson.text.trim().split('\n')).toHaveLength(7);
    const csv = await request(web).get('/api/contributions?format=csv').expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(8);
  });

  it('validates page parameters', async () => {
    const res = await request(web).get('/api/contributions?limit=100000').expect(400);
    expect(res.body.error.message).toMatch(/^limit: /);
  });

  it('describes itself in OpenAPI', async () => {
    const res = await request(web).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/contributions', '/api/positions', '/countries/{iso2}.json']));
  });

  it('lists positions', async () => {
    const res = await request(web).get('/api/positions').expect(200);
    expect(res.body.data).toEqual([
      {
        body: '3gpp',
        group: 'RAN1',
        role: 'chair',
        person: null,
        source: { raw: 'RAN1 Chair (Samsung)', organization: 'Samsung', parent: 'Samsung', country: 'KR', kind: 'company', role: 'chair' },
        from: '2024-06-04',
        to: '2024-06-04',
        evidence: 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/RP-240004.zip',
        detail: null,
        partner: null,
        basis: 'tdoc-source',
      },
    ]);
  });
});

describe('hostile input is shown as text', () => {
  it('escapes titles and sources in pages and neutralises formulas in CSV', async () => {
    const hostile = createApp(app);
    storeListing(
      app.db,
      app.resolver,
      {
        body: '3gpp',
        format: 'test',
        group: { code: 'RAN', name: 'TSG RAN' },
        meeting: null,
        contributions: [
          {
            ref: 'RP-249999',
            title: '=HYPERLINK("http://evil.example","x")',
            type: null,
            docFor: null,
            status: null,
            date: '2024-06-30',
            agendaItem: null,
            release: null,
            workItems: null,
            sourceText: '<script>alert(1)</script>',
            url: null,
            revisionOf: null,
            revisedTo: null,
          },
        ],
        warnings: [],
      },
      { rawDocumentId: null, seenAt: '2024-07-01T00:00:00Z' },
    );
    const page = await request(hostile).get('/unresolved').expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csv = await request(hostile).get('/api/contributions?format=csv').expect(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });
});

describe('the archived raw file behind the records', () => {
  it('is served byte for byte with its public URL as stored', async () => {
    const archiveApp = testApp();
    const url = 'https://www.3gpp.org/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN%23104.xlsx';
    importFile(archiveApp, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'), { url });
    // Every record names the archived file it was read from.
    const records = await request(createApp(archiveApp)).get('/api/contributions?limit=2').expect(200);
    expect(records.body.data.map((r: { archived: string }) => r.archived)).toEqual(['/raw/1', '/raw/1']);
    const res = await request(createApp(archiveApp))
      .get('/raw/1')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['x-source-url']).toBe(url);
    expect((res.body as Buffer).equals(fs.readFileSync(fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx')))).toBe(true);
    await request(createApp(archiveApp)).get('/raw/999').expect(404);
  });
});

describe('the database as a file', () => {
  it('is a consistent SQLite copy with every contribution', async () => {
    const web = createApp(app);
    const res = await request(web)
      .get('/data/stdwatch.db')
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?stdwatch-\d{4}-\d{2}-\d{2}\.db"?$/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const dir = fs.mkdtempSync(`${os.tmpdir()}/stdwatch-test-download-`);
    const file = `${dir}/copy.db`;
    fs.writeFileSync(file, body);
    const copy = new Database(file, { readonly: true });
    // Everything the served database holds (the seeded seven and what earlier tests here added).
    const live = app.db.$client.prepare('select count(*) as n from contributions').get() as { n: number };
    expect(live.n).toBeGreaterThanOrEqual(7);
    expect(copy.prepare('select count(*) as n from contributions').get()).toEqual(live);
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
