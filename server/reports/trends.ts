// Shares over time by country: for each quarter (or year) the fractional count of every country among
// the sources, with the countries beyond the largest few folded into "other countries" and the sources
// with no country (standards-body groups, international organizations) or no organization at all
// (unresolved names) kept as their own bucket, so that each period's shares add up to 100 %.
// Pure query function: (db, filters, options) → rows; the chart and its table are drawn from them.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { countryName } from '../../domain/resolve/countries.js';
import type { Filters } from './filters.js';
import { basisOf, countsOf, dateSpan } from './participation.js';

export type Period = 'quarter' | 'year';

/** The bucket of sources without a country; OTHER holds the countries beyond the largest `top`. */
export const NO_COUNTRY = 'none';
export const OTHER = 'other';

export interface ShareCell {
  period: string;
  /** An ISO 3166-1 alpha-2 code, OTHER or NO_COUNTRY. */
  country: string;
  countryName: string;
  fractional: number;
  /** fractional ÷ the period's contributions. */
  share: number;
}

export interface SharesOverTime {
  kind: 'shares-over-time';
  filters: Filters;
  basis: 'parent' | 'entity';
  period: Period;
  /** Oldest first; only periods with contributions. */
  periods: { period: string; contributions: number }[];
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

export function sharesOverTime(db: Db, filters: Filters, options: { period?: Period; top?: number } = {}): SharesOverTime {
  const choosePeriod = (first: string | null, last: string | null) => options.period ?? periodFor(first, last);
  const { period, periods, rows } = shareCounts(db, filters, choosePeriod);
  const top = options.top ?? 6;
  const overall = new Map<string, number>();
  for (const r of rows) if (r.country) overall.set(r.country, (overall.get(r.country) ?? 0) + r.fractional);
  const ranked = [...overall.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = new Set(ranked.slice(0, top).map(([c]) => c));
  const bucketOf = (c: string | null) => (c === null ? NO_COUNTRY : shown.has(c) ? c : OTHER);

  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.period}\u0000${bucketOf(r.country)}`;
    sums.set(key, (sums.get(key) ?? 0) + r.fractional);
  }
  const totals = new Map<string, number>();
  for (const [key, value] of sums) {
    const bucket = key.split('\u0000')[1]!;
    totals.set(bucket, (totals.get(bucket) ?? 0) + value);
  }
  const order = [...ranked.slice(0, top).map(([c]) => c), OTHER, NO_COUNTRY].filter((c) => totals.has(c));
  const nameOf = (c: string) => BUCKET_NAMES[c] ?? countryName(c);
  const series = order.map((c) => ({ country: c, countryName: nameOf(c), fractional: totals.get(c)! }));
  const cells: ShareCell[] = [];
  for (const p of periods) {
    for (const c of order) {
      const fractional = sums.get(`${p.period}\u0000${c}`) ?? 0;
      cells.push({ period: p.period, country: c, countryName: nameOf(c), fractional, share: p.contributions === 0 ? 0 : fractional / p.contributions });
    }
  }
  return { kind: 'shares-over-time', filters, basis: basisOf(filters), period, periods, series, cells };
}

/** The chart's numbers as a table: one row per series, one share per period (the HTML table beside the chart). */
export function sharesTable(report: SharesOverTime) {
  return {
    periods: report.periods,
    rows: report.series.map((s) => ({
      country: s.country === OTHER || s.country === NO_COUNTRY ? null : s.country,
      countryName: s.countryName,
      cells: report.periods.map((p) => report.cells.find((c) => c.period === p.period && c.country === s.country)!),
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

/** The numbers sharesOverTime draws: contributions per period, fractional counts per period and country (null: none). */
function shareCounts(db: Db, filters: Filters, choosePeriod: (first: string | null, last: string | null) => Period) {
  const span = dateSpan(db, filters);
  const period = choosePeriod(span?.first ?? null, span?.last ?? null);
  // Contributions without a date cannot be placed in time and are left out of this chart.
  const periods = db.all<{ period: string; contributions: number }>(sql`
    select t.${sql.identifier(period)} as period, t.contributions from (${countsOf(db, 'everyone', filters, [period], undefined, { datedOnly: true })}) t
    order by 1`);
  const rows = db.all<{ period: string; country: string | null; fractional: number }>(sql`
    select t.${sql.identifier(period)} as period, nullif(t.country, '') as country, t.fractional
    from (${countsOf(db, 'country', filters, [period, 'country'], undefined, { datedOnly: true })}) t`);
  return { period, periods, rows };
}
