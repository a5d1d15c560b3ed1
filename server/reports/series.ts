// A country's or a company's contributions and share per year, counted over the groups the series
// compares (coverage.ts): the country page, the company page and compare read their years here.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CountKey } from '../../db/counts/read.js';
import { partialReason, seriesScope, type SeriesCoverage, type SeriesScope } from './coverage.js';
import type { Filters } from './filters.js';
import { SHARES, countsOf, subjectCounts, type Subject } from './participation.js';
import type { SeriesGroup } from './trends.js';

export interface YearRow extends SeriesGroup {
  year: string;
  /** The subject's contributions (full count) and fractional count. */
  contributions: number;
  fractional: number;
  /** Every contribution of the year over the series' groups: the share's denominator. */
  allContributions: number;
  /** fractional ÷ allContributions. */
  share: number | null;
  /** The year's coverage differs from the others' (see the coverage), and why. */
  partial: boolean;
  partialReason: string | null;
}

export interface YearSeries {
  coverage: SeriesCoverage;
  /** Every year (per group with coverage=per-group) with contributions over the series' groups, oldest first. */
  rows: YearRow[];
}

/**
 * A subject's contributions and share per year (dated contributions only), over the scope's groups
 * (`scope`: made once when several subjects share it, as on compare).
 */
export function yearSeries(db: Db, subject: Subject, filters: Filters, scope: SeriesScope = seriesScope(db, filters, 'year')): YearSeries {
  const keys: CountKey[] = scope.perGroup ? ['year', 'group'] : ['year'];
  const group = scope.perGroup ? sql`t."group"` : sql`null`;
  const all = db.all<{ year: string; group: number | null; contributions: number }>(sql`
    select t.year, ${group} as "group", t.contributions from (${countsOf(db, 'everyone', scope.counted, keys, undefined, { datedOnly: true, measures: ['contributions'] })}) t`);
  const own = db.all<{ year: string; group: number | null; contributions: number; fractional: number }>(sql`
    select t.year, ${group} as "group", t.contributions, t.fractional from (${subjectCounts(db, subject, scope.counted, keys, { datedOnly: true, measures: SHARES })}) t`);
  const byKey = new Map(own.map((r) => [`${r.group} ${r.year}`, r]));
  const rows = all.map((r): YearRow => {
    const g = r.group === null ? undefined : scope.groupOf(r.group);
    const row = { body: g?.body ?? null, group: g?.group ?? null };
    const counted = byKey.get(`${r.group} ${r.year}`);
    const fractional = counted?.fractional ?? 0;
    const reason = partialReason(scope.coverage, r.year, row);
    return {
      ...row,
      year: r.year,
      contributions: counted?.contributions ?? 0,
      fractional,
      allContributions: r.contributions,
      share: r.contributions === 0 ? null : fractional / r.contributions,
      partial: reason !== null,
      partialReason: reason,
    };
  });
  rows.sort((a, b) => (a.body ?? '').localeCompare(b.body ?? '') || (a.group ?? '').localeCompare(b.group ?? '') || a.year.localeCompare(b.year));
  return { coverage: scope.coverage, rows };
}

/** A report's `byYear` and the coverage of that series (`seriesCoverage`): the country and company pages. */
export function byYear(db: Db, subject: Subject, filters: Filters): { byYear: YearRow[]; seriesCoverage: SeriesCoverage } {
  const series = yearSeries(db, subject, filters);
  return { byYear: series.rows, seriesCoverage: series.coverage };
}
