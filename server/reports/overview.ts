// The overview: how much is stored, how much of it is attributed, and the ranking of countries and
// companies, with the leadership seats by country.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups } from '../../db/schema.js';
import { countryName } from '../../domain/resolve/countries.js';
import { contributionCondition, type Filters } from './filters.js';
import { seatTable } from './leadership.js';
import { allContributions, basisOf, byCountry, byOrganization, countsOf, dateSpan } from './participation.js';

export function coverage(db: Db, filters: Filters) {
  // Source mentions by the kind of their parent ('unknown': unresolved), and those counting for no
  // country on the parent basis (unresolved, or a parent without one): two small tables.
  const kinds = db.get<{ occurrences: number | null; unresolved: number | null; sdo: number | null }>(sql`
    select sum(t.sources) as occurrences, sum(case when t.kind = 'unknown' then t.sources else 0 end) as unresolved,
      sum(case when t.kind = 'sdo' then t.sources else 0 end) as sdo
    from (${countsOf(db, 'kind', filters, ['kind'])}) t`);
  const none = db.get<{ sources: number }>(countsOf(db, 'country', { ...filters, basis: 'parent' }, [], sql`r.country = ''`));
  const occurrences = kinds?.occurrences ?? 0;
  const unresolved = kinds?.unresolved ?? 0;
  return {
    occurrences,
    resolved: occurrences - unresolved,
    unresolved,
    resolvedShare: occurrences === 0 ? null : (occurrences - unresolved) / occurrences,
    standardsBodies: kinds?.sdo ?? 0,
    withoutCountry: (none?.sources ?? 0) - unresolved,
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
  const rows = db.all<{ kind: string; contributions: number; fractional: number }>(sql`
    select t.kind, t.contributions, t.fractional from (${countsOf(db, 'kind', filters, ['kind'])}) t
    order by round(t.fractional, 9) desc, t.kind`);
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
  return db.all<{ meeting: string; body: string; group: string; startDate: string | null; town: string | null; contributions: number }>(sql`
    select m.name as meeting, m.body_id as body, g.code as "group", m.start_date as startDate, m.town as town,
      sum(t.contributions) as contributions
    from (${countsOf(db, 'everyone', filters, ['meeting', 'month'])}) t join meetings m on m.id = t.meeting join groups g on g.id = m.group_id
    group by m.id
    order by coalesce(m.start_date, max(t.month)) desc, m.name
    limit ${limit}`);
}

/** The first and last day of the contributions the filters pick, and how many meetings they come from. */
export function span(db: Db, filters: Filters) {
  const meetings = db.get<{ n: number }>(sql`select count(*) as n from (${countsOf(db, 'everyone', filters, ['meeting'])}) t where t.meeting <> 0`);
  return { ...dateSpan(db, filters), meetings: meetings?.n ?? 0 };
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
  const countries = byCountry(db, filters).map((r) => ({
    ...r,
    countryName: countryName(r.country),
    share: all === 0 ? 0 : r.fractional / all,
  }));
  const companies = byOrganization(db, { kind: 'everyone' }, filters, { limit: 25, kindsLeftOut: ['sdo', 'individual'] }).map((r) => ({
    ...r,
    countryName: r.country ? countryName(r.country) : null,
    share: all === 0 ? 0 : r.fractional / all,
  }));
  const dates = span(db, filters);
  return {
    kind: 'overview' as const,
    filters,
    basis: basisOf(filters),
    totals: { contributions: all, meetings: dates.meetings, firstDate: dates.first, lastDate: dates.last },
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
    countries: byCountry(db, filters).map((r) => ({
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
    organizations: byOrganization(db, { kind: 'everyone' }, filters, { limit: 100_000 }),
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
