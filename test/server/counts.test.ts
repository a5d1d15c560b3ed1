// The report counts (db/counts/) against the slow reference (test/support/reference-counts.ts): every
// table, by every key, for every counting rule and kind of date range (kept years, kept months, edge
// days counted on the spot, a topic counted whole on the spot), on the hand-made seeded database and on
// the bundled real snapshot; and the kept rows, changed store by store and by a registry change, equal
// to counting everything again. The expected values are the reference's own (the reports' tests check
// figures by hand); here the claim is only "the same".
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../db/client.js';
import { COUNT_TABLES, COUNT_TABLE_NAMES, type CountTableName } from '../../db/counts/definitions.js';
import { countRows, splitRange, type CountFilters, type CountKey, type CountSpec } from '../../db/counts/read.js';
import { recount } from '../../db/counts/upkeep.js';
import { applyRegistry } from '../../db/registry.js';
import { storeListing } from '../../db/contributions.js';
import { loadSnapshot } from '../../scrapers/pipeline/seed.js';
import { buildRegistry, readRegistryFiles } from '../../domain/resolve/registry.js';
import { createResolver, type Resolver } from '../../domain/resolve/resolve.js';
import { referenceCounts } from '../support/reference-counts.js';
import { seededApp, seededContribution, seededListing } from '../support/seeded.js';
import { testApp, tempDir, type TestApp } from '../support/app.js';

// Fractional counts are sums of 1/n shares added in another order (and, kept, added and taken out
// store by store): the last bits of a double may differ. Non-integers are compared to 1e-9 relative.
expect.addEqualityTesters([
  function closeFractions(a: unknown, b: unknown) {
    if (typeof a !== 'number' || typeof b !== 'number' || (Number.isInteger(a) && Number.isInteger(b))) return undefined;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  },
]);

const COUNTING: CountFilters[] = [];
for (const basis of [undefined, 'entity'] as const) {
  for (const withdrawn of [undefined, 'exclude'] as const) {
    for (const revisions of [undefined, 'collapse'] as const) COUNTING.push({ basis, withdrawn, revisions });
  }
}

function combinations(scopes: CountFilters[]): CountFilters[] {
  return scopes.flatMap((scope) =>
    COUNTING.map((counting) => Object.fromEntries(Object.entries({ ...scope, ...counting }).filter(([, v]) => v !== undefined)) as CountFilters),
  );
}

/** The ways each table is read by the reports: whole, per key, per meeting, per year or quarter. */
const READS: Record<CountTableName, CountKey[][]> = {
  everyone: [[], ['group'], ['meeting', 'group', 'month'], ['year'], ['quarter']],
  country: [['country'], ['country', 'year'], ['group', 'country'], ['meeting', 'month', 'country']],
  // On the entity basis a parent counts once per country it counts for (Nokia for FI and, through Nokia
  // Shanghai Bell, for CN): the table is read per country or for one.
  parent: [['parent', 'country'], ['meeting', 'parent', 'country'], ['year', 'parent', 'country']],
  entity: [['parent', 'organization']],
  kind: [['kind']],
  // The membership basis: by partner, per year and group; a company's by partner.
  partner: [['partner'], ['partner', 'year'], ['group', 'partner'], ['meeting', 'month', 'partner']],
  parentPartner: [['parent', 'partner']],
  coParents: [['parent', 'coParent']],
  coCountries: [['country', 'coParent']],
};

/** Rows in one order whatever the last bits of their fractions (sorted on them rounded). */
const sorted = (rows: Record<string, unknown>[]) => {
  const rounded = (r: Record<string, unknown>) =>
    JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v]));
  return [...rows].sort((a, b) => rounded(a).localeCompare(rounded(b)));
};

function expectAsReference(db: Db, spec: CountSpec): void {
  const label = `${spec.table} by ${spec.by.join(',') || 'nothing'} ${JSON.stringify(spec.filters)}${spec.datedOnly ? ' dated' : ''}`;
  expect(sorted(countRows(db, spec)), label).toEqual(sorted(referenceCounts(db, spec)));
}

function expectAllAsReference(db: Db, scopes: CountFilters[], options: { topic?: boolean } = {}): void {
  for (const filters of combinations(scopes)) {
    for (const table of COUNT_TABLE_NAMES) {
      for (const by of READS[table]) {
        expectAsReference(db, { table, filters, by });
        if (by.includes('year') || by.includes('quarter')) expectAsReference(db, { table, filters, by, datedOnly: true });
      }
    }
  }
  if (options.topic) {
    for (const filters of combinations([{ topic: 'iot' }, { topic: '5g', from: '2024-06-04' }])) {
      for (const table of COUNT_TABLE_NAMES) expectAsReference(db, { table, filters, by: READS[table][0]! });
    }
  }
}

/** Every kept row, empty ones left out, in key order. */
function keptRows(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.values(COUNT_TABLES).map((t) => {
      const empty = t.pairs ? 'contributions = 0' : 'accepted + noted + not_handled + pending + withdrawn + superseded = 0';
      const rows = db.$client.prepare(`select * from ${t.table} where not (${empty}) order by 1, 2, 3, 4, 5, 6, 7`).raw().all();
      // Fractions rounded: kept sums were added and taken out store by store.
      return [t.table, rows.map((r) => (r as unknown[]).map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(9)) : v)))];
    }),
  );
}

/** The kept rows equal a count of everything from scratch (on a copy of the database). */
function expectKeptAsRecounted(db: Db): void {
  const file = path.join(tempDir(), 'recounted.db');
  fs.writeFileSync(file, db.$client.serialize());
  const copy = openDatabase(file);
  recount(copy);
  expect(keptRows(db)).toEqual(keptRows(copy));
  closeDatabase(copy);
}

/** A group's id by its code. */
function groupId(db: Db, code: string): number {
  return db.get<{ id: number }>(sql`select id from groups where code = ${code}`)!.id;
}

const c = seededContribution;
const listing = seededListing;

function editedResolver(edit: (records: Record<string, unknown>[]) => Record<string, unknown>[]): Resolver {
  const files = readRegistryFiles().map((file) =>
    file.name === 'organizations.yaml' ? { ...file, content: edit(file.content as Record<string, unknown>[]) } : file,
  );
  return createResolver(buildRegistry(files));
}

// Date ranges read whole years, whole months and edge days counted on the spot (splitRange): each
// kind of cut is here, alone and together.
const SEEDED_SCOPES: CountFilters[] = [
  {},
  { from: '2024-06-02', to: '2024-06-30' },
  { from: '2024-06-04' },
  { to: '2024-06-03' },
  { body: '3gpp', group: 'RAN' },
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2023-12-15', to: '2024-07-31', group: 'RAN' },
];

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

describe('the counts on the seeded database', () => {
  it('answer every read as the reference does, for every counting rule, scope and topic', () => {
    const app = seededApp();
    // A set of groups (a series' comparable groups): RAN alone, none, RAN with an id nothing has, and
    // only that id (the edge days counted on the spot must leave RAN out too).
    const ran = groupId(app.db, 'RAN');
    const edges = { from: '2024-06-04', to: '2024-12-03' };
    const sets: CountFilters[] = [{ groupIds: [ran] }, { groupIds: [] }, { body: '3gpp', groupIds: [ran, 999], ...edges }, { groupIds: [999], ...edges }];
    expectAllAsReference(app.db, [...SEEDED_SCOPES, ...sets], { topic: true });
    expectKeptAsRecounted(app.db);
  });

  it('stay right through stores that change a status, add sources, move a date and date a meeting', () => {
    const app = seededApp();
    storeListing(
      app.db,
      app.resolver,
      listing('RAN#104', '2024-06-17', [
        c('RP-240002', 'Huawei, Ericsson', 'approved', '2024-06-02'), // noted → approved
        c('RP-240005', 'CMCC, Huawei, China Telecom, ZTE', 'revised', '2024-06-05'), // sources added
        c('RP-240007', 'Fainity Innovation', 'noted', '2024-06-09'), // another day
        c('RP-240007', 'Fainity Innovation, Nokia', 'noted', '2024-07-02'), // listed twice: the last one holds
      ]),
      { rawDocumentId: null, seenAt: '2024-06-21T00:00:00Z' },
    );
    // A meeting first listed without a date, its contributions undated until a later list dates it.
    storeListing(app.db, app.resolver, listing('RAN#107', null, [c('RP-250100', 'Samsung, Nokia', null, null)]), { rawDocumentId: null, seenAt: '2025-03-01T00:00:00Z' });
    expectKeptAsRecounted(app.db);
    expectAllAsReference(app.db, [{}, { to: '2025-12-31' }]);
    storeListing(app.db, app.resolver, listing('RAN#107', '2025-03-10', [c('RP-250101', 'Samsung', 'agreed', null)]), { rawDocumentId: null, seenAt: '2025-03-12T00:00:00Z' });
    expectKeptAsRecounted(app.db);
    expectAllAsReference(app.db, [{}, { from: '2025-01-01' }, { group: 'RAN', from: '2024-06-05', to: '2024-07-09' }]);
    // RP-240002 is now accepted, RP-250100 dated with its meeting.
    const ran107 = countRows<{ contributions: number }>(app.db, { table: 'everyone', filters: { from: '2025-03-10', to: '2025-03-10' }, by: [] });
    expect(ran107).toEqual([expect.objectContaining({ contributions: 2 })]);
  });

  it('stay right after a registry change re-resolves an alias and moves an organization to another country', () => {
    const app = seededApp();
    const resolver = editedResolver((records) =>
      records.map((r) => {
        if (r.slug === 'huawei') return { ...r, aliases: [...((r.aliases as string[]) ?? []), 'Fainity Innovation'] };
        if (r.slug === 'nokia') return { ...r, country: 'DE' }; // an edit for the test, not a fact
        return r;
      }),
    );
    expect(applyRegistry(app.db, resolver)).toBe(true);
    expectKeptAsRecounted(app.db);
    expectAllAsReference(app.db, [{}, { from: '2024-06-05' }]);
    // RP-240003 (ZTE, Sanechips, Nokia, Nokia Shanghai Bell) now counts for DE on the parent basis.
    const de = countRows<{ contributions: number }>(app.db, { table: 'country', filters: {}, by: [], subject: sql`r.country = 'DE'` });
    expect(de).toEqual([expect.objectContaining({ contributions: 1 })]);
  });

  it('are made when a database made before them is opened (other definitions recorded)', () => {
    const file = path.join(tempDir(), 'existing.db');
    const first = seededApp();
    fs.writeFileSync(file, first.db.$client.serialize());
    const copy = openDatabase(file);
    for (const t of Object.values(COUNT_TABLES)) copy.run(sql.raw(`delete from ${t.table}`));
    copy.run(sql`update meta set value = 'older' where key = 'count_definitions'`);
    closeDatabase(copy);
    const reopened = openDatabase(file);
    expect(keptRows(reopened)).toEqual(keptRows(first.db));
    closeDatabase(reopened);
  });
});

describe('the counts on the bundled real snapshot (the RAN plenary, SA2, and two RAN1 lists)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = testApp();
    // The RAN1 lists are 70,000 contributions: two of them (2021, 2025) stand for the rest here.
    await loadSnapshot(app, { only: (file) => !file.includes('/ran1/') || /TSGR1_(104-e|122b)\.xlsx$/.test(file) });
  }, 300_000);
  afterAll(() => closeDatabase(app.db));

  it('answer every read as the reference does', () => {
    const groupIds = [groupId(app.db, 'RAN'), groupId(app.db, 'RAN1')];
    expectAllAsReference(app.db, [{}, { from: '2023-11-15', to: '2025-02-10' }, { group: 'SA2' }, { groupIds, from: '2023-11-15', to: '2025-02-10' }], { topic: true });
  }, 600_000);

  it('kept list by list equal a count of everything at once', () => {
    expectKeptAsRecounted(app.db);
  }, 300_000);
});
