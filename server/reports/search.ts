// Full-text search over contribution titles and source cells, through the FTS5 index
// `contributions_fts` (db/migrations/0003_contributions_fts.sql, kept in step by triggers).
//
// What a user types is never handed to FTS5 as query syntax (an unbalanced quote or a bare `AND`
// would be an SQL error): each whitespace-separated term becomes a quoted phrase, all terms must
// match, and a term ending in `*` matches as a prefix (`posit*`).
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { contributions, groups } from '../../db/schema.js';
import { contributionRecords, type ContributionRecord } from './contributions.js';
import { countUpTo } from './count.js';
import { FilterError, contributionCondition, type Filters } from './filters.js';

export const searchTextSchema = z.string().trim().max(200, 'at most 200 characters').optional();

/** The FTS5 query for what the user typed, or null when it holds no searchable term. */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((term) => {
      const prefix = /\*+$/.test(term);
      const word = term.replace(/\*+$/, '').replace(/"/g, '');
      // A term without a letter or digit (`-`, `&`) would be an empty phrase: leave it out.
      if (!/[\p{L}\p{N}]/u.test(word)) return null;
      return `"${word}"${prefix ? '*' : ''}`;
    })
    .filter((t): t is string => t !== null);
  return terms.length === 0 ? null : terms.join(' ');
}

/** Validates a `q` value; throws FilterError naming it. */
export function parseSearchText(value: unknown): string | undefined {
  const parsed = searchTextSchema.safeParse(value === '' ? undefined : value);
  if (!parsed.success) throw new FilterError('q', parsed.error.issues[0]!.message);
  return parsed.data;
}

/**
 * The condition on `contributions` that their title or source cell matches the text. `checked`: the
 * matches are a set each contribution walked is checked against (the unary + keeps the planner from
 * starting at the full-text index and sorting every match).
 */
export function matchCondition(text: string, options: { checked?: boolean } = {}): SQL {
  const query = ftsQuery(text);
  if (query === null) return sql`0 = 1`;
  const id = options.checked ? sql`+${contributions.id}` : sql`${contributions.id}`;
  return sql`${id} in (select rowid from contributions_fts where contributions_fts match ${query})`;
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
