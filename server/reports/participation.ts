// The building blocks of the participation reports: who (a country, an ultimate parent, everyone)
// contributed how much, with which outcomes, at which meetings, in which groups, with whom, and which
// seats they hold. Pure query functions: (db, subject, filters) → rows, all read through the report
// counts (db/counts/read.ts: countQuery) — one way to count, whatever the filters.
//
// Counting rules (stated on every report):
// - full: a contribution counts 1 for each organization or country among its sources;
// - fractional: a contribution with n sources gives each source 1/n, so shares add up to the total;
// - country: by default the ultimate parent's home country (HiSilicon → Huawei → CN; Nokia Shanghai
//   Bell → FI); with `basis: 'entity'` the named entity's own (Nokia Shanghai Bell → CN).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type AnySQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import type { CountTableName } from '../../db/counts/definitions.js';
import { countQuery, type CountFilters, type CountKey, type CountSpec, type Measure } from '../../db/counts/read.js';
import { rowArrays } from '../../db/rows.js';
import { contributions, groups, organizations, positions } from '../../db/schema.js';
import type { Outcome } from '../../domain/outcomes.js';
import { contributionCondition, type Filters } from './filters.js';
import { topicSeatCondition } from '../../db/topics.js';

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

/** What a report says about its country basis. */
export function basisOf(filters: Filters) {
  return filters.basis ?? ('parent' as const);
}

/** Who a report is about. */
export type Subject =
  | { kind: 'country'; code: string }
  | { kind: 'parent'; id: number; country: string | null }
  | { kind: 'everyone' };

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

export interface CountryRow extends Counts {
  country: string;
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

export function rate(accepted: number, noted: number, notHandled: number): number | null {
  const decided = accepted + noted + notHandled;
  return decided === 0 ? null : accepted / decided;
}

/** What counts are read under: the report filters, and for a series over time its groups (coverage.ts). */
export type CountScope = Filters & Pick<CountFilters, 'groupIds'>;

/** What a count reads besides its table, filters, keys and subject. */
export type CountOptions = Pick<CountSpec, 'datedOnly' | 'measures'>;

/** The counts of a table under the report filters, by the given keys (see db/counts/read.ts). */
export function countsOf(db: Db, table: CountTableName, filters: CountScope, by: CountKey[], subject?: SQL, options: CountOptions = {}): SQL {
  return countQuery(db, { table, filters, by, subject, ...options });
}

/** The measures of a list of shares: its full and fractional counts. */
export const SHARES: readonly Measure[] = ['contributions', 'fractional'];
/** The measures of a ranking of organizations: shares, and the outcomes of the acceptance rate. */
const RANKED: readonly Measure[] = ['contributions', 'fractional', 'accepted', 'noted', 'notHandled'];

/** The table and key condition of a subject's own rows (totals, meetings, groups, years). */
export function subjectCounts(db: Db, subject: Subject, filters: CountScope, by: CountKey[], options: CountOptions = {}): SQL {
  switch (subject.kind) {
    case 'country':
      return countsOf(db, 'country', filters, by, sql`r.country = ${subject.code}`, options);
    case 'parent':
      // A parent's own counts whatever the basis: on the parent basis it has one country.
      return countsOf(db, 'parent', { ...filters, basis: 'parent' }, by, sql`r.country = ${subject.country ?? ''} and r.parent_id = ${subject.id}`, options);
    case 'everyone':
      return countsOf(db, 'everyone', filters, by, undefined, options);
  }
}

/** A count row as read: the counts and each outcome's count. */
type OutcomeRow = Counts & Omit<OutcomeCounts, 'acceptanceRate'>;

function outcomesOf(row: OutcomeRow | undefined): OutcomeCounts {
  const o = {
    accepted: row?.accepted ?? 0,
    noted: row?.noted ?? 0,
    withdrawn: row?.withdrawn ?? 0,
    superseded: row?.superseded ?? 0,
    notHandled: row?.notHandled ?? 0,
    pending: row?.pending ?? 0,
  };
  return { ...o, acceptanceRate: rate(o.accepted, o.noted, o.notHandled) };
}

export function totals(db: Db, subject: Subject, filters: Filters): Counts & { outcomes: OutcomeCounts } {
  const row = db.get<OutcomeRow>(subjectCounts(db, subject, filters, []));
  return { contributions: row?.contributions ?? 0, fractional: row?.fractional ?? 0, outcomes: outcomesOf(row) };
}

/** Totals of a report's subject with its share of all contributions under the filters, and outcomes. */
export function participationSummary(db: Db, subject: Subject, filters: Filters) {
  const { outcomes, ...counts } = totals(db, subject, filters);
  const all = allContributions(db, filters);
  return {
    totals: { ...counts, allContributions: all, share: all === 0 ? null : counts.fractional / all },
    outcomes,
  };
}

/** All contributions under the filters: the denominator of shares. */
export function allContributions(db: Db, filters: Filters): number {
  return db.get<{ contributions: number }>(countsOf(db, 'everyone', filters, [], undefined, { measures: ['contributions'] }))?.contributions ?? 0;
}

/** Per meeting, in the order the meetings were held (by their first day, else their first month's). */
export function byMeeting(db: Db, subject: Subject, filters: Filters): MeetingRow[] {
  // Every meeting of the groups at full history (2,600): read as arrays.
  const rows = rowArrays<[string, string | null, string, string, number, number]>(db, sql`
    select m.name as meeting, m.start_date as startDate, g.body_id as body, g.code as "group",
      sum(t.contributions) as contributions, sum(t.fractional) as fractional
    from (${subjectCounts(db, subject, filters, ['meeting', 'group', 'month'], { measures: SHARES })}) t
    join meetings m on m.id = t.meeting join groups g on g.id = t."group"
    group by m.id, g.id
    order by coalesce(m.start_date, min(t.month)), m.name`);
  return rows.map(([meeting, startDate, body, group, contributions, fractional]) => ({ meeting, startDate, body, group, contributions, fractional }));
}

export function byGroup(db: Db, subject: Subject, filters: Filters): GroupRow[] {
  return db.all<GroupRow>(sql`
    select g.body_id as body, g.code as "group", g.name as groupName, t.contributions, t.fractional
    from (${subjectCounts(db, subject, filters, ['group'], { measures: SHARES })}) t join groups g on g.id = t."group"
    order by t.contributions desc, "group"`);
}

/**
 * Ultimate parents among the sources, largest fractional count (the share's measure) first: those of
 * a country (on the filters' basis), one parent, or everyone (`kindsLeftOut`: the overview's companies
 * leave out standards-body groups and individuals). Ranked on the count rounded to 9 decimals: sums of
 * 1/n shares added in another order differ in the last bit, and equal counts must fall to the next key
 * (contributions, name), not to rounding noise.
 */
export function byOrganization(db: Db, subject: Subject, filters: Filters, options: { limit?: number; kindsLeftOut?: string[] } = {}): OrganizationRow[] {
  if (subject.kind === 'parent') throw new Error('the organizations of a report are those of a country or of everyone');
  const counts =
    subject.kind === 'country'
      ? countsOf(db, 'parent', filters, ['parent'], sql`r.country = ${subject.code}`, { measures: RANKED })
      : countsOf(db, 'parent', { ...filters, basis: 'parent' }, ['parent'], undefined, { measures: RANKED });
  const kinds = options.kindsLeftOut?.length ? sql`p.kind not in (${sql.join(options.kindsLeftOut.map((k) => sql`${k}`), sql`, `)})` : sql`true`;
  const rows = db.all<Omit<OrganizationRow, 'acceptanceRate'> & { noted: number; notHandled: number }>(sql`
    select p.slug as slug, p.name as name, p.kind as kind, p.country as country,
      t.contributions, t.fractional, t.accepted, t.noted, t.notHandled
    from (${counts}) t join organizations p on p.id = t.parent
    where ${kinds}
    order by round(t.fractional, 9) desc, t.contributions desc, name
    limit ${options.limit ?? 500}`);
  return rows.map(({ noted, notHandled, ...row }) => ({ ...row, acceptanceRate: rate(row.accepted, noted, notHandled) }));
}

/** Countries of the sources (by the filters' basis), largest fractional count first (sources without a country left out). */
export function byCountry(db: Db, filters: Filters): CountryRow[] {
  return db.all<CountryRow>(sql`
    select t.country, t.contributions, t.fractional from (${countsOf(db, 'country', filters, ['country'], sql`r.country <> ''`, { measures: SHARES })}) t
    order by round(t.fractional, 9) desc, t.contributions desc, t.country`);
}

/**
 * Organizations most often named beside the report's subject on the same contributions (the subject
 * itself, or parents of its own country, left out). Standards-body groups are left out: they are not
 * partners.
 */
export function coSources(db: Db, subject: Subject, filters: Filters, limit = 15) {
  if (subject.kind === 'everyone') throw new Error('co-sources are named beside a country or an organization');
  const counts =
    subject.kind === 'country'
      ? countsOf(db, 'coCountries', filters, ['coParent'], sql`r.country = ${subject.code}`)
      : countsOf(db, 'coParents', filters, ['coParent'], sql`r.parent_id = ${subject.id}`);
  return db.all<{ slug: string; name: string; country: string | null; contributions: number }>(sql`
    select q.slug as slug, q.name as name, q.country as country, t.contributions
    from (${counts}) t join organizations q on q.id = t.coParent
    where q.kind <> 'sdo'
    order by t.contributions desc, name
    limit ${limit}`);
}

/** The organizations the sources named under one parent (its subsidiaries and itself). */
export function entities(db: Db, parentId: number, filters: Filters) {
  return db.all<{ slug: string; name: string; country: string | null; contributions: number; fractional: number }>(sql`
    select e.slug as slug, e.name as name, e.country as country, t.contributions, t.fractional
    from (${countsOf(db, 'entity', filters, ['organization'], sql`r.parent_id = ${parentId}`, { measures: SHARES })}) t join organizations e on e.id = t.organization
    order by t.contributions desc, name`);
}

/**
 * The first and last day of the contributions the filters pick (undated ones aside). Each group's
 * ends are found on its (group, date) index, so this costs a few lookups per group whatever the size.
 */
export function dateSpan(db: Db, filters: Filters): { first: string | null; last: string | null } {
  const picked = contributionCondition(filters);
  const ends = (order: SQL) => sql`(select ${contributions.date} from ${contributions} join ${groups} on ${groups.id} = ${contributions.groupId}
    where ${contributions.groupId} = g.id and ${contributions.date} is not null and ${picked} order by ${contributions.date} ${order} limit 1)`;
  const row = db.get<{ first: string | null; last: string | null }>(sql`
    select min(${ends(sql`asc`)}) as first, max(${ends(sql`desc`)}) as last from ${groups} g`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

const seatOrg = alias(organizations, 'seat_org');
const seatParent = alias(organizations, 'seat_parent');

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

/** Who holds a seat, as a condition on the seat's organization (`seat_org`) and parent (`seat_parent`). */
export function seatHolder(subject: Subject, filters: Filters): SQL {
  switch (subject.kind) {
    case 'country':
      return sql`${countryOnBasis(filters, seatOrg.country, seatParent.country)} = ${subject.code}`;
    case 'parent':
      return sql`${seatParent.id} = ${subject.id}`;
    case 'everyone':
      return sql`true`;
  }
}

/** Leadership seats held by the subject (or matching `holder`, a condition on seat_org and seat_parent). */
export function seats(db: Db, holder: SQL, filters: Filters = {}): SeatRow[] {
  const conditions: SQL[] = [holder, seatCondition(filters)];
  // A country's seats over every year stored run to the thousands: read as arrays.
  type Row = [string, string, string, string, string, string, string, string | null, string | null, string | null, string | null, string | null, string, string | null];
  const rows = rowArrays<Row>(db, sql`
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
  return rows.map(([body, group, role, organization, organizationSlug, parent, parentSlug, country, from, to, lastSeen, evidence, basis, partner]) => ({
    body, group, role, organization, organizationSlug, parent, parentSlug, country, from, to, lastSeen, evidence, basis, partner,
  }));
}

export function outcomeKey(outcome: Outcome): keyof OutcomeCounts {
  return outcome === 'not-handled' ? 'notHandled' : outcome;
}
