// Full-text search over contribution titles and source cells (db/fts.ts: how a text becomes an FTS5
// query), a page of matches at a time.
import { sql, type SQL } from 'drizzle-orm';
import { ftsQuery, matchCondition } from '../../db/fts.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { contributions, groups } from '../../db/schema.js';
import { contributionRecords, type ContributionRecord } from './contributions.js';
import { countUpTo } from './count.js';
import { FilterError, contributionCondition, type Filters } from './filters.js';

export const searchTextSchema = z
  .string()
  .trim()
  .max(200, 'at most 200 characters')
  .optional()
  .meta({ description: 'full text over titles and source cells (SQLite FTS5): every term must match; a term ending in * matches as a prefix' });

/** Validates a `q` value; throws FilterError naming it. */
export function parseSearchText(value: unknown): string | undefined {
  const parsed = searchTextSchema.safeParse(value === '' ? undefined : value);
  if (!parsed.success) throw new FilterError('q', parsed.error.issues[0]!.message);
  return parsed.data;
}

export type SearchResult = {
  kind: 'search';
  q: string;
  filters: Filters;
  /** How many match, up to a cap (countUpTo). */
  total: number;
  /** False when more than `total` match. */
  totalExact: boolean;
  page: number;
  pageSize: number;
  results: ContributionRecord[];
};

/**
 * A page of the contributions matching `q` under the filters, newest first, with the number of
 * matches up to `countCap` (a word in most titles matched ~1 M contributions at 2 M: 2 s to count).
 */
export function searchContributions(
  db: Db,
  q: string,
  filters: Filters,
  options: { page?: number; pageSize?: number; where?: SQL; countCap?: number | null } = {},
): SearchResult {
  const page = Math.max(1, options.page ?? 1);
  const pageSize = options.pageSize ?? 50;
  const where = (match: SQL) => sql`${match} and ${contributionCondition(filters)} and ${options.where ?? sql`1 = 1`}`;
  const { total, exact } = countUpTo(db, sql`from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId} where ${where(matchCondition(q))}`, options.countCap);
  // Up to the cap, the matches are found through the full-text index and sorted. Past it they are a
  // good part of the table (a word in most titles: 700,000 at 2 M, 0.9 s to sort), and walking newest
  // first down the date index finds a page's worth after a few hundred rows (0.2 s).
  const ids = db
    .all<{ id: number }>(sql`select ${contributions.id} as id from ${contributions} ${exact ? sql`join` : sql`cross join`} ${groups} on ${groups.id} = ${contributions.groupId}
      where ${where(matchCondition(q, { checked: !exact }))} order by ${contributions.date} desc, ${contributions.id} desc limit ${pageSize} offset ${(page - 1) * pageSize}`)
    .map((r) => r.id);
  return { kind: 'search', q, filters, total, totalExact: exact, page, pageSize, results: contributionRecords(db, ids) };
}
