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

/** The condition on `contributions` that their title or source cell matches the text. */
export function matchCondition(text: string): SQL {
  const query = ftsQuery(text);
  if (query === null) return sql`0 = 1`;
  return sql`${contributions.id} in (select rowid from contributions_fts where contributions_fts match ${query})`;
}

export type SearchResult = {
  kind: 'search';
  q: string;
  filters: Filters;
  total: number;
  page: number;
  pageSize: number;
  results: ContributionRecord[];
};

/** A page of the contributions matching `q` under the filters, newest first, with the number of matches. */
export function searchContributions(db: Db, q: string, filters: Filters, options: { page?: number; pageSize?: number; where?: SQL } = {}): SearchResult {
  const page = Math.max(1, options.page ?? 1);
  const pageSize = options.pageSize ?? 50;
  const where = sql`${matchCondition(q)} and ${contributionCondition(filters)} and ${options.where ?? sql`1 = 1`}`;
  const total =
    db.get<{ n: number }>(sql`select count(*) as n from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId} where ${where}`)?.n ?? 0;
  const ids = db
    .all<{ id: number }>(sql`select ${contributions.id} as id from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
      where ${where} order by ${contributions.date} desc, ${contributions.id} desc limit ${pageSize} offset ${(page - 1) * pageSize}`)
    .map((r) => r.id);
  return { kind: 'search', q, filters, total, page, pageSize, results: contributionRecords(db, ids) };
}
