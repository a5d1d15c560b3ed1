// Series over time compare like with like, on the bundled real snapshot: the RAN plenary lists
// (RAN#90-e, December 2020, to RAN#110, December 2025: two meetings a year stored, one in 2020), SA2's
// three meetings (2020, 2023, 2024) and RAN1's lists of 2023 to 2025 (RAN1#112 to RAN1#122-bis: six
// meetings a year, five in 2025, RAN1#123 of November 2025 not stored).
//
// China's share by year was checked by hand with plain sqlite3 over the stored rows of a database
// seeded with the same files, no report code involved, e.g. for RAN alone:
//   with c as (select c.id, substr(c.date, 1, 4) y from contributions c join groups g on g.id = c.group_id
//              where g.code = 'RAN' and c.date is not null)
//   select y, count(*), (select sum(s.share) from contribution_sources s join c c2 on c2.id = s.contribution_id
//                        where c2.y = c.y and s.parent_country = 'CN') / count(*) from c group by y;
// RAN alone:    2020 165.02/813 = 20.30 %, 2021 433.88/1,739 = 24.95 %, 2022 443.51/1,731 = 25.62 %,
//               2023 521.26/2,059 = 25.32 %, 2024 424.89/1,743 = 24.38 %, 2025 596.19/1,973 = 30.22 %,
//               2026 0.25/1 (a RAN#110 document dated 29 January 2026)
// RAN and RAN1 (g.code in ('RAN', 'RAN1')), 2023–2025: 5,868.01/14,850 = 39.52 %, 4,978.70/12,657 = 39.34 %,
//               3,741.35/10,196 = 36.69 %
// per group, 2023–2025: RAN1 41.80 %, 41.72 %, 38.25 %; SA2 (2023, 2024) 46.40 %, 41.86 %
// Meetings per year, by each meeting's first day (RAN) or the month most of its contributions are dated
// in (RAN1's lists give no first day): select m.name, substr(c.date, 1, 7), count(*) … group by m.id, 2.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { compareReport } from '../../server/reports/compare.js';
import { countryReport } from '../../server/reports/country.js';
import { sharesOverTime } from '../../server/reports/trends.js';
import { loadSnapshot } from '../../scrapers/pipeline/seed.js';
import { testApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = testApp();
  const ran1 = /TSGR1_(11[2-9]|12\d)/;
  await loadSnapshot(app, { only: (file) => /TDoc_List_Meeting_RAN#|sa2_TdocsByAgenda/.test(file) || ran1.test(file) });
}, 300_000);
afterAll(() => closeDatabase(app.db));

/** China's share per period, to four decimals (the hand-checked figures above). */
const chinaShares = (cells: { period: string; country: string; share: number }[]) =>
  cells.filter((c) => c.country === 'CN').map((c) => [c.period, Number(c.share.toFixed(4))]);
const yearShares = (rows: { year: string; group: string | null; share: number | null }[]) =>
  rows.map((r) => [r.year, r.group, r.share === null ? null : Number(r.share.toFixed(4))]);

describe('the overview shares over time, on the snapshot', () => {
  it('count over RAN alone, the one group with a meeting in every year, and name the groups left out', () => {
    const report = sharesOverTime(app.db, {});
    expect(report.period).toBe('year');
    expect(report.coverage.rule).toBe('comparable');
    expect(report.coverage.groups.map((g) => [g.group, g.compared, g.leftOutBecause])).toEqual([
      ['RAN', true, null],
      ['RAN1', false, 'no meeting in 2020, 2021 and 2022'],
      ['SA2', false, 'no meeting in 2021, 2022 and 2025'],
    ]);
    // Not 32 → 25 → 26 → 32 → 32 % (SA2, about 45 % Chinese, in some years only): RAN's own figures.
    expect(chinaShares(report.cells)).toEqual([
      ['2020', 0.203],
      ['2021', 0.2495],
      ['2022', 0.2562],
      ['2023', 0.2532],
      ['2024', 0.2438],
      ['2025', 0.3022],
      ['2026', 0.25],
    ]);
    expect(report.periods.map((p) => [p.period, p.contributions])).toEqual([
      ['2020', 813],
      ['2021', 1739],
      ['2022', 1731],
      ['2023', 2059],
      ['2024', 1743],
      ['2025', 1973],
      ['2026', 1],
    ]);
  });

  it('marks the years whose coverage differs: one RAN meeting of the usual two in 2020, none in 2026', () => {
    const report = sharesOverTime(app.db, {}, { today: '2027-01-01' });
    expect(report.periods.filter((p) => p.partial).map((p) => [p.period, p.partialReason])).toEqual([
      ['2020', 'RAN: 1 meeting, usually at least 2'],
      ['2026', 'RAN: no meeting, usually at least 2'],
    ]);
    expect(report.coverage.summary).toBe(
      'Counted over RAN: the group with a meeting in every year of the range. Left out: RAN1 (no meeting in 2020, 2021 and 2022); ' +
        'SA2 (no meeting in 2021, 2022 and 2025). Partial: 2020 (RAN: 1 meeting, usually at least 2); 2026 (RAN: no meeting, usually at least 2).',
    );
    // Read on 1 July 2026, 2026 is also not over.
    expect(sharesOverTime(app.db, {}, { today: '2026-07-01' }).periods.at(-1)?.partialReason).toBe('not over yet; RAN: no meeting, usually at least 2');
  });

  it('counts every group as stored only when asked, and then says which years mix coverage', () => {
    const report = sharesOverTime(app.db, { coverage: 'all' }, { today: '2027-01-01' });
    expect(report.coverage.summary).toMatch(/^Counted over every group as stored \(RAN, RAN1 and SA2\), which mixes coverage: RAN1 has no meeting in 2020, 2021 and 2022; SA2 has no meeting in 2021, 2022 and 2025\./);
    // 2020: RAN 813 and SA2 713 contributions, China 165.02 + 326.08 of them (46 % of SA2's).
    expect(report.periods[0]).toMatchObject({ period: '2020', contributions: 1526, partial: true });
    expect(report.periods.filter((p) => !p.partial).map((p) => p.period)).toEqual(['2023', '2024']);
  });
});

describe("a country's years, on the snapshot", () => {
  it('count 2023–2025 over RAN and RAN1, leave SA2 out, and mark 2025, when RAN1#123 is not stored', () => {
    const report = countryReport(app.db, 'CN', { from: '2023-01-01', to: '2025-12-31' });
    expect(report.seriesCoverage.groups.filter((g) => g.compared).map((g) => g.group)).toEqual(['RAN', 'RAN1']);
    expect(report.seriesCoverage.groups.find((g) => g.group === 'SA2')?.leftOutBecause).toBe('no meeting in 2025');
    expect(report.byYear.map((y) => [y.year, y.allContributions, y.contributions, Number(y.fractional.toFixed(2))])).toEqual([
      ['2023', 14850, 6090, 5868.01],
      ['2024', 12657, 5227, 4978.7],
      ['2025', 10196, 3907, 3741.35],
    ]);
    expect(yearShares(report.byYear)).toEqual([
      ['2023', null, 0.3952],
      ['2024', null, 0.3934],
      ['2025', null, 0.3669],
    ]);
    expect(report.byYear.map((y) => y.partialReason)).toEqual([null, null, 'RAN1: 5 meetings, usually at least 6']);
    // The total over the range is not a series: every group, SA2 included.
    expect(report.totals.allContributions).toBe(14850 + 12657 + 10196 + 991 + 1374);
  });

  it('gives a series per group when asked, each group partial on its own account', () => {
    const report = countryReport(app.db, 'CN', { from: '2023-01-01', to: '2025-12-31', coverage: 'per-group' });
    expect(yearShares(report.byYear)).toEqual([
      ['2023', 'RAN', 0.2532],
      ['2024', 'RAN', 0.2438],
      ['2025', 'RAN', 0.3022],
      ['2023', 'RAN1', 0.418],
      ['2024', 'RAN1', 0.4172],
      ['2025', 'RAN1', 0.3825],
      ['2023', 'SA2', 0.464],
      ['2024', 'SA2', 0.4186],
    ]);
    expect(report.byYear.filter((y) => y.partial).map((y) => [y.group, y.year, y.partialReason])).toEqual([['RAN1', '2025', '5 meetings, usually at least 6']]);
  });

  it('counts the group filtered alone', () => {
    const report = countryReport(app.db, 'CN', { group: 'RAN' });
    expect(report.seriesCoverage.rule).toBe('group');
    expect(yearShares(report.byYear).slice(0, 6)).toEqual([
      ['2020', null, 0.203],
      ['2021', null, 0.2495],
      ['2022', null, 0.2562],
      ['2023', null, 0.2532],
      ['2024', null, 0.2438],
      ['2025', null, 0.3022],
    ]);
  });

  it('puts two countries side by side over the same groups and years (compare)', () => {
    const report = compareReport(app.db, app.resolver, { organizations: [], countries: ['CN', 'US'] }, { from: '2023-01-01', to: '2025-12-31' });
    expect(report.years.map((y) => [y.year, y.contributions, y.partial, Number(y.values[0]!.share!.toFixed(4))])).toEqual([
      ['2023', 14850, false, 0.3952],
      ['2024', 12657, false, 0.3934],
      ['2025', 10196, true, 0.3669],
    ]);
  });
});

describe('the pages, their JSON and the documents behind a figure, on the snapshot', () => {
  let web: ReturnType<typeof createApp>;
  beforeAll(() => {
    web = createApp(app);
  });

  it('say which groups the series counts, in the page and in meta.coverage', async () => {
    const json = (await request(web).get('/countries/CN.json?from=2023-01-01&to=2025-12-31').expect(200)).body;
    expect(json.meta.filters).toEqual({ from: '2023-01-01', to: '2025-12-31' });
    expect(json.meta.coverage).toMatchObject({
      rule: 'comparable',
      period: 'year',
      compared: [{ body: '3gpp', group: 'RAN' }, { body: '3gpp', group: 'RAN1' }],
      leftOut: [{ body: '3gpp', group: 'SA2', reason: 'no meeting in 2025' }],
      partial: [{ period: '2025', group: null, reason: 'RAN1: 5 meetings, usually at least 6' }],
    });
    const html = (await request(web).get('/countries/CN?from=2023-01-01&to=2025-12-31').expect(200)).text;
    expect(html).toContain('Counted over RAN and RAN1: the groups with a meeting in every year of the range. Left out: SA2 (no meeting in 2025).');
    expect(html).toContain('2025 <abbr class="partial" title="RAN1: 5 meetings, usually at least 6">(partial)</abbr>');
    const csv = (await request(web).get('/countries/CN.csv?from=2023-01-01&to=2025-12-31').expect(200)).text;
    expect(csv).toMatch(/\nyear,2025,,,3907,3741\.3\d*,,,0\.366\d*,,"RAN1: 5 meetings, usually at least 6",,1\r?\n/);
  });

  it("links a year's figure to exactly the documents it counted: the compared groups named", async () => {
    const html = (await request(web).get('/countries/CN?from=2023-01-01&to=2025-12-31').expect(200)).text;
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&').replaceAll('&#x3D;', '='));
    // China's 5,227 contributions of 2024 (RAN and RAN1), and all 12,657 of the year in those groups.
    const china = '/contributions?groups=RAN%2CRAN1&from=2024-01-01&to=2024-12-31&country=CN';
    const all = '/contributions?groups=RAN%2CRAN1&from=2024-01-01&to=2024-12-31';
    expect(links).toContain(china);
    expect(links).toContain(all);
    const total = async (link: string) => (await request(web).get(link.replace('/contributions', '/contributions.json')).expect(200)).body.data.total;
    expect(await total(china)).toBe(5227);
    expect(await total(all)).toBe(12657);
  });

  it('takes the coverage as a filter: a bad one is a 400 naming it, and record lists refuse it', async () => {
    const bad = (await request(web).get('/index.json?coverage=like').expect(400)).body;
    expect(bad.error).toEqual({ status: 400, message: 'coverage: must be one of comparable, all, per-group', parameter: 'coverage' });
    const api = (await request(web).get('/api/contributions?coverage=all').expect(400)).body;
    expect(api.error.parameter).toBe('coverage');
    const groups = (await request(web).get('/contributions.json?groups=RAN,XYZ').expect(400)).body;
    expect(groups.error.message).toMatch(/^groups: no group "XYZ"/);
    const overview = (await request(web).get('/index.json?coverage=per-group').expect(200)).body;
    expect(overview.meta.coverage.rule).toBe('per-group');
    expect(overview.meta.filters).toEqual({});
    const openapi = (await request(web).get('/api/openapi.json').expect(200)).body;
    const names = (path: string) => (openapi.paths[path].get.parameters as { name: string }[]).map((p) => p.name);
    expect(names('/index.json')).toContain('coverage');
    expect(names('/countries.json')).not.toContain('coverage');
  });
});

describe('the full-text index after loading real lists of three formats', () => {
  // No trigger indexes an insert (migration 0020): every path that stores contributions must index
  // them. FTS5's own integrity-check compares the index with the table and throws when they differ.
  it('holds every stored contribution, as a rebuild would', () => {
    expect(() => app.db.$client.exec("insert into contributions_fts (contributions_fts) values ('integrity-check')")).not.toThrow();
    const count = (sql: string) => app.db.$client.prepare(sql).pluck().get();
    expect(count('select count(*) from contributions_fts')).toBe(count('select count(*) from contributions'));
  });
});
