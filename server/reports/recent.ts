// The contributions a follower wants to see: those of an organization (with its subsidiaries), of a
// country (by the ultimate parent's home country), or of a watchlist, newest first. Shared by the
// watchlist pages, the Atom feeds and the CLI.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups, organizations } from '../../db/schema.js';
import { contributionRecords, type ContributionRecord } from './contributions.js';
import { contributionCondition, type Filters } from './filters.js';

const entity = alias(organizations, 'entity');
const parent = alias(organizations, 'parent');

/** Contributions naming one of these organizations, or an entity whose ultimate parent is one of them. */
export function organizationCondition(slugs: string[]): SQL {
  if (slugs.length === 0) return sql`0 = 1`;
  const list = sql.join(slugs.map((s) => sql`${s}`), sql`, `);
  return sql`${contributions.id} in (select ${contributionSources.contributionId} from ${contributionSources}
    left join ${sql`${organizations} as ${entity}`} on ${entity.id} = ${contributionSources.organizationId}
    left join ${sql`${organizations} as ${parent}`} on ${parent.id} = ${contributionSources.parentId}
    where ${entity.slug} in (${list}) or ${parent.slug} in (${list}))`;
}

/** Contributions with a source whose ultimate parent's home country is `iso2`. */
export function countryCondition(iso2: string): SQL {
  return sql`${contributions.id} in (select ${contributionSources.contributionId} from ${contributionSources}
    join ${sql`${organizations} as ${parent}`} on ${parent.id} = ${contributionSources.parentId}
    where ${parent.country} = ${iso2})`;
}

export function groupCondition(codes: string[]): SQL {
  if (codes.length === 0) return sql`0 = 1`;
  return sql`${groups.code} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`;
}

export interface RecentContributions {
  total: number;
  /** The date of the newest contribution among them (for a feed's `updated`). */
  latest: string | null;
  items: ContributionRecord[];
}

/** Contributions matching `where` under the filters, newest first (by date, then by when stored). */
export function recentContributions(db: Db, where: SQL, filters: Filters, limit = 50): RecentContributions {
  const condition = and(where, contributionCondition(filters));
  const from = sql`from ${contributions} join ${groups} on ${eq(groups.id, contributions.groupId)} where ${condition}`;
  const summary = db.get<{ total: number; latest: string | null }>(sql`select count(*) as total, max(${contributions.date}) as latest ${from}`);
  const ids = db
    .all<{ id: number }>(sql`select ${contributions.id} as id ${from} order by ${contributions.date} desc, ${contributions.id} desc limit ${limit}`)
    .map((r) => r.id);
  return { total: summary?.total ?? 0, latest: summary?.latest ?? null, items: contributionRecords(db, ids) };
}
