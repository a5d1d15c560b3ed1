// The report building blocks computed from report_rollup (db/schema.ts, kept by db/rollup.ts) instead
// of the raw contributions and sources: the same rows as the functions of participation.ts,
// overview.ts, company.ts and digest.ts for the same filters (test/server/rollup.test.ts compares
// them on every counting option covered). Covered: body, group, from/to (any day), basis, withdrawn,
// revisions. Not covered: topic (keywords and work items are matched per contribution) — reports
// with a topic use the raw queries.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { refreshRollups, rollupsStale } from '../../db/rollup.js';
import type { Filters } from './filters.js';
import type { CountryRow, GroupRow, MeetingRow, OrganizationRow, OutcomeCounts } from './participation.js';

/** Who a report is about, in the terms the rollup knows. */
export type Subject =
  | { kind: 'country'; code: string }
  | { kind: 'parent'; id: number }
  | { kind: 'everyone' }
  | { kind: 'parentKindNotIn'; kinds: string[] };

let enabled = true;

/** Runs `compute` on the raw queries only (the rollup's tests compare both ways). */
export function withoutRollups<T>(compute: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return compute();
  } finally {
    enabled = before;
  }
}

/**
 * Whether the rollup can answer a report with these filters: not for a topic, and only once the
 * buckets other writers marked are recomputed (if that fails, e.g. a read-only database, the raw
 * queries answer).
 */
export function rollupCovers(db: Db, filters: Filters): boolean {
  if (!enabled || filters.topic) return false;
  try {
    if (rollupsStale(db)) refreshRollups(db);
    return true;
  } catch {
    return false;
  }
}

/** The filters as a condition on report_rollup `r`; `groupId` is the column the group filter applies to. */
function condition(filters: Filters, groupId: SQL = sql`r.group_id`): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.body) conditions.push(sql`r.body_id = ${filters.body}`);
  if (filters.group) conditions.push(sql`${groupId} in (select id from groups where code = ${filters.group})`);
  if (filters.from) conditions.push(sql`r.day >= ${filters.from}`);
  if (filters.to) conditions.push(sql`r.day <= ${filters.to}`);
  if (filters.withdrawn === 'exclude') conditions.push(sql`r.outcome <> 'withdrawn'`);
  if (filters.revisions === 'collapse') conditions.push(sql`r.outcome <> 'superseded'`);
  return sql.join(conditions, sql` and `);
}

const basisOf = (filters: Filters) => filters.basis ?? 'parent';

/** The dimension and condition that select a subject's own rows (totals, meetings, groups). */
function subjectRows(subject: Subject, filters: Filters): SQL {
  switch (subject.kind) {
    case 'country':
      return sql`r.dim = ${`country:${basisOf(filters)}`} and r.country = ${subject.code}`;
    case 'parent':
      return sql`r.dim = 'parent' and r.a = ${subject.id}`;
    default:
      throw new Error(`the rollup has no totals for ${subject.kind}`);
  }
}

function rate(accepted: number, noted: number, notHandled: number): number | null {
  const decided = accepted + noted + notHandled;
  return decided === 0 ? null : accepted / decided;
}

const outcomeSum = (outcome: string) => sql`coalesce(sum(case when r.outcome = ${outcome} then r.contributions else 0 end), 0)`;

export function allContributions(db: Db, filters: Filters): number {
  return db.get<{ n: number }>(sql`select coalesce(sum(r.contributions), 0) as n from report_rollup r where r.dim = 'all' and ${condition(filters)}`)?.n ?? 0;
}

/** As participationSummary (participation.ts). */
export function participationSummary(db: Db, subject: Subject, filters: Filters) {
  const row = db.get<Record<string, number>>(sql`
    select coalesce(sum(r.contributions), 0) as contributions, coalesce(sum(r.fractional), 0) as fractional,
      ${outcomeSum('accepted')} as accepted, ${outcomeSum('noted')} as noted, ${outcomeSum('withdrawn')} as withdrawn,
      ${outcomeSum('superseded')} as superseded, ${outcomeSum('not-handled')} as notHandled, ${outcomeSum('pending')} as pending
    from report_rollup r where ${subjectRows(subject, filters)} and ${condition(filters)}`)!;
  const all = allContributions(db, filters);
  const outcomes: OutcomeCounts = {
    accepted: row.accepted!,
    noted: row.noted!,
    withdrawn: row.withdrawn!,
    superseded: row.superseded!,
    notHandled: row.notHandled!,
    pending: row.pending!,
    acceptanceRate: rate(row.accepted!, row.noted!, row.notHandled!),
  };
  return {
    totals: { contributions: row.contributions!, fractional: row.fractional!, allContributions: all, share: all === 0 ? null : row.fractional! / all },
    outcomes,
  };
}

export function byMeeting(db: Db, subject: Subject, filters: Filters): MeetingRow[] {
  return db.all<MeetingRow>(sql`
    select m.name as meeting, m.start_date as startDate, r.body_id as body, g.code as "group",
      sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from report_rollup r join meetings m on m.id = r.meeting_id join groups g on g.id = r.group_id
    where ${subjectRows(subject, filters)} and ${condition(filters)}
    group by m.id
    order by coalesce(m.start_date, min(r.day)), m.name`);
}

export function byGroup(db: Db, subject: Subject, filters: Filters): GroupRow[] {
  return db.all<GroupRow>(sql`
    select r.body_id as body, g.code as "group", g.name as groupName,
      sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from report_rollup r join groups g on g.id = r.group_id
    where ${subjectRows(subject, filters)} and ${condition(filters)}
    group by g.id
    order by contributions desc, "group"`);
}

/** As byOrganization: ultimate parents, largest fractional count first. */
export function byOrganization(db: Db, subject: Subject, filters: Filters, limit = 500): OrganizationRow[] {
  let rows: SQL;
  if (subject.kind === 'country' && basisOf(filters) === 'entity') {
    rows = sql`r.dim = 'parent-country:entity' and r.country = ${subject.code}`;
  } else if (subject.kind === 'country') {
    rows = sql`r.dim = 'parent' and p.country = ${subject.code}`;
  } else if (subject.kind === 'parent') {
    rows = sql`r.dim = 'parent' and r.a = ${subject.id}`;
  } else if (subject.kind === 'parentKindNotIn') {
    rows = sql`r.dim = 'parent' and p.kind not in (${sql.join(subject.kinds.map((k) => sql`${k}`), sql`, `)})`;
  } else {
    rows = sql`r.dim = 'parent'`;
  }
  const found = db.all<Omit<OrganizationRow, 'acceptanceRate'> & { noted: number; notHandled: number }>(sql`
    select p.slug as slug, p.name as name, p.kind as kind, p.country as country,
      sum(r.contributions) as contributions, sum(r.fractional) as fractional,
      ${outcomeSum('accepted')} as accepted, ${outcomeSum('noted')} as noted, ${outcomeSum('not-handled')} as notHandled
    from report_rollup r join organizations p on p.id = r.a
    where ${rows} and ${condition(filters)}
    group by r.a
    order by round(sum(r.fractional), 9) desc, contributions desc, name
    limit ${limit}`);
  return found.map(({ noted, notHandled, ...row }) => ({ ...row, acceptanceRate: rate(row.accepted, noted, notHandled) }));
}

/** As byCountry with everyone as the subject. */
export function byCountry(db: Db, filters: Filters): CountryRow[] {
  return db.all<CountryRow>(sql`
    select r.country as country, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from report_rollup r where r.dim = ${`country:${basisOf(filters)}`} and ${condition(filters)}
    group by r.country
    order by round(sum(r.fractional), 9) desc, contributions desc, country`);
}

/** As coSources: organizations named beside the subject (itself, or its own country, left out). */
export function coSources(db: Db, subject: Subject, filters: Filters, limit = 15) {
  let rows: SQL;
  if (subject.kind === 'country') {
    rows = sql`r.dim = ${`co:country:${basisOf(filters)}`} and r.country = ${subject.code} and coalesce(q.country, '') <> ${subject.code}`;
  } else if (subject.kind === 'parent') {
    rows = sql`r.dim = 'co:parent' and r.a = ${subject.id} and q.id <> ${subject.id}`;
  } else {
    throw new Error(`the rollup has no co-sources for ${subject.kind}`);
  }
  return db.all<{ slug: string; name: string; country: string | null; contributions: number }>(sql`
    select q.slug as slug, q.name as name, q.country as country, sum(r.contributions) as contributions
    from report_rollup r join organizations q on q.id = r.b
    where ${rows} and q.kind <> 'sdo' and ${condition(filters)}
    group by r.b
    order by contributions desc, name
    limit ${limit}`);
}

/** The company report's entities: the organizations named under one parent. */
export function entities(db: Db, parentId: number, filters: Filters) {
  return db.all<{ slug: string; name: string; country: string | null; contributions: number; fractional: number }>(sql`
    select e.slug as slug, e.name as name, e.country as country, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from report_rollup r join organizations e on e.id = r.b
    where r.dim = 'entity' and r.a = ${parentId} and ${condition(filters)}
    group by r.b order by contributions desc, name`);
}

/** The counts behind coverage (overview.ts): source occurrences, resolved, standards bodies, without a country. */
export function coverageCounts(db: Db, filters: Filters) {
  const row = db.get<{ occurrences: number; resolved: number | null; sdo: number | null; noCountry: number | null }>(sql`
    select coalesce(sum(r.sources), 0) as occurrences, sum(r.resolved) as resolved,
      sum(case when p.kind = 'sdo' then r.sources else 0 end) as sdo,
      sum(case when p.country is null then r.resolved else 0 end) as noCountry
    from report_rollup r left join organizations p on p.id = r.a
    where r.dim = 'parent' and ${condition(filters)}`);
  return { occurrences: row?.occurrences ?? 0, resolved: row?.resolved ?? 0, sdo: row?.sdo ?? 0, noCountry: row?.noCountry ?? 0 };
}

/** As byKind's rows (before labels and shares). */
export function kindRows(db: Db, filters: Filters) {
  return db.all<{ kind: string; contributions: number; fractional: number }>(sql`
    select r.kind as kind, sum(r.contributions) as contributions, sum(r.fractional) as fractional
    from report_rollup r where r.dim = 'kind' and ${condition(filters)}
    group by 1
    order by round(sum(r.fractional), 9) desc, kind`);
}

/** As latestMeetings: the group filter applies to the meeting's group, as there. */
export function latestMeetings(db: Db, filters: Filters, limit = 5) {
  return db.all<{ meeting: string; body: string; group: string; startDate: string | null; town: string | null; contributions: number }>(sql`
    select m.name as meeting, m.body_id as body, g.code as "group", m.start_date as startDate, m.town as town,
      sum(r.contributions) as contributions
    from report_rollup r join meetings m on m.id = r.meeting_id join groups g on g.id = m.group_id
    where r.dim = 'all' and ${condition(filters, sql`m.group_id`)}
    group by m.id
    order by coalesce(m.start_date, max(r.day)) desc, m.name
    limit ${limit}`);
}

/** The overview's span: first and last day, meetings. */
export function span(db: Db, filters: Filters) {
  return db.get<{ first: string | null; last: string | null; meetings: number }>(sql`
    select min(r.day) as first, max(r.day) as last, count(distinct r.meeting_id) as meetings
    from report_rollup r where r.dim = 'all' and ${condition(filters)}`);
}

/** The digest's per-group rows: the week's contributions per group, and fractional counts per group and country. */
export function groupCounts(db: Db, filters: Filters) {
  const totals = db.all<{ body: string; group: string; groupName: string; contributions: number }>(sql`
    select r.body_id as body, g.code as "group", g.name as groupName, sum(r.contributions) as contributions
    from report_rollup r join groups g on g.id = r.group_id
    where r.dim = 'all' and ${condition(filters)}
    group by g.id order by body, contributions desc, "group"`);
  const byCountryRows = db.all<{ body: string; group: string; country: string; fractional: number }>(sql`
    select r.body_id as body, g.code as "group", r.country as country, sum(r.fractional) as fractional
    from report_rollup r join groups g on g.id = r.group_id
    where r.dim = 'country:parent' and ${condition(filters)}
    group by g.id, r.country
    order by round(sum(r.fractional), 9) desc, country`);
  return { totals, byCountryRows };
}
