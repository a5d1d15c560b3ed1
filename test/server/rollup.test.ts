// The report rollup (db/rollup.ts, server/reports/rollup.ts) against the raw queries it stands in for:
// every report function gives the same result both ways, for every counting option the rollup covers,
// on the hand-made seeded database and on the bundled real snapshot, and still after stores that
// change a status, add sources, date a meeting's contributions, and after a registry change that
// re-resolves an alias and moves an organization to another country. The expected values are the
// raw queries' own (the reports' tests check those by hand); here the claim is only "the same".
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../db/client.js';
import { refreshRollups, rollupsStale } from '../../db/rollup.js';
import { applyRegistry, rebuildTdocSeats, storeListing, TDOC_SEAT_BASIS } from '../../db/write.js';
import { loadSnapshot } from '../../scrapers/seed.js';
import { buildRegistry, readRegistryFiles } from '../../scrapers/resolve/registry.js';
import { createResolver, type Resolver } from '../../scrapers/resolve/resolve.js';
import { companyReport } from '../../server/reports/company.js';
import { countryReport } from '../../server/reports/country.js';
import { digestReport } from '../../server/reports/digest.js';
import { countryDocumentsPerPeriod } from '../../server/reports/documents.js';
import { sharesOverTime } from '../../server/reports/trends.js';
import type { Filters } from '../../server/reports/filters.js';
import { countriesReport, organizationsReport, overviewReport, unresolvedReport } from '../../server/reports/overview.js';
import { rollupCovers, splitRange, withoutRollups } from '../../server/reports/rollup.js';
import { seededApp, seededContribution, seededListing } from '../support/seeded.js';
import { testApp, tempDir, type TestApp } from '../support/app.js';

// Fractional counts are sums of 1/n shares: the rollup adds per-bucket sums, the raw queries add the
// shares one by one, so the last bit of a double may differ (112.54166666666667 against
// 112.54166666666666 for CN at RAN#92-e in the snapshot). Non-integer numbers are compared to 1e-9
// relative; everything else (integers, strings, order of rows) must be identical.
expect.addEqualityTesters([
  function closeFractions(a: unknown, b: unknown) {
    if (typeof a !== 'number' || typeof b !== 'number' || (Number.isInteger(a) && Number.isInteger(b))) return undefined;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  },
]);

const COUNTING: Filters[] = [];
for (const basis of [undefined, 'entity'] as const) {
  for (const withdrawn of [undefined, 'exclude'] as const) {
    for (const revisions of [undefined, 'collapse'] as const) COUNTING.push({ basis, withdrawn, revisions });
  }
}

/** Every counting combination within each scope (undefined options dropped, as parseFilters does). */
function combinations(scopes: Filters[]): Filters[] {
  return scopes.flatMap((scope) =>
    COUNTING.map((counting) => Object.fromEntries(Object.entries({ ...scope, ...counting }).filter(([, v]) => v !== undefined)) as Filters),
  );
}

interface Subjects {
  countries: string[];
  companies: string[];
  weeks: string[];
}

/** Each report computed from the rollup, then from the raw tables: equal, key by key. */
function expectSameBothWays(app: TestApp, filters: Filters, subjects: Subjects): void {
  const { db, resolver } = app;
  expect(rollupCovers(db, filters), JSON.stringify(filters)).toBe(true);
  const reports: [string, () => unknown][] = [
    ...subjects.countries.map((code) => [`country ${code}`, () => countryReport(db, code, filters)] as [string, () => unknown]),
    ...subjects.companies.map((slug) => [`company ${slug}`, () => companyReport(db, resolver, slug, filters)] as [string, () => unknown]),
    ['overview', () => overviewReport(db, filters)],
    ['countries', () => countriesReport(db, filters)],
    ['organizations', () => organizationsReport(db, filters)],
    ['unresolved', () => unresolvedReport(db, filters)],
  ];
  expectSame(reports, filters);
}

function expectSame(reports: [string, () => unknown][], filters: Filters): void {
  for (const [name, compute] of reports) {
    const fromRollup = compute();
    const raw = withoutRollups(compute);
    expect(fromRollup, `${name} ${JSON.stringify(filters)}`).toEqual(raw);
  }
}

/** The shares over time (overview) and the documents behind their cells, both ways. */
function expectSameShares(app: TestApp, filters: Filters): void {
  const { db } = app;
  expectSame(
    [
      ['shares over time', () => sharesOverTime(db, filters)],
      ['shares per year', () => sharesOverTime(db, filters, { period: 'year' })],
      ['shares per quarter', () => sharesOverTime(db, filters, { period: 'quarter' })],
      ['documents per quarter and country', () => Object.fromEntries(countryDocumentsPerPeriod(db, filters, 'quarter'))],
      ['documents per year and country', () => Object.fromEntries(countryDocumentsPerPeriod(db, filters, 'year'))],
    ],
    filters,
  );
}

function expectSameDigests(app: TestApp, weeks: string[]): void {
  const now = new Date('2026-01-01T00:00:00Z');
  for (const week of weeks) {
    expect(digestReport(app.db, week, now), week).toEqual(withoutRollups(() => digestReport(app.db, week, now)));
  }
}

const rollupRows = (db: Db) => db.get<{ n: number }>(sql`select count(*) as n from report_counts`)!.n;

// Stores over the seeded database use its own hand-made contributions and listings.
const c = seededContribution;
const listing = seededListing;

/** The registry with an edit a reviewer could make: an alias added, a country changed. */
function editedResolver(edit: (records: Record<string, unknown>[]) => Record<string, unknown>[]): Resolver {
  const files = readRegistryFiles().map((file) =>
    file.name === 'organizations.yaml' ? { ...file, content: edit(file.content as Record<string, unknown>[]) } : file,
  );
  return createResolver(buildRegistry(files));
}

// Date ranges read whole years, whole months and edge days counted on the spot (splitRange): each
// kind of cut is here, alone and together.
const SEEDED_SCOPES: Filters[] = [
  {},
  { from: '2024-06-02', to: '2024-06-30' },
  { from: '2024-06-04' },
  { to: '2024-06-03' },
  { body: '3gpp', group: 'RAN' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2023-12-15', to: '2024-07-31', group: 'RAN' },
];
const SEEDED: Subjects = { countries: ['CN', 'FI', 'US', 'KR', 'SE'], companies: ['huawei', 'nokia', 'zte', 'samsung'], weeks: ['2024-W22', '2024-W23', '2024-W48'] };

describe('splitRange: a date range as whole years, whole months and edge days', () => {
  it('cuts a range into the parts the counts hold whole and the days left over', () => {
    // Worked by hand: 15 Nov 2023 .. 10 Feb 2025 = the rest of Nov 2023 (days), Dec 2023 (a month),
    // 2024 (a year), Jan 2025 (a month), 1..10 Feb 2025 (days).
    expect(splitRange('2023-11-15', '2025-02-10')).toEqual({
      years: ['2024', '2024'],
      months: [['2023-12', '2023-12'], ['2025-01', '2025-01']],
      days: [['2023-11-15', '2023-11-30'], ['2025-02-01', '2025-02-10']],
    });
    expect(splitRange()).toEqual({ years: [null, null], months: [], days: [] });
    expect(splitRange('2024-01-01', '2024-12-31')).toEqual({ years: ['2024', '2024'], months: [], days: [] });
    expect(splitRange('2024-06-04')).toEqual({ years: ['2025', null], months: [['2024-07', '2024-12']], days: [['2024-06-04', '2024-06-30']] });
    expect(splitRange(undefined, '2024-06-03')).toEqual({ years: [null, '2023'], months: [['2024-01', '2024-05']], days: [['2024-06-01', '2024-06-03']] });
    // Inside one month, and across two months with no whole month between.
    expect(splitRange('2024-06-02', '2024-06-30')).toEqual({ years: null, months: [], days: [['2024-06-02', '2024-06-30']] });
    expect(splitRange('2024-02-20', '2024-03-10')).toEqual({ years: null, months: [], days: [['2024-02-20', '2024-02-29'], ['2024-03-01', '2024-03-10']] });
    // Whole months within one year; a leap-year February ends on the 29th.
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({ years: null, months: [['2024-02', '2024-02']], days: [] });
    expect(splitRange('2023-02-01', '2023-02-28')).toEqual({ years: null, months: [['2023-02', '2023-02']], days: [] });
  });
});

describe('the rollup on the seeded database', () => {
  it('answers every report as the raw queries do, for every counting option and scope', () => {
    const app = seededApp();
    expect(rollupsStale(app.db)).toBe(false); // storeListing recomputed its buckets before committing
    expect(rollupRows(app.db)).toBeGreaterThan(0);
    for (const filters of combinations(SEEDED_SCOPES)) {
      expectSameBothWays(app, filters, SEEDED);
      expectSameShares(app, filters);
    }
    expectSameDigests(app, SEEDED.weeks);
  });

  it('stays right when a long-running server has counted more edge-day ranges than it keeps', () => {
    // 80 date ranges, each with two edge-day ranges (the end of one month, the start of the next)
    // counted in the same read, for two dimensions (everyone, countries): 320 (range, dimension)
    // pairs, more than the 256 kept before the temporary counts are dropped.
    const app = seededApp();
    expect(withoutRollups(() => countriesReport(app.db, { from: '2024-05-02', to: '2024-06-01' })).countries.length).toBeGreaterThan(0);
    for (let i = 0; i < 80; i++) {
      const from = `2024-05-${String(2 + (i % 27)).padStart(2, '0')}`;
      const to = `2024-06-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`;
      const filters: Filters = { from, to };
      expect(countriesReport(app.db, filters), JSON.stringify(filters)).toEqual(withoutRollups(() => countriesReport(app.db, filters)));
    }
  });

  it('leaves a topic to the raw queries', () => {
    const app = seededApp();
    expect(rollupCovers(app.db, { topic: 'iot' })).toBe(false);
  });

  it('stays equal after stores that change a status, add sources, move a date and date a meeting', () => {
    const app = seededApp();
    storeListing(
      app.db,
      app.resolver,
      listing('RAN#104', '2024-06-17', [
        c('RP-240002', 'Huawei, Ericsson', 'approved', '2024-06-02'), // noted → approved
        c('RP-240005', 'CMCC, Huawei, China Telecom, ZTE', 'revised', '2024-06-05'), // sources added
        c('RP-240007', 'Fainity Innovation', 'noted', '2024-06-09'), // another day
      ]),
      { rawDocumentId: null, seenAt: '2024-06-21T00:00:00Z' },
    );
    // A meeting first listed without a date, its contributions undated until a later list dates it.
    storeListing(app.db, app.resolver, listing('RAN#107', null, [c('RP-250100', 'Samsung, Nokia', null, null)]), { rawDocumentId: null, seenAt: '2025-03-01T00:00:00Z' });
    for (const filters of combinations([{}, { to: '2025-12-31' }])) expectSameBothWays(app, filters, SEEDED);
    storeListing(app.db, app.resolver, listing('RAN#107', '2025-03-10', [c('RP-250101', 'Samsung', 'agreed', null)]), { rawDocumentId: null, seenAt: '2025-03-12T00:00:00Z' });
    expect(rollupsStale(app.db)).toBe(false);
    for (const filters of combinations([{}, { from: '2025-01-01' }, { group: 'RAN', from: '2024-06-05', to: '2024-06-09' }])) {
      expectSameBothWays(app, filters, SEEDED);
    }
    // The two stores are seen in the counts: RP-240002 is now accepted (the raw report says so too).
    const huawei = companyReport(app.db, app.resolver, 'huawei', {});
    expect(huawei.outcomes.accepted).toBe(withoutRollups(() => companyReport(app.db, app.resolver, 'huawei', {})).outcomes.accepted);
    expect(huawei.totals.contributions).toBe(3); // RP-240001, RP-240002, RP-240005 (seeded.ts + the store above)
  });

  it('stays equal after a registry change re-resolves an alias and moves an organization to another country', () => {
    const app = seededApp();
    // Huawei before: RP-240001 (Huawei, HiSilicon) and RP-240002 (Huawei, Ericsson) in seeded.ts.
    expect(companyReport(app.db, app.resolver, 'huawei', {}).totals.contributions).toBe(2);
    expect(countryReport(app.db, 'DE', {}).totals.contributions).toBe(0);
    const resolver = editedResolver((records) =>
      records.map((r) => {
        if (r.slug === 'huawei') return { ...r, aliases: [...((r.aliases as string[]) ?? []), 'Fainity Innovation'] };
        if (r.slug === 'nokia') return { ...r, country: 'DE' }; // an edit for the test, not a fact
        return r;
      }),
    );
    expect(applyRegistry(app.db, resolver)).toBe(true);
    expect(rollupsStale(app.db)).toBe(false);
    const edited = { ...app, resolver };
    for (const filters of combinations([{}, { from: '2024-06-05' }])) expectSameBothWays(edited, filters, { ...SEEDED, countries: [...SEEDED.countries, 'DE'] });
    // RP-240007 (Fainity Innovation) now counts for Huawei: 3 contributions, from 2.
    expect(companyReport(app.db, resolver, 'huawei', {}).totals.contributions).toBe(3);
    expect(countryReport(app.db, 'DE', {}).totals.contributions).toBe(1); // RP-240003 (Nokia, Nokia Shanghai Bell)
  });

  it('is recomputed on read after a write that did not refresh it (another program, plain SQL)', () => {
    const app = seededApp();
    app.db.run(sql`update contributions set outcome = 'withdrawn', status = 'withdrawn' where ref = 'RP-240001'`);
    app.db.run(sql`delete from contribution_sources where contribution_id = (select id from contributions where ref = 'RP-240002') and position = 1`);
    expect(rollupsStale(app.db)).toBe(true);
    for (const filters of combinations([{}])) expectSameBothWays(app, filters, SEEDED);
    expect(rollupsStale(app.db)).toBe(false);
  });

  it('names the meetings as they are now (after a rename by plain SQL, one rolled back, a meeting moved to another group)', () => {
    const app = seededApp();
    // RAN#106: Motorola Mobility, whose parent Lenovo counts for China.
    const meetings = () => countryReport(app.db, 'CN', {}).byMeeting.map((m) => `${m.meeting} ${m.startDate}`);
    expect(meetings()).toEqual(['RAN#104 2024-06-17', 'RAN#106 2024-12-09']);
    app.db.run(sql`update meetings set name = 'RAN#104-bis', start_date = '2024-06-18' where name = 'RAN#104'`);
    expect(meetings()).toEqual(['RAN#104-bis 2024-06-18', 'RAN#106 2024-12-09']);
    // Read inside a transaction that is rolled back: what it saw must not outlive it. The count of
    // changes goes back with the rollback, and the next write brings it to the number it had inside.
    app.db.$client.exec('begin');
    app.db.run(sql`update meetings set name = 'never' where name = 'RAN#104-bis'`);
    expect(meetings()).toEqual(['never 2024-06-18', 'RAN#106 2024-12-09']);
    app.db.$client.exec('rollback');
    app.db.run(sql`update meetings set name = 'RAN#104-ter' where name = 'RAN#104-bis'`);
    expect(meetings()).toEqual(['RAN#104-ter 2024-06-18', 'RAN#106 2024-12-09']);
    // Without its count (the row deleted by hand) the map is read every time.
    app.db.run(sql`delete from table_changes`);
    expect(meetings()).toEqual(['RAN#104-ter 2024-06-18', 'RAN#106 2024-12-09']);
    app.db.run(sql`update meetings set name = 'RAN#104-quater' where name = 'RAN#104-ter'`);
    expect(meetings()).toEqual(['RAN#104-quater 2024-06-18', 'RAN#106 2024-12-09']);
    // A meeting's group is its contributions' group, as the raw query has it, not the meeting's own.
    app.db.run(sql`insert or ignore into groups (body_id, code, name) values ('3gpp', 'RAN1', 'TSG RAN WG1')`);
    app.db.run(sql`update meetings set group_id = (select id from groups where code = 'RAN1') where name = 'RAN#106'`);
    expect(countryReport(app.db, 'CN', {}).byMeeting.map((m) => `${m.meeting} ${m.body} ${m.group}`)).toEqual(['RAN#104-quater 3gpp RAN', 'RAN#106 3gpp RAN']);
    for (const filters of combinations([{}])) expectSameBothWays(app, filters, SEEDED);
  });

  it('is filled when an existing database meets the migration (every bucket marked)', () => {
    const file = path.join(tempDir(), 'existing.db');
    const first = seededApp();
    fs.writeFileSync(file, first.db.$client.serialize());
    const copy = openDatabase(file);
    // The state migration 0005 leaves an existing database in: no rollup rows, everything marked.
    copy.run(sql`delete from report_counts`);
    copy.run(sql`insert into report_rollup_dirty (group_id, day) values (-1, '*')`);
    closeDatabase(copy);
    const reopened = openDatabase(file);
    expect(rollupsStale(reopened)).toBe(false);
    expect(rollupRows(reopened)).toBe(rollupRows(first.db));
    const app = { ...first, db: reopened };
    for (const filters of combinations([{}])) expectSameBothWays(app, filters, SEEDED);
    expect(refreshRollups(reopened)).toBe(0);
    closeDatabase(reopened);
  });
});

describe('the rollup on the bundled real snapshot', () => {
  let app: TestApp;
  beforeAll(() => {
    app = testApp();
    loadSnapshot(app);
  }, 300_000);
  afterAll(() => closeDatabase(app.db));

  const REAL: Subjects = { countries: ['CN', 'US', 'FI', 'SE', 'KR', 'JP', 'FR'], companies: ['huawei', 'nokia', 'ericsson', 'qualcomm', 'china-mobile'], weeks: ['2025-W10', '2025-W24', '2024-W36'] };

  it('answers every report as the raw queries do', () => {
    expect(rollupsStale(app.db)).toBe(false);
    for (const filters of combinations([{}, { from: '2023-11-15', to: '2025-02-10' }, { group: 'SA2' }])) expectSameBothWays(app, filters, REAL);
    for (const filters of [{}, { basis: 'entity' }, { from: '2023-11-15', to: '2025-02-10', withdrawn: 'exclude' }] as Filters[]) expectSameShares(app, filters);
    expectSameDigests(app, REAL.weeks);
  }, 600_000);

  it('has, after storing list by list (each rebuilding only its group\'s seats), the seats a full rebuild gives', () => {
    const tdocSeats = () =>
      app.db.all(sql`select body_id, group_id, role, organization_id, parent_id, source_raw, from_date, to_date, last_seen_date, evidence_url
        from positions where basis = ${TDOC_SEAT_BASIS} order by 1, 2, 3, 4, 7`);
    const stored = tdocSeats();
    expect(stored.length).toBeGreaterThan(10);
    app.db.transaction(() => rebuildTdocSeats(app.db));
    expect(tdocSeats()).toEqual(stored);
  });
});
