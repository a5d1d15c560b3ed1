// Counting what a page shows a part of. At full history a watchlist of two large companies or a
// search for a word in most titles matches hundreds of thousands of contributions, and counting them
// all took seconds for a number nobody reads to the unit: past a cap the count stops, and the page
// says "more than".
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** How far a count goes before it stops. */
export const COUNT_CAP = 10_000;

export interface MatchCount {
  /** How many match, or the cap when there are more. */
  total: number;
  /** False when there are more than `total`. */
  exact: boolean;
}

/** How many rows `from` (a FROM … WHERE … clause) selects, counted up to `cap` (null: all of them). */
export function countUpTo(db: Db, from: SQL, cap: number | null = COUNT_CAP): MatchCount {
  if (cap === null) return { total: db.get<{ n: number }>(sql`select count(*) as n ${from}`)?.n ?? 0, exact: true };
  const n = db.get<{ n: number }>(sql`select count(*) as n from (select 1 ${from} limit ${cap + 1})`)?.n ?? 0;
  return n > cap ? { total: cap, exact: false } : { total: n, exact: true };
}
