// Work-item rapporteurs from 3GPP's work plan: the real work plan of 10 January 2023 (e-mail addresses
// redacted, nothing else changed; test/fixtures/3gpp/SOURCES.md), read row by row against values read
// off the workbook by hand (its sheet XML and shared strings, with a separate script); the portal's
// spelling of the columns on the reconstructed workbook, the one shape the real file lacks; and the
// source end to end against the fixture server at the real paths.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions } from '../../../db/schema.js';
import { createApp } from '../../../server/app.js';
import { LayoutChangedError, UnreadableInputError } from '../../../scrapers/errors.js';
import { parseWorkPlan, WORK_PLAN_BASIS } from '../../../scrapers/3gpp/parse-work-plan.js';
import { rapporteurCompanies, rapporteurNaming } from '../../../scrapers/3gpp/work-plan-rapporteur.js';
import { newestWorkPlan, workPlanDate } from '../../../scrapers/3gpp/workplan.js';
import { runSources } from '../../../scrapers/pipeline/run.js';
import { selectSources } from '../../../scrapers/sources.js';
import type { ParsedPosition } from '../../../domain/types.js';
import { fixture, testApp, type TestApp } from '../../support/app.js';
import type { FixtureServer } from '../../support/fixture-server.js';
import { scrapeContextFor } from '../../support/scrape-context.js';
import { startThreeGppSite } from '../../support/three-gpp-site.js';

const URL_230110 = 'https://www.3gpp.org/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm';
const URL_260106 = 'https://www.3gpp.org/ftp/Information/WORK_PLAN/Work_plan_3gpp_260106.xlsx';
const naming = rapporteurNaming(testApp().resolver);
const REAL = readFileSync(fixture('3gpp', 'Work_plan_3gpp_230110.emails-redacted.xlsm'));

/** The seats of one item, by its Unique_ID: group, company, from, to. */
function seatsOf(list: ParsedPosition[], uid: number) {
  return list.filter((p) => p.detail?.startsWith(`WI ${uid} `) || p.detail === `WI ${uid}`).map((p) => [p.group.code, p.sourceText, p.from, p.to]);
}

describe('the real work plan of 10 January 2023', () => {
  const roster = parseWorkPlan(REAL, { url: URL_230110, naming });

  it('reads its 8,143 items; of those naming a rapporteur company and a lead group, all but the 7 led outside 3GPP become dated seats', () => {
    // Counted with a separate script on the sheet XML: 8,143 distinct non-zero Unique_IDs; 920 with no
    // rapporteur (empty, "-", "TBD", "n/a") and one that names a meeting ("CT#42"); 7 with a rapporteur
    // whose first lead group is not a 3GPP group: OMA (6: "OMA" ×5, "Nokia") and "ITU-R AH" (Huawei).
    expect(roster).toMatchObject({ body: '3gpp', format: '3gpp-work-plan', basis: WORK_PLAN_BASIS, scope: 'work-plan' });
    expect(roster.counts).toMatchObject({ items: 8143, withoutRapporteur: 921, unmappedGroup: 7, undated: 0 });
    expect(roster.counts.seated).toBe(roster.counts.named - 7);
    expect(roster.counts.seated / roster.counts.named).toBeGreaterThan(0.998);
    expect(roster.warnings).toContain('lead group "OMA" (6 item(s)) is not a 3GPP group; skipped');
    expect(roster.warnings).toContain('lead group "ITU-R AH" (1 item(s)) is not a 3GPP group; skipped');
    expect(roster.positions.every((p) => p.role === 'rapporteur' && p.person === null && p.evidenceUrl === URL_230110 && p.from !== null)).toBe(true);
  });

  it('takes the company from each form of the rapporteur cell, and never the person', () => {
    // Row 514: "Ericsson", R1, Start 44543 (2021-12-13), 42 %: under way, open.
    expect(seatsOf(roster.positions, 940093)).toEqual([['RAN1', 'Ericsson', '2021-12-13', null]]);
    // Row 4957: "Huawei, China Mobile" — co-rapporteurs, one seat each; S1, 2010-12-16 to 2011-12-14, 100 %.
    expect(seatsOf(roster.positions, 500036)).toEqual([
      ['SA1', 'Huawei', '2010-12-16', '2011-12-14'],
      ['SA1', 'China Mobile', '2010-12-16', '2011-12-14'],
    ]);
    // Row 135: "Herrero Veron, Christian (Huawei)", C1, 2022-12-16, 0 %.
    expect(seatsOf(roster.positions, 980044)).toEqual([['CT1', 'Huawei', '2022-12-16', null]]);
    // Row 7: "Yuying Zhang, China Telecom", S1, 2022-09-01 to 2022-09-19, 100 %.
    expect(seatsOf(roster.positions, 970044)).toEqual([['SA1', 'China Telecom', '2022-09-01', '2022-09-19']]);
    // Row 309: "Sedlacek, Ivo, Ericsson", C1, 2022-12-15, 10 %.
    expect(seatsOf(roster.positions, 980040)).toEqual([['CT1', 'Ericsson', '2022-12-15', null]]);
    // Row 2346: "Intel, Vivek Gupta" (the company first), lead group written "ct", 2017-06-02 to 2017-12-06.
    expect(seatsOf(roster.positions, 760026)).toEqual([['CT', 'Intel', '2017-06-02', '2017-12-06']]);
    // Row 989: "Evans, Tim, Vodafone": "Tim" is the given name, not Telecom Italia's brand TIM.
    expect(seatsOf(roster.positions, 910025)).toEqual([['SA3', 'Vodafone', '2021-03-18', '2021-12-10']]);
    // Row 671: "China Mobile Guangjing Cao" (no comma): China Mobile, not the person.
    expect(seatsOf(roster.positions, 950032)).toEqual([['SA5', 'China Mobile', '2022-03-10', null]]);
  });

  it('resolves an address to the company of its domain, in the cell or, for a person alone, in the e-mail column', () => {
    const fromDomain = "; company from the rapporteur's e-mail domain";
    // Row 1086: "redacted@ericsson.com" as the rapporteur name; S6, 2019-06-06 to 2020-09-11.
    expect(seatsOf(roster.positions, 840038)).toEqual([['SA6', 'Ericsson', '2019-06-06', '2020-09-11']]);
    expect(roster.positions.find((p) => p.detail?.startsWith('WI 840038'))!.detail).toBe(`WI 840038 MCIOPS${fromDomain}`);
    // Row 3183: "Zhiming Li (redacted@huawei.com)"; S4, 2014-12-12 to 2016-03-11.
    expect(seatsOf(roster.positions, 670022)).toEqual([['SA4', 'Huawei', '2014-12-12', '2016-03-11']]);
    // Row 302: "Jack Nasielski" alone; the e-mail column "jackn <at> qti.qualcomm.com" (written to escape harvesters).
    expect(seatsOf(roster.positions, 890023)).toEqual([['SA1', 'Qualcomm', '2020-09-16', '2021-06-11']]);
    // Row 881: "Liang LIU, AngeloCentonza", two people; the e-mail column names China Mobile and Ericsson.
    expect(seatsOf(roster.positions, 860153)).toEqual([
      ['RAN3', 'China Mobile', '2019-12-16', '2022-03-22'],
      ['RAN3', 'Ericsson', '2019-12-16', '2022-03-22'],
    ]);
    // Row 5104: "Keith Drage" alone, e-mail "-"; row 320: "Baniel, Uri…uri dot baniel at oracle dot com"
    // (oracle.com is in no reviewed table): no company can be told, no seat, and no name kept.
    expect(seatsOf(roster.positions, 531005)).toEqual([]);
    expect(seatsOf(roster.positions, 970004)).toEqual([]);
    // Row 3188: the same person with his company, "Keith Drage, Alcatel-Lucent", ct, 96 % by the edition.
    expect(seatsOf(roster.positions, 690011)).toEqual([['CT', 'Alcatel-Lucent', '2015-09-07', '2016-06-30']]);
  });

  it('maps the legacy lead groups to the groups 3GPP says took them over, or to their own closed group', () => {
    expect(seatsOf(roster.positions, 11036)).toEqual([['CT1', 'Lucent', '2002-12-13', '2004-12-08']]); // N1 (CN1 → CT1)
    expect(seatsOf(roster.positions, 12007)).toEqual([['CT4', 'Samsung', '2003-03-28', '2003-12-31']]); // N2, N4 (CAMEL → CT4)
    expect(seatsOf(roster.positions, 10004)).toEqual([['CT', 'Lucent', '2000-01-03', '2002-06-14']]); // NP (TSG CN → TSG CT)
    expect(seatsOf(roster.positions, 41004)).toEqual([['RAN5', 'Anritsu', '2002-09-18', '2003-09-30']]); // T1 → RAN5
    expect(seatsOf(roster.positions, 43010)).toEqual([['CT6', 'Axalto', '2003-09-05', '2005-03-04']]); // T3 → CT6
    expect(seatsOf(roster.positions, 42009)).toEqual([['T2', 'Siemens', '2002-08-15', '2005-12-07']]); // T2, closed 2005
    expect(seatsOf(roster.positions, 520001)).toEqual([
      ['GERAN', 'China Mobile', '2010-10-27', '2014-05-30'], // GP, G2, G1: the GERAN plenary leads
      ['GERAN', 'Huawei', '2010-10-27', '2014-05-30'],
    ]);
    expect(seatsOf(roster.positions, 610016)).toEqual([['GERAN3', 'Sierra Wireless', '2013-09-02', '2014-02-28']]); // G3new
    expect(seatsOf(roster.positions, 760082)).toEqual([['RAN6', 'Ericsson', '2017-03-15', '2017-12-15']]); // R6
    expect(seatsOf(roster.positions, 970002)).toEqual([['SA3', 'BT', '2022-09-14', null]]); // S3LI
    expect(seatsOf(roster.positions, 360005)).toEqual([['CT5', 'Alcatel-Lucent', '2007-10-25', '2008-05-30']]); // C5
    expect(seatsOf(roster.positions, 910016)).toEqual([['CT', 'Ericsson', '2021-03-18', '2022-03-11']]); // ct
  });

  it('ends a stopped item at its Finish, and an item of a frozen release left under 100 % a year past its Finish', () => {
    // Row 316: eUEPO, S2, 0 %, "TSG stopped" 97: ends at its Finish 2023-03-03.
    expect(seatsOf(roster.positions, 970025)).toEqual([['SA2', 'Intel', '2022-09-09', '2023-03-03']]);
    // Row 1556: NR_unlic, R1, 73 %, Finish 43814 (2019-12-15), more than a year before the edition (2023-01-09).
    expect(seatsOf(roster.positions, 820067)).toEqual([['RAN1', 'Qualcomm', '2017-03-15', '2019-12-15']]);
    expect(roster.counts.overdue).toBeGreaterThan(150);
  });
});

describe('the work plan stores no address and no person', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = testApp();
    const { importFile } = await import('../../../scrapers/pipeline/import.js');
    const result = importFile(app, fixture('3gpp', 'Work_plan_3gpp_230110.emails-redacted.xlsm'), { url: URL_230110 });
    expect(result).toMatchObject({ kind: 'seats', format: '3gpp-work-plan', basis: WORK_PLAN_BASIS });
  });

  it('holds no "@" and none of the people the hand-checked rows name, in any text column of any table', () => {
    const tables = app.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'").pluck().all() as string[];
    // Names read off the rows above, and the addresses written to escape harvesters.
    const people = ['Herrero', 'Yuying', 'Sedlacek', 'Vivek', 'Evans', 'Guangjing', 'Zhiming', 'Nasielski', 'jackn', 'Centonza', 'Drage', 'Baniel', 'uri dot', 'Changhong'];
    const found: string[] = [];
    for (const table of tables) {
      const columns = (app.db.$client.prepare(`select name, type from pragma_table_info('${table}')`).all() as { name: string; type: string }[]).filter((c) => /text/i.test(c.type));
      for (const { name } of columns) {
        for (const needle of ['@', ...people]) {
          const n = app.db.$client.prepare(`select count(*) from "${table}" where instr(lower("${name}"), lower(?)) > 0`).pluck().get(needle) as number;
          if (n > 0) found.push(`${table}.${name}: ${needle} (${n})`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('stores the seats resolved, and /leadership shows the rapporteurs by country and company over time', async () => {
    const stored = app.db.select().from(positions).where(eq(positions.basis, WORK_PLAN_BASIS)).all();
    expect(stored.length).toBeGreaterThan(7000);
    // Row 135's seat, resolved to Huawei.
    const sealdd = stored.find((p) => p.detail === 'WI 980044 SEALDD')!;
    expect(sealdd.organizationId).not.toBeNull();
    const web = createApp(app);
    const report = await request(web).get('/leadership.json?at=2022-06-01&body=3gpp&rapporteurs=1&dates=2010-01-01,2016-01-01').expect(200);
    expect(report.body.data.rapporteurs.history.map((h: { at: string }) => h.at)).toEqual(['2010-01-01', '2016-01-01', '2022-06-01']);
    // Huawei leads the items under way on 2022-06-01 (the most common company of the column).
    expect(report.body.data.rapporteurs.table.byCompany[0]).toMatchObject({ slug: 'huawei', country: 'CN' });
    const csv = await request(web).get('/leadership.csv?at=2022-06-01&body=3gpp&rapporteurs=1&dates=2016-01-01').expect(200);
    expect(csv.text).toMatch(/\n2016-01-01,rapporteur-country,CN,China,\d+,,,\d+/);
    const html = await request(web).get('/leadership?at=2022-06-01&body=3gpp&rapporteurs=1').expect(200);
    expect(html.text).toContain('Rapporteurs on 2022-06-01');
    expect(html.text).toContain('&amp;rapporteurs&#x3D;1"');
    // Not asked: no rapporteurs, and the work plan's thousands of item seats stay out of the seat list.
    const plain = await request(web).get('/leadership.json?at=2022-06-01&body=3gpp').expect(200);
    expect(plain.body.data.rapporteurs).toBeNull();
    expect(plain.body.data.seats).toEqual([]);
    expect((await request(web).get('/leadership.json?rapporteurs=maybe').expect(400)).body.error.message).toBe('rapporteurs: must be 1 or 0');
  });
});

describe('rapporteur cells with the addresses the published workbook holds', () => {
  // The fixture's addresses are redacted; the published workbook has the people's own. These cells
  // are made here in the forms the real column shows, with made-up people.
  it('keeps the company of every address and no part of any address or name', () => {
    const cells: [string, string | null, string[]][] = [
      ['jane.roe@ericsson.com', null, ['Ericsson']],
      ['Jane Roe (jane.roe@qti.qualcomm.com)', null, ['Qualcomm']],
      ['jane.roe@chinamobile.com, john.doe@nokia.com', null, ['China Mobile', 'Nokia']],
      ['john.doe @ericsson.com', null, []],
      ['Doe, John <john.doe@huawei.com>', null, ['Huawei']],
      ['John Doe', 'john.doe@gmail.com', []],
      ['John Doe', 'john dot doe at intel dot com', ['Intel']],
    ];
    for (const [cell, email, companies] of cells) {
      const read = rapporteurCompanies(cell, email, naming);
      expect(read.companies).toEqual(companies);
      expect(JSON.stringify(read)).not.toMatch(/@|jane|john|roe|doe/i);
    }
  });
});

describe("the portal's spelling of the work plan (reconstructed workbook)", () => {
  const HEADER = ['ID', 'Unique_ID', 'Name', 'Acronym', 'Outline_Level', 'Release', 'Resource_Names', 'Start_Date', 'Finish_Date',
    'Percent_Complete', 'Hyperlink', 'Status_Report', 'WI_rapporteur_name', 'WI_rapporteur_e_mail', 'Notes', 'Impacted_TSs_and_TRs'];
  const workbook = (rows: unknown[][], sheetName = 'Work Items', header: string[] = HEADER): Uint8Array => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), sheetName);
    return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  };
  // The real file writes `ResourceNames`, `Start`, `%Complete` on sheet `Work_plan_3gpp`; the portal's
  // exporter `Resource_Names`, `Start_Date`, `Percent_Complete` on `Work Items`. No real file of the
  // second shape could be captured: Work_plan_3gpp_260106.reconstructed.xlsx stands for it (RECONSTRUCTED.md).
  const bytes = readFileSync(fixture('3gpp', 'Work_plan_3gpp_260106.reconstructed.xlsx'));

  it("reads the portal's column names: eCPSOR_CON's four items with a lead group, NTT DOCOMO", () => {
    const roster = parseWorkPlan(bytes, { url: URL_260106, naming });
    // Groups and company as TR 21.917 lists them; the dates are the fixture's, not 3GPP's (RECONSTRUCTED.md).
    expect(roster.positions.map((p) => [p.group.code, p.sourceText, p.detail, p.from, p.to])).toEqual([
      ['SA1', 'NTT DOCOMO', 'WI 850039 eCPSOR_CON', '2019-09-16', '2020-03-20'],
      ['CT1', 'NTT DOCOMO', 'WI 880022 eCPSOR_CON', '2021-03-22', '2022-03-25'],
      ['CT4', 'NTT DOCOMO', 'WI 900036 eCPSOR_CON', '2021-03-22', '2022-03-25'],
      ['CT6', 'NTT DOCOMO', 'WI 920061 eCPSOR_CON', '2021-06-07', '2022-06-10'],
    ]);
    expect(roster.counts).toMatchObject({ items: 8, withoutRapporteur: 3, withoutLeadGroup: 1, named: 4, seated: 4 });
  });

  it('finds its columns by name when they move or lose their underscores, and takes the first of several groups', () => {
    const header = ['Unique ID', 'WI rapporteur name', 'Name', 'Resource Names', 'Start Date', 'Finish Date', 'Percent Complete'];
    const roster = parseWorkPlan(workbook([[7, 'Samsung', 'Moved columns', 'C3,C4', '2020-01-06', '2020-12-18', '100%']], 'Sheet1', header), { url: URL_260106, naming });
    expect(roster.positions.map((p) => [p.group.code, p.sourceText, p.to])).toEqual([['CT3', 'Samsung', '2020-12-18']]);
  });

  it('refuses a workbook without the rapporteur column as a layout change, and a truncated file as unreadable', () => {
    const header = HEADER.filter((h) => h !== 'WI_rapporteur_name');
    expect(() => parseWorkPlan(workbook([[1, 2]], 'Work Items', header), { url: URL_260106, naming })).toThrow(LayoutChangedError);
    expect(() => parseWorkPlan(REAL.subarray(0, 2000), { url: URL_230110, naming })).toThrow(UnreadableInputError);
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

  it('walks the WORK_PLAN listing to the newest work plan, the real one of January 2023, and stores its rapporteur seats', async () => {
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, {}, { timeoutMs: 10000 }), selectSources(['3gpp:workplan']), 'test');
    expect(summary).toMatchObject({ source: '3gpp:workplan', status: 'ok', error: null });
    expect(site.requests.map((r) => r.url)).toEqual(['/ftp/Information/WORK_PLAN/', '/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm']);
    const stored = app.db.select().from(positions).where(eq(positions.basis, WORK_PLAN_BASIS)).all();
    expect(summary!.outcome).toMatchObject({ documentsFetched: 2, recordsSeen: stored.length, recordsNew: stored.length, errors: [] });
    expect(stored.find((p) => p.detail === 'WI 980044 SEALDD')).toMatchObject({ sourceRaw: 'Huawei', evidenceUrl: URL_230110, toDate: null });
  });

  it('reading the same edition again changes nothing', async () => {
    const before = app.db.select().from(positions).all().length;
    const [summary] = await runSources(scrapeContextFor(app, site.baseUrl, {}, { timeoutMs: 10000 }), selectSources(['3gpp:workplan']), 'test');
    expect(summary!.outcome).toMatchObject({ recordsNew: 0, recordsChanged: 0 });
    expect(app.db.select().from(positions).all()).toHaveLength(before);
  });

  it('stops with "layout changed" and stores nothing when the workbook lost its rapporteur column', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Unique_ID', 'Name', 'ResourceNames'], [850039, 'Stage 1 of eCPSOR_CON', 'S1']]), 'Work_plan_3gpp');
    const changed = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const other = await startThreeGppSite({ '/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm': { body: changed } });
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
