// The building blocks of the participation reports: who (a condition on the source's ultimate parent)
// contributed how much, with which outcomes, at which meetings, in which groups, with whom, and which
// seats they hold. Pure query functions: (db, who, filters) → rows.
//
// Counting rules (stated on every report):
// - full: a contribution counts 1 for each organization or country among its sources;
// - fractional: a contribution with n sources gives each source 1/n, so shares add up to the total;
// - country: by default the ultimate parent's home country (HiSilicon → Huawei → CN; Nokia Shanghai
//   Bell → FI); with `basis: 'entity'` the named entity's own (Nokia Shanghai Bell → CN).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type AnySQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { contributionSources, contributions, groups, meetings, organizations, positions } from '../../db/schema.js';
import { OUTCOMES, type Outcome } from '../../scrapers/outcomes.js';
import { contributionCondition, type Filters } from './filters.js';
import { topicSeatCondition } from './topics.js';
import * as rollup from './rollup.js';

/** `"organizations" as "alias"`: an aliased table in a hand-written FROM clause. */
export function as(table: AnySQLiteTable, aliased: AnySQLiteTable): SQL {
  return sql`${table} as ${aliased}`;
}

/** The ultimate parent organization of a source. */
export const parentOrg = alias(organizations, 'parent_org');
/** The organization a source names (joined only when the entity basis needs its own country). */
export const entityOrg = alias(organizations, 'entity_org');

/**
 * The country on the filters' basis (see COUNTRY_BASES), given the entity's and the parent's country
 * columns: the entity's own, falling back to the parent's, or the parent's.
 */
export function countryOnBasis(filters: Filters, entityCountry: SQLWrapper, parentCountry: SQLWrapper): SQL<string | null> {
  return filters.basis === 'entity' ? sql<string | null>`coalesce(${entityCountry}, ${parentCountry})` : sql<string | null>`${parentCountry}`;
}

/** The country a source counts for under the filters' basis. */
export function countryOf(filters: Filters): SQL {
  return countryOnBasis(filters, entityOrg.country, parentOrg.country);
}

/** What a report says about its country basis. */
export function basisOf(filters: Filters) {
  return filters.basis ?? ('parent' as const);
}

export interface Counts {
  contributions: number;
  fractional: number;
}

export interface OutcomeCounts {
  accepted: number;
  noted: number;
  withdrawn: number;
  superseded: number;
  notHandled: number;
  pending: number;
  /** accepted ÷ (accepted + noted + not handled): withdrawn, superseded and pending are left out. */
  acceptanceRate: number | null;
}

export interface MeetingRow extends Counts {
  meeting: string;
  startDate: string | null;
  body: string;
  group: string;
}

export interface GroupRow extends Counts {
  body: string;
  group: string;
  groupName: string;
}

export interface OrganizationRow extends Counts {
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  accepted: number;
  acceptanceRate: number | null;
}

export interface SeatRow {
  body: string;
  group: string;
  role: string;
  organization: string;
  organizationSlug: string;
  parent: string;
  parentSlug: string;
  country: string | null;
  from: string | null;
  to: string | null;
  lastSeen: string | null;
  evidence: string | null;
  basis: string;
  partner: string | null;
}

const OUTCOME_SQL = OUTCOMES.map(
  (o) => sql`count(distinct case when ${contributions.outcome} = ${o} then ${contributions.id} end)`,
);

function rate(accepted: number, noted: number, notHandled: number): number | null {
  const decided = accepted + noted + notHandled;
  return decided === 0 ? null : accepted / decided;
}

/** The sources a report is about, joined to their contribution and group, filtered. */
function sourcesFrom(who: SQL, filters: Filters, join: SQL = sql``): SQL {
  return sql`from ${contributionSources}
    join ${as(organizations, parentOrg)} on ${parentOrg.id} = ${contributionSources.parentId}
    ${filters.basis === 'entity' ? sql`left join ${as(organizations, entityOrg)} on ${entityOrg.id} = ${contributionSources.organizationId}` : sql``}
    join ${contributions} on ${contributions.id} = ${contributionSources.contributionId}
    join ${groups} on ${groups.id} = ${contributions.groupId}
    ${join}
    where (${who}) and ${contributionCondition(filters)}`;
}

export function totals(db: Db, who: SQL, filters: Filters): Counts & { outcomes: OutcomeCounts } {
  const row = db.get<Record<string, number | null>>(sql`
    select count(distinct ${contributions.id}) as contributions, coalesce(sum(${contributionSources.share}), 0) as fractional,
      ${sql.join(OUTCOME_SQL.map((s, i) => sql`${s} as ${sql.identifier(OUTCOMES[i]!)}`), sql`, `)}
    ${sourcesFrom(who, filters)}`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  const outcomes = {
    accepted: n('accepted'),
    noted: n('noted'),
    withdrawn: n('withdrawn'),
    superseded: n('superseded'),
    notHandled: n('not-handled'),
    pending: n('pending'),
  };
  return {
    contributions: n('contributions'),
    fractional: n('fractional'),
    outcomes: { ...outcomes, acceptanceRate: rate(outcomes.accepted, outcomes.noted, outcomes.notHandled) },
  };
}

/** Totals of a report's subject with its share of all contributions under the filters, and outcomes. */
export function participationSummary(db: Db, who: SQL, filters: Filters) {
  const { outcomes, ...counts } = totals(db, who, filters);
  const all = allContributions(db, filters);
  return {
    totals: { ...counts, allContributions: all, share: all === 0 ? null : counts.fractional / all },
    outcomes,
  };
}

/** All contributions under the filters: the denominator of shares. */
export function allContributions(db: Db, filters: Filters): number {
  if (rollup.rollupCovers(db, filters)) return rollup.allContributions(db, filters);
  return (
    db.get<{ n: number }>(sql`select count(*) as n from ${contributions}
      join ${groups} on ${groups.id} = ${contributions.groupId} where ${contributionCondition(filters)}`)?.n ?? 0
  );
}

export function byMeeting(db: Db, who: SQL, filters: Filters): MeetingRow[] {
  return db.all<MeetingRow>(sql`
    select ${meetings.name} as meeting, ${meetings.startDate} as startDate, ${contributions.bodyId} as body,
      ${groups.code} as "group", count(distinct ${contributions.id}) as contributions,
      sum(${contributionSources.share}) as fractional
    ${sourcesFrom(who, filters, sql`join ${meetings} on ${meetings.id} = ${contributions.meetingId}`)}
    group by ${meetings.id}
    order by coalesce(${meetings.startDate}, min(${contributions.date})), ${meetings.name}`);
}

export function byGroup(db: Db, who: SQL, filters: Filters): GroupRow[] {
  return db.all<GroupRow>(sql`
    select ${contributions.bodyId} as body, ${groups.code} as "group", ${groups.name} as groupName,
      count(distinct ${contributions.id}) as contributions, sum(${contributionSources.share}) as fractional
    ${sourcesFrom(who, filters)}
    group by ${groups.id}
    order by contributions desc, "group"`);
}

/**
 * Ultimate parents among the sources, largest fractional count (the share's measure) first. Ranked on
 * the count rounded to 9 decimals: sums of 1/n shares added in another order differ in the last bit,
 * and equal counts must fall to the next key (contributions, name), not to rounding noise.
 */
export function byOrganization(db: Db, who: SQL, filters: Filters, limit = 500): OrganizationRow[] {
  const rows = db.all<Omit<OrganizationRow, 'acceptanceRate'> & { noted: number; notHandled: number }>(sql`
    select ${parentOrg.slug} as slug, ${parentOrg.name} as name, ${parentOrg.kind} as kind, ${parentOrg.country} as country,
      count(distinct ${contributions.id}) as contributions, sum(${contributionSources.share}) as fractional,
      ${OUTCOME_SQL[0]} as accepted, ${OUTCOME_SQL[1]} as noted, ${OUTCOME_SQL[4]} as notHandled
    ${sourcesFrom(who, filters)}
    group by ${parentOrg.id}
    order by round(fractional, 9) desc, contributions desc, name
    limit ${limit}`);
  return rows.map(({ noted, notHandled, ...row }) => ({ ...row, acceptanceRate: rate(row.accepted, noted, notHandled) }));
}

export interface CountryRow extends Counts {
  country: string;
}

/** Countries of the sources (by the filters' basis), largest fractional count first (sources without a country left out). */
export function byCountry(db: Db, who: SQL, filters: Filters): CountryRow[] {
  const country = countryOf(filters);
  return db.all<CountryRow>(sql`
    select ${country} as country, count(distinct ${contributions.id}) as contributions,
      sum(${contributionSources.share}) as fractional
    ${sourcesFrom(sql`(${who}) and ${country} is not null`, filters)}
    group by ${country}
    order by round(fractional, 9) desc, contributions desc, country`);
}

const coParent = alias(organizations, 'co_parent');
const coSource = alias(contributionSources, 'co_source');

/**
 * Organizations most often named beside the report's subject on the same contributions; `exclude` keeps
 * the subject itself (or its own country) out. Standards-body groups are left out: they are not partners.
 */
export function coSources(db: Db, who: SQL, exclude: SQL, filters: Filters, limit = 15) {
  return db.all<{ slug: string; name: string; country: string | null; contributions: number }>(sql`
    select ${coParent.slug} as slug, ${coParent.name} as name, ${coParent.country} as country,
      count(distinct ${coSource.contributionId}) as contributions
    from ${as(contributionSources, coSource)} join ${as(organizations, coParent)} on ${coParent.id} = ${coSource.parentId}
    where ${coSource.contributionId} in (select ${contributions.id} ${sourcesFrom(who, filters)})
      and not (${exclude}) and ${coParent.kind} != 'sdo'
    group by ${coParent.id}
    order by contributions desc, name
    limit ${limit}`);
}

const seatOrg = alias(organizations, 'seat_org');
const seatParent = alias(organizations, 'seat_parent');

/** Leadership seats held by organizations whose ultimate parent matches `whoParent` (a condition on seat_parent). */
/**
 * The seats a report's filters select: body and group as given, and with dates, the seats held at
 * some point in the period (a seat overlaps it). `currentWithoutDates` keeps only open seats when no
 * period is given.
 */
export function seatCondition(filters: Filters, currentWithoutDates = false): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.body) conditions.push(sql`${positions.bodyId} = ${filters.body}`);
  if (filters.group) {
    conditions.push(sql`${positions.groupId} in (select ${groups.id} from ${groups} where ${groups.code} = ${filters.group})`);
  }
  if (filters.from) conditions.push(sql`coalesce(${positions.toDate}, '9999-12-31') >= ${filters.from}`);
  if (filters.to) conditions.push(sql`coalesce(${positions.fromDate}, '0000-01-01') <= ${filters.to}`);
  if (currentWithoutDates && !filters.from && !filters.to) conditions.push(sql`${positions.toDate} is null`);
  if (filters.topic) conditions.push(topicSeatCondition(filters.topic));
  return sql.join(conditions, sql` and `);
}

export function seats(db: Db, whoParent: SQL, filters: Filters = {}): SeatRow[] {
  const conditions: SQL[] = [whoParent, seatCondition(filters)];
  return db.all<SeatRow>(sql`
    select ${positions.bodyId} as body, ${groups.code} as "group", ${positions.role} as role,
      ${seatOrg.name} as organization, ${seatOrg.slug} as organizationSlug,
      ${seatParent.name} as parent, ${seatParent.slug} as parentSlug, ${seatParent.country} as country,
      ${positions.fromDate} as "from", ${positions.toDate} as "to", ${positions.lastSeenDate} as lastSeen,
      ${positions.evidenceUrl} as evidence, ${positions.basis} as basis, ${positions.partner} as partner
    from ${positions}
    join ${groups} on ${groups.id} = ${positions.groupId}
    join ${as(organizations, seatOrg)} on ${seatOrg.id} = ${positions.organizationId}
    join ${as(organizations, seatParent)} on ${seatParent.id} = coalesce(${positions.parentId}, ${positions.organizationId})
    where ${sql.join(conditions, sql` and `)}
    order by ${positions.toDate} is not null, ${groups.code}, ${positions.role}, ${positions.fromDate}`);
}

export function outcomeKey(outcome: Outcome): keyof OutcomeCounts {
  return outcome === 'not-handled' ? 'notHandled' : outcome;
}
