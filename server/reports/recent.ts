// The contributions a follower wants to see: those of an organization (with its subsidiaries), of a
// country (by the ultimate parent's home country), or of a watchlist, newest first. Shared by the
// watchlist pages, the Atom feeds and the CLI.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contributions, groups } from '../../db/schema.js';
import { contributionRecords, type ContributionRecord } from './contributions.js';
import { countUpTo } from './count.js';
import { contributionCondition, type Filters } from './filters.js';
import { withSource } from './record-filters.js';

/**
 * Contributions naming one of these organizations, or an entity whose ultimate parent is one of them.
 * `db`: to choose how the sources are read (withSource).
 */
export function organizationCondition(slugs: string[], db?: Db): SQL {
  if (slugs.length === 0) return sql`0 = 1`;
  const list = sql.join(slugs.map((s) => sql`${s}`), sql`, `);
  return withSource(sql`(o.slug in (${list}) or p.slug in (${list}))`, db);
}

/** Contributions with a source whose ultimate parent's home country is `iso2`. */
export function countryCondition(iso2: string, db?: Db): SQL {
  return withSource(sql`p.country = ${iso2}`, db);
}

export function groupCondition(codes: string[]): SQL {
  if (codes.length === 0) return sql`0 = 1`;
  return sql`${groups.code} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`;
}

export interface RecentContributions {
  /** How many match, up to a cap (null when not asked for: a feed shows only the newest). */
  total: number | null;
  /** False when more than `total` match (countUpTo); null when not counted. */
  totalExact: boolean | null;
  /** The date of the newest contribution among them (for a feed's `updated`). */
  latest: string | null;
  items: ContributionRecord[];
}

/**
 * Contributions matching `where` under the filters, newest first (by date, then by when stored).
 * CROSS JOIN keeps contributions the outer loop, walked newest first down the date index: with a
 * common condition (Huawei at 2 M: one contribution in five) the first `limit` are found after a few
 * hundred rows, where sorting every match took seconds. `count`: also how many match, up to
 * `countCap` (countUpTo: a watchlist of Huawei and Nokia took 4.5 s to count in full at 2 M).
 */
export function recentContributions(
  db: Db,
  where: SQL,
  filters: Filters,
  limit = 50,
  options: { count?: boolean; countCap?: number | null } = {},
): RecentContributions {
  const condition = and(where, contributionCondition(filters));
  const from = sql`from ${contributions} cross join ${groups} on ${eq(groups.id, contributions.groupId)} where ${condition}`;
  const ids = db.all<{ id: number; date: string | null }>(
    sql`select ${contributions.id} as id, ${contributions.date} as date ${from} order by ${contributions.date} desc, ${contributions.id} desc limit ${limit}`,
  );
  const counted = options.count ? countUpTo(db, from, options.countCap) : null;
  // Newest first with undated ones last (SQLite's NULLs sort lowest): the first row's date is the newest.
  return {
    total: counted?.total ?? null,
    totalExact: counted?.exact ?? null,
    latest: ids[0]?.date ?? null,
    items: contributionRecords(db, ids.map((r) => r.id)),
  };
}
