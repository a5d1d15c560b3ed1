// Work-item rapporteurs from 3GPP's work plan: the parser on the reconstructed work plan (real items and
// rapporteur companies from TR 21.917, see test/fixtures/3gpp/RECONSTRUCTED.md), the parser's rules on
// small workbooks built here, and the source end to end against the fixture server at the real paths.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions } from '../../../db/schema.js';
import { createApp } from '../../../server/app.js';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { parseWorkPlan, WORK_PLAN_BASIS } from '../../../scrapers/3gpp/parse-work-plan.js';
import { newestWorkPlan, workPlanDate } from '../../../scrapers/3gpp/workplan.js';
import { runSources } from '../../../scrapers/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';

const URL_260106 = 'https://www.3gpp.org/ftp/Information/WORK_PLAN/Work_plan_3gpp_260106.xlsx';
const HEADER = ['ID', 'Unique_ID', 'Name', 'Acronym', 'Outline_Level', 'Release', 'Resource_Names', 'Start_Date', 'Finish_Date',
  'Percent_Complete', 'Hyperlink', 'Status_Report', 'WI_rapporteur_name', 'WI_rapporteur_e_mail', 'Notes', 'Impacted_TSs_and_TRs'];

function workbook(rows: unknown[][], sheetName = 'Work Items', header: string[] = HEADER): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), sheetName);
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('the work plan parser', () => {
  const bytes = readFileSync(fixture('3gpp', 'Work_plan_3gpp_260106.reconstructed.xlsx'));

  it('gives one rapporteur seat per item with a company and a lead group: eCPSOR_CON\'s four, NTT DOCOMO', () => {
    const roster = parseWorkPlan(bytes, { url: URL_260106 });
    expect(roster).toMatchObject({ body: '3gpp', basis: WORK_PLAN_BASIS, scope: 'work-plan' });
    // Groups and company as TR 21.917 lists the eCPSOR_CON items (S1, C1, C4, C6; NTT DOCOMO). The
    // dates are the reconstructed ones of the fixture, not 3GPP's (RECONSTRUCTED.md).
    expect(roster.positions.map((p) => [p.group.code, p.role, p.sourceText, p.detail, p.from, p.to])).toEqual([
      ['SA1', 'rapporteur', 'NTT DOCOMO', 'WI 850039 eCPSOR_CON', '2019-09-16', '2020-03-20'],
      ['CT1', 'rapporteur', 'NTT DOCOMO', 'WI 880022 eCPSOR_CON', '2021-03-22', '2022-03-25'],
      ['CT4', 'rapporteur', 'NTT DOCOMO', 'WI 900036 eCPSOR_CON', '2021-03-22', '2022-03-25'],
      ['CT6', 'rapporteur', 'NTT DOCOMO', 'WI 920061 eCPSOR_CON', '2021-06-07', '2022-06-10'],
    ]);
    expect(roster.positions.every((p) => p.person === null && p.evidenceUrl === URL_260106)).toBe(true);
    // 8 items; the three MBS/AMD rows carry "-" for the company; the feature 880049 has no lead group
    // (TR 21.917 leaves its WG empty).
    expect(roster.counts).toEqual({ items: 8, withoutCompany: 3, withoutLeadGroup: 1, undated: 0 });
  });

  it('takes the first of several groups as the lead, leaves an unfinished item open, and never reads the e-mail column', () => {
    const roster = parseWorkPlan(
      workbook([
        ['', 1, 'Item in two groups', 'TWO', 2, 'Rel-18', 'C3,C4', '2022-06-01', '2023-12-15', 1, 'CP-000001', '-', 'Company A', 'Person A, a@example.org', '-', '-'],
        ['', 2, 'Open item', 'OPEN', 2, 'Rel-19', 'R1', '2024-03-11', '2025-12-12', 0.4, 'RP-000002', '-', 'Company B', 'b@example.org', '-', '-'],
        ['', 3, 'Unknown group', 'UNK', 2, 'Rel-8', 'GP', '2008-01-01', '2009-01-01', 1, '-', '-', 'Company C', '-', '-', '-'],
        ['', 0, 'A title line without an ID', '', 0, '', '', '', '', 0, '', '', '', '', '', ''],
      ]),
      { url: URL_260106 },
    );
    expect(roster.positions.map((p) => [p.group.code, p.sourceText, p.from, p.to])).toEqual([
      ['CT3', 'Company A', '2022-06-01', '2023-12-15'],
      ['RAN1', 'Company B', '2024-03-11', null],
    ]);
    expect(JSON.stringify(roster)).not.toMatch(/@|Person A/);
    expect(roster.warnings).toContain('lead group "GP" (1 item(s)) is not a 3GPP group we know; skipped');
  });

  it('finds its columns by name when they move or lose their underscores', () => {
    const header = ['Unique ID', 'WI rapporteur name', 'Name', 'Resource Names', 'Start Date', 'Finish Date', 'Percent Complete'];
    const roster = parseWorkPlan(workbook([[7, 'Company D', 'Moved columns', 'S2', '2020-01-06', '2020-12-18', '100%']], 'Sheet1', header), { url: URL_260106 });
    expect(roster.positions.map((p) => [p.group.code, p.sourceText, p.to])).toEqual([['SA2', 'Company D', '2020-12-18']]);
  });

  it('refuses a workbook without the rapporteur column as a layout change, and a truncated file as unreadable', () => {
    const header = HEADER.filter((h) => h !== 'WI_rapporteur_name');
    expect(() => parseWorkPlan(workbook([[1, 2]], 'Work Items', header), { url: URL_260106 })).toThrow(LayoutChangedError);
    expect(() => parseWorkPlan(bytes.subarray(0, 2000), { url: URL_260106 })).toThrow(UnreadableInputError);
  });

  it('picks the newest edition of a WORK_PLAN listing by the date in its name', () => {
    expect(workPlanDate('Work_plan_3gpp_260106.xlsx')).toBe('2026-01-06');
    expect(workPlanDate('Work_plan_3gpp_2026_06_26.xlsx')).toBe('2026-06-26');
    expect(workPlanDate('TSG_Status_Report.xlsx')).toBeNull();
    const entry = (name: string, modified: string) => ({ name, url: `https://www.3gpp.org/ftp/Information/WORK_PLAN/${name}`, isDirectory: false, modified, size: 1 });
    expect(newestWorkPlan([entry('Work_plan_3gpp_230110.xlsm', '2023-01-10T09:14'), entry('Work_plan_3gpp_2026_06_26.xlsx', '2026-06-26T08:00'), entry('Work_plan_3gpp_260106.xlsx', '2026-07-01T08:00')])?.name).toBe(
      'Work_plan_3gpp_2026_06_26.xlsx',
    );
  });
});

describe('scraping the 3GPP work plan', () => {
  let site: FixtureServer;
  let app: TestApp;
  beforeAll(async () => {
    site = await startThreeGppSite();
    app = testApp();
  });
  afterAll(() => site.close());

  it('walks the WORK_PLAN listing to the newest work plan and stores its rapporteur seats, resolved', async () => {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, {}, { timeoutMs: 5000 }), selectSources(['3gpp:workplan']), 'test');
    expect(summary).toMatchObject({ source: '3gpp:workplan', status: 'ok', error: null });
    expect(summary!.outcome).toMatchObject({ documentsFetched: 2, recordsSeen: 4, recordsNew: 4, errors: [] });
    expect(site.requests.map((r) => r.url)).toEqual(['/ftp/Information/WORK_PLAN/', '/ftp/Information/WORK_PLAN/Work_plan_3gpp_260106.xlsx']);
    const stored = app.db.select().from(positions).where(eq(positions.basis, WORK_PLAN_BASIS)).all();
    expect(stored.map((p) => [p.role, p.sourceRaw, p.evidenceUrl])).toEqual(Array(4).fill(['rapporteur', 'NTT DOCOMO', URL_260106]));
    expect(new Set(stored.map((p) => p.organizationId)).size).toBe(1);
    expect(stored[0]!.organizationId).not.toBeNull();
  });

  it('reading the same edition again changes nothing', async () => {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, {}, { timeoutMs: 5000 }), selectSources(['3gpp:workplan']), 'test');
    expect(summary!.outcome).toMatchObject({ recordsSeen: 4, recordsNew: 0, recordsChanged: 0 });
    expect(app.db.select().from(positions).all()).toHaveLength(4);
  });

  it('counts rapporteur items on the seat table only when asked, apart from the chair and vice-chair seats', async () => {
    const web = createApp(app);
    // On 2021-06-01 the CT1 and CT4 items are under way (started 2021-03-22); the SA1 item ended and the
    // CT6 item had not started — by the fixture's reconstructed dates, not 3GPP's (RECONSTRUCTED.md).
    const asked = await request(web).get('/leadership.json?at=2021-06-01&body=3gpp&rapporteurs=1&dates=2020-01-01').expect(200);
    expect(asked.body.table.total).toEqual({ seats: 0, chairs: 0, viceChairs: 0 });
    expect(asked.body.rapporteurs.table).toMatchObject({
      total: 2,
      byCountry: [{ country: 'JP', items: 2, label: '2 of 2 items' }],
      byCompany: [{ slug: 'ntt', name: 'NTT', country: 'JP', items: 2 }],
    });
    expect(asked.body.rapporteurs.table.items.map((i: { group: string; detail: string }) => [i.group, i.detail])).toEqual([
      ['CT1', 'WI 880022 eCPSOR_CON'],
      ['CT4', 'WI 900036 eCPSOR_CON'],
    ]);
    // 2020-01-01: only the SA1 stage 1 item (2019-09-16 to 2020-03-20).
    expect(asked.body.rapporteurs.history.map((h: { at: string; total: number }) => [h.at, h.total])).toEqual([['2020-01-01', 1], ['2021-06-01', 2]]);
    const csv = await request(web).get('/leadership.csv?at=2021-06-01&body=3gpp&rapporteurs=1&dates=2020-01-01').expect(200);
    expect(csv.text).toContain('2021-06-01,rapporteur-country,JP,Japan,2,,,2');
    expect(csv.text).toContain('2021-06-01,rapporteur-company,ntt,NTT,2,,,2');
    const html = await request(web).get('/leadership?at=2021-06-01&body=3gpp&rapporteurs=1').expect(200);
    expect(html.text).toContain('Rapporteurs on 2021-06-01');
    expect(html.text).toContain('&amp;rapporteurs&#x3D;1"');

    const plain = await request(web).get('/leadership.json?at=2021-06-01&body=3gpp').expect(200);
    expect(plain.body.rapporteurs).toBeNull();
    expect(plain.body.seats).toEqual([]);
    expect((await request(web).get('/leadership.json?rapporteurs=maybe').expect(400)).body.error.message).toBe('rapporteurs: must be 1 or 0');
  });

  it('stops with "layout changed" and stores nothing when the workbook lost its rapporteur column', async () => {
    const header = HEADER.filter((h) => h !== 'WI_rapporteur_name');
    const changed = Buffer.from(workbook([['', 850039, 'Stage 1 of eCPSOR_CON']], 'Work Items', header));
    const other = await startThreeGppSite({ '/ftp/Information/WORK_PLAN/Work_plan_3gpp_260106.xlsx': { body: changed } });
    try {
      const fresh = testApp();
      const [summary] = await runSources(scrapeContextFor(fresh, other.baseUrl, {}, { timeoutMs: 5000 }), selectSources(['3gpp:workplan']), 'test');
      expect(summary).toMatchObject({ status: 'layout-changed' });
      expect(fresh.db.select().from(positions).all()).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
