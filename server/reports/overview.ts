// The overview: how much is stored, how much of it is attributed, and the ranking of countries and
// companies, with the leadership seats by country.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups, meetings, organizations } from '../../db/schema.js';
import { countryName } from '../../scrapers/resolve/countries.js';
import { contributionCondition, type Filters } from './filters.js';
import { seatTable } from './leadership.js';
import { as, basisOf, allContributions, byCountry, byOrganization, parentOrg } from './participation.js';
import * as rollup from './rollup.js';

export function coverage(db: Db, filters: Filters) {
  const row = rollup.rollupCovers(db, filters) ? rollup.coverageCounts(db, filters) : db.get<{ occurrences: number; resolved: number; sdo: number; noCountry: number }>(sql`
    select count(*) as occurrences,
      sum(case when ${contributionSources.organizationId} is not null then 1 else 0 end) as resolved,
      sum(case when ${parentOrg.kind} = 'sdo' then 1 else 0 end) as sdo,
      sum(case when ${contributionSources.organizationId} is not null and ${parentOrg.country} is null then 1 else 0 end) as noCountry
    from ${contributionSources}
    left join ${as(organizations, parentOrg)} on ${parentOrg.id} = ${contributionSources.parentId}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionCondition(filters)}`);
  const occurrences = row?.occurrences ?? 0;
  const resolved = row?.resolved ?? 0;
  return {
    occurrences,
    resolved,
    unresolved: occurrences - resolved,
    resolvedShare: occurrences === 0 ? null : resolved / occurrences,
    standardsBodies: row?.sdo ?? 0,
    withoutCountry: row?.noCountry ?? 0,
  };
}

/** Raw names no organization was found for, most frequent first, with an example document. */
const KIND_LABELS: Record<string, string> = {
  government: 'Member states and governments',
  company: 'Companies',
  research: 'Universities and research institutes',
  association: 'Associations',
  sdo: 'Standards-body groups',
  individual: 'Individuals',
  unknown: 'Unresolved',
};

/**
 * Sources by kind of organization (ITU's member states against its sector members, for one): the
 * fractional count of each kind, unresolved names included, so the shares add up to 100 %.
 */
export function byKind(db: Db, filters: Filters) {
  const all = allContributions(db, filters);
  const rows = rollup.rollupCovers(db, filters) ? rollup.kindRows(db, filters) : db.all<{ kind: string; contributions: number; fractional: number }>(sql`
    select coalesce(${parentOrg.kind}, 'unknown') as kind, count(distinct ${contributions.id}) as contributions,
      sum(${contributionSources.share}) as fractional
    from ${contributionSources}
    left join ${as(organizations, parentOrg)} on ${parentOrg.id} = ${contributionSources.parentId}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionCondition(filters)}
    group by 1
    order by round(fractional, 9) desc, kind`);
  return rows.map((r) => ({ ...r, label: KIND_LABELS[r.kind] ?? r.kind, share: all === 0 ? 0 : r.fractional / all }));
}

export function unresolvedNames(db: Db, filters: Filters, limit = 50) {
  return db.all<{ name: string; occurrences: number; example: string }>(sql`
    select ${contributionSources.name} as name, count(*) as occurrences,
      min(${contributions.bodyId} || ' ' || ${contributions.ref}) as example
    from ${contributionSources}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionSources.organizationId} is null and ${contributionCondition(filters)}
    group by ${contributionSources.name}
    order by occurrences desc, name
    limit ${limit}`);
}

export function latestMeetings(db: Db, filters: Filters, limit = 5) {
  if (rollup.rollupCovers(db, filters)) return rollup.latestMeetings(db, filters, limit);
  return db.all<{ meeting: string; body: string; group: string; startDate: string | null; town: string | null; contributions: number }>(sql`
    select ${meetings.name} as meeting, ${meetings.bodyId} as body, ${groups.code} as "group",
      ${meetings.startDate} as startDate, ${meetings.town} as town, count(${contributions.id}) as contributions
    from ${meetings}
    join ${groups} on ${groups.id} = ${meetings.groupId}
    join ${contributions} on ${contributions.meetingId} = ${meetings.id}
    where ${contributionCondition(filters)}
    group by ${meetings.id}
    order by coalesce(${meetings.startDate}, max(${contributions.date})) desc, ${meetings.name}
    limit ${limit}`);
}

/**
 * Leadership seats counted by the holder's country and by company, on one day: the end of the period
 * asked for, else today (see seatTable in leadership.ts: official seats preferred over those the
 * contribution lists reveal, one seat per group, role and holder).
 */
export function seatCounts(db: Db, filters: Filters, today = new Date().toISOString().slice(0, 10)) {
  const day = filters.to && filters.to < today ? filters.to : today;
  const table = seatTable(db, day, filters, null);
  return {
    period: `held on ${day}`,
    at: day,
    total: table.total,
    byCountry: table.byCountry.map(({ country, countryName, seats, chairs, viceChairs, label }) => ({ country, countryName, seats, chairs, viceChairs, label })),
    byCompany: table.byCompany.map(({ slug, name, country, seats, chairs, viceChairs, label }) => ({ slug, name, country, seats, chairs, viceChairs, label })),
  };
}

export function overviewReport(db: Db, filters: Filters) {
  const all = allContributions(db, filters);
  const everyone = sql`1 = 1`;
  const fromRollup = rollup.rollupCovers(db, filters);
  const companiesOnly = sql`${parentOrg.kind} not in ('sdo', 'individual')`;
  const countries = (fromRollup ? rollup.byCountry(db, filters) : byCountry(db, everyone, filters)).map((r) => ({
    ...r,
    countryName: countryName(r.country),
    share: all === 0 ? 0 : r.fractional / all,
  }));
  const companies = (
    fromRollup
      ? rollup.byOrganization(db, { kind: 'parentKindNotIn', kinds: ['sdo', 'individual'] }, filters, 25)
      : byOrganization(db, companiesOnly, filters, 25)
  ).map((r) => ({
    ...r,
    countryName: r.country ? countryName(r.country) : null,
    share: all === 0 ? 0 : r.fractional / all,
  }));
  const span = fromRollup ? rollup.span(db, filters) : db.get<{ first: string | null; last: string | null; meetings: number }>(sql`
    select min(${contributions.date}) as first, max(${contributions.date}) as last,
      count(distinct ${contributions.meetingId}) as meetings
    from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributionCondition(filters)}`);
  return {
    kind: 'overview' as const,
    filters,
    basis: basisOf(filters),
    totals: { contributions: all, meetings: span?.meetings ?? 0, firstDate: span?.first ?? null, lastDate: span?.last ?? null },
    coverage: coverage(db, filters),
    countries,
    companies,
    kinds: byKind(db, filters),
    latestMeetings: latestMeetings(db, filters),
    seats: seatCounts(db, filters),
    unresolved: unresolvedNames(db, filters, 10),
  };
}

export type OverviewReport = ReturnType<typeof overviewReport>;

export function countriesReport(db: Db, filters: Filters) {
  const all = allContributions(db, filters);
  return {
    kind: 'countries' as const,
    filters,
    basis: basisOf(filters),
    allContributions: all,
    countries: (rollup.rollupCovers(db, filters) ? rollup.byCountry(db, filters) : byCountry(db, sql`1 = 1`, filters)).map((r) => ({
      ...r,
      countryName: countryName(r.country),
      share: all === 0 ? 0 : r.fractional / all,
    })),
  };
}

export function organizationsReport(db: Db, filters: Filters) {
  return {
    kind: 'organizations' as const,
    filters,
    basis: basisOf(filters),
    organizations: rollup.rollupCovers(db, filters)
      ? rollup.byOrganization(db, { kind: 'everyone' }, filters, 100_000)
      : byOrganization(db, sql`1 = 1`, filters, 100_000),
  };
}

/** The share of source occurrences resolved, per body with contributions on record. */
export function coverageByBody(db: Db, filters: Filters) {
  const bodies = db.all<{ body: string }>(sql`select distinct ${contributions.bodyId} as body from ${contributions} order by body`);
  return bodies
    .filter(({ body }) => !filters.body || filters.body === body)
    .map(({ body }) => ({ body, ...coverage(db, { ...filters, body: body as Filters['body'] }) }));
}

export function unresolvedReport(db: Db, filters: Filters, limit = 1000) {
  const cover = coverage(db, filters);
  return {
    kind: 'unresolved' as const,
    filters,
    coverage: cover,
    byBody: coverageByBody(db, filters),
    unresolvedShare: cover.occurrences === 0 ? null : cover.unresolved / cover.occurrences,
    names: unresolvedNames(db, filters, limit),
  };
}
