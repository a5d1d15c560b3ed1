// Shares over time by country: for each quarter (or year) the fractional count of every country among
// the sources, with the countries beyond the largest few folded into "other countries" and the sources
// with no country (standards-body groups, international organizations) or no organization at all
// (unresolved names) kept as their own bucket, so that each period's shares add up to 100 %.
// Pure query function: (db, filters, options) → rows; the chart and its table are drawn from them.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CountKey } from '../../db/counts/read.js';
import { countryName } from '../../domain/resolve/countries.js';
import { partialReason, seriesScope, type SeriesCoverage, type SeriesScope } from './coverage.js';
import type { Filters } from './filters.js';
import { basisOf, countsOf, dateSpan } from './participation.js';
import type { Period } from './periods.js';

export type { Period } from './periods.js';

/** The bucket of sources without a country; OTHER holds the countries beyond the largest `top`. */
export const NO_COUNTRY = 'none';
export const OTHER = 'other';

/** Which group a row of a series is of: a group with `coverage=per-group`, else null (the series' set). */
export interface SeriesGroup {
  body: string | null;
  group: string | null;
}

export interface ShareCell extends SeriesGroup {
  period: string;
  /** An ISO 3166-1 alpha-2 code, OTHER or NO_COUNTRY. */
  country: string;
  countryName: string;
  fractional: number;
  /** fractional ÷ the period's contributions. */
  share: number;
  /** The contributions with a source counting for the country (full count; null for OTHER and NO_COUNTRY). */
  contributions: number | null;
}

export interface SharePeriod extends SeriesGroup {
  period: string;
  contributions: number;
  /** The period's coverage differs from the others' (coverage.ts): read its shares with care; and why. */
  partial: boolean;
  partialReason: string | null;
}

export interface SharesOverTime {
  kind: 'shares-over-time';
  filters: Filters;
  basis: 'parent' | 'entity';
  period: Period;
  /** Which groups the series counts, which it leaves out and why, which periods are partial. */
  coverage: SeriesCoverage;
  /** Oldest first (per group, by group first); only periods with contributions. */
  periods: SharePeriod[];
  /** The series in the order they stack: the largest countries overall first, then OTHER, then NO_COUNTRY. */
  series: { country: string; countryName: string; fractional: number }[];
  cells: ShareCell[];
}

const BUCKET_NAMES: Record<string, string> = { [OTHER]: 'Other countries', [NO_COUNTRY]: 'No country or unresolved' };

/** Quarters for a span of up to three years, years beyond: a chart of more than a dozen columns is unreadable. */
export function periodFor(firstDate: string | null, lastDate: string | null): Period {
  if (!firstDate || !lastDate) return 'quarter';
  return Number(lastDate.slice(0, 4)) - Number(firstDate.slice(0, 4)) >= 3 ? 'year' : 'quarter';
}

export function sharesOverTime(db: Db, filters: Filters, options: { period?: Period; top?: number; today?: string } = {}): SharesOverTime {
  const span = dateSpan(db, filters);
  const period = options.period ?? periodFor(span.first, span.last);
  const scope = seriesScope(db, filters, period, options.today);
  const { periods, rows } = shareCounts(db, scope, period);
  const top = options.top ?? 6;
  const overall = new Map<string, number>();
  for (const r of rows) if (r.country) overall.set(r.country, (overall.get(r.country) ?? 0) + r.fractional);
  // The rows are summed in one order (the query's), and ranked on the totals rounded to 9 decimals: sums
  // of 1/n shares added in another order differ in the last bit, and equal ones fall to the name.
  const rounded = (n: number) => Math.round(n * 1e9) / 1e9;
  const ranked = [...overall.entries()].sort((a, b) => rounded(b[1]) - rounded(a[1]) || a[0].localeCompare(b[0]));
  const shown = new Set(ranked.slice(0, top).map(([c]) => c));
  const bucketOf = (c: string | null) => (c === null ? NO_COUNTRY : shown.has(c) ? c : OTHER);
  const cellKey = (p: SeriesGroup & { period: string }, bucket: string) => `${p.group ?? ''}\u0000${p.period}\u0000${bucket}`;

  const sums = new Map<string, number>();
  const totals = new Map<string, number>();
  const full = new Map(rows.map((r) => [cellKey(r, r.country ?? NO_COUNTRY), r.contributions]));
  for (const r of rows) {
    const bucket = bucketOf(r.country);
    sums.set(cellKey(r, bucket), (sums.get(cellKey(r, bucket)) ?? 0) + r.fractional);
    totals.set(bucket, (totals.get(bucket) ?? 0) + r.fractional);
  }
  const order = [...ranked.slice(0, top).map(([c]) => c), OTHER, NO_COUNTRY].filter((c) => totals.has(c));
  const nameOf = (c: string) => BUCKET_NAMES[c] ?? countryName(c);
  const series = order.map((c) => ({ country: c, countryName: nameOf(c), fractional: totals.get(c)! }));
  const cells: ShareCell[] = [];
  for (const p of periods) {
    for (const c of order) {
      const fractional = sums.get(cellKey(p, c)) ?? 0;
      const share = p.contributions === 0 ? 0 : fractional / p.contributions;
      const contributions = c === OTHER || c === NO_COUNTRY ? null : (full.get(cellKey(p, c)) ?? 0);
      cells.push({ body: p.body, group: p.group, period: p.period, country: c, countryName: nameOf(c), fractional, share, contributions });
    }
  }
  return { kind: 'shares-over-time', filters, basis: basisOf(filters), period, coverage: scope.coverage, periods, series, cells };
}

/** The report as one series per chart and table: itself, or with coverage=per-group one per group. */
export function seriesPanels(report: SharesOverTime): (SharesOverTime & SeriesGroup)[] {
  if (report.coverage.rule !== 'per-group') return [{ ...report, body: null, group: null }];
  const same = (g: SeriesGroup) => (x: SeriesGroup) => x.body === g.body && x.group === g.group;
  const groups = report.periods.filter((p, i) => report.periods.findIndex(same(p)) === i);
  return groups.map((g) => ({ ...report, body: g.body, group: g.group, periods: report.periods.filter(same(g)), cells: report.cells.filter(same(g)) }));
}

/** The chart's numbers as a table: one row per series, one share per period (the HTML table beside the chart). */
export function sharesTable(report: SharesOverTime) {
  return {
    periods: report.periods,
    rows: report.series.map((s) => ({
      country: s.country === OTHER || s.country === NO_COUNTRY ? null : s.country,
      countryName: s.countryName,
      cells: report.periods.map((p) => report.cells.find((c) => c.period === p.period && c.group === p.group && c.country === s.country)!),
    })),
  };
}

/**
 * Below this many contributions a period is thin: its column still adds up to 100 %, but one document
 * moves a share by more than 3 points (1/30), and a quarter of one document (2026 had 1 in the snapshot)
 * is a full column of one country. The chart draws thin periods pale with their n, the table marks them.
 */
export const THIN_PERIOD = 30;

/** The periods with fewer than `minimum` contributions, oldest first. */
export function thinPeriods(report: Pick<SharesOverTime, 'periods'>, minimum: number = THIN_PERIOD): string[] {
  return report.periods.filter((p) => p.contributions < minimum).map((p) => p.period);
}

/**
 * The numbers sharesOverTime draws, over the series' groups (per group with coverage=per-group):
 * contributions per period, fractional counts per period and country (null: none).
 */
function shareCounts(db: Db, scope: SeriesScope, period: Period) {
  const keys: CountKey[] = scope.perGroup ? [period, 'group'] : [period];
  const groupOf = (id: number | undefined): SeriesGroup => {
    const g = id === undefined ? undefined : scope.groupOf(id);
    return { body: g?.body ?? null, group: g?.group ?? null };
  };
  // Contributions without a date cannot be placed in time and are left out of this chart.
  const periods = db
    .all<{ period: string; group?: number; contributions: number }>(sql`
      select t.${sql.identifier(period)} as period, ${scope.perGroup ? sql`t."group"` : sql`null`} as "group", t.contributions
      from (${countsOf(db, 'everyone', scope.counted, keys, undefined, { datedOnly: true })}) t`)
    .map((r) => ({ ...groupOf(r.group ?? undefined), period: r.period, contributions: r.contributions }))
    .sort((a, b) => (a.body ?? '').localeCompare(b.body ?? '') || (a.group ?? '').localeCompare(b.group ?? '') || a.period.localeCompare(b.period))
    .map((p) => {
      const reason = partialReason(scope.coverage, p.period, p);
      return { ...p, partial: reason !== null, partialReason: reason };
    });
  const rows = db
    .all<{ period: string; group?: number; country: string | null; fractional: number; contributions: number }>(sql`
      select t.${sql.identifier(period)} as period, ${scope.perGroup ? sql`t."group"` : sql`null`} as "group", nullif(t.country, '') as country, t.fractional, t.contributions
      from (${countsOf(db, 'country', scope.counted, [...keys, 'country'], undefined, { datedOnly: true })}) t
      order by 1, 2, 3`)
    .map((r) => ({ ...groupOf(r.group ?? undefined), period: r.period, country: r.country, fractional: r.fractional, contributions: r.contributions }));
  return { periods, rows };
}
