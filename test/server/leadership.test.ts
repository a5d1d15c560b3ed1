// The seat table: seats held on a day by country and company, official seats preferred over those the
// contribution lists reveal, its history, the cross-check, through the report function and the routes.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, organizations, positions } from '../../db/schema.js';
import { TDOC_SEAT_BASIS, closeReplacedSeats, storeRoster } from '../../db/seats.js';
import { createApp } from '../../server/app.js';
import { crossCheck, leadershipReport, seatTable } from '../../server/reports/leadership.js';
import { seatCounts } from '../../server/reports/overview.js';
import { threeGppSeatCapacity } from '../../scrapers/3gpp/leadership.js';
import { ELECTIONS_BASIS, parseElectionNews } from '../../scrapers/3gpp/parse-elections.js';
import { OFFICIALS_BASIS, parseOfficials } from '../../scrapers/3gpp/parse-officials.js';
import type { ParsedPosition } from '../../domain/types.js';
import { importFile } from '../../scrapers/pipeline/import.js';
import { fixture, testApp, type TestApp } from '../support/app.js';

function official(group: string, role: 'chair' | 'vice-chair', sourceText: string, from: string): ParsedPosition {
  return { group: { code: group, name: group }, role, person: null, sourceText, country: null, from, to: null, detail: null, evidenceUrl: null };
}

function listSeat(app: TestApp, group: string, role: string, slug: string, from: string, to: string | null): void {
  const org = app.db.select().from(organizations).where(eq(organizations.slug, slug)).get()!;
  const groupId = app.db.select().from(groups).where(eq(groups.code, group)).get()?.id
    ?? app.db.insert(groups).values({ bodyId: '3gpp', code: group, name: group }).returning({ id: groups.id }).get().id;
  app.db.insert(positions).values({
    bodyId: '3gpp', groupId, role, person: null, organizationId: org.id, parentId: org.parentId ?? org.id,
    sourceRaw: `${group} ${role} (${org.name})`, fromDate: from, toDate: to, lastSeenDate: to ?? from,
    evidenceUrl: `https://www.3gpp.org/ftp/${group}.zip`, basis: TDOC_SEAT_BASIS,
  }).run();
}

/**
 * A small record, counted by hand:
 *   official (from 2021): RAN chair Qualcomm (US); RAN vice-chairs AT&T (US), CMCC (CN), Deutsche Telekom (DE);
 *                         RAN1 chair Samsung (KR)
 *   from source cells:    RAN1 chair Samsung, 2024-06-04 (RAN1 has an official seat: not counted, agrees);
 *                         RAN4 chair Huawei (CN), 2023-01-09 to 2025-12-01 (no official RAN4 seat: counted);
 *                         RAN vice-chair Huawei, seen 2024-01-10 (RAN has official seats: not counted, disagrees)
 */
function seeded(): TestApp {
  const app = testApp();
  storeRoster(app.db, app.resolver, {
    body: '3gpp', format: 'test', basis: 'test-officials', scope: 'hand-made', warnings: [],
    positions: [
      official('RAN', 'chair', 'Qualcomm Incorporated', '2021-03-22'),
      official('RAN', 'vice-chair', 'AT&T', '2021-03-22'),
      official('RAN', 'vice-chair', 'CMCC', '2021-03-22'),
      official('RAN', 'vice-chair', 'Deutsche Telekom AG', '2021-03-22'),
      official('RAN1', 'chair', 'Samsung Electronics', '2021-05-20'),
    ],
  }, { rawDocumentId: null, seenDate: '2024-12-01' });
  listSeat(app, 'RAN1', 'chair', 'samsung', '2024-06-04', '2024-06-04');
  listSeat(app, 'RAN4', 'chair', 'huawei', '2023-01-09', '2025-12-01');
  listSeat(app, 'RAN', 'vice-chair', 'huawei', '2024-01-10', '2024-01-10');
  return app;
}

describe('the seat table on a small record', () => {
  let app: TestApp;
  beforeAll(() => {
    app = seeded();
  });

  it('counts six seats on 2024-06-04 by country, chairs and vice-chairs apart and together', () => {
    const table = seatTable(app.db, '2024-06-04', {}, null);
    expect(table.total).toEqual({ seats: 6, chairs: 3, viceChairs: 3 });
    expect(table.byCountry.map((c) => [c.country, c.label, c.chairs, c.viceChairs])).toEqual([
      ['CN', '2 of 6 seats', 1, 1],
      ['US', '2 of 6 seats', 1, 1],
      ['DE', '1 of 6 seats', 0, 1],
      ['KR', '1 of 6 seats', 1, 0],
    ]);
    expect(table.byCompany.map((c) => [c.name, c.seats])).toEqual([
      ['AT&T', 1], ['China Mobile', 1], ['Deutsche Telekom', 1], ['Huawei', 1], ['Qualcomm', 1], ['Samsung', 1],
    ]);
    expect(table.bases).toEqual(['tdoc-source', 'test-officials']);
  });

  it('counts only the asked groups, and nothing before the first term', () => {
    expect(seatTable(app.db, '2024-06-04', {}, ['RAN']).byCountry.map((c) => [c.country, c.label])).toEqual([
      ['US', '2 of 4 seats'], ['CN', '1 of 4 seats'], ['DE', '1 of 4 seats'],
    ]);
    expect(seatTable(app.db, '2021-01-01', {}, null).total).toEqual({ seats: 0, chairs: 0, viceChairs: 0 });
    // RAN4's list seat ended at its last sighting, 2025-12-01, and counts that day.
    expect(seatTable(app.db, '2025-12-01', {}, ['RAN4']).total.seats).toBe(1);
    expect(seatTable(app.db, '2025-12-02', {}, ['RAN4']).total.seats).toBe(0);
  });

  it('shows the change over time at every 1 January and the day asked', () => {
    const report = leadershipReport(app.db, {}, { at: '2024-06-04' });
    expect(report.history.map((h) => [h.at, h.total.seats])).toEqual([
      ['2022-01-01', 5], // the 2021 terms
      ['2023-01-01', 5],
      ['2024-01-01', 6], // + RAN4 chair from the lists
      ['2024-06-04', 6],
    ]);
    expect(report.historyByCountry.find((c) => c.country === 'CN')!.cells.map((c) => c.label)).toEqual([
      '1 of 5 seats', '1 of 5 seats', '2 of 6 seats', '2 of 6 seats',
    ]);
  });

  it('lists where the contribution lists disagree with the official seats, without merging them', () => {
    const check = crossCheck(app.db, {}, null);
    expect(check).toMatchObject({ compared: 2, notComparable: 1 });
    expect(check.agreements).toEqual([{ group: 'RAN1', role: 'chair', organization: 'Samsung', day: '2024-06-04', officialBasis: 'test-officials' }]);
    expect(check.disagreements).toEqual([
      {
        group: 'RAN', role: 'vice-chair', day: '2024-01-10', listed: 'Huawei', listedRaw: 'RAN vice-chair (Huawei)',
        official: ['AT&T', 'China Mobile', 'Deutsche Telekom'], officialBases: ['test-officials', 'test-officials', 'test-officials'],
        evidence: 'https://www.3gpp.org/ftp/RAN.zip',
      },
    ]);
  });

  it('gives the overview the same count on the day a period ends', () => {
    const counts = seatCounts(app.db, { to: '2024-06-04' });
    expect(counts.period).toBe('held on 2024-06-04');
    expect(counts.byCountry.map((c) => [c.country, c.seats])).toEqual([['CN', 2], ['US', 2], ['DE', 1], ['KR', 1]]);
  });

  it('serves the table as HTML, JSON and CSV with the same numbers, and refuses a bad date', async () => {
    const web = createApp(app);
    const html = await request(web).get('/leadership?at=2024-06-04&groups=RAN').expect(200);
    // The count links to the seats it counted (server/reports/seat-list.ts): the two US seats of RAN.
    expect(html.text).toContain('<td><a href="/leadership/seats?at&#x3D;2024-06-04&amp;groups&#x3D;RAN&amp;country&#x3D;US">2 of 4 seats</a></td>');
    const us = await request(web).get('/leadership/seats?at=2024-06-04&groups=RAN&country=US').expect(200);
    expect(us.text).toContain('<strong id="seats-total">2</strong> of the 4 seats');
    expect(us.text.match(/<td>3GPP RAN<\/td>/g)).toHaveLength(2);
    // Handlebars escapes "=" and "&" in attributes.
    expect(html.text).toContain('href="/leadership.csv?at&#x3D;2024-06-04&amp;groups&#x3D;RAN"');
    const json = await request(web).get('/leadership.json?at=2024-06-04&groups=RAN').expect(200);
    expect(json.body.data.table.byCountry[0]).toMatchObject({ country: 'US', seats: 2, chairs: 1, viceChairs: 1, label: '2 of 4 seats' });
    const csv = await request(web).get('/leadership.csv?at=2024-06-04&groups=RAN&dates=2022-01-01').expect(200);
    expect(csv.text.split('\n').slice(0, 3)).toEqual([
      'at,section,key,name,seats,chairs,viceChairs,totalSeats',
      '2022-01-01,country,US,United States,2,1,1,4',
      '2022-01-01,country,CN,China,1,0,1,4',
    ]);
    expect(csv.text).toContain('2024-06-04,company,qualcomm,Qualcomm,1,1,0,4');
    const bad = await request(web).get('/leadership.json?at=2024-02-30').expect(400);
    expect(bad.body.error.message).toBe('at: 2024-02-30 does not exist (February 2024 has 29 days)');
    expect((await request(web).get('/leadership.json?set=nope').expect(400)).body.error.message).toMatch(/^set: no group set "nope"/);
    const check = await request(web).get('/leadership/cross-check').expect(200);
    expect(check.text).toContain('RAN vice-chair (Huawei)');
  });

  it('keeps the chosen dates in the JSON and CSV links of a page asked for at chosen dates', async () => {
    const web = createApp(app);
    const html = await request(web).get('/leadership?at=2024-06-04&groups=RAN&dates=2023-01-01,2022-01-01').expect(200);
    // The dates come back sorted, as the table shows them.
    expect(html.text).toContain('href="/leadership.csv?at&#x3D;2024-06-04&amp;groups&#x3D;RAN&amp;dates&#x3D;2022-01-01%2C2023-01-01"');
    expect(html.text).toContain('href="/leadership.json?at&#x3D;2024-06-04&amp;groups&#x3D;RAN&amp;dates&#x3D;2022-01-01%2C2023-01-01"');
    const json = await request(web).get('/leadership.json?at=2024-06-04&groups=RAN&dates=2022-01-01,2023-01-01').expect(200);
    expect(json.body.data.history.map((h: { at: string }) => h.at)).toEqual(['2022-01-01', '2023-01-01', '2024-06-04']);
  });
});

describe('the seat table from the real election news and officials annex', () => {
  let app: TestApp;
  beforeAll(() => {
    app = testApp();
    const news = 'https://www.3gpp.org/news-events/3gpp-news';
    for (const name of ['tsg-ran-election', 'tsg-sa-election', 'tsg-ct-election', 'ran-chair-2017', 'new-ran-chairman-elected']) {
      const roster = parseElectionNews(fs.readFileSync(fixture('3gpp', `news_${name}.reconstructed.html`)), { url: `${news}/${name}` });
      storeRoster(app.db, app.resolver, roster, { rawDocumentId: null, seenDate: '2026-11-21' });
    }
    const annex = parseOfficials(fs.readFileSync(fixture('3gpp', 'Report_Annexes_SA87e_officials.reconstructed.htm')), {
      url: 'https://www.3gpp.org/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/Report_Annexes.htm',
      meeting: 'SA#87-e',
    });
    storeRoster(app.db, app.resolver, annex, { rawDocumentId: null, seenDate: '2026-11-21' });
    closeReplacedSeats(app.db, { body: '3gpp', bases: [ELECTIONS_BASIS, OFFICIALS_BASIS], capacity: threeGppSeatCapacity });
  });

  it('RAN after the March 2023 election: Qualcomm and AT&T (US), CMCC (CN), Deutsche Telekom (DE)', () => {
    // news_tsg-ran-election.excerpt.txt, 20.03.2023.
    const table = seatTable(app.db, '2023-06-01', { body: '3gpp' }, ['RAN']);
    expect(table.byCountry.map((c) => [c.country, c.label])).toEqual([['US', '2 of 4 seats'], ['CN', '1 of 4 seats'], ['DE', '1 of 4 seats']]);
    expect(table.seats.map((s) => s.person)).toEqual(['Wanshi CHEN', 'Ronald BORSATO', 'Nan HU', 'Axel KLATT']);
  });

  it('RAN after the 2017 election: Nokia (FI), AT&T (US), China Mobile (CN), NTT DOCOMO (JP)', () => {
    // news_ran-chair-2017.excerpt.txt, RAN#75, 8 March 2017.
    const table = seatTable(app.db, '2018-01-01', { body: '3gpp' }, ['RAN']);
    expect(table.byCountry.map((c) => [c.country, c.seats])).toEqual([['CN', 1], ['FI', 1], ['JP', 1], ['US', 1]]);
  });

  it('RAN after the 2009 election: NTT DOCOMO (JP) in the chair, AT&T (US), T-Mobile (DE), China Mobile (CN)', () => {
    // news_new-ran-chairman-elected_2009.excerpt.txt; T-Mobile International AG counts for Deutsche Telekom.
    const table = seatTable(app.db, '2010-01-01', { body: '3gpp' }, ['RAN']);
    expect(table.byCountry.map((c) => [c.country, c.chairs, c.viceChairs])).toEqual([['CN', 0, 1], ['DE', 0, 1], ['JP', 1, 0], ['US', 0, 1]]);
    expect(seatTable(app.db, '2017-03-08', { body: '3gpp' }, ['RAN']).seats.map((s) => s.person)).toEqual([
      'Balázs Bertényi', 'Vince Spatafora', 'Xiaodong Xu', 'Satoshi Nagata',
    ]);
  });

  it('all of 3GPP on 2020-06-01: the 2017 RAN officers and the SA officials of the SA#87-e annex, 19 seats', () => {
    // RAN 4 + TSG SA 4 + SA1 3 + SA2 3 + SA3 3 + SA4 2. China: CMCC (RAN), Huawei (SA), China Mobile (SA2);
    // United States: AT&T (RAN), Intel (SA2), Qualcomm (SA3, SA4).
    const table = seatTable(app.db, '2020-06-01', { body: '3gpp' }, null);
    expect(table.total).toEqual({ seats: 19, chairs: 6, viceChairs: 13 });
    expect(table.byCountry.find((c) => c.country === 'CN')!.label).toBe('3 of 19 seats');
    expect(table.byCountry.find((c) => c.country === 'US')!.label).toBe('4 of 19 seats');
    expect(table.byCompany.find((c) => c.name === 'Qualcomm')).toMatchObject({ seats: 2, chairs: 0, viceChairs: 2 });
  });

  it('the TSG plenaries on 2024-01-01 are the March 2023 line-up: 12 seats, 3 chairs', () => {
    const table = seatTable(app.db, '2024-01-01', { body: '3gpp' }, ['RAN', 'SA', 'CT']);
    expect(table.total).toEqual({ seats: 12, chairs: 3, viceChairs: 9 });
    // United States: Qualcomm (RAN chair), Intel (SA chair), AT&T, Apple France, InterDigital (vice-chairs).
    // China: CMCC (RAN), Huawei (CT chair), OPPO and China Telecom (CT vice-chairs).
    // Germany: Deutsche Telekom (RAN) and T-Mobile USA (SA), whose parent the registry says is Deutsche Telekom.
    expect(table.byCountry.map((c) => [c.country, c.label, c.chairs, c.viceChairs])).toEqual([
      ['US', '5 of 12 seats', 2, 3],
      ['CN', '4 of 12 seats', 1, 3],
      ['DE', '2 of 12 seats', 0, 2],
      ['JP', '1 of 12 seats', 0, 1],
    ]);
  });
});

describe('the cross-check on a real TDoc list', () => {
  it('RAN#104 (June 2024) shows the RAN chair and AT&T as elected in 2023, and a China Telecom vice-chair the election news does not', () => {
    const app = testApp();
    importFile(app, fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'), {});
    for (const name of ['tsg-ran-election', 'tsg-sa-election', 'tsg-ct-election']) {
      const url = `https://www.3gpp.org/news-events/3gpp-news/${name}`;
      storeRoster(app.db, app.resolver, parseElectionNews(fs.readFileSync(fixture('3gpp', `news_${name}.reconstructed.html`)), { url }), { rawDocumentId: null, seenDate: '2026-11-21' });
    }
    // In the list's Source column (checked with a spreadsheet): "RAN chair (Qualcomm)" (RP-240861 …),
    // "RAN vice-chair (AT&T)" (RP-241625, RP-241687), "RAN vice-chair (China Telecom)" (RP-241644, RP-241672),
    // and "ETSI MCC, SA chair (Intel), CT chair (Huawei), RAN chair (Qualcomm)" (RP-240902).
    const check = crossCheck(app.db, { body: '3gpp' }, null);
    expect(check.agreements.map((a) => [a.group, a.role, a.organization])).toEqual([
      ['CT', 'chair', 'Huawei'],
      ['RAN', 'chair', 'Qualcomm'],
      ['RAN', 'vice-chair', 'AT&T'],
      ['SA', 'chair', 'Intel'],
    ]);
    expect(check.disagreements).toEqual([
      expect.objectContaining({
        group: 'RAN',
        role: 'vice-chair',
        listed: 'China Telecom',
        listedRaw: 'RAN vice-chair (China Telecom)',
        official: ['AT&T', 'China Mobile', 'Deutsche Telekom'],
        evidence: 'https://www.3gpp.org/ftp/TSG_RAN/TSG_RAN/TSGR_104/Docs/RP-241644.zip',
      }),
    ]);
    expect(check.disagreements[0]!.day).toMatch(/^2024-06-/);
    // The table counts the official RAN seats, not the list's China Telecom.
    expect(seatTable(app.db, '2024-06-20', { body: '3gpp' }, ['RAN']).seats.map((s) => s.parent)).toEqual([
      'Qualcomm', 'AT&T', 'China Mobile', 'Deutsche Telekom',
    ]);
  });
});
