// The weekly digest: what happened in one ISO week, against the week before and the 12 weeks before
// it, and how far to trust it (the week's scrape runs and its unresolved share). A digest is computed
// by `digestReport`; `publishDigest` keeps it in the `digests` table so that /digest/2025-W07 shows
// the week as it was published, whatever is stored later. A week not yet published is a preview.
//
// Counting: fractional (1/n per source), the ultimate parent's country, as in every report. A week is
// Monday to Sunday on the contribution's date.
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { whileUnchanged } from '../../db/cache.js';
import { contributionSources, contributions, digests, groups, organizations, positions, scrapeRuns } from '../../db/schema.js';
import { countryName } from '../../domain/resolve/countries.js';
import { contributionCondition, type Filters } from './filters.js';
import { coverage } from './overview.js';
import { allContributions, byCountry, byOrganization, countsOf, seats, type SeatRow } from './participation.js';
import { lastCompleteWeek, shiftWeek, weekOf, weekRange, type WeekRange } from './weeks.js';

/** Weeks of the baseline average. */
export const BASELINE_WEEKS = 12;
const TOP_ROWS = 20;
const MOVERS = 5;

export interface DigestRow {
  /** ISO alpha-2 code (countries) or organization slug (companies). */
  key: string;
  name: string;
  country: string | null;
  /** This week: contributions naming it (full count) and its fractional count. */
  contributions: number;
  fractional: number;
  /** The previous week's fractional count. */
  previous: number;
  /** Fractional contributions per week over the 12 weeks before this one. */
  average: number;
  /** This week's share of all contributions of the week. */
  share: number | null;
  /** fractional − average. */
  change: number;
}

export interface GroupShare {
  body: string;
  group: string;
  groupName: string;
  contributions: number;
  /** The countries with the largest fractional share of the group's contributions this week. */
  countries: { country: string; name: string; fractional: number; share: number }[];
}

interface Counted {
  name: string;
  country: string | null;
  contributions: number;
  fractional: number;
}

function countryCounts(db: Db, filters: Filters): Map<string, Counted> {
  return new Map(byCountry(db, filters).map((r) => [r.country, { name: countryName(r.country), country: r.country, contributions: r.contributions, fractional: r.fractional }]));
}

function companyCounts(db: Db, filters: Filters): Map<string, Counted> {
  // Standards-body groups (RAN4, ETSI MCC) are not companies: left out as on the overview.
  return new Map(
    byOrganization(db, { kind: 'everyone' }, filters, { limit: 100_000, kindsLeftOut: ['sdo'] }).map((r) => [
      r.slug,
      { name: r.name, country: r.country, contributions: r.contributions, fractional: r.fractional },
    ]),
  );
}

/** This week against the previous week and the baseline, one row per key seen in any of them. */
function compareWeeks(
  count: (db: Db, filters: Filters) => Map<string, Counted>,
  db: Db,
  periods: { week: Filters; previous: Filters; baseline: Filters },
  weekTotal: number,
): DigestRow[] {
  const now = count(db, periods.week);
  const before = count(db, periods.previous);
  const baseline = count(db, periods.baseline);
  const keys = new Set([...now.keys(), ...before.keys(), ...baseline.keys()]);
  return [...keys].map((key) => {
    const about = now.get(key) ?? before.get(key) ?? baseline.get(key)!;
    const fractional = now.get(key)?.fractional ?? 0;
    const average = (baseline.get(key)?.fractional ?? 0) / BASELINE_WEEKS;
    return {
      key,
      name: about.name,
      country: about.country,
      contributions: now.get(key)?.contributions ?? 0,
      fractional,
      previous: before.get(key)?.fractional ?? 0,
      average,
      share: weekTotal === 0 ? null : fractional / weekTotal,
      change: fractional - average,
    };
  });
}

const byWeek = (a: DigestRow, b: DigestRow) => b.fractional - a.fractional || b.previous - a.previous || a.name.localeCompare(b.name);

function topOfWeek(rows: DigestRow[]): DigestRow[] {
  return rows.filter((r) => r.fractional > 0 || r.previous > 0).sort(byWeek).slice(0, TOP_ROWS);
}

/** The largest rises and falls against the baseline average. */
function movers(rows: DigestRow[]) {
  return {
    up: rows.filter((r) => r.change > 0).sort((a, b) => b.change - a.change || a.name.localeCompare(b.name)).slice(0, MOVERS),
    down: rows.filter((r) => r.change < 0).sort((a, b) => a.change - b.change || a.name.localeCompare(b.name)).slice(0, MOVERS),
  };
}

/** Per body and group: the week's contributions and the three countries with the largest share of them. */
export function groupShares(db: Db, filters: Filters): GroupShare[] {
  const totals = db.all<{ id: number; body: string; group: string; groupName: string; contributions: number }>(sql`
    select g.id, g.body_id as body, g.code as "group", g.name as groupName, t.contributions
    from (${countsOf(db, 'everyone', filters, ['group'])}) t join groups g on g.id = t."group"
    order by body, t.contributions desc, "group"`);
  const byCountryRows = db.all<{ group: number; country: string; fractional: number }>(sql`
    select t."group", t.country, t.fractional from (${countsOf(db, 'country', { ...filters, basis: 'parent' }, ['group', 'country'], sql`r.country <> ''`)}) t
    order by round(t.fractional, 9) desc, t.country`);
  return totals.map(({ id, ...t }) => ({
    ...t,
    countries: byCountryRows
      .filter((r) => r.group === id)
      .slice(0, 3)
      .map((r) => ({ country: r.country, name: countryName(r.country), fractional: r.fractional, share: r.fractional / t.contributions })),
  }));
}

/** Seats that began or ended in the week (by their from/to dates). */
export function leadershipChanges(db: Db, range: WeekRange): { started: SeatRow[]; ended: SeatRow[] } {
  const inWeek = (column: SQL | typeof positions.fromDate | typeof positions.toDate) => sql`${column} between ${range.from} and ${range.to}`;
  return {
    started: seats(db, inWeek(positions.fromDate)),
    ended: seats(db, inWeek(positions.toDate)),
  };
}

/** The week's scrape and import runs, failures counted, and the unresolved share of its sources. */
export function weekCoverage(db: Db, range: WeekRange) {
  const nextMonday = weekRange(shiftWeek(range.week, 1)).from;
  const runs = db
    .select({
      source: scrapeRuns.source,
      trigger: scrapeRuns.trigger,
      startedAt: scrapeRuns.startedAt,
      status: scrapeRuns.status,
      recordsSeen: scrapeRuns.recordsSeen,
      recordsNew: scrapeRuns.recordsNew,
      error: scrapeRuns.error,
    })
    .from(scrapeRuns)
    .where(sql`${scrapeRuns.startedAt} >= ${range.from} and ${scrapeRuns.startedAt} < ${nextMonday}`)
    .orderBy(scrapeRuns.startedAt, scrapeRuns.id)
    .all();
  const sources = coverage(db, { from: range.from, to: range.to });
  return {
    runs,
    failures: runs.filter((r) => r.status === 'failed' || r.status === 'layout-changed').length,
    partial: runs.filter((r) => r.status === 'partial').length,
    sourceMentions: sources.occurrences,
    unresolved: sources.unresolved,
    unresolvedShare: sources.occurrences === 0 ? null : sources.unresolved / sources.occurrences,
  };
}

export function digestReport(db: Db, week: string, now: Date = new Date()) {
  const range = weekRange(week);
  const previous = weekRange(shiftWeek(week, -1));
  const baseline = { from: weekRange(shiftWeek(week, -BASELINE_WEEKS)).from, to: previous.to };
  const periods = { week: { from: range.from, to: range.to }, previous: { from: previous.from, to: previous.to }, baseline };
  const total = allContributions(db, periods.week);
  const countries = compareWeeks(countryCounts, db, periods, total);
  const companies = compareWeeks(companyCounts, db, periods, total);
  return {
    kind: 'digest' as const,
    week,
    from: range.from,
    to: range.to,
    previousWeek: previous.week,
    baseline: { ...baseline, weeks: BASELINE_WEEKS },
    generatedAt: now.toISOString(),
    basis: 'parent' as const,
    counting: 'fractional: a contribution with n sources gives each 1/n; country = home country of the ultimate parent',
    totals: {
      contributions: total,
      previous: allContributions(db, periods.previous),
      average: allContributions(db, baseline) / BASELINE_WEEKS,
    },
    countries: topOfWeek(countries),
    companies: topOfWeek(companies),
    movers: { countries: movers(countries), companies: movers(companies) },
    groups: groupShares(db, periods.week),
    leadership: leadershipChanges(db, range),
    coverage: weekCoverage(db, range),
  };
}

export type DigestReport = ReturnType<typeof digestReport>;

/** A digest as shown: the published one, or else a preview computed now. */
export type DigestView = DigestReport & { publication: 'published' | 'preview' };

/**
 * Computes and keeps the week's digest. A week already published stays as it was (`replace` to
 * publish again, e.g. after a late scrape); returns what is stored.
 */
export function publishDigest(db: Db, week: string, options: { now?: Date; replace?: boolean } = {}): DigestReport {
  const existing = options.replace ? undefined : storedDigest(db, week);
  if (existing) return existing;
  const report = digestReport(db, week, options.now);
  db.insert(digests)
    .values({ week, generatedAt: report.generatedAt, json: JSON.stringify(report) })
    .onConflictDoUpdate({ target: digests.week, set: { generatedAt: report.generatedAt, json: JSON.stringify(report) } })
    .run();
  return report;
}

export function storedDigest(db: Db, week: string): DigestReport | undefined {
  const row = db.select({ json: digests.json }).from(digests).where(eq(digests.week, week)).get();
  return row ? (JSON.parse(row.json) as DigestReport) : undefined;
}

export function digestView(db: Db, week: string, now: Date = new Date()): DigestView {
  weekRange(week); // a malformed week is refused before anything is looked up
  const stored = storedDigest(db, week);
  return stored ? { ...stored, publication: 'published' } : { ...digestReport(db, week, now), publication: 'preview' };
}

/** Published digests, newest week first. */
export function publishedDigests(db: Db) {
  return db.select({ week: digests.week, generatedAt: digests.generatedAt }).from(digests).orderBy(desc(digests.week)).all();
}

export interface WeekWithData {
  week: string;
  contributions: number;
}

/** The ISO weeks that have dated contributions, newest first, with how many each (kept while the data is unchanged). */
export function weeksWithData(db: Db): WeekWithData[] {
  return whileUnchanged(db, 'weeks with data', () => {
    const days = db.$client.prepare('select date, count(*) as n from contributions where date is not null group by date').all() as { date: string; n: number }[];
    const weeks = new Map<string, number>();
    for (const { date, n } of days) {
      const week = weekOf(date);
      weeks.set(week, (weeks.get(week) ?? 0) + n);
    }
    return [...weeks].map(([week, contributions]) => ({ week, contributions })).sort((a, b) => b.week.localeCompare(a.week));
  });
}

/**
 * The week a digest opens on when none is asked for: the last complete week when it has contributions
 * (a database kept up to date by the weekly scrape), else the newest week with contributions (a
 * snapshot, or a scrape that stopped), else the last complete week.
 */
export function defaultDigestWeek(db: Db, now = new Date()): { week: string; lastComplete: string; hasData: boolean } {
  const lastComplete = lastCompleteWeek(now);
  const weeks = weeksWithData(db);
  const chosen = weeks.find((w) => w.week === lastComplete) ?? weeks.find((w) => w.week < lastComplete) ?? weeks[0];
  return { week: chosen?.week ?? lastComplete, lastComplete, hasData: chosen !== undefined };
}
